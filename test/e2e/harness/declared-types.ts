/** What the package declares in package.json's `n8n` section, as the type names n8n gives
 *  them once installed as a community package: nodes `<package>.<description.name>`,
 *  credentials by their `name`. Read from the compiled classes (needs `npm run build`). */
import * as path from 'node:path';

import { readRepoPackageJson } from './package-install';
import { REPO_ROOT } from './runtime';

export interface DeclaredTypes {
	packageName: string;
	/** Community type names, e.g. `n8n-nodes-zoom-brevo.zoomTrigger`. */
	nodes: string[];
	credentials: string[];
}

type Ctor = new () => Record<string, unknown>;

function loadClass(file: string): Ctor {
	const abs = path.join(REPO_ROOT, file);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(abs) as Record<string, unknown>;
	const ctor = Object.values(mod).find((v): v is Ctor => typeof v === 'function');
	if (!ctor) throw new Error(`${file} exports no class`);
	return ctor;
}

export function readDeclaredTypes(): DeclaredTypes {
	const pkg = readRepoPackageJson();
	const nodes = (pkg.n8n?.nodes ?? []).map((file) => {
		const description = new (loadClass(file))().description as { name?: string } | undefined;
		if (!description?.name) throw new Error(`${file}: node class has no description.name`);
		return `${pkg.name}.${description.name}`;
	});
	const credentials = (pkg.n8n?.credentials ?? []).map((file) => {
		const name = new (loadClass(file))().name;
		if (typeof name !== 'string' || !name) throw new Error(`${file}: credential class has no name`);
		return name;
	});
	return { packageName: pkg.name, nodes, credentials };
}
