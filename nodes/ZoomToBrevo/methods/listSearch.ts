import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { ZoomPacer } from '../../shared/zoomPacer';
import { zoomRequestWithRetry } from '../../shared/zoomPaging';
import { listItemsMatching, meetingListItem, webinarListItem, type ZoomMeetingSummary } from './listItems';

/** A dropdown should answer or explain within seconds, not wait out a daily limit. */
const MAX_WAIT_MS = 10_000;
/** Zoom pages of 300 read for one search before handing back a token to scroll on. */
const MAX_SEARCH_PAGES = 5;

function credentialTypeOf(context: ILoadOptionsFunctions) {
	return context.getNodeParameter('authentication', 'serverToServer') === 'userOAuth2' ? 'zoomUserOAuth2Api' : 'zoomServerToServerOAuthApi';
}

/** A search that is an email address names the host whose list to show. */
const HOST_EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/**
 * One page of a host's meetings or webinars: by default the credential's own (`me`: the user of an
 * OAuth2 credential, the app's owner for Server-to-Server); typing a host's email in the search
 * lists theirs instead — marketing webinars are often hosted by someone else in the account.
 */
async function listPage(
	context: ILoadOptionsFunctions,
	kind: 'meetings' | 'webinars',
	qs: IDataObject,
	host: string,
	paginationToken: string | undefined,
): Promise<{ rows: ZoomMeetingSummary[]; next?: string }> {
	const body = await zoomRequestWithRetry<IDataObject>(
		context,
		credentialTypeOf(context),
		{
			method: 'GET',
			path: `/users/${encodeURIComponent(host)}/${kind}`,
			qs: { ...qs, page_size: 300, ...pageQuery(paginationToken) },
			category: 'medium',
			what: host === 'me' ? `list your Zoom ${kind}` : `list the Zoom ${kind} of ${host}`,
		},
		{ pacer: new ZoomPacer('pro'), maxWaitMs: MAX_WAIT_MS },
	);
	const rows = Array.isArray(body[kind]) ? (body[kind] as ZoomMeetingSummary[]) : [];
	if (typeof body.next_page_token === 'string' && body.next_page_token !== '') return { rows, next: body.next_page_token };
	// "List webinars" pages by number (Rivet's WebinarsListWebinarsQueryParams: page_size,
	// page_number) — only for a list that gave no token from its first page on: a list paged by token
	// may report a page_number that does not move.
	const { page_number: number, page_count: count } = body;
	const pagedByNumber = !paginationToken || paginationToken.startsWith(BY_NUMBER);
	return pagedByNumber && typeof number === 'number' && typeof count === 'number' && number < count ? { rows, next: `${BY_NUMBER}${number + 1}` } : { rows };
}

/** n8n hands the dropdown's token back as it was given: a page number travels as `page:<n>`. */
const BY_NUMBER = 'page:';

function pageQuery(paginationToken: string | undefined): IDataObject {
	if (!paginationToken) return {};
	if (paginationToken.startsWith(BY_NUMBER)) return { page_number: Number(paginationToken.slice(BY_NUMBER.length)) };
	return { next_page_token: paginationToken };
}

async function search(
	context: ILoadOptionsFunctions,
	kind: 'meetings' | 'webinars',
	qs: IDataObject,
	toItem: (row: ZoomMeetingSummary) => INodeListSearchItems,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const typed = filter?.trim() ?? '';
	const byHost = HOST_EMAIL.test(typed);
	const host = byHost ? typed.toLowerCase() : 'me';
	const results: INodeListSearchItems[] = [];
	let token = paginationToken;
	let pages = 0;
	// n8n's dropdown loads further pages by itself only while nothing is typed; with a search,
	// read on (a few pages at most) until something matches, or "No results" would hide later pages.
	do {
		const { rows, next } = await listPage(context, kind, qs, host, token);
		const items = rows.map(toItem);
		results.push(...(byHost ? items : listItemsMatching(items, typed)));
		token = next;
		pages++;
	} while (typed && !byHost && results.length === 0 && token && pages < MAX_SEARCH_PAGES);
	return token ? { results, paginationToken: token } : { results };
}

/** "From list" for the meeting: past meetings, since participants exist only once a meeting ended. */
export async function searchMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search(this, 'meetings', { type: 'previous_meetings' }, meetingListItem, filter, paginationToken);
}

/** "From list" for registering people: meetings still to come. */
export async function searchUpcomingMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search(this, 'meetings', { type: 'upcoming' }, meetingListItem, filter, paginationToken);
}

export async function searchWebinars(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search(this, 'webinars', {}, webinarListItem, filter, paginationToken);
}
