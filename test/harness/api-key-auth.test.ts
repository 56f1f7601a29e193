/**
 * A node calling httpRequestWithAuthentication with a header API key credential: the
 * request goes through n8n-core's real auth path to a real local server.
 */
import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { type LocalServer, runWorkflow, startLocalServer } from './index';

class ApiKeyTestApi implements ICredentialType {
	name = 'apiKeyTestApi';

	displayName = 'API Key Test API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		// A hidden field whose default is an expression over another field: n8n resolves it.
		{ displayName: 'Key Header', name: 'keyHeader', type: 'hidden', default: '={{ "key-" + $self.apiKey }}' },
	];

	authenticate: ICredentialType['authenticate'] = {
		type: 'generic',
		properties: {
			headers: { 'api-key': '={{$credentials.apiKey}}', 'x-derived': '={{$credentials.keyHeader}}' },
			qs: { tenant: 'acme' },
		},
	};
}

class FetchThing implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fetch Thing',
		name: 'fetchThing',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Fetch Thing' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'apiKeyTestApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/thing' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('apiKeyTestApi');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'apiKeyTestApi', {
				method: 'GET',
				url: `${credentials.baseUrl as string}${this.getNodeParameter('path', i) as string}`,
				json: true,
			})) as { ok: boolean };
			out.push({ json: { ...body, keyHeader: credentials.keyHeader }, pairedItem: { item: i } });
		}
		return [out];
	}
}

describe('header API key credential', () => {
	let server: LocalServer;
	beforeAll(async () => {
		server = await startLocalServer(() => ({ body: { ok: true } }));
	});
	afterAll(async () => await server.close());

	it('sends the resolved generic-auth headers and query to the server', async () => {
		const result = await runWorkflow({
			nodeTypes: { 'test.fetchThing': new FetchThing() },
			credentialTypes: [new ApiKeyTestApi()],
			credentials: { 'My key': { type: 'apiKeyTestApi', data: { apiKey: 'secret-1', baseUrl: server.url } } },
			workflow: { nodes: [{ type: 'test.fetchThing', parameters: { path: '/thing' } }] },
		});

		expect(result.error).toBeUndefined();
		expect(result.outputs['FetchThing'][0]).toEqual([
			{ json: { ok: true, keyHeader: 'key-secret-1' }, pairedItem: { item: 0 } },
		]);
		const [request] = server.requests;
		expect(request.headers['api-key']).toBe('secret-1');
		expect(request.headers['x-derived']).toBe('key-secret-1');
		expect(request.query.get('tenant')).toBe('acme');
		expect(result.credentialUpdates).toBe(0);
	});
});
