import { randomAlnum } from '../random';
import type { SimResponse } from '../http';
import { zoomErrors } from './errors';
import type { ZoomContext } from './state';

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 300;

/** Zoom clamps instead of refusing: page_size=1000 gives pages of 300. */
export function pageSizeOf(query: Record<string, string>): number {
	const raw = query.page_size;
	if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZE;
	const n = Number(raw);
	if (!Number.isFinite(n) || n < 1) return DEFAULT_PAGE_SIZE;
	return Math.min(Math.floor(n), MAX_PAGE_SIZE);
}

export interface Page {
	start: number;
	end: number;
	pageSize: number;
	/** Zoom's envelope fields: `next_page_token` is '' on the last page. */
	envelope: { page_count: number; page_size: number; total_records: number; next_page_token: string };
}

/**
 * Cuts one page out of a list of `total` items. `list` names the list (path and filters) so that a
 * token only works for the list that issued it; tokens die after the page-token lifetime.
 */
export function paginate(ctx: ZoomContext, list: string, query: Record<string, string>, total: number): Page | SimResponse {
	const pageSize = pageSizeOf(query);
	let start = 0;
	const token = query.next_page_token;
	if (token) {
		const cursor = ctx.state.pageTokens.get(token);
		if (!cursor || cursor.list !== list || cursor.expiresAt <= ctx.now()) return zoomErrors.invalidPageToken();
		start = cursor.offset;
	}
	const end = Math.min(start + pageSize, total);
	let next = '';
	if (end < total) {
		next = randomAlnum(32);
		ctx.state.pageTokens.set(next, { list, offset: end, expiresAt: ctx.now() + ctx.config.pageTokenTtlMs });
	}
	return {
		start,
		end,
		pageSize,
		envelope: { page_count: Math.ceil(total / pageSize), page_size: pageSize, total_records: total, next_page_token: next },
	};
}

export function isPage(value: Page | SimResponse): value is Page {
	return 'envelope' in value;
}

/** The list identity for page tokens: path plus the query parameters that change the list. */
export function listKey(subPath: string, query: Record<string, string>, filters: string[]): string {
	return [subPath, ...filters.map((f) => `${f}=${query[f] ?? ''}`)].join('|');
}

/**
 * One page of a list Zoom pages by number: "List webinars" (`GET /users/{userId}/webinars`) takes
 * `page_size` and `page_number` and no `next_page_token` (Rivet's WebinarsListWebinarsQueryParams;
 * PSZoom's Get-ZoomWebinarsFromUser, "PageNumber: The current page number of returned records").
 * A page past the end is empty.
 */
export function pageByNumber(query: Record<string, string>, total: number): { start: number; end: number; envelope: { page_count: number; page_number: number; page_size: number; total_records: number } } {
	const pageSize = pageSizeOf(query);
	const requested = Number(query.page_number);
	const pageNumber = Number.isInteger(requested) && requested >= 1 ? requested : 1;
	const start = Math.min((pageNumber - 1) * pageSize, total);
	return {
		start,
		end: Math.min(start + pageSize, total),
		envelope: { page_count: Math.ceil(total / pageSize), page_number: pageNumber, page_size: pageSize, total_records: total },
	};
}
