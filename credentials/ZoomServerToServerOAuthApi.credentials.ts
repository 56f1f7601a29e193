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
import { describeZoomTokenFailure, tokenFailureFrom } from '../nodes/shared/zoomTokenErrors';

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
			description: "From your Server-to-Server OAuth app's App Credentials page",
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Scopes used by these nodes: user:read:list_users:admin, meeting:read:list_meetings:admin and webinar:read:list_webinars:admin (the meeting and webinar pickers), meeting:read:list_past_participants:admin, report:read:list_meeting_participants:admin, webinar:read:list_registrants:admin, webinar:read:list_past_participants:admin, webinar:read:list_absentees:admin, cloud_recording:read:list_recording_files:admin',
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
	// user:read:list_users:admin, which the node's pickers need too.
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
					message:
						'Zoom accepted the Account ID, Client ID and Secret, but the app lacks a scope: add user:read:list_users:admin (and the scopes in the Client Secret hint) on the Scopes page of your app, then activate it again.',
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
