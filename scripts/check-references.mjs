#!/usr/bin/env node
/**
 * Fails when the README, the docs or a code comment names a path in this repository that does not
 * exist (a renamed test, a removed file, a section that was never written). Reads every file git
 * tracks, in the folders below, and checks each token that starts with one of the repository's
 * top-level folders. Globs (`*`), build output (`dist/`) and other projects' paths are not ours.
 * Usage: node scripts/check-references.mjs  (exit 1 and a list when something is missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOP = ['test', 'nodes', 'scripts', 'docs', 'examples', 'credentials', '.ci'];
const READ = /\.(md|ts|js|mjs|cjs|sh|json)$/;
// A path token: one of our top-level folders, then path characters. Ends before punctuation.
const TOKEN = new RegExp(`(?<![\\w./-])(?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./@+-]*[\\w/]`, 'g');

const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((f) => f && READ.test(f) && !f.endsWith('package-lock.json') && !f.includes('/n8n-runtime/'));

/** Markdown: all text. Code: comments only (a string in code is checked by running the code). */
function referenceText(file, text) {
	if (file.endsWith('.md')) return text;
	if (file.endsWith('.json')) return '';
	const comments = text.match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|^\s*#[^\n]*/gm) ?? [];
	return comments.join('\n');
}

const missing = [];
for (const file of files) {
	const text = referenceText(file, readFileSync(join(root, file), 'utf8'));
	for (const match of text.matchAll(TOKEN)) {
		const path = match[0].replace(/[.:]+$/, '');
		if (path.includes('*')) continue;
		// `test/e2e/queue/` style folders and files; `nodes/shared/brevo/index` style module paths.
		const exists = [path, `${path}.ts`, `${path}.js`].some((candidate) => existsSync(join(root, candidate)));
		if (!exists) missing.push(`${file}: ${path}`);
	}
}

if (missing.length > 0) {
	console.error(`Repository paths named in docs or comments that do not exist (${missing.length}):\n${missing.map((m) => `  ${m}`).join('\n')}`);
	process.exit(1);
}
console.log(`references: every repository path named in ${files.length} files exists`);
