import type { Row, Zoom } from '../../contracts/vendor';
import { isSimResponse, json, type SimResponse } from '../http';
import { rowsToArray } from '../fixture/rows';
import type { ParticipantRow, ZoomMeeting, ZoomMeetingInstance, ZoomUser } from '../fixture/types';
import { zoomErrors } from './errors';
import { findMeeting, parseInstanceRef } from './meetingIds';
import { isPage, listKey, paginate } from './paging';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { hasEnded } from '../timeline';

function pastInstance(ctx: ZoomContext, rawId: string): { meeting: ZoomMeeting; instance: ZoomMeetingInstance } | SimResponse {
	const ref = parseInstanceRef(rawId);
	const found = findMeeting(ctx.state, ref);
	if (!found?.instance) return zoomErrors.meetingNotFound(ref.shown);
	if (found.instance.olderThanOneYear) return zoomErrors.olderThanOneYear();
	return { meeting: found.meeting, instance: found.instance };
}

/** The report endpoint's row: same people, its own field set; `registrant_id` only on request.
 *  Typed by Rivet's `ReportsGetMeetingParticipantReportsResponse` (test/contracts). */
function reportRow(row: ParticipantRow, withRegistrantId: boolean): Row<Zoom.ReportsGetMeetingParticipantReportsResponse, 'participants'> {
	return {
		id: row.id,
		user_id: row.user_id,
		name: row.name,
		user_email: row.user_email,
		join_time: row.join_time,
		leave_time: row.leave_time,
		duration: row.duration,
		failover: row.failover,
		status: row.status,
		customer_key: '',
		participant_user_id: row.id,
		...(withRegistrantId ? { registrant_id: row.registrant_id } : {}),
	};
}

/** `GET /past_meetings/{meetingId}`, typed by Rivet's `MeetingsGetPastMeetingDetailsResponse`. */
export function pastMeetingDetails(meeting: ZoomMeeting, instance: ZoomMeetingInstance, host: ZoomUser | undefined) {
	return {
		id: meeting.id,
		uuid: instance.uuid,
		host_id: meeting.host_id,
		type: meeting.type,
		topic: meeting.topic,
		user_name: host?.display_name ?? '',
		user_email: meeting.host_email,
		start_time: instance.start_time,
		end_time: instance.end_time,
		duration: instance.duration,
		total_minutes: Math.round(instance.stats.rows * instance.duration * 0.6),
		participants_count: instance.stats.people,
		dept: host?.dept ?? '',
		source: 'Zoom',
	} satisfies Zoom.MeetingsGetPastMeetingDetailsResponse;
}

export const pastMeetingRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/past_meetings/:meetingId',
		category: 'light',
		scope: ZOOM_SCOPES.readPastMeeting,
		handle(ctx, _req, params) {
			const found = pastInstance(ctx, params.meetingId);
			if (isSimResponse(found)) return found;
			const { meeting, instance } = found;
			const host = ctx.state.users.find((u) => u.id === meeting.host_id);
			return json(200, pastMeetingDetails(meeting, instance, host));
		},
	},
	{
		method: 'GET',
		pattern: '/past_meetings/:meetingId/instances',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastInstances,
		handle(ctx, _req, params) {
			const ref = parseInstanceRef(params.meetingId);
			const found = findMeeting(ctx.state, ref);
			if (!found) return zoomErrors.meetingNotFound(ref.shown);
			// Ended instances only: "Returns a list of ended (past) instances" (Zoom's reference as
			// mirrored at https://www.withone.ai/knowledge/zoom/conn_mod_def%3A%3AGJ8enPFouwk%3A%3AIfpivvmHQVSsItX7H6NCJA).
			const ended = found.meeting.instances.filter((i) => hasEnded(i, ctx.now()));
			return json(200, { meetings: ended.map((i) => ({ uuid: i.uuid, start_time: i.start_time })) });
		},
	},
	{
		method: 'GET',
		pattern: '/past_meetings/:meetingId/participants',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastParticipants,
		handle(ctx, req, params) {
			if (ctx.config.plan === 'free') return zoomErrors.paidOnly(ctx.state.accountId);
			const found = pastInstance(ctx, params.meetingId);
			if (isSimResponse(found)) return found;
			const rows = found.instance.participants;
			// Zoom lists nobody when the host was alone.
			const total = found.instance.stats.people <= 1 ? 0 : rows.length;
			const page = paginate(ctx, listKey(req.subPath, req.query, []), req.query, total);
			if (!isPage(page)) return page;
			return json(200, { ...page.envelope, participants: rowsToArray(rows, page.start, page.end) } satisfies Zoom.MeetingsGetPastMeetingParticipantsResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/report/meetings/:meetingId/participants',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportParticipants,
		handle(ctx, req, params) {
			if (ctx.config.plan === 'free') return zoomErrors.paidOnly(ctx.state.accountId);
			const found = pastInstance(ctx, params.meetingId);
			if (isSimResponse(found)) return found;
			const rows = found.instance.participants;
			const withRegistrantId = (req.query.include_fields ?? '').split(',').includes('registrant_id');
			const page = paginate(ctx, listKey(req.subPath, req.query, ['include_fields']), req.query, rows.length);
			if (!isPage(page)) return page;
			return json(200, {
				...page.envelope,
				participants: rowsToArray(rows, page.start, page.end).map((r) => reportRow(r, withRegistrantId)),
			} satisfies Zoom.ReportsGetMeetingParticipantReportsResponse);
		},
	},
];
