/**
 * The package's two entry lists agree: n8n loads the files in package.json's "n8n" section,
 * tools that `require` the package get index.js; a node or credential added to one and not the
 * other would load in one place only. Also: no runtime dependencies, n8n-workflow the only peer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};
const indexRequires = [...readFileSync(join(root, 'index.js'), 'utf8').matchAll(/require\('\.\/(dist\/[^']+)'\)/g)].map((m) => m[1]);

it('index.js requires exactly the nodes and credentials package.json declares for n8n', () => {
	expect([...indexRequires].sort()).toEqual([...pkg.n8n.nodes, ...pkg.n8n.credentials].sort());
});

it('has no runtime dependencies and only n8n-workflow as a peer', () => {
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['n8n-workflow']);
});
