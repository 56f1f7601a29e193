/**
 * What a marketer meets when importing an example (issue #23): every Zoom to Brevo node on the
 * node's current version, nothing of one account hard-coded (lists, templates, webinars: the note
 * says what to pick), and no sticky note lying over a node. Runs on the files; the examples' runs
 * in real n8n are test/e2e/examplesSuite.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ZoomToBrevo } from '../nodes/ZoomToBrevo/ZoomToBrevo.node';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
}

const EXAMPLES = path.join(__dirname, '..', 'examples');
const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: ExampleNode[] };
const latest = Math.max(...[new ZoomToBrevo().description.version].flat());
/** n8n draws a node about 100 px square from its position. */
const NODE_SIZE = 100;

describe.each(files)('%s', (file) => {
	const { nodes } = load(file);
	const syncs = nodes.filter((n) => n.type === 'n8n-nodes-zoom-brevo.zoomToBrevo');
	const notes = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');

	it('its Zoom to Brevo nodes are the current version, with no list, template or webinar of our account', () => {
		for (const node of syncs) {
			expect({ node: node.name, version: node.typeVersion }).toEqual({ node: node.name, version: latest });
			expect(node.parameters.listIds ?? []).toEqual([]);
			expect([undefined, '']).toContain(node.parameters.templateId);
			const webinar = node.parameters.registrationWebinarId as { value?: string } | undefined;
			expect([undefined, '']).toContain(webinar?.value);
		}
	});

	it('its note says what to pick before activating, quotes no list number, and covers no node', () => {
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) {
			const content = String(note.parameters.content);
			if (syncs.some((n) => 'listIds' in n.parameters)) expect(content).toMatch(/Before you activate/);
			expect(content).not.toMatch(/\blist (1[5-8])\b|\((1[5-8])\)/);
			const [x, y] = note.position;
			const width = Number(note.parameters.width ?? 240);
			const height = Number(note.parameters.height ?? 160);
			for (const node of nodes.filter((n) => n !== note && n.type !== 'n8n-nodes-base.stickyNote')) {
				const [nx, ny] = node.position;
				const overlaps = nx < x + width && nx + NODE_SIZE > x && ny < y + height && ny + NODE_SIZE > y;
				expect({ note: note.name, node: node.name, overlaps }).toEqual({ note: note.name, node: node.name, overlaps: false });
			}
		}
	});
});
