import { openSession, requestWithin, type BrevoSession } from './request';
import type { Ctx } from './types';

/** What this reads of a page of `GET /smtp/templates` (checked against the vendor's type in test/contracts). */
export type TemplatesPage = { templates?: Array<{ id?: unknown; name?: unknown; subject?: unknown }>; count?: unknown };

/** What this reads of a page of `GET /contacts/lists` (checked against the vendor's type in test/contracts). */
export type ListsPage = { lists?: Array<{ id?: unknown; name?: unknown }>; count?: unknown };

/** Brevo's largest page of lists. */
const PAGE = 50;
/** A guard against a paging loop that never ends: 10 000 lists. */
const MAX_PAGES = 200;

/** Every contact list of the account, all pages. */
export async function listBrevoLists(context: Ctx): Promise<Array<{ id: number; name: string }>> {
	const session = await openSession(context);
	const lists: Array<{ id: number; name: string }> = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await requestWithin<ListsPage>(session, {
			method: 'GET',
			path: '/contacts/lists',
			qs: { limit: PAGE, offset: page * PAGE, sort: 'desc' },
			what: 'list contact lists',
		});
		const batch = body?.lists ?? [];
		for (const list of batch) lists.push({ id: Number(list.id), name: String(list.name ?? '') });
		const count = typeof body?.count === 'number' ? body.count : undefined;
		if (batch.length < PAGE || (count !== undefined && lists.length >= count)) break;
	}
	return lists;
}

/** Brevo's largest page of templates is 1000; 100 keeps each answer small. */
const TEMPLATE_PAGE = 100;

/** The account's active transactional templates (the ones an email can be sent with), all pages. */
export async function listBrevoTemplates(context: Ctx): Promise<Array<{ id: number; name: string; subject: string }>> {
	const session = await openSession(context);
	const templates: Array<{ id: number; name: string; subject: string }> = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await requestWithin<TemplatesPage>(session, {
			method: 'GET',
			path: '/smtp/templates',
			qs: { templateStatus: true, limit: TEMPLATE_PAGE, offset: page * TEMPLATE_PAGE },
			what: 'list email templates',
		});
		const batch = body?.templates ?? [];
		for (const t of batch) templates.push({ id: Number(t.id), name: String(t.name ?? ''), subject: String(t.subject ?? '') });
		const count = typeof body?.count === 'number' ? body.count : undefined;
		if (batch.length < TEMPLATE_PAGE || (count !== undefined && templates.length >= count)) break;
	}
	return templates;
}

/** The account's lists, read once per execution (its Brevo session) for the run's summaries: an
 *  execution of many deliveries spends one read, not one per delivery. */
const listsOf = new WeakMap<BrevoSession, Promise<Array<{ id: number; name: string }>>>();

/**
 * The names of the given lists, for what a run says ("on list “Webinar attendees” (#16)"). A list
 * the read did not find, or a failed read, leaves the number alone: a summary never fails a sync.
 */
export async function listNames(context: Ctx, ids: number[]): Promise<Map<number, string>> {
	if (ids.length === 0) return new Map();
	const session = await openSession(context);
	let listed = listsOf.get(session);
	if (!listed) {
		listed = listBrevoLists(context);
		listsOf.set(session, listed);
	}
	try {
		const lists = await listed;
		return new Map(lists.filter((list) => ids.includes(list.id) && list.name).map((list) => [list.id, list.name]));
	} catch {
		// Only the names are missing: the summary says the numbers.
		return new Map();
	}
}
