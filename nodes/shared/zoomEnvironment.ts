import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Where a Zoom account lives: ZoomGov accounts use their own hosts. */
export type ZoomEnvironment = 'zoom' | 'zoomGov';

const HOSTS: Record<ZoomEnvironment, { api: string; oauth: string }> = {
	zoom: { api: 'https://api.zoom.us/v2', oauth: 'https://zoom.us' },
	zoomGov: { api: 'https://api.zoomgov.com/v2', oauth: 'https://zoomgov.com' },
};

/**
 * Hidden fields that send a credential to another server than Zoom: the package's simulator in
 * the tests, the demo and the benchmark. Set, they win over the Environment. Credentials saved
 * with 0.3.0 or earlier under the Environment "Custom" hold their URLs in the same fields, so they
 * keep reaching the same server with no code for "custom" itself (its value now falls back to
 * Zoom's hosts, which only matters if a URL is empty).
 */
const OVERRIDE_FIELD = { api: 'apiBaseUrl', oauth: 'oauthBaseUrl' } as const;

function environmentOf(credentials: ICredentialDataDecryptedObject): ZoomEnvironment {
	return credentials.environment === 'zoomGov' ? 'zoomGov' : 'zoom';
}

function baseUrl(credentials: ICredentialDataDecryptedObject, kind: 'api' | 'oauth'): string {
	const override = String(credentials[OVERRIDE_FIELD[kind]] ?? '')
		.trim()
		.replace(/\/+$/, '');
	return override || HOSTS[environmentOf(credentials)][kind];
}

/** Base of Zoom's REST API for these credentials, e.g. https://api.zoom.us/v2 */
export function zoomApiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return baseUrl(credentials, 'api');
}

/** Base of Zoom's OAuth server (token and authorize endpoints live below /oauth). */
export function zoomOAuthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return baseUrl(credentials, 'oauth');
}

/** The same choice as an n8n expression, for places that only take expressions
 *  (credential test requests, OAuth2 URLs). `source` is `$credentials` or `$self`. */
export function zoomUrlExpression(source: '$credentials' | '$self', kind: 'api' | 'oauth', suffix = ''): string {
	const override = `${source}.${OVERRIDE_FIELD[kind]}`;
	return (
		`={{ (String(${override} ?? '').trim().replace(/\\/+$/, '') || ` +
		`(${source}.environment === 'zoomGov' ? '${HOSTS.zoomGov[kind]}' : '${HOSTS.zoom[kind]}')) + '${suffix}' }}`
	);
}

/** Shown when a hidden base URL is set, so the dialog says where the credential really goes.
 *  Two notices because displayOptions can only AND different fields: the second covers a
 *  credential that has only an OAuth base URL. */
const TEST_SERVER_NOTICE =
	"This credential talks to a test server, not to Zoom: the package's simulator, set up by npm start or its tests, or a custom server saved with version 0.3.0 or earlier. To use Zoom, create a new credential.";

/** Environment fields shared by both Zoom credentials. */
export const zoomEnvironmentProperties: INodeProperties[] = [
	{
		displayName: TEST_SERVER_NOTICE,
		name: 'testServerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { apiBaseUrl: [{ _cnd: { exists: true } }] } },
	},
	{
		displayName: TEST_SERVER_NOTICE,
		name: 'testServerOAuthNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { oauthBaseUrl: [{ _cnd: { exists: true } }] },
			hide: { apiBaseUrl: [{ _cnd: { exists: true } }] },
		},
	},
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Zoom (Global)', value: 'zoom', description: 'Accounts on zoom.us' },
			{ name: 'ZoomGov', value: 'zoomGov', description: 'Accounts on zoomgov.com' },
		],
		default: 'zoom',
		description: 'Where your Zoom account lives. Most accounts are on Zoom (Global).',
		// Not offered beside a base URL, which wins over it. Hidden, n8n also leaves it out of
		// the data it hands the nodes, so a side without a URL of its own goes to Zoom (Global):
		// no writer sets only one URL (the simulator sets both, the old Custom required both).
		displayOptions: {
			hide: { apiBaseUrl: [{ _cnd: { exists: true } }], oauthBaseUrl: [{ _cnd: { exists: true } }] },
		},
	},
	{
		displayName: 'API Base URL',
		name: 'apiBaseUrl',
		type: 'hidden',
		default: '',
	},
	{
		displayName: 'OAuth Base URL',
		name: 'oauthBaseUrl',
		type: 'hidden',
		default: '',
	},
];
