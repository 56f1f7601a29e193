/** What every e2e test file of this package starts with: the packed package installed on the
 *  community-node path of a fresh real n8n, an owner logged in, and the Zoom/Brevo simulator. */
import {
	installIntoUserFolder,
	makeTempDir,
	packPackage,
	removeTempDirs,
	RestClient,
	startN8n,
	stopAllN8n,
	type N8nInstance,
} from './harness';
import { startSimulator, SIM_DEFAULTS, type Simulator, type SimulatorOptions } from '../simulator';
import { simCredentials } from '../simCredentials';

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

/** A test file's sync setup: the simulator, a real n8n with the package, and a Zoom
 *  Server-to-Server and a Brevo credential (named after `label`) as a node references them. */
export async function startSyncSuite(label: string): Promise<{ sim: Simulator; client: RestClient; credentials: Record<string, { id: string; name: string }> }> {
	const sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
	const { client } = await startN8nWithPackage();
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', `Zoom ${label}`, simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', `Brevo ${label}`, simCredentials.brevo(sim));
	return { sim, client, credentials: { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name }, brevoV3Api: { id: brevo.id, name: brevo.name } } };
}

/** Its teardown: the simulator closed, every n8n stopped, the temp folders removed. */
export async function stopSyncSuite(sim: Simulator | undefined): Promise<void> {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
}

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

/** The Zoom Scheduled Trigger (Server-to-Server, Poll Times: Every Minute) → Zoom to Brevo, on the
 *  simulator with credentials of its own, named `tag` (so are the credentials), as e2e tests, the queue-mode test and
 *  the latency benchmark build it. Without `sync`, the trigger alone. */
export async function createPollWorkflow(
	client: RestClient,
	sim: Simulator,
	{ tag, poll, sync }: { tag: string; poll: Record<string, unknown>; sync?: { typeVersion: number; parameters: Record<string, unknown> } },
) {
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', `zoom ${tag}`, simCredentials.zoomS2S(sim));
	const zoomRef = { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name } };
	const nodes: Array<Record<string, unknown>> = [
		{
			id: 'poll',
			name: 'Zoom Scheduled Trigger',
			type: `${PACKAGE}.zoomPollTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: 'serverToServer', pollTimes: { item: [{ mode: 'everyMinute' }] }, ...poll },
			credentials: zoomRef,
		},
	];
	if (sync) {
		const brevo = await client.createCredential('brevoV3Api', `brevo ${tag}`, simCredentials.brevo(sim));
		nodes.push({
			id: 'sync',
			name: 'Zoom to Brevo',
			type: `${PACKAGE}.zoomToBrevo`,
			typeVersion: sync.typeVersion,
			position: [250, 0],
			parameters: sync.parameters,
			credentials: { ...zoomRef, brevoV3Api: { id: brevo.id, name: brevo.name } },
		});
	}
	return await client.createWorkflow({
		name: tag,
		nodes,
		connections: sync ? { 'Zoom Scheduled Trigger': { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } } : {},
	});
}
