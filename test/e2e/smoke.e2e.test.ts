/** Smoke: the packed package, installed on n8n's community-node path the way n8n's own
 *  installer lays it out, is loaded by a real n8n 2.x: every node and credential declared in
 *  package.json's `n8n` section is known under its community type name.
 *  Needs `npm run build` first; the runtime installs itself on first use. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	communityNodesDir,
	installIntoUserFolder,
	isPidAlive,
	makeTempDir,
	packPackage,
	readDeclaredTypes,
	removeTempDirs,
	RestClient,
	startN8n,
	stopAllN8n,
	type DeclaredTypes,
	type N8nInstance,
} from './harness';

describe('smoke: the package installed as a community node in a real n8n', () => {
	let declared: DeclaredTypes;
	let userFolder: string;
	let n8n: N8nInstance;
	let client: RestClient;

	beforeAll(async () => {
		declared = readDeclaredTypes();
		userFolder = makeTempDir('smoke-user');
		installIntoUserFolder(userFolder, packPackage());
		n8n = await startN8n({ userFolder });
		client = new RestClient(n8n.baseUrl);
		await client.setupOwnerOrLogin();
	}, 600_000);

	afterAll(async () => {
		await stopAllN8n();
		removeTempDirs();
	});

	it('is installed from the tarball on the community-node path', () => {
		const nodesDir = communityNodesDir(userFolder);
		const ledger = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8')) as {
			dependencies: Record<string, string>;
		};
		expect(Object.keys(ledger.dependencies)).toContain(declared.packageName);
		const packageDir = path.join(nodesDir, 'node_modules', declared.packageName);
		expect(fs.lstatSync(packageDir).isSymbolicLink()).toBe(false);
		const installed = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<
			string,
			unknown
		>;
		expect(installed.devDependencies).toBeUndefined();
		const files = [
			...((installed.n8n as { nodes?: string[] }).nodes ?? []),
			...((installed.n8n as { credentials?: string[] }).credentials ?? []),
		];
		for (const file of files) expect(fs.existsSync(path.join(packageDir, file))).toBe(true);
	});

	it('loads every declared node under its community type name', async () => {
		const loaded = new Set((await client.getNodeTypes()).map((t) => t.name));
		const missing = declared.nodes.filter((name) => !loaded.has(name));
		expect(missing).toEqual([]);
	});

	it('loads every declared credential under its declared name', async () => {
		const loaded = new Set((await client.getCredentialTypes()).map((t) => t.name));
		const missing = declared.credentials.filter((name) => !loaded.has(name));
		expect(missing).toEqual([]);
	});

	it('logs no loading problem for the package', () => {
		const problems = n8n
			.logs()
			.split('\n')
			.filter((line) => line.includes(declared.packageName) && /error|fail|skipping|cannot/i.test(line));
		expect(problems).toEqual([]);
	});

	it('stops n8n and leaves no process behind', async () => {
		const { pid } = n8n;
		expect(isPidAlive(pid)).toBe(true);
		await n8n.stop();
		expect(isPidAlive(pid)).toBe(false);
		// n8n led its own process group (task runner included): nothing of it remains.
		expect(() => process.kill(-pid, 0)).toThrow();
	});
});
