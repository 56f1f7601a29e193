import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { zoomApiRequest } from '../shared/zoomApi';

/**
 * Event subscriptions created through Zoom's API (/marketplace/app/event_subscription). They
 * belong to the app, so they need an app-level token: the Server-to-Server OAuth credential.
 */
const CREDENTIAL = 'zoomServerToServerOAuthApi';
const PATH = '/marketplace/app/event_subscription';

export interface SubscriptionList {
	next_page_token?: string;
	event_subscriptions?: Array<{ event_subscription_id?: string; event_webhook_url?: string }>;
}

/** What this reads of `GET /users` (checked against the vendor's type in test/contracts). */
export interface UserPage {
	users?: Array<{ id?: string }>;
}

/**
 * The query Zoom requires to list the app's event subscriptions. Zoom's Marketplace reference
 * ("Get user or account event subscription", developers.zoom.us/docs/api/marketplace) marks both
 * `account_id` and `user_id` required, and answers 404 / 1001 "User does not exist or does not
 * belong to this account" for a user that is not the account's. The account is the credential's;
 * any active user of it names it, since the trigger's subscriptions are account-wide
 * (`subscription_scope: account`). Listing one user needs the scope the credential test already
 * uses (`user:read:list_users:admin`), so the webhook trigger asks for no new scope.
 */
async function listQuery(context: IHookFunctions): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL);
	const accountId = String(credentials.accountId ?? '').trim();
	const users = await zoomApiRequest<UserPage>(context, CREDENTIAL, {
		method: 'GET',
		path: '/users',
		qs: { status: 'active', page_size: 1 },
		what: "find a user of the Zoom account (Zoom's subscription list asks for one)",
	});
	const userId = users.users?.[0]?.id;
	if (!userId) throw new NodeOperationError(context.getNode(), 'Zoom listed no active user for this account, so the event subscriptions cannot be listed', { description: "Check the Server-to-Server OAuth credential's Account ID." });
	return { account_id: accountId, user_id: userId, subscription_scope: 'account' };
}

export async function findSubscription(
	context: IHookFunctions,
	subscriptionId: string,
	webhookUrl: string,
): Promise<boolean> {
	const query = await listQuery(context);
	// An app has at most 20 event subscriptions (Zoom's "Using webhooks" page), so one page of
	// 300 holds them; the token is followed all the same, should Zoom page smaller.
	let pageToken: string | undefined;
	do {
		const page: SubscriptionList = await zoomApiRequest<SubscriptionList>(context, CREDENTIAL, {
			method: 'GET',
			path: PATH,
			qs: { ...query, page_size: 300, ...(pageToken ? { next_page_token: pageToken } : {}) },
			what: 'list the event subscriptions of the Zoom app',
		});
		if ((page.event_subscriptions ?? []).some((s) => s.event_subscription_id === subscriptionId && s.event_webhook_url === webhookUrl)) return true;
		pageToken = page.next_page_token || undefined;
	} while (pageToken);
	return false;
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
