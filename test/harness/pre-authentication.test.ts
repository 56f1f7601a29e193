/**
 * A credential with `preAuthentication` and a hidden `expirable` token field (the pattern
 * for Zoom Server-to-Server OAuth): the harness must fetch the token when the field is
 * empty, save it to the stored credential, reuse it across runs, re-fetch it exactly once
 * when the API answers 401, and let a second 401 fail the node.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { type LocalServer, type RecordedRequest, type StoredCredentials, runWorkflow, startLocalServer } from './index';

class SessionTokenTestApi implements ICredentialType {
	name = 'sessionTokenTestApi';

	displayName = 'Session Token Test API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			body: { client_id: credentials.clientId, client_secret: credentials.clientSecret },
			json: true,
		})) as { access_token: string };
		return { sessionToken: response.access_token };
	}

	authenticate: ICredentialType['authenticate'] = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};
}

/** One GET /data per input item. */
class ReadData implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Read Data',
		name: 'readData',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Read Data' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'sessionTokenTestApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials('sessionTokenTestApi');
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'sessionTokenTestApi', {
				url: `${baseUrl as string}/data`,
				json: true,
			})) as { seenToken: string };
			out.push({ json: body, pairedItem: { item: i } });
		}
		return [out];
	}
}

/** A token server: issues t1, t2, ...; /data accepts only tokens in `valid`. */
function tokenApi() {
	let issued = 0;
	const valid = new Set<string>();
	let onData: (req: RecordedRequest) => void = () => {};
	const handler = (req: RecordedRequest) => {
		if (req.path === '/token') {
			const token = `t${++issued}`;
			valid.add(token);
			return { body: { access_token: token } };
		}
		onData(req);
		const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
		return valid.has(token) ? { body: { seenToken: token } } : { status: 401, body: { message: 'Invalid access token' } };
	};
	return {
		handler,
		valid,
		setOnData(fn: (req: RecordedRequest) => void) {
			onData = fn;
		},
	};
}

describe('preAuthentication credential with an expirable token', () => {
	let server: LocalServer;
	let api: ReturnType<typeof tokenApi>;
	let stored: StoredCredentials;

	const run = async (items = 1) =>
		await runWorkflow({
			nodeTypes: { 'test.readData': new ReadData() },
			credentialTypes: [new SessionTokenTestApi()],
			credentials: stored,
			workflow: { nodes: [{ name: 'Read', type: 'test.readData', parameters: {} }] },
			inputItems: Array.from({ length: items }, (_, i) => ({ json: { i } })),
		});
	const tokenRequests = () => server.requests.filter((r) => r.path === '/token');

	beforeEach(async () => {
		api = tokenApi();
		server = await startLocalServer(api.handler);
		stored = {
			'Session creds': {
				type: 'sessionTokenTestApi',
				data: { clientId: 'id-1', clientSecret: 'shh', baseUrl: server.url },
			},
		};
	});
	afterEach(async () => await server.close());

	it('fetches the token once, saves it, and reuses it in the next run', async () => {
		const first = await run();
		expect(first.error).toBeUndefined();
		expect(first.outputs.Read[0][0].json).toEqual({ seenToken: 't1' });
		expect(first.credentialUpdates).toBe(1);
		expect(stored['Session creds'].data.sessionToken).toBe('t1');
		// The rest of the stored credential is kept as stored (no defaults written back).
		expect(stored['Session creds'].data).toEqual({ clientId: 'id-1', clientSecret: 'shh', baseUrl: server.url, sessionToken: 't1' });
		expect(tokenRequests()[0].body).toEqual({ client_id: 'id-1', client_secret: 'shh' });

		const second = await run();
		expect(second.error).toBeUndefined();
		expect(second.outputs.Read[0][0].json).toEqual({ seenToken: 't1' });
		expect(second.credentialUpdates).toBe(0);
		expect(tokenRequests()).toHaveLength(1);
	});

	it('re-fetches exactly once when the API starts answering 401 mid-execution', async () => {
		await run();
		// From the second /data call of the next run on, t1 is revoked.
		let dataCalls = 0;
		api.setOnData(() => {
			if (++dataCalls === 2) api.valid.delete('t1');
		});

		const result = await run(3);

		expect(result.error).toBeUndefined();
		expect(result.outputs.Read[0].map((item) => item.json.seenToken)).toEqual(['t1', 't2', 't2']);
		expect(tokenRequests()).toHaveLength(2);
		expect(result.credentialUpdates).toBe(1);
		expect(stored['Session creds'].data.sessionToken).toBe('t2');
		// The retried request carried the new token.
		const authHeaders = server.requests.filter((r) => r.path === '/data').map((r) => r.headers.authorization);
		expect(authHeaders).toEqual(['Bearer t1', 'Bearer t1', 'Bearer t1', 'Bearer t2', 'Bearer t2']);
	});

	it('fails the node when the request is still 401 after the re-fetch', async () => {
		await run();
		api.setOnData(() => api.valid.clear());

		const result = await run();

		expect(result.status).toBe('error');
		expect(result.errorNode).toBe('Read');
		expect(result.error?.message).toMatch(/Authorization failed|401/);
		// One re-fetch, one retry, then the error: no loop.
		expect(tokenRequests()).toHaveLength(2);
		expect(server.requests.filter((r) => r.path === '/data').length).toBe(3);
		expect(result.credentialUpdates).toBe(1);
	});
});
