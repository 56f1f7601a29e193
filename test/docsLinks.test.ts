/**
 * Each node's *Docs* link in n8n's editor (the node panel's top-right link) opens that node's
 * reference page in docs/.
 *
 * Where n8n takes the link from, for a community node:
 * - n8n-core's package loader (DirectoryLoader.addCodex → getCodex, n8n-core 2.41.1
 *   dist/nodes-loader/directory-loader.js) reads `<node file>.json` beside the node's compiled
 *   file — our nodes/<Node>/<Node>.node.json, which gulp copies next to dist/…/<Node>.node.js —
 *   and keeps `resources.primaryDocumentation` in `description.codex`;
 * - the editor's useNodeDocsUrl (n8n source packages/frontend/editor-ui/src/app/composables/
 *   useNodeDocsUrl.ts; in n8n-editor-ui 2.41.1's build, the NodeSettings chunk) returns
 *   `description.documentationUrl` when it starts with "http", else
 *   `codex.resources.primaryDocumentation[0].url` + `?utm_source=n8n_app&…`, else, for a community
 *   package, its npm page (which shows the README).
 * So the link is the codex URL with a query string appended: a `#anchor` in it would be swallowed
 * (`…#zoom-trigger?utm_source=…` names no heading), hence one page per node, no anchor.
 */
import './harness';

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';

import { ZoomPollTrigger } from '../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { ZoomToBrevo } from '../nodes/ZoomToBrevo/ZoomToBrevo.node';
import { ZoomTrigger } from '../nodes/ZoomTrigger/ZoomTrigger.node';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage: string; n8n: { nodes: string[] } };

/** The compiled file n8n loads for a node (package.json's n8n.nodes, built by `npm run build`). */
const loadedFile = (node: { constructor: { name: string } }) => {
	const file = pkg.n8n.nodes.find((path) => path.endsWith(`/${node.constructor.name}.node.js`));
	if (!file) throw new Error(`package.json's n8n.nodes lists no file for ${node.constructor.name}`);
	return file;
};

const nodes = [
	{ node: new ZoomTrigger(), page: 'docs/zoom-trigger.md' },
	{ node: new ZoomPollTrigger(), page: 'docs/zoom-scheduled-trigger.md' },
	{ node: new ZoomToBrevo(), page: 'docs/zoom-to-brevo.md' },
].map((entry) => ({ ...entry, source: loadedFile(entry.node) }));

/** n8n-editor-ui 2.41.1's useNodeDocsUrl, as built (the `docsUrl` computed). */
function editorDocsUrl(description: INodeTypeDescription): string {
	if (description.documentationUrl?.startsWith('http')) return description.documentationUrl;
	const utm = new URLSearchParams({ utm_source: 'n8n_app', utm_medium: 'node_settings_modal-credential_link', utm_campaign: description.name });
	const primary = description.codex?.resources?.primaryDocumentation?.[0]?.url;
	if (primary) return `${primary}?${utm.toString()}`;
	return `https://www.npmjs.com/package/${description.name.split('.')[0]}`;
}

/** The description n8n's editor gets: the node's, with the codex n8n-core's loader adds. */
function loadedDescription(node: { description: INodeTypeDescription }, source: string): INodeTypeDescription {
	const loader = new PackageDirectoryLoader(root);
	const loaded = { description: { ...node.description, name: `n8n-nodes-zoom-brevo.${node.description.name}` } };
	(loader as unknown as { addCodex(node: unknown, filePath: string): void }).addCodex(loaded, join(root, source));
	return loaded.description as INodeTypeDescription;
}

describe.each(nodes)('$page', ({ node, source, page }) => {
	it("is where the node's Docs link in n8n's editor leads", () => {
		const description = loadedDescription(node, source);
		expect(description.codex?.resources?.primaryDocumentation).toBeDefined();
		const url = editorDocsUrl(description);
		const [address] = url.split('?');
		expect(address).toBe(`${pkg.homepage}/blob/main/${page}`);
		expect(url).not.toContain('#');
		expect(existsSync(join(root, page))).toBe(true);
	});

	it('is the page of that node, by the name the nodes panel shows', () => {
		const title = readFileSync(join(root, page), 'utf8').match(/^# (.+)$/m)?.[1];
		expect(title).toBe(node.description.displayName);
	});

	it('sets no documentationUrl on the node, which would take the link over', () => {
		expect(node.description.documentationUrl ?? '').not.toMatch(/^http/);
	});

	it('is linked from the README', () => {
		expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`](${page})`);
	});
});

it('every node n8n loads has its codex file where n8n-core looks for it (gulp copies it to dist/)', () => {
	expect(pkg.n8n.nodes.map((file) => file.replace(/^dist\//, '').replace(/\.js$/, '.json')).filter((codex) => !existsSync(join(root, codex)))).toEqual([]);
	expect(readFileSync(join(root, 'gulpfile.js'), 'utf8')).toContain("'nodes/**/*.{png,svg,json}'");
});
