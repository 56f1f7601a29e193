/** The package as users get it: `npm pack` of the repo, laid out in the user folder the way
 *  n8n's community-node installer does it (CommunityPackagesService.downloadPackage in n8n 2.41):
 *  `<userFolder>/.n8n/nodes/package.json` lists it, `.n8n/nodes/node_modules/<name>` holds the
 *  unpacked tarball with dev/peer/optional dependencies removed from its package.json, and
 *  `npm install --ignore-scripts` ran inside it. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './runtime';
import { makeTempDir } from './temp';

export interface PackageJson {
	name: string;
	version: string;
	n8n?: { n8nNodesApiVersion?: number; nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

export function readRepoPackageJson(): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** `npm pack` of the repo into a temp dir; expects `npm run build` to have run (packs dist/). */
export function packPackage(repoDir: string = REPO_ROOT): string {
	const pkg = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8')) as PackageJson;
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(repoDir, file))) {
			throw new Error(`${file} (declared in package.json "n8n") is missing: run \`npm run build\` first`);
		}
	}
	const outDir = makeTempDir('pack');
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', outDir],
		{ cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	const tarball = path.join(outDir, path.basename(info.filename));
	if (!fs.existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
	return tarball;
}

function readTarballPackageJson(tarball: string): PackageJson {
	const text = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
	return JSON.parse(text) as PackageJson;
}

/** The community-node folder n8n loads packages from: `<userFolder>/.n8n/nodes`. */
export function communityNodesDir(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

/** Installs the tarball on n8n's community-node path; returns the package directory. */
export function installIntoUserFolder(userFolder: string, tarball: string): string {
	const { name, version } = readTarballPackageJson(tarball);
	const nodesDir = communityNodesDir(userFolder);
	const packageDir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const pkgPath = path.join(packageDir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as PackageJson;
	delete pkg.devDependencies;
	delete pkg.peerDependencies;
	delete pkg.optionalDependencies;
	fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2), 'utf8');

	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
	);

	const ledgerPath = path.join(nodesDir, 'package.json');
	const ledger = fs.existsSync(ledgerPath)
		? (JSON.parse(fs.readFileSync(ledgerPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...(ledger.dependencies ?? {}), [name]: version };
	fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2), 'utf8');
	return packageDir;
}
