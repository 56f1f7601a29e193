import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { zoomEnvironmentProperties, zoomUrlExpression } from '../nodes/shared/zoomEnvironment';

/**
 * Zoom user-level OAuth 2.0 (authorization code). n8n's OAuth2 machinery does the consent screen,
 * the code exchange and the refresh (Zoom rotates refresh tokens; n8n stores the new one). Zoom
 * wants the client ID and secret as HTTP Basic auth on the token endpoint, hence "header".
 */
export class ZoomUserOAuth2Api implements ICredentialType {
	name = 'zoomUserOAuth2Api';

	extends = ['oAuth2Api'];

	// Named for the package: n8n's own "Zoom OAuth2 API" sits beside it in the credential list.
	displayName = 'Zoom to Brevo: Zoom User OAuth2 API';

	icon: Icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/integrations/oauth/';

	properties: INodeProperties[] = [
		{
			// Client ID and Secret are n8n's OAuth2 fields, so the notice says where they are; the
			// scope list itself is in the README, as it does not fit in a dialog.
			displayName:
				"Copy the Client ID and Client Secret from your Zoom app's App Credentials page, and add the scopes these nodes use (listed in the package's README) on its Scopes page",
			name: 'scopesNotice',
			type: 'notice',
			default: '',
		},
		...zoomEnvironmentProperties,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: zoomUrlExpression('$self', 'oauth', '/oauth/authorize'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: zoomUrlExpression('$self', 'oauth', '/oauth/token'),
		},
		{
			// Zoom takes the scopes from the app's configuration, not from the authorize request.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];
}
