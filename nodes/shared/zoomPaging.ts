import type { IDataObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpFailureOf } from './httpFailure';
import type { ZoomCredentialType } from './zoomApi';
import { zoomRequestWithRetry, type ZoomCallOptions } from './zoomCall';
import type { ZoomRateCategory } from './zoomPacer';

export { zoomRequestWithRetry, type ZoomCallOptions } from './zoomCall';

/** Zoom's largest page. */
export const ZOOM_PAGE_SIZE = 300;

export interface ZoomListRequest {
	credentialType: ZoomCredentialType;
	/** Path below the API base, already encoded (see meetingPathId). */
	path: string;
	qs?: IDataObject;
	/** The array in each page, e.g. 'participants', 'registrants'. */
	listKey: string;
	category: ZoomRateCategory;
	/** The user's words for errors, e.g. "list the meeting's participants". */
	what: string;
	/** The API base when the caller already knows it (see ZoomRequest.baseUrl). */
	baseUrl?: string;
}

export interface ZoomList<T> {
	rows: T[];
	/** Pages fetched, including those of a listing that was restarted. */
	pages: number;
	/** Times the listing started over because a page token expired (0 or 1). */
	restarts: number;
	/** Zoom's `total_records` from the last page, when it sent one. */
	totalRecords?: number;
}

interface ZoomPage {
	next_page_token?: string;
	total_records?: number;
	page_count?: number;
	page_number?: number;
	[key: string]: unknown;
}

/**
 * The page after `page` in a list Zoom pages by number, not by token: "List webinars"
 * (`GET /users/{userId}/webinars`) takes `page_size` and `page_number` (Rivet's
 * WebinarsListWebinarsQueryParams). Only when the first page had no `next_page_token`: a list paged
 * by token may report a `page_number` that does not move.
 */
function nextPageNumber(page: ZoomPage | undefined, byNumber: boolean): number | undefined {
	if (!byNumber || typeof page?.page_number !== 'number' || typeof page.page_count !== 'number') return undefined;
	return page.page_number < page.page_count ? page.page_number + 1 : undefined;
}

type ZoomListContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions;

/** Zoom's answer to a page token older than its 15 minutes: 400, code 300. */
function isExpiredPageToken(error: unknown): boolean {
	const { status, body } = httpFailureOf(error);
	if (status !== 400 || !body || typeof body !== 'object') return false;
	const { code, message } = body as { code?: unknown; message?: unknown };
	return Number(code) === 300 && /page token/i.test(typeof message === 'string' ? message : 'page token');
}

/** Where a listing's rows go, page by page: a caller that folds them (one merged person per
 *  email) keeps no row longer than its page. */
export interface ZoomListSink<T> {
	/** Before the first page, and again when the listing starts over (rows already added are void). */
	restart(): void;
	add(rows: T[]): void;
}

/**
 * One page of a listing into `sink`. Only what paging needs comes back: the page itself (300 rows)
 * is let go before the next request, not held through that request's wait, where it outlived the
 * young generation and 150 000 rows' pages piled up as old garbage (issue #25: memory).
 */
async function pageInto<T>(
	context: ZoomListContext,
	request: ZoomListRequest,
	options: ZoomCallOptions,
	sink: ZoomListSink<T>,
	at: { token: string; pageNumber?: number; byNumber?: boolean },
): Promise<{ next: string; following?: number; byNumber: boolean; totalRecords?: number }> {
	const { token, pageNumber } = at;
	const page = await zoomRequestWithRetry<ZoomPage>(
		context,
		request.credentialType,
		{
			method: 'GET',
			path: request.path,
			qs: {
				...request.qs,
				page_size: ZOOM_PAGE_SIZE,
				...(token ? { next_page_token: token } : pageNumber ? { page_number: pageNumber } : {}),
			},
			what: request.what,
			category: request.category,
			baseUrl: request.baseUrl,
		},
		options,
	);
	const list = page?.[request.listKey];
	if (Array.isArray(list)) sink.add(list as T[]);
	const totalRecords = typeof page?.total_records === 'number' ? page.total_records : undefined;
	const next = typeof page?.next_page_token === 'string' ? page.next_page_token : '';
	if (next !== '' && next === token) {
		throw new NodeApiError(context.getNode(), page as JsonObject, {
			message: `Zoom sent the same page token twice while trying to ${request.what}`,
			description: 'Stopped so the listing does not loop. Run the node again.',
		});
	}
	const byNumber = at.byNumber ?? next === '';
	const following = nextPageNumber(page, byNumber);
	if (following !== undefined && following <= (pageNumber ?? 1)) {
		throw new NodeApiError(context.getNode(), page as JsonObject, {
			message: `Zoom sent the same page twice while trying to ${request.what}`,
			description: 'Stopped so the listing does not loop. Run the node again.',
		});
	}
	return { next, following, byNumber, totalRecords };
}

/**
 * Every row of a Zoom list into `sink`, following `next_page_token` with pages of 300. A page token
 * that expires mid-way (a slow run) restarts the listing from the first page once — the sink is
 * told, so no row counts twice; a second expiry is an error.
 */
export async function zoomListInto<T = IDataObject>(
	context: ZoomListContext,
	request: ZoomListRequest,
	options: ZoomCallOptions,
	sink: ZoomListSink<T>,
): Promise<Omit<ZoomList<T>, 'rows'>> {
	let pages = 0;
	let restarts = 0;
	for (;;) {
		sink.restart();
		let totalRecords: number | undefined;
		let token = '';
		let pageNumber: number | undefined;
		// Decided by the first page: by token when it gives one, else by page number.
		let byNumber: boolean | undefined;
		try {
			do {
				const step = await pageInto(context, request, options, sink, { token, pageNumber, byNumber });
				pages++;
				if (step.totalRecords !== undefined) totalRecords = step.totalRecords;
				byNumber = step.byNumber;
				token = step.next;
				pageNumber = step.following;
			} while (token !== '' || pageNumber !== undefined);
			return { pages, restarts, totalRecords };
		} catch (error) {
			// Already n8n's NodeApiError with advice: wrapping it again hands it back as it is.
			const failure = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
			if (token === '' || !isExpiredPageToken(failure)) throw failure;
			if (restarts > 0) {
				const expired = failure;
				expired.message = `A Zoom page token expired twice while trying to ${request.what}`;
				expired.description =
					'Zoom page tokens live 15 minutes. The listing already started over once and was too slow again, ' +
					"usually because other workflows spend the same Zoom account's rate limit. Run the node again later.";
				throw expired;
			}
			restarts++;
		}
	}
}

/** Every row of a Zoom list, in one array (see zoomListInto). */
export async function zoomListAll<T = IDataObject>(
	context: ZoomListContext,
	request: ZoomListRequest,
	options: ZoomCallOptions,
): Promise<ZoomList<T>> {
	const rows: T[] = [];
	const listed = await zoomListInto<T>(context, request, options, {
		restart: () => {
			rows.length = 0;
		},
		add: (page) => {
			for (const row of page) rows.push(row);
		},
	});
	return { rows, ...listed };
}
