#!/usr/bin/env node
/**
 * Fails when the README, the docs or a code comment names a path in this repository that does not
 * exist (a renamed test, a removed file, a section that was never written). Reads every file git
 * tracks, and every new file it does not ignore (a page not committed yet is checked too), and:
 * - checks each token that starts with one of the repository's top-level folders. Globs (`*`),
 *   build output (`dist/`) and other projects' paths are not ours;
 * - in Markdown, checks each relative link — `[x](docs/<page>.md)`, `[x](../README.md#anchor)`,
 *   `[x](#anchor)` — against the file system, and its `#anchor` against the headings of the file
 *   it names, slugged as GitHub slugs them (lower case, punctuation dropped, spaces → `-`, a
 *   repeated heading gets `-1`, `-2`, ...);
 * - everywhere (code strings too: the nodes' Docs links and notices), checks each link to this
 *   repository on GitHub (`https://github.com/n8n-nodes-zoom-brevo/n8n-nodes-zoom-brevo/blob/main/
 *   docs/<page>.md#anchor`, or the repository's own page `…/n8n-nodes-zoom-brevo#anchor`, which is
 *   the README) the same way.
 * Usage: node scripts/check-references.mjs  (exit 1 and a list when something is missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOP = ['test', 'nodes', 'scripts', 'docs', 'examples', 'credentials', '.ci'];
const READ = /\.(md|ts|js|mjs|cjs|sh|json)$/;
// A path token: one of our top-level folders, then path characters. Ends before punctuation.
const TOKEN = new RegExp(`(?<![\\w./-])(?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./@+-]*[\\w/]`, 'g');
// This repository on GitHub (package.json's homepage): its README, or a file on main.
const REPO_URL = 'https://github.com/n8n-nodes-zoom-brevo/n8n-nodes-zoom-brevo';
const REPO_LINK = new RegExp(`${REPO_URL.replace(/[.]/g, '\\.')}(?:/(?:blob|tree)/main/([\\w./@+-]*[\\w/]))?(?:#([\\w-]+))?(?![\\w/.-])`, 'g');
// A Markdown link or image: [text](target) or [text](target "title"). Targets with a scheme are not ours.
const MD_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((f) => f && READ.test(f) && !f.endsWith('package-lock.json') && !f.includes('/n8n-runtime/'))
	// A tracked file deleted in the working tree is not there to read.
	.filter((f) => existsSync(join(root, f)));

/** Markdown: all text. Code: comments only (a string in code is checked by running the code). */
function referenceText(file, text) {
	if (file.endsWith('.md')) return text;
	if (file.endsWith('.json')) return '';
	const comments = text.match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|^\s*#[^\n]*/gm) ?? [];
	return comments.join('\n');
}

/** Markdown outside fenced code blocks and inline code spans: where links and headings are. */
function proseOf(text) {
	return text
		.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
		.replace(/`[^`\n]*`/g, '``');
}

/** GitHub's heading anchor: the heading's text as rendered, lower case, without punctuation or
 *  symbols (letters, digits, `_`, `-` and spaces stay), spaces → `-` (github-slugger's rule). */
function githubSlug(heading) {
	const text = heading
		.replace(/<[^>]*>/g, '')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`([^`]*)`/g, '$1');
	return text
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

const anchorCache = new Map();
/** The anchors a Markdown file has: its headings' slugs (repeats numbered) and explicit ids. */
function anchorsOf(file) {
	if (anchorCache.has(file)) return anchorCache.get(file);
	const anchors = new Set();
	const text = readFileSync(join(root, file), 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
	const seen = new Map();
	for (const match of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
		const base = githubSlug(match[1]);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	for (const match of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(match[1]);
	anchorCache.set(file, anchors);
	return anchors;
}

const missing = [];

/** A link to `target` (a repository path, or '' for the file itself) and `anchor`, found in `file`. */
function checkLink(file, target, anchor, shown) {
	if (target && !existsSync(join(root, target))) {
		missing.push(`${file}: ${shown} (no such file)`);
		return;
	}
	if (!anchor) return;
	const named = target || file;
	if (!named.endsWith('.md') || statSync(join(root, named)).isDirectory()) return;
	if (!anchorsOf(named).has(decodeURIComponent(anchor).toLowerCase())) missing.push(`${file}: ${shown} (no heading in ${named} has the anchor #${anchor})`);
}

for (const file of files) {
	const raw = readFileSync(join(root, file), 'utf8');
	const text = referenceText(file, raw);
	for (const match of text.matchAll(TOKEN)) {
		const path = match[0].replace(/[.:]+$/, '');
		if (path.includes('*')) continue;
		// `test/e2e/queue/` style folders and files; `nodes/shared/brevo/index` style module paths.
		const exists = [path, `${path}.ts`, `${path}.js`].some((candidate) => existsSync(join(root, candidate)));
		if (!exists) missing.push(`${file}: ${path}`);
	}
	if (file.endsWith('.md')) {
		for (const match of proseOf(raw).matchAll(MD_LINK)) {
			const link = match[1];
			if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
			const [pathPart, anchor] = link.split('#', 2);
			const target = pathPart ? posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(pathPart))) : '';
			if (target.startsWith('..')) continue; // outside the repository
			checkLink(file, target.replace(/\/$/, ''), anchor, link);
		}
	}
	for (const match of raw.matchAll(REPO_LINK)) {
		const [url, path = '', anchor] = match;
		checkLink(file, path ? path.replace(/\/$/, '') : anchor ? 'README.md' : '', anchor, url);
	}
}

if (missing.length > 0) {
	console.error(`Repository paths or anchors named in docs or comments that do not exist (${missing.length}):\n${missing.map((m) => `  ${m}`).join('\n')}`);
	process.exit(1);
}
console.log(`references: every repository path and anchor named in ${files.length} files exists`);
