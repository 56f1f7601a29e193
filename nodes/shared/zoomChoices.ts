/** The Zoom choices both Zoom to Brevo and the Zoom Scheduled Trigger offer, worded once. */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { ZoomPlan } from './zoomPacer';

export const ZOOM_AUTHENTICATION_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Server-to-Server OAuth (Recommended)', value: 'serverToServer' },
	{ name: 'User OAuth2', value: 'userOAuth2' },
];

export const ZOOM_PLAN_OPTIONS: Array<INodePropertyOptions & { value: ZoomPlan }> = [
	{ name: 'Free', value: 'free' },
	{ name: 'Pro', value: 'pro' },
	{ name: 'Business or Higher', value: 'business' },
];
