import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import {
	zoomEnvironmentProperties,
	zoomOAuthBaseUrl,
	zoomUrlExpression,
} from '../nodes/shared/zoomEnvironment';
import { SERVER_TO_SERVER_SCOPES } from '../nodes/shared/zoomScopes';
import { describeZoomTokenFailure, tokenFailureFrom } from '../nodes/shared/zoomTokenErrors';

const [TEST_SCOPE, ...OTHER_SCOPES] = SERVER_TO_SERVER_SCOPES;

/**
 * Zoom Server-to-Server OAuth: the account_credentials grant is not one of n8n's OAuth2 grant
 * types, so the token is fetched in preAuthentication into a hidden expirable field. n8n then
 * stores it (encrypted, shared by every execution and worker), fetches it only when empty, and
 * fetches a new one once when Zoom answers 401 (a token lives one hour).
 */
export class ZoomServerToServerOAuthApi implements ICredentialType {
	name = 'zoomServerToServerOAuthApi';

	// Named for the package, beside n8n's own Zoom credentials in the credential list.
	displayName = 'Zoom to Brevo: Zoom Server-to-Server OAuth API';

	icon: Icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

	properties: INodeProperties[] = [
		...zoomEnvironmentProperties,
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description:
				'On the App Credentials page of your Server-to-Server OAuth app in the Zoom App Marketplace',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'On the same App Credentials page',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'On the same App Credentials page',
			hint: "Add the scopes these nodes use on your app's Scopes page: the package's README lists them",
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const tokenUrl = `${zoomOAuthBaseUrl(credentials)}/oauth/token`;
		let answer: { access_token?: unknown };
		try {
			answer = await this.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				auth: {
					username: String(credentials.clientId ?? ''),
					password: String(credentials.clientSecret ?? ''),
				},
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'account_credentials',
					account_id: String(credentials.accountId ?? ''),
				}).toString(),
				json: true,
			});
		} catch (error) {
			throw new UserError(describeZoomTokenFailure(tokenFailureFrom(error), tokenUrl));
		}
		if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
			throw new UserError(
				`Zoom's token endpoint ${tokenUrl} answered without an access token. Check the credential's Environment.`,
			);
		}
		return { accessToken: answer.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Listing one user is the cheapest call an account-level app can make; it needs
	// user:read:list_users:admin (TEST_SCOPE), which the node's pickers need too.
	test: ICredentialTestRequest = {
		request: {
			baseURL: zoomUrlExpression('$credentials', 'api'),
			url: '/users',
			qs: { page_size: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					// The whole list here, where the user is about to edit the app's scopes.
					message: `Zoom accepted the Account ID, Client ID and Secret, but the app lacks a scope: add ${TEST_SCOPE} on the Scopes page of your app, then activate it again. The nodes also use ${OTHER_SCOPES.join(', ')}.`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Zoom rejected the access token it issued. Make sure the Server-to-Server OAuth app is activated.',
				},
			},
		],
	};
}
