/**
 * The Zoom Server-to-Server credential run through n8n-core's engine (test/harness, which behaves
 * like n8n's CLI credentials helper) against the simulator's OAuth server and API.
 */
import { runWorkflow, type StoredCredentials } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { ZoomProbe } from './zoomProbeNode';

let sim: Simulator;
afterEach(async () => sim?.close());

async function start(options: SimulatorOptions = {}) {
	sim = await startSimulator(options);
	return sim;
}

function s2sCredentials(overrides: Record<string, string> = {}): StoredCredentials {
	return {
		zoomS2S: {
			type: 'zoomServerToServerOAuthApi',
			data: { ...simCredentials.zoomS2S(sim, overrides), accessToken: '' },
		},
	};
}

const run = (credentials: StoredCredentials, items = 1, pauseMs = 0) =>
	runWorkflow({
		nodeTypes: { 'test.zoomProbe': new ZoomProbe() },
		credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api()],
		credentials,
		workflow: {
			nodes: [
				{
					name: 'Probe',
					type: 'test.zoomProbe',
					parameters: { credential: 'zoomServerToServerOAuthApi', pauseMs },
					credentials: { zoomServerToServerOAuthApi: 'zoomS2S' },
				},
			],
		},
		inputItems: Array.from({ length: items }, (_, i) => ({ json: { i } })),
	});

const tokenRequests = () => sim.requests.filter((r) => r.service === 'zoom-oauth' && r.path.endsWith('/oauth/token'));

describe('Zoom Server-to-Server OAuth credential', () => {
	it('fetches a token with the account_credentials grant once, stores it, and reuses it in the next execution', async () => {
		await start();
		const credentials = s2sCredentials();
		const first = await run(credentials, 3);
		expect(first.error).toBeUndefined();
		expect(first.outputs.Probe[0]).toHaveLength(3);
		const second = await run(credentials, 2);
		expect(second.error).toBeUndefined();

		expect(tokenRequests()).toHaveLength(1);
		const [token] = tokenRequests();
		expect(token.method).toBe('POST');
		expect(token.body).toEqual({ grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
		const basic = Buffer.from(`${sim.credentials.zoom.clientId}:${sim.credentials.zoom.clientSecret}`).toString('base64');
		expect(token.headers.authorization).toBe(`Basic ${basic}`);
		expect(credentials.zoomS2S.data.accessToken).toMatch(/.+/);
		const apiCalls = sim.requests.filter((r) => r.service === 'zoom');
		expect(apiCalls).toHaveLength(5);
		for (const call of apiCalls) expect(call.headers.authorization).toBe(`Bearer ${credentials.zoomS2S.data.accessToken}`);
	});

	it('still reaches the server of a credential saved with the Environment "Custom" (0.3.0 and earlier)', async () => {
		await start();
		const credentials = s2sCredentials({ environment: 'custom' });
		const result = await run(credentials);
		expect(result.error).toBeUndefined();
		expect(tokenRequests()).toHaveLength(1);
		expect(sim.requests.filter((r) => r.service === 'zoom').map((r) => r.status)).toEqual([200]);
	});

	it('renews a token that expires in the middle of an execution once, transparently', async () => {
		await start({ zoom: { tokenTtlSeconds: 0.4 } });
		const credentials = s2sCredentials();
		const result = await run(credentials, 2, 700);
		expect(result.error).toBeUndefined();
		expect(result.outputs.Probe[0]).toHaveLength(2);
		expect(tokenRequests()).toHaveLength(2);
		expect(result.credentialUpdates).toBe(2);
		const apiStatuses = sim.requests.filter((r) => r.service === 'zoom').map((r) => r.status);
		expect(apiStatuses).toEqual([200, 401, 200]);
	});

	it('fails with a clear error when Zoom still answers 401 after one renewal', async () => {
		await start();
		sim.inject({ kind: 'unauthorized', match: { service: 'zoom' }, times: 2 });
		const result = await run(s2sCredentials());
		expect(result.error?.message).toBe('Zoom rejected the access token while trying to list users');
		expect(tokenRequests()).toHaveLength(2);
	});

	it.each([
		['a wrong client secret', { clientSecret: 'wrong-secret' }, /Zoom rejected the Client ID or Client Secret \(invalid_client\)/],
		['a wrong client ID', { clientId: 'wrong-id' }, /Zoom rejected the Client ID or Client Secret \(invalid_client\)/],
		['a wrong account ID', { accountId: 'not-my-account' }, /Zoom does not accept the Account ID/],
	])('tells %s apart', async (_what, overrides, message) => {
		await start();
		const result = await run(s2sCredentials(overrides));
		expect(result.error).toBeDefined();
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(message);
		expect(sim.requests.filter((r) => r.service === 'zoom')).toHaveLength(0);
	});

	it('names a missing scope', async () => {
		await start({ zoom: { grantedScopes: ['meeting:read:list_past_participants:admin'] } });
		const result = await run(s2sCredentials());
		expect(result.error?.message).toBe('The Zoom app lacks a scope needed to list users');
		expect(result.error?.description).toMatch(/Scopes page/);
	});

	it('says where it could not connect when the OAuth server is unreachable', async () => {
		await start();
		const result = await run(s2sCredentials({ oauthBaseUrl: 'http://127.0.0.1:9' }));
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(
			/Could not reach Zoom's OAuth server at http:\/\/127\.0\.0\.1:9\/oauth\/token/,
		);
	});
});
