import type { Marketplace } from '../../contracts/vendor';
import { isObject, json, noContent, type SimRequest, type SimResponse } from '../http';
import { randomToken } from '../random';
import { safeDecode } from '../router';
import { zoomError } from './errors';
import { isPage, listKey, paginate } from './paging';
import type { ZoomRoute } from './route';
import type { IssuedToken, ZoomContext, ZoomEventSubscription } from './state';

/**
 * Programmatic webhook subscriptions (`/marketplace/app/event_subscription`). App-owned, so they
 * need a client-credentials or S2S token. Codes and wordings follow Zoom's Marketplace reference.
 */
const SCOPES = ['user', 'account', 'master_account'] as const;
const EVENT_NAME = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
const MAX_USER_IDS = 10;

const errors = {
	emptyEvents: () => zoomError(400, 1500, 'The events list is empty.'),
	emptyUrl: () => zoomError(400, 1500, 'The event webhook url is empty.'),
	invalidScope: () => zoomError(400, 1500, 'The subscription scope is invalid.'),
	tooManyUsers: () => zoomError(400, 1500, `The user_ids list exceeds the limit of ${MAX_USER_IDS}.`),
	badUrl: (url: string) => zoomError(404, 1701, `The event webhook url validate failed: ${url}.`),
	unknownEvent: (name: string) => zoomError(404, 1601, `App event not exists: ${name}`),
	unknownUser: (id: string) => zoomError(404, 1001, `User does not exist or does not belong to this account: ${id}.`),
	missing: (name: string) => zoomError(400, 400, `Invalid parameter: ${name}`),
	unknownSubscription: (id: string) => zoomError(404, 1601, `App event subscription is invalid: ${id}`),
};

function validUrl(value: string): boolean {
	try {
		return /^https?:$/.test(new URL(value).protocol);
	} catch {
		return false;
	}
}

function checkEvents(events: unknown): SimResponse | string[] {
	if (!Array.isArray(events) || events.length === 0) return errors.emptyEvents();
	for (const e of events) if (typeof e !== 'string' || !EVENT_NAME.test(e)) return errors.unknownEvent(String(e));
	return events as string[];
}

function checkUsers(ctx: ZoomContext, userIds: unknown): SimResponse | string[] {
	if (userIds === undefined) return [];
	const ids = typeof userIds === 'string' ? userIds.split(',').filter(Boolean) : userIds;
	if (!Array.isArray(ids)) return errors.unknownUser(String(ids));
	if (ids.length > MAX_USER_IDS) return errors.tooManyUsers();
	for (const id of ids) if (!ctx.state.users.some((u) => u.id === id)) return errors.unknownUser(String(id));
	return ids as string[];
}

function find(ctx: ZoomContext, id: string | undefined): ZoomEventSubscription | undefined {
	return id ? ctx.state.eventSubscriptions.get(id) : undefined;
}

function create(ctx: ZoomContext, req: SimRequest, token: IssuedToken): SimResponse {
	const body = isObject(req.body) ? req.body : {};
	const events = checkEvents(body.events);
	if (!Array.isArray(events)) return events;
	const url = typeof body.event_webhook_url === 'string' ? body.event_webhook_url : '';
	if (!url) return errors.emptyUrl();
	const scope = body.subscription_scope;
	if (typeof scope !== 'string' || !(SCOPES as readonly string[]).includes(scope)) return errors.invalidScope();
	if (!validUrl(url)) return errors.badUrl(url);
	const users = checkUsers(ctx, body.user_ids);
	if (!Array.isArray(users)) return users;
	const id = randomToken(16).slice(0, 22);
	ctx.state.eventSubscriptions.set(id, {
		event_subscription_id: id,
		event_subscription_name: typeof body.event_subscription_name === 'string' ? body.event_subscription_name : '',
		event_webhook_url: url,
		events,
		subscription_scope: scope as ZoomEventSubscription['subscription_scope'],
		user_ids: users,
		account_id: typeof body.account_id === 'string' ? body.account_id : ctx.state.accountId,
		created_source: 'openapi',
		subscriber_id: token.clientId,
		subscribed: true,
		created_at: new Date(ctx.now()).toISOString(),
	});
	return json(201, { event_subscription_id: id } satisfies Marketplace.AppCreateEventSubscriptionResponse);
}

/**
 * `GET .../event_subscription`. Zoom's Marketplace reference ("Get user or account event
 * subscription", MEDIUM) marks `user_id` and `account_id` required and documents 404 / 1001
 * "User does not exist or does not belong to this account." for a user outside it. What Zoom
 * answers when either is left out is not documented; this answers as the same reference does for
 * a missing parameter of its other App endpoints (400 / 400 "Invalid parameter: user_id").
 */
function list(ctx: ZoomContext, req: SimRequest): SimResponse {
	const { user_id: userId, subscription_scope: scope, account_id: accountId } = req.query;
	if (!userId) return errors.missing('user_id');
	if (!accountId) return errors.missing('account_id');
	if (accountId !== ctx.state.accountId || !ctx.state.users.some((u) => u.id === userId)) return errors.unknownUser(userId);
	const subscriptions = [...ctx.state.eventSubscriptions.values()].filter(
		(s) =>
			(!scope || s.subscription_scope === scope) &&
			(!accountId || s.account_id === accountId) &&
			(!userId || s.subscription_scope !== 'user' || s.user_ids.includes(userId)),
	);
	const page = paginate(ctx, listKey(req.subPath, req.query, ['user_id', 'subscription_scope', 'account_id']), req.query, subscriptions.length);
	if (!isPage(page)) return page;
	return json(200, {
		next_page_token: page.envelope.next_page_token,
		page_size: page.pageSize,
		event_subscriptions: subscriptions.slice(page.start, page.end).map((s) => ({
			event_subscription_id: s.event_subscription_id,
			events: s.events,
			event_subscription_name: s.event_subscription_name,
			event_webhook_url: s.event_webhook_url,
			subscription_scope: s.subscription_scope,
			created_source: s.created_source,
			subscriber_id: s.subscriber_id,
		})),
	} satisfies Marketplace.AppGetUserOrAccountEventSubscriptionResponse);
}

/** `PATCH .../event_subscription` (no id in the path): change events, name or URL. */
function update(ctx: ZoomContext, req: SimRequest): SimResponse {
	const body = isObject(req.body) ? req.body : {};
	const id = (typeof body.event_subscription_id === 'string' ? body.event_subscription_id : undefined) ?? req.query.event_subscription_id;
	const subscription = find(ctx, id);
	if (!subscription) return errors.unknownSubscription(id ?? '');
	if (body.events !== undefined) {
		const events = checkEvents(body.events);
		if (!Array.isArray(events)) return events;
		subscription.events = events;
	}
	if (body.event_webhook_url !== undefined) {
		const url = String(body.event_webhook_url);
		if (!url) return errors.emptyUrl();
		if (!validUrl(url)) return errors.badUrl(url);
		subscription.event_webhook_url = url;
	}
	if (typeof body.event_subscription_name === 'string') subscription.event_subscription_name = body.event_subscription_name;
	return noContent();
}

/** `PATCH .../event_subscription/{id}`: subscribe more users (or the account) to it. */
function subscribe(ctx: ZoomContext, req: SimRequest, rawId: string): SimResponse {
	const id = safeDecode(rawId);
	const subscription = find(ctx, id);
	if (!subscription) return errors.unknownSubscription(id);
	const body = isObject(req.body) ? req.body : {};
	const users = checkUsers(ctx, body.user_ids);
	if (!Array.isArray(users)) return users;
	subscription.user_ids = [...new Set([...subscription.user_ids, ...users])];
	subscription.subscribed = true;
	return noContent();
}

/** `DELETE .../event_subscription?event_subscription_id=`: unsubscribe users (all when none named). */
function unsubscribe(ctx: ZoomContext, req: SimRequest): SimResponse {
	const id = req.query.event_subscription_id;
	const subscription = find(ctx, id);
	if (!subscription) return errors.unknownSubscription(id ?? '');
	const users = checkUsers(ctx, req.query.user_ids);
	if (!Array.isArray(users)) return users;
	if (users.length === 0) {
		subscription.subscribed = false;
	} else {
		subscription.user_ids = subscription.user_ids.filter((u) => !users.includes(u));
	}
	return noContent();
}

function remove(ctx: ZoomContext, rawId: string): SimResponse {
	const id = safeDecode(rawId);
	if (!ctx.state.eventSubscriptions.delete(id)) return errors.unknownSubscription(id);
	return noContent();
}

const BASE = '/marketplace/app/event_subscription';

export const eventSubscriptionRoutes: ZoomRoute[] = [
	{ method: 'POST', pattern: BASE, category: 'heavy', appTokenOnly: true, handle: (ctx, req, _p, token) => create(ctx, req, token) },
	{ method: 'GET', pattern: BASE, category: 'medium', appTokenOnly: true, handle: (ctx, req) => list(ctx, req) },
	{ method: 'PATCH', pattern: BASE, category: 'medium', appTokenOnly: true, handle: (ctx, req) => update(ctx, req) },
	{ method: 'DELETE', pattern: BASE, category: 'medium', appTokenOnly: true, handle: (ctx, req) => unsubscribe(ctx, req) },
	{ method: 'PATCH', pattern: `${BASE}/:id`, category: 'medium', appTokenOnly: true, handle: (ctx, req, p) => subscribe(ctx, req, p.id) },
	{ method: 'DELETE', pattern: `${BASE}/:id`, category: 'medium', appTokenOnly: true, handle: (ctx, _req, p) => remove(ctx, p.id) },
];
