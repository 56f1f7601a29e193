import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { zoomApiRequest } from '../shared/zoomApi';

/**
 * Event subscriptions created through Zoom's API (/marketplace/app/event_subscription). They
 * belong to the app, so they need an app-level token: the Server-to-Server OAuth credential.
 */
const CREDENTIAL = 'zoomServerToServerOAuthApi';
const PATH = '/marketplace/app/event_subscription';

export interface SubscriptionList {
	event_subscriptions?: Array<{ event_subscription_id?: string; event_webhook_url?: string }>;
}

export async function findSubscription(
	context: IHookFunctions,
	subscriptionId: string,
	webhookUrl: string,
): Promise<boolean> {
	const list = await zoomApiRequest<SubscriptionList>(
		context,
		CREDENTIAL,
		{
			method: 'GET',
			path: PATH,
			qs: { page_size: 300 },
			what: 'list the event subscriptions of the Zoom app',
		},
	);
	return (list.event_subscriptions ?? []).some(
		(s) => s.event_subscription_id === subscriptionId && s.event_webhook_url === webhookUrl,
	);
}

export async function createSubscription(
	context: IHookFunctions,
	webhookUrl: string,
	events: string[],
	name: string,
): Promise<string> {
	const body: IDataObject = {
		event_subscription_name: name,
		event_webhook_url: webhookUrl,
		events,
		subscription_scope: 'account',
	};
	const answer = await zoomApiRequest<IDataObject>(
		context,
		CREDENTIAL,
		{ method: 'POST', path: PATH, body, what: 'create an event subscription for this trigger' },
	);
	return String(answer.event_subscription_id ?? '');
}

export async function deleteSubscription(context: IHookFunctions, subscriptionId: string): Promise<void> {
	await zoomApiRequest(context, CREDENTIAL, {
		method: 'DELETE',
		path: `${PATH}/${encodeURIComponent(subscriptionId)}`,
		what: 'delete the event subscription of this trigger',
	});
}
