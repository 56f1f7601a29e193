import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { BREVO_DEFAULT_BASE_URL as BREVO_API } from '../nodes/shared/brevo/types';

/** Brevo (formerly Sendinblue) v3 API key. Its own type name, apart from n8n's built-in
 *  `sendInBlueApi`, so installing this package never changes n8n's Brevo node. */
export class BrevoV3Api implements ICredentialType {
	name = 'brevoV3Api';

	// Named for the package: n8n's own Brevo credential ("Brevo") sits beside it in the credential list.
	displayName = 'Zoom to Brevo: Brevo API';

	icon: Icon = { light: 'file:icons/brevo.svg', dark: 'file:icons/brevo.dark.svg' };

	documentationUrl = 'https://developers.brevo.com/docs/getting-started';

	properties: INodeProperties[] = [
		{
			displayName:
				"This credential talks to a test server, not to Brevo: the package's simulator, set up by npm start or its tests, or a Base URL saved with version 0.3.0 or earlier. To use Brevo, create a new credential.",
			name: 'testServerNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: { baseUrl: [{ _cnd: { exists: true } }] },
				hide: { baseUrl: [BREVO_API, `${BREVO_API}/`] },
			},
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'xkeysib-...',
			description: 'In Brevo under SMTP & API → API Keys: a v3 API key, not an SMTP key',
		},
		{
			// Hidden: only the tests and the demo point it elsewhere (at the simulator), and real
			// users reach a proxy through n8n's own proxy settings. Values saved while it was a
			// visible field (0.3.0 and earlier) are kept and still used.
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'hidden',
			default: BREVO_API,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// Resolved as nodes/shared/brevo/request.ts resolves it for the nodes' calls.
			baseURL: `={{ String($credentials.baseUrl || '').trim().replace(/\\/+$/, '') || '${BREVO_API}' }}`,
			url: '/account',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Brevo rejected the API key. Create a v3 API key under SMTP & API → API Keys (not an SMTP key) and paste it again.',
				},
			},
		],
	};
}
