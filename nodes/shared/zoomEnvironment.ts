import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Where a Zoom account lives. ZoomGov accounts use their own hosts; "custom" points the
 *  credential at any Zoom-compatible server (a proxy, or the simulator used by tests and the demo). */
export type ZoomEnvironment = 'zoom' | 'zoomGov' | 'custom';

const HOSTS: Record<Exclude<ZoomEnvironment, 'custom'>, { api: string; oauth: string }> = {
	zoom: { api: 'https://api.zoom.us/v2', oauth: 'https://zoom.us' },
	zoomGov: { api: 'https://api.zoomgov.com/v2', oauth: 'https://zoomgov.com' },
};

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

function environmentOf(credentials: ICredentialDataDecryptedObject): ZoomEnvironment {
	const value = credentials.environment;
	return value === 'zoomGov' || value === 'custom' ? value : 'zoom';
}

/** Base of Zoom's REST API for these credentials, e.g. https://api.zoom.us/v2 */
export function zoomApiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return withoutTrailingSlash(String(credentials.apiBaseUrl ?? ''));
	return HOSTS[environment].api;
}

/** Base of Zoom's OAuth server (token and authorize endpoints live below /oauth). */
export function zoomOAuthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return withoutTrailingSlash(String(credentials.oauthBaseUrl ?? ''));
	return HOSTS[environment].oauth;
}

/** The same choice as an n8n expression, for places that only take expressions
 *  (credential test requests, OAuth2 URLs). `source` is `$credentials` or `$self`. */
export function zoomUrlExpression(source: '$credentials' | '$self', kind: 'api' | 'oauth', suffix = ''): string {
	const custom = kind === 'api' ? 'apiBaseUrl' : 'oauthBaseUrl';
	return (
		`={{ (${source}.environment === 'custom' ? String(${source}.${custom}).replace(/\\/+$/, '') : ` +
		`${source}.environment === 'zoomGov' ? '${HOSTS.zoomGov[kind]}' : '${HOSTS.zoom[kind]}') + '${suffix}' }}`
	);
}

/** Environment fields shared by both Zoom credentials. */
export const zoomEnvironmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Zoom (Global)', value: 'zoom', description: 'Uses api.zoom.us and zoom.us' },
			{ name: 'ZoomGov', value: 'zoomGov', description: 'Uses api.zoomgov.com and zoomgov.com' },
			{
				name: 'Custom',
				value: 'custom',
				description: 'Any Zoom-compatible server, e.g. a proxy or a local simulator',
			},
		],
		default: 'zoom',
	},
	{
		displayName: 'API Base URL',
		name: 'apiBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://api.zoom.us/v2',
		required: true,
		displayOptions: { show: { environment: ['custom'] } },
	},
	{
		displayName: 'OAuth Base URL',
		name: 'oauthBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://zoom.us',
		description: 'The token and authorize endpoints are expected below /oauth',
		required: true,
		displayOptions: { show: { environment: ['custom'] } },
	},
];
