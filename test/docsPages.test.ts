/**
 * The reference pages in docs/: one per node, each with its settings, what it costs in Zoom and
 * Brevo calls and its troubleshooting rows; every troubleshooting row of the product page (the
 * seed) lands on the troubleshooting page and on the page of a node it belongs to; the benchmarks
 * lead with the current figures against their goals. Links and anchors between the pages:
 * scripts/check-references.mjs. The node panels' Docs links: test/docsLinks.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const docs = join(__dirname, '..', 'docs');
const page = (name: string) => readFileSync(join(docs, name), 'utf8');
const headings = (text: string) => [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
/** The text of one `## ` section. */
const section = (text: string, heading: string) => {
	const start = text.indexOf(`\n## ${heading}\n`);
	if (start < 0) return '';
	const end = text.indexOf('\n## ', start + 1);
	return text.slice(start, end < 0 ? undefined : end);
};

const nodePages = ['zoom-trigger.md', 'zoom-scheduled-trigger.md', 'zoom-to-brevo.md'];

describe.each(nodePages)('docs/%s', (name) => {
	const text = page(name);
	it('has the settings, what they cost and a troubleshooting table', () => {
		expect(headings(text)).toEqual(expect.arrayContaining(['Settings', 'Troubleshooting']));
		expect(headings(text).some((h) => h === 'What it costs' || h === 'Calls per poll')).toBe(true);
		expect(section(text, 'Troubleshooting')).toMatch(/^\| problem \| cause \| what to do/m);
	});
});

// The product page's troubleshooting table (Italian), each row by the words the pages use.
const seedRows = [
	{ seed: '401 Unauthorized / Token scaduto', problem: '401 Unauthorized' },
	{ seed: 'Partecipanti mancanti / Meeting non terminato', problem: 'participants missing' },
	{ seed: 'Validazione webhook fallisce / Secret errato', problem: 'webhook validation fails' },
	{ seed: 'Nessun dato email / Partecipanti come ospiti', problem: 'no email' },
	{ seed: 'Rate limit 429 / Troppe richieste', problem: '429 rate limit' },
];

describe.each(seedRows)("the product page's row $seed", ({ problem }) => {
	const row = new RegExp(`^\\| ${problem} \\|`, 'm');
	it('is on the troubleshooting page', () => {
		expect(section(page('troubleshooting.md'), 'Problems and what to do')).toMatch(row);
	});
	it("is on the page of a node it belongs to", () => {
		expect(nodePages.filter((name) => row.test(section(page(name), 'Troubleshooting')))).not.toEqual([]);
	});
});

it('the benchmarks lead with one table of the current figures against their goals', () => {
	const text = page('benchmarks.md');
	expect(headings(text)[0]).toBe('Current figures against their goals');
	const table = section(text, 'Current figures against their goals');
	expect(table).toMatch(/^\| what \| figure \| now \| goal \| met \|/m);
	// The expression-engine investigation has its own page.
	expect(text).not.toMatch(/^#+ .*N8N_EXPRESSION_ENGINE_POOL_SIZE/m);
	expect(headings(page('expression-engine.md'))).toContain('What the figures say');
});
