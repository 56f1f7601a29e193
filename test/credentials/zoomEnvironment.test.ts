/**
 * Which Zoom hosts a credential's data gives: the Environment, or the hidden base URLs that win
 * over it (the simulator's, or a Custom environment saved with 0.3.0 or earlier); and what a
 * failed token request says.
 */
import '../harness';

import { NodeHelpers, Workflow, type ICredentialDataDecryptedObject, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { zoomApiBaseUrl, zoomOAuthBaseUrl, zoomUrlExpression } from '../../nodes/shared/zoomEnvironment';
import { describeZoomTokenFailure } from '../../nodes/shared/zoomTokenErrors';

describe('Zoom hosts: a set base URL wins over the Environment', () => {
	const SIM_ZOOM = { apiBaseUrl: 'http://127.0.0.1:4010/zoom/v2', oauthBaseUrl: 'http://127.0.0.1:4010/zoom' };
	const LEGACY_CUSTOM = { environment: 'custom', apiBaseUrl: 'https://zoom-proxy.example/v2/', oauthBaseUrl: 'https://zoom-proxy.example/' };
	// What n8n hands the nodes for stored data: defaults added, fields the dialog hides under
	// these values left out (CredentialsHelper.applyDefaultsAndOverwrites).
	const properties = new ZoomServerToServerOAuthApi().properties;
	const asN8nGivesIt = (stored: Record<string, string>) =>
		NodeHelpers.getNodeParameters(properties, stored, true, false, null, null) as ICredentialDataDecryptedObject;

	const cases: Array<[string, Record<string, string>, string, string]> = [
		['Zoom (Global)', { environment: 'zoom' }, 'https://api.zoom.us/v2', 'https://zoom.us'],
		['no Environment', {}, 'https://api.zoom.us/v2', 'https://zoom.us'],
		['ZoomGov', { environment: 'zoomGov' }, 'https://api.zoomgov.com/v2', 'https://zoomgov.com'],
		['ZoomGov, empty hidden URLs', { environment: 'zoomGov', apiBaseUrl: '', oauthBaseUrl: '' }, 'https://api.zoomgov.com/v2', 'https://zoomgov.com'],
		['the simulator (no Environment)', { apiBaseUrl: 'http://127.0.0.1:4010/zoom/v2/', oauthBaseUrl: ' http://127.0.0.1:4010/zoom// ' }, 'http://127.0.0.1:4010/zoom/v2', 'http://127.0.0.1:4010/zoom'],
		['base URLs beside ZoomGov', { environment: 'zoomGov', ...SIM_ZOOM }, SIM_ZOOM.apiBaseUrl, SIM_ZOOM.oauthBaseUrl],
		// Beside a base URL the Environment does not apply, not even to the other side.
		['only an OAuth base URL', { environment: 'zoomGov', oauthBaseUrl: SIM_ZOOM.oauthBaseUrl }, 'https://api.zoom.us/v2', SIM_ZOOM.oauthBaseUrl],
		['Custom, saved with 0.3.0', LEGACY_CUSTOM, 'https://zoom-proxy.example/v2', 'https://zoom-proxy.example'],
		['Custom without URLs', { environment: 'custom', apiBaseUrl: '', oauthBaseUrl: '' }, 'https://api.zoom.us/v2', 'https://zoom.us'],
	];

	it.each(cases)('%s', (_what, stored, api, oauth) => {
		const credentials = asN8nGivesIt(stored);
		expect(zoomApiBaseUrl(credentials)).toBe(api);
		expect(zoomOAuthBaseUrl(credentials)).toBe(oauth);
	});

	// The credential test request and the OAuth2 URLs can only hold expressions: n8n's expression
	// engine must pick the same hosts as the functions the nodes call.
	const node: INode = { id: 'n', name: 'n', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
	const nodeType = { description: { properties: [] } } as unknown as INodeType;
	const nodeTypes: INodeTypes = { getKnownTypes: () => ({}), getByName: () => nodeType, getByNameAndVersion: () => nodeType };

	it.each(cases)('%s: the expressions agree', async (_what, stored, api, oauth) => {
		const credentials = asN8nGivesIt(stored);
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const acquired = await workflow.expression.acquireIsolate();
		try {
			const viaCredentials = (kind: 'api' | 'oauth') =>
				workflow.expression.getSimpleParameterValue(node, zoomUrlExpression('$credentials', kind), 'internal', { $credentials: credentials } as never, undefined, '');
			expect(viaCredentials('api')).toBe(api);
			expect(viaCredentials('oauth')).toBe(oauth);
			const viaSelf = workflow.expression.getComplexParameterValue(
				node,
				{ token: zoomUrlExpression('$self', 'oauth', '/oauth/token') },
				'internal',
				{},
				undefined,
				undefined,
				credentials as never,
			);
			expect(viaSelf).toEqual({ token: `${oauth}/oauth/token` });
		} finally {
			if (acquired) await workflow.expression.releaseIsolate();
		}
	});
});

describe('token failures say which field is wrong', () => {
	const url = 'https://zoom.us/oauth/token';
	it.each([
		[{ status: 401, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } }, /Client ID or Client Secret/],
		[{ status: 400, body: '{"reason":"Invalid account_id","error":"invalid_request"}' }, /Account ID/],
		[{ status: 400, body: { error: 'unsupported_grant_type', reason: 'unsupported grant type' } }, /Server-to-Server OAuth/],
		[{ networkCode: 'ENOTFOUND' }, /Could not reach Zoom's OAuth server at https:\/\/zoom\.us\/oauth\/token \(host not found\)/],
		[{ status: 503, body: 'Service Unavailable' }, /answered HTTP 503: Service Unavailable/],
	])('%j', (failure, message) => {
		const text = describeZoomTokenFailure(failure, url);
		expect(text).toMatch(message);
		// n8n replaces messages that contain raw network codes with its own generic text.
		expect(text).not.toMatch(/ENOTFOUND|ECONNREFUSED/);
	});
});
