/**
 * The parent `oAuth2Api` credential type. n8n ships it in n8n-nodes-base (not a dependency
 * of this package), but n8n-core's OAuth2 request path and the credential-property merge
 * need it: a credential with `extends = ['oAuth2Api']` inherits these fields and their
 * defaults (grantType 'authorizationCode', authentication 'header', ...), and
 * `requestOAuth2` reads them from the decrypted credential.
 *
 * A minimal rewrite of n8n 2.41's property list: the same names, types, defaults,
 * displayOptions and doNotInherit flags (which change what a child inherits), without
 * UI-only text. JWE/JWKS fields are omitted: they are `doNotInherit`, so no child sees them.
 */
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

const whenNotDcr = { show: { useDynamicClientRegistration: [false] } };

export class OAuth2Api implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	genericAuth = true;

	properties: INodeProperties[] = [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			displayOptions: whenNotDcr,
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [true] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', displayOptions: whenNotDcr, default: '', required: true },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', displayOptions: whenNotDcr, default: '', required: true },
		{ displayName: 'Authentication', name: 'clientCredentialType', type: 'hidden', default: 'clientSecret' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: whenNotDcr,
			default: '',
			required: true,
		},
		{ displayName: 'Private Key', name: 'privateKey', type: 'hidden', default: '' },
		{ displayName: 'Certificate', name: 'certificate', type: 'hidden', default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', displayOptions: whenNotDcr, default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			displayOptions: whenNotDcr,
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'boolean',
			default: false,
			displayOptions: {
				show: { grantType: ['clientCredentials'], authentication: ['body'], useDynamicClientRegistration: [false] },
			},
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'json',
			default: '',
			displayOptions: {
				show: {
					grantType: ['clientCredentials'],
					authentication: ['body'],
					sendAdditionalBodyProperties: [true],
					useDynamicClientRegistration: [false],
				},
			},
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false, doNotInherit: true },
		{ displayName: 'Token Expired Status Code', name: 'tokenExpiredStatusCode', type: 'number', default: 401, doNotInherit: true },
		{ displayName: 'Encrypted Tokens (JWE)', name: 'jweEnabled', type: 'boolean', default: false, doNotInherit: true },
	];
}
