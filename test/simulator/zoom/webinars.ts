import type { Row, Zoom } from '../../contracts/vendor';
import { isSimResponse, json, type SimResponse } from '../http';
import { rowsToArray } from '../fixture/rows';
import { safeDecode } from '../router';
import type { ZoomRegistrant, ZoomWebinar, ZoomWebinarInstance } from '../fixture/types';
import { zoomErrors } from './errors';
import { findWebinar, parseInstanceRef } from './meetingIds';
import { isPage, listKey, pageByNumber, paginate } from './paging';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { findUser } from './users';
import { hasEnded } from '../timeline';

/** The registrant as Zoom's list endpoints show it: bookkeeping fields stay inside the simulator. */
export function publicRegistrant(r: ZoomRegistrant): Omit<ZoomRegistrant, 'occurrence_ids' | 'tracking_source'> {
	const { occurrence_ids: _o, tracking_source: _t, ...rest } = r;
	return rest;
}

export function registeredFor(r: ZoomRegistrant, occurrenceId: string | undefined): boolean {
	return !occurrenceId || !r.occurrence_ids || r.occurrence_ids.includes(occurrenceId);
}

/** A row of `GET /users/{userId}/webinars`, typed by Rivet's `WebinarsListWebinarsResponse`. */
function webinarSummary(w: ZoomWebinar): Row<Zoom.WebinarsListWebinarsResponse, 'webinars'> & Pick<ZoomWebinar, 'id' | 'type'> {
	return {
		uuid: w.instances[w.instances.length - 1]?.uuid ?? '',
		id: w.id,
		host_id: w.host_id,
		topic: w.topic,
		type: w.type,
		start_time: w.start_time,
		duration: w.duration,
		timezone: w.timezone,
		agenda: w.agenda,
		created_at: w.created_at,
		join_url: w.join_url,
	};
}

/**
 * `GET /webinars/{webinarId}`, typed by Rivet's `WebinarsGetWebinarResponse`. No
 * `registration_url`: neither that type nor Zoom's "Get a webinar" reference has it (only the
 * create answers and the `*.updated` events do); the simulator served it until issue #24.
 */
export function webinarDetails(webinar: ZoomWebinar) {
	return {
		...webinarSummary(webinar),
		host_email: webinar.host_email,
		// approval_type and registrants_restrict_number follow the registration settings that
		// POST /webinars/{id}/registrants obeys (zoom/registrants.ts); default: approved automatically, no limit.
		settings: {
			approval_type: webinar.registration?.approval_type ?? 0,
			registration_type: webinar.type === 9 ? 3 : 1,
			registrants_restrict_number: webinar.registration?.registrants_restrict_number ?? 0,
			audio: 'both',
			auto_recording: 'cloud',
		},
		...(webinar.occurrences.length > 0 ? { occurrences: webinar.occurrences } : {}),
	} satisfies Zoom.WebinarsGetWebinarResponse;
}

function webinarById(ctx: ZoomContext, rawId: string): ZoomWebinar | SimResponse {
	const ref = parseInstanceRef(rawId);
	const found = findWebinar(ctx.state, ref);
	return found ? found.webinar : zoomErrors.webinarNotFound(ref.shown);
}

export function pastWebinar(
	ctx: ZoomContext,
	rawId: string,
	occurrenceId?: string,
): { webinar: ZoomWebinar; instance: ZoomWebinarInstance } | SimResponse {
	const ref = parseInstanceRef(rawId);
	const found = findWebinar(ctx.state, ref, occurrenceId);
	if (!found?.instance) return zoomErrors.webinarNotFound(ref.shown);
	if (found.instance.olderThanOneYear) return zoomErrors.olderThanOneYear();
	return { webinar: found.webinar, instance: found.instance };
}

/** A registrant's create_time in ms, parsed once: parsing 20 000 of them for every page (and
 *  again in the sort) made the simulator, which shares the benchmark's CPU, the bottleneck. */
const createdAt = new WeakMap<object, number>();
function createdMs(registrant: { create_time: string }): number {
	let ms = createdAt.get(registrant);
	if (ms === undefined) createdAt.set(registrant, (ms = Date.parse(registrant.create_time)));
	return ms;
}

/** Approved registrants of the instance's occurrence who never joined (matched by registrant id or email). */
export function absenteesOf(webinar: ZoomWebinar, instance: ZoomWebinarInstance): ZoomRegistrant[] {
	const attendedIds = new Set<string>();
	const attendedEmails = new Set<string>();
	for (let i = 0; i < instance.attendees.length; i++) {
		const row = instance.attendees.at(i);
		if (!row) continue;
		if (row.registrant_id) attendedIds.add(row.registrant_id);
		if (row.user_email) attendedEmails.add(row.user_email.toLowerCase());
	}
	return webinar.registrants.filter(
		(r) =>
			r.status === 'approved' &&
			registeredFor(r, instance.occurrence_id) &&
			!attendedIds.has(r.id) &&
			!attendedEmails.has(r.email.toLowerCase()),
	);
}

const REGISTRANT_STATUSES = ['pending', 'approved', 'denied'];

export const webinarRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/users/:userId/webinars',
		category: 'medium',
		scope: ZOOM_SCOPES.listWebinars,
		handle(ctx, req, params, token) {
			const user = findUser(ctx, params.userId, token);
			if (!user) return zoomErrors.userNotFound(safeDecode(params.userId));
			const webinars = ctx.state.webinars.filter((w) => w.host_id === user.id);
			// Paged by number, not by token (see pageByNumber).
			const page = pageByNumber(req.query, webinars.length);
			return json(200, {
				...page.envelope,
				webinars: webinars.slice(page.start, page.end).map(webinarSummary),
			} satisfies Zoom.WebinarsListWebinarsResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/webinars/:webinarId',
		category: 'light',
		scope: ZOOM_SCOPES.readWebinar,
		handle(ctx, _req, params) {
			const webinar = webinarById(ctx, params.webinarId);
			if (isSimResponse(webinar)) return webinar;
			return json(200, webinarDetails(webinar));
		},
	},
	{
		method: 'GET',
		pattern: '/webinars/:webinarId/registrants',
		category: 'medium',
		scope: ZOOM_SCOPES.listRegistrants,
		handle(ctx, req, params) {
			const webinar = webinarById(ctx, params.webinarId);
			if (isSimResponse(webinar)) return webinar;
			const status = req.query.status || 'approved';
			if (!REGISTRANT_STATUSES.includes(status)) return zoomErrors.invalidField('status');
			const occurrenceId = req.query.occurrence_id || undefined;
			const sourceId = req.query.tracking_source_id || undefined;
			// Each registrant carries `create_time` (Zoom's Rivet SDK, WebinarsListWebinarRegistrantsResponse,
			// typed from Zoom's OpenAPI: github.com/zoom/rivet-javascript meetings.d.ts). What no doc says,
			// and the simulator chooses: a registrant is listed from its `create_time` on the clock, in
			// registration order, so one approved between two page reads (registered earlier) is inserted
			// before the page boundary and pushes a row onto the next page: that row is read twice.
			const nowMs = ctx.now();
			const registrants = webinar.registrants
				.filter((r) => createdMs(r) <= nowMs)
				.filter((r) => r.status === status && registeredFor(r, occurrenceId) && (!sourceId || r.tracking_source?.id === sourceId))
				.sort((a, b) => createdMs(a) - createdMs(b));
			const page = paginate(
				ctx,
				listKey(req.subPath, req.query, ['status', 'occurrence_id', 'tracking_source_id']),
				req.query,
				registrants.length,
			);
			if (!isPage(page)) return page;
			return json(200, {
				...page.envelope,
				page_number: Math.floor(page.start / page.pageSize) + 1,
				registrants: registrants.slice(page.start, page.end).map(publicRegistrant),
			} satisfies Zoom.WebinarsListWebinarRegistrantsResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/webinars/:webinarId/tracking_sources',
		category: 'light',
		scope: ZOOM_SCOPES.listTrackingSources,
		handle(ctx, _req, params) {
			const webinar = webinarById(ctx, params.webinarId);
			if (isSimResponse(webinar)) return webinar;
			return json(200, {
				total_records: webinar.tracking_sources.length,
				tracking_sources: webinar.tracking_sources,
			} satisfies Zoom.WebinarsGetWebinarTrackingSourcesResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/instances',
		category: 'medium',
		scope: ZOOM_SCOPES.listWebinarInstances,
		handle(ctx, _req, params) {
			const webinar = webinarById(ctx, params.webinarId);
			if (isSimResponse(webinar)) return webinar;
			const ended = webinar.instances.filter((i) => hasEnded(i, ctx.now()));
			return json(200, { webinars: ended.map((i) => ({ uuid: i.uuid, start_time: i.start_time })) } satisfies Zoom.WebinarsListPastWebinarInstancesResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/participants',
		category: 'medium',
		scope: ZOOM_SCOPES.listWebinarParticipants,
		handle(ctx, req, params) {
			const found = pastWebinar(ctx, params.webinarId);
			if (isSimResponse(found)) return found;
			const rows = found.instance.attendees;
			const page = paginate(ctx, listKey(req.subPath, req.query, []), req.query, rows.length);
			if (!isPage(page)) return page;
			return json(200, { ...page.envelope, participants: rowsToArray(rows, page.start, page.end) } satisfies Zoom.WebinarsListWebinarParticipantsResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/absentees',
		category: 'heavy',
		scope: ZOOM_SCOPES.listAbsentees,
		handle(ctx, req, params) {
			const found = pastWebinar(ctx, params.webinarId, req.query.occurrence_id || undefined);
			if (isSimResponse(found)) return found;
			const absentees = absenteesOf(found.webinar, found.instance);
			const page = paginate(ctx, listKey(req.subPath, req.query, ['occurrence_id']), req.query, absentees.length);
			if (!isPage(page)) return page;
			return json(200, {
				...page.envelope,
				registrants: absentees.slice(page.start, page.end).map(publicRegistrant),
			} satisfies Zoom.WebinarsGetWebinarAbsenteesResponse);
		},
	},
];
