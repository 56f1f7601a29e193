import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

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
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Brevo → SMTP & API → API Keys. Starts with xkeysib-.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.brevo.com/v3',
			description: 'Leave as is for Brevo. Change it only to go through a proxy or a local simulator.',
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
			baseURL: "={{ String($credentials.baseUrl || 'https://api.brevo.com/v3').replace(/\\/+$/, '') }}",
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
