/**
 * The README follows n8n's community-node README template (the sections n8n's starter and its
 * registry pages use, in their order), says plainly that the package installs unverified, and
 * its version history names the version package.json publishes. It stays short: each node's and
 * each topic's reference is a page in docs/ (test/docsPages.test.ts), linked from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

it("has n8n's template sections, in the template's order", () => {
	const template = ['Installation', 'Operations', 'Credentials', 'Compatibility', 'Usage', 'Resources', 'Version history'];
	expect(sections.filter((s) => template.includes(s))).toEqual(template);
	// The table of contents links each one.
	for (const section of template) expect(readme).toContain(`](#${section.toLowerCase().replace(/ /g, '-')})`);
});

it('says it installs as an unverified community node, and why n8n Cloud cannot run it', () => {
	const installation = readme.slice(readme.indexOf('## Installation'), readme.indexOf('## Operations'));
	expect(installation).toMatch(/unverified community node/);
	expect(installation).toMatch(/n8n Cloud/);
});

it('the version history names the version package.json publishes', () => {
	const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
	const history = readme.slice(readme.indexOf('## Version history'));
	expect(history).toMatch(new RegExp(`^\\| ${version.replace(/\./g, '\\.')} \\|`, 'm'));
});

it('keeps the two commands of a fresh clone near the top', () => {
	const top = readme.slice(0, readme.indexOf('## Installation'));
	expect(top).toMatch(/\| `npm start` \|/);
	expect(top).toMatch(/\| `npm test` \|/);
});

it('fits what a user needs to decide and start: at most 300 lines, each reference on its own page', () => {
	expect(readme.split('\n').length).toBeLessThanOrEqual(300);
	// Every page in docs/ is reachable from the README.
	const pages = readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md'));
	expect(pages.filter((page) => !readme.includes(`](docs/${page}`))).toEqual([]);
});
