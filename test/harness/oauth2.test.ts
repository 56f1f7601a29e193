/**
 * An OAuth2 credential (extends oAuth2Api): n8n-core's own requestOAuth2 signs the request
 * with oauthTokenData, refreshes the token at the token URL on a 401 and the harness saves
 * the new token data to the stored credential.
 */
import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { type LocalServer, type StoredCredentials, runWorkflow, startLocalServer } from './index';

/** Shaped like a real service's OAuth2 credential: endpoints pinned as hidden fields. */
class ServiceTestOAuth2Api implements ICredentialType {
	name = 'serviceTestOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Service Test OAuth2 API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: 'https://service.invalid/oauth/authorize' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: 'https://service.invalid/oauth/token' },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];
}

class WhoAmI implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Who Am I',
		name: 'whoAmI',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Who Am I' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'serviceTestOAuth2Api', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials('serviceTestOAuth2Api');
		const me = (await this.helpers.httpRequestWithAuthentication.call(this, 'serviceTestOAuth2Api', {
			url: `${baseUrl as string}/me`,
			json: true,
		})) as IDataObject;
		return [[{ json: me, pairedItem: { item: 0 } }]];
	}
}

describe('OAuth2 credential extending oAuth2Api', () => {
	let server: LocalServer;
	let stored: StoredCredentials;
	let validToken: string;

	beforeEach(async () => {
		validToken = 'access-new';
		server = await startLocalServer((req) => {
			if (req.path === '/oauth/token') {
				return {
					body: { access_token: 'access-new', refresh_token: 'refresh-2', token_type: 'bearer', expires_in: 3600 },
				};
			}
			if (req.path === '/me') {
				return req.headers.authorization === `Bearer ${validToken}`
					? { body: { id: 'user-1' } }
					: { status: 401, body: { message: 'Invalid access token' } };
			}
			return { status: 404 };
		});
		stored = {
			'Service account': {
				type: 'serviceTestOAuth2Api',
				data: {
					clientId: 'client-1',
					clientSecret: 'secret-1',
					baseUrl: server.url,
					// A stored value for a hidden endpoint field is ignored by n8n (the type owns it).
					accessTokenUrl: `${server.url}/wrong-token-url`,
					oauthTokenData: { access_token: 'access-old', refresh_token: 'refresh-1', token_type: 'bearer' },
				},
			},
		};
	});
	afterEach(async () => await server.close());

	const run = async () =>
		await runWorkflow({
			nodeTypes: { 'test.whoAmI': new WhoAmI() },
			credentialTypes: [new ServiceTestOAuth2Api()],
			credentials: stored,
			// What an n8n admin does to point a pinned endpoint elsewhere (CREDENTIALS_OVERWRITE_DATA).
			credentialOverwrites: { serviceTestOAuth2Api: { accessTokenUrl: `${server.url}/oauth/token` } },
			workflow: { nodes: [{ name: 'Me', type: 'test.whoAmI', parameters: {} }] },
		});

	it('refreshes on 401 with the refresh token, retries, and saves the new token data', async () => {
		const result = await run();

		expect(result.error).toBeUndefined();
		expect(result.outputs.Me[0][0].json).toEqual({ id: 'user-1' });

		const paths = server.requests.map((r) => r.path);
		expect(paths).toEqual(['/me', '/oauth/token', '/me']);
		const refresh = server.requests[1];
		expect(refresh.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
		// authentication 'header': client id and secret as HTTP Basic.
		expect(refresh.headers.authorization).toBe(`Basic ${Buffer.from('client-1:secret-1').toString('base64')}`);
		expect(server.requests[0].headers.authorization).toBe('Bearer access-old');
		expect(server.requests[2].headers.authorization).toBe('Bearer access-new');

		expect(result.credentialUpdates).toBe(1);
		const saved = stored['Service account'].data;
		expect(saved.oauthTokenData).toMatchObject({ access_token: 'access-new', refresh_token: 'refresh-2' });
		expect((saved.oauthTokenData as Record<string, unknown>).n8n_expires_at).toEqual(expect.any(String));
		// Only the token data changed.
		expect(saved.clientSecret).toBe('secret-1');
	});

	it('uses the saved token in the next run without refreshing', async () => {
		await run();
		server.requests.length = 0;

		const result = await run();

		expect(result.error).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual(['/me']);
		expect(result.credentialUpdates).toBe(0);
	});

	it('surfaces the refresh failure as a node error', async () => {
		validToken = 'never-valid';
		const result = await run();
		expect(result.status).toBe('error');
		expect(result.errorNode).toBe('Me');
		expect(server.requests.map((r) => r.path)).toEqual(['/me', '/oauth/token', '/me']);
	});
});

/** Client-credentials grant: n8n-core fetches the first token itself and the harness saves it. */
class MachineTestOAuth2Api implements ICredentialType {
	name = 'machineTestOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Machine Test OAuth2 API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		// Not hidden: the stored value is used as is.
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}

class Ping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ping',
		name: 'ping',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Ping' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'machineTestOAuth2Api', required: true }],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'machineTestOAuth2Api', {
			url: this.getNodeParameter('url', 0) as string,
			json: true,
		})) as IDataObject;
		return [[{ json: body, pairedItem: { item: 0 } }]];
	}
}

describe('OAuth2 client-credentials grant', () => {
	it('fetches the first token, saves it, and signs the request with it', async () => {
		const server = await startLocalServer((req) =>
			req.path === '/token'
				? { body: { access_token: 'machine-1', token_type: 'bearer', expires_in: 600 } }
				: { body: { auth: req.headers.authorization } },
		);
		try {
			const stored: StoredCredentials = {
				machine: {
					type: 'machineTestOAuth2Api',
					data: { clientId: 'm-id', clientSecret: 'm-secret', accessTokenUrl: `${server.url}/token` },
				},
			};
			const result = await runWorkflow({
				nodeTypes: { 'test.ping': new Ping() },
				credentialTypes: [new MachineTestOAuth2Api()],
				credentials: stored,
				workflow: { nodes: [{ type: 'test.ping', parameters: { url: `${server.url}/ping` } }] },
			});
			expect(result.error).toBeUndefined();
			expect(result.outputs.Ping[0][0].json).toEqual({ auth: 'Bearer machine-1' });
			// authentication 'body': client id and secret in the form body.
			expect(server.requests[0].body).toMatchObject({
				grant_type: 'client_credentials',
				client_id: 'm-id',
				client_secret: 'm-secret',
			});
			expect(result.credentialUpdates).toBe(1);
			expect(stored.machine.data.oauthTokenData).toMatchObject({ access_token: 'machine-1' });
		} finally {
			await server.close();
		}
	});
});
