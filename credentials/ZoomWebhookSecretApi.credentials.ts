import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The Secret Token of a Zoom app's Event Subscriptions (Features → Access → Secret Token). The
 * Zoom Trigger signs the URL-validation answer with it and checks every delivery's signature.
 * Kept in a credential, not a node parameter, so it is stored encrypted and never exported
 * with the workflow.
 */
export class ZoomWebhookSecretApi implements ICredentialType {
	name = 'zoomWebhookSecretApi';

	// Named for the package, like its other credentials.
	displayName = 'Zoom to Brevo: Zoom Webhook Secret API';

	icon: Icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"Zoom App Marketplace → your app → Features → Access → Secret Token (the old Verification Token is retired and not used)",
		},
	];
}
