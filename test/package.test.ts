/**
 * The package's two entry lists agree: n8n loads the files in package.json's "n8n" section,
 * tools that `require` the package get index.js; a node or credential added to one and not the
 * other would load in one place only. Also: no runtime dependencies, n8n-workflow the only peer.
 */
import { execFileSync } from 'node:child_process';
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

it('publishes the built package without the TypeScript build cache (dist/.tsbuildinfo, 230 kB)', () => {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
	) as Array<{ files: Array<{ path: string }> }>;
	const paths = packed.files.map((f) => f.path);
	expect(paths).toContain('index.js');
	expect(paths.some((p) => p.startsWith('dist/nodes/'))).toBe(true);
	expect(paths.filter((p) => p.endsWith('.tsbuildinfo'))).toEqual([]);
});
