/** What every e2e test file of this package starts with: the packed package installed on the
 *  community-node path of a fresh real n8n, an owner logged in, and the Zoom/Brevo simulator. */
import {
	installIntoUserFolder,
	makeTempDir,
	packPackage,
	RestClient,
	startN8n,
	type N8nInstance,
} from './harness';
import { startSimulator, SIM_DEFAULTS, type Simulator, type SimulatorOptions } from '../simulator';

export const PACKAGE = 'n8n-nodes-zoom-brevo';

let tarball: string | undefined;

/** Where an n8n is kept when it is not throwaway (`npm start`): its user folder (database,
 *  community nodes), the folder of its log, and its editor port. */
export interface N8nPlace {
	userFolder: string;
	runDir: string;
	port?: number;
}

export async function startN8nWithPackage(env?: Record<string, string>, place?: N8nPlace): Promise<{ n8n: N8nInstance; client: RestClient }> {
	tarball ??= packPackage();
	const userFolder = place?.userFolder ?? makeTempDir('e2e-user');
	// A kept user folder gets this build: the package is replaced, n8n's data stays.
	installIntoUserFolder(userFolder, tarball);
	const n8n = await startN8n({ userFolder, env, runDir: place?.runDir, port: place?.port });
	const client = new RestClient(n8n.baseUrl);
	await client.setupOwnerOrLogin();
	return { n8n, client };
}

export { startSimulator, SIM_DEFAULTS, type Simulator, type SimulatorOptions };

export { simCredentials } from '../simCredentials';

/** An HTTP Request node (n8n's own, v4.2) using one of this package's credentials. */
export function httpRequestNode(name: string, credentialType: string, credentialId: string, url: string, position: [number, number]) {
	return {
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: { url, authentication: 'predefinedCredentialType', nodeCredentialType: credentialType, options: {} },
		credentials: { [credentialType]: { id: credentialId, name: credentialType } },
	};
}

export const manualTrigger = {
	id: 'node-manual',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** connections for a straight chain of node names */
export function chain(...names: string[]) {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}
