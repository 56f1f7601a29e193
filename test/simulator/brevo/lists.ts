import type { Brevo } from '../../contracts/vendor';
import { isObject, json } from '../http';
import type { BrevoContact } from '../fixture/types';
import { addToLists, removeFromLists, touch } from './contactStore';
import { brevoErrors } from './errors';
import type { BrevoRoute } from './route';
import { brevoTime, type BrevoContext, type BrevoList } from './state';
import { isValidEmail } from './validation';

const MAX_LIST_PAGE = 50;
const MAX_EMAILS_PER_CALL = 150;

function members(ctx: BrevoContext, list: BrevoList): BrevoContact[] {
	return [...ctx.state.contacts.values()].filter((c) => c.listIds.includes(list.id));
}

/** A list, typed by the SDK's `GetListResponse` (`GET /contacts/lists/{id}`; `GET /contacts/lists`
 *  lists the same without `createdAt`, see `listRow`). */
function listView(ctx: BrevoContext, list: BrevoList) {
	const subscribed = members(ctx, list);
	return {
		id: list.id,
		name: list.name,
		folderId: list.folderId,
		uniqueSubscribers: subscribed.length,
		totalSubscribers: subscribed.filter((c) => !c.emailBlacklisted).length,
		totalBlacklisted: subscribed.filter((c) => c.emailBlacklisted).length,
		createdAt: list.createdAt,
	} satisfies Brevo.GetListResponse;
}

/** A row of `GET /contacts/lists`, typed by the SDK's `GetListsResponse`: no `createdAt` there (the
 *  simulator listed it until issue #24). */
function listRow(ctx: BrevoContext, list: BrevoList): Brevo.GetListsResponse.Lists.Item {
	const { createdAt: _createdAt, ...row } = listView(ctx, list);
	return row;
}

/** Brevo adds or removes up to 150 existing contacts per call; each one lands in success or failure. */
function changeMembership(ctx: BrevoContext, listId: string, body: unknown, add: boolean) {
	const list = ctx.state.lists.get(Number(listId));
	if (!list) return brevoErrors.notFound('List ID does not exist');
	if (!isObject(body)) return brevoErrors.invalid('Invalid request body');
	const emails = body.emails;
	const ids = body.ids;
	const wanted: string[] = Array.isArray(emails) ? emails.map(String) : Array.isArray(ids) ? ids.map(String) : [];
	if (wanted.length === 0) return brevoErrors.missing('emails or ids is missing');
	if (wanted.length > MAX_EMAILS_PER_CALL) return brevoErrors.outOfRange(`You can add or remove up to ${MAX_EMAILS_PER_CALL} contacts at once`);
	const success: string[] = [];
	const failure: string[] = [];
	for (const value of wanted) {
		const contact = Array.isArray(emails)
			? isValidEmail(value)
				? ctx.state.contacts.get(value.toLowerCase())
				: undefined
			: [...ctx.state.contacts.values()].find((c) => String(c.id) === value);
		const inList = contact?.listIds.includes(list.id) ?? false;
		if (!contact || inList === add) {
			failure.push(value);
			continue;
		}
		if (add) addToLists(contact, [list.id]);
		else removeFromLists(contact, [list.id]);
		touch(ctx, contact);
		success.push(value);
	}
	if (success.length === 0) return brevoErrors.invalid(add ? 'Contact already in list and/or does not exist' : 'Contact does not exist in the list');
	return json(201, { contacts: { success, failure, total: success.length } });
}

export const listRoutes: BrevoRoute[] = [
	{
		method: 'GET',
		pattern: '/contacts/lists',
		handle(ctx, req) {
			const limit = req.query.limit === undefined ? 10 : Number(req.query.limit);
			const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
			if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIST_PAGE) return brevoErrors.outOfRange(`limit should be between 0 and ${MAX_LIST_PAGE}`);
			if (!Number.isInteger(offset) || offset < 0) return brevoErrors.invalid('offset should be a positive integer');
			const all = [...ctx.state.lists.values()].sort((a, b) => (req.query.sort === 'asc' ? a.id - b.id : b.id - a.id));
			return json(200, { lists: all.slice(offset, offset + limit).map((l) => listRow(ctx, l)), count: all.length } satisfies Brevo.GetListsResponse);
		},
	},
	{
		method: 'POST',
		pattern: '/contacts/lists',
		handle(ctx, req) {
			if (!isObject(req.body)) return brevoErrors.invalid('Invalid request body');
			const { name, folderId } = req.body;
			if (typeof name !== 'string' || name.trim() === '') return brevoErrors.missing('name is missing');
			if (folderId === undefined) return brevoErrors.missing('folderId is missing');
			if (!ctx.state.folders.has(Number(folderId))) return brevoErrors.notFound('Folder ID does not exist');
			const id = ctx.state.nextIds.list++;
			ctx.state.lists.set(id, { id, name, folderId: Number(folderId), createdAt: brevoTime(ctx.now()) });
			return json(201, { id });
		},
	},
	{
		method: 'GET',
		pattern: '/contacts/lists/:listId',
		handle(ctx, _req, params) {
			const list = ctx.state.lists.get(Number(params.listId));
			return list ? json(200, listView(ctx, list)) : brevoErrors.notFound('List ID does not exist');
		},
	},
	{ method: 'POST', pattern: '/contacts/lists/:listId/contacts/add', handle: (ctx, req, p) => changeMembership(ctx, p.listId, req.body, true) },
	{ method: 'POST', pattern: '/contacts/lists/:listId/contacts/remove', handle: (ctx, req, p) => changeMembership(ctx, p.listId, req.body, false) },
	{
		method: 'GET',
		pattern: '/contacts/folders',
		handle(ctx) {
			const folders = [...ctx.state.folders.values()];
			return json(200, { folders, count: folders.length });
		},
	},
];
