/**
 * `GET /report/users/{userId}/meetings`: the past meetings a user hosted, from a usage report.
 * Imitated from Zoom's reference as mirrored at
 * https://developers.qodex.ai/zoom-public/zoom-meeting-api/report-users-userid-meetings/get-meeting-reports
 * ("Get meeting reports": `from`/`to` required yyyy-mm-dd, the range "should only be one month",
 * the month "must fall within the past six months", only meetings "with two or more unique
 * participants", `type` past | pastOne | pastJoined, scope report:read:admin, rate label Heavy,
 * envelope `from`, `to`, `page_size`, `total_records`, `next_page_token`, row fields below) and
 * https://developers.zoom.us/docs/api/pagination.md (`next_page_token`, '' on the last page).
 * What no doc says, and the simulator chooses: rows come newest first (the order in which a meeting
 * that ends between two page reads pushes rows onto the next page: duplicates at a page boundary);
 * a row appears once the instance is reported (`reportedAt`, default its end); the range filter is
 * on the instance's start day in UTC; the refusal wordings of a bad range are the simulator's own
 * (code 300 is Zoom's code for an invalid parameter).
 */
import type { Row, Zoom } from '../../contracts/vendor';
import { json, type SimResponse } from '../http';
import { safeDecode } from '../router';
import type { ZoomMeeting, ZoomMeetingInstance } from '../fixture/types';
import { isReported } from '../timeline';
import { zoomError, zoomErrors } from './errors';
import { isPage, listKey, paginate } from './paging';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { findUser } from './users';

const DAY_MS = 86_400_000;
/** "One month": the longest month. */
export const REPORT_MAX_RANGE_DAYS = 31;
/** "The past six months", counted generously as 6 × 31 days. */
export const REPORT_HISTORY_DAYS = 186;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** The report's range, or Zoom's refusal of it. */
export function reportRange(ctx: ZoomContext, query: Record<string, string>): { from: string; to: string } | SimResponse {
	const { from, to } = query;
	if (!from || !DATE.test(from) || Number.isNaN(Date.parse(from))) return zoomErrors.invalidField('from');
	if (!to || !DATE.test(to) || Number.isNaN(Date.parse(to))) return zoomErrors.invalidField('to');
	const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
	if (span < 0) return zoomError(400, 300, 'The end date must not be before the start date.');
	if (span > REPORT_MAX_RANGE_DAYS) return zoomError(400, 300, 'The date range must be within one month.');
	if (Date.parse(from) < Date.parse(dayOf(ctx.now())) - REPORT_HISTORY_DAYS * DAY_MS) {
		return zoomError(400, 300, 'The date range must fall within the past six months.');
	}
	return { from, to };
}

/**
 * A row, typed by Rivet's `ReportsGetMeetingReportsResponse`: the host is named by `user_name` and
 * `user_email`, there is no `host_id` (the simulator served one until issue #24, which no real
 * report carries).
 */
function reportRow(ctx: ZoomContext, meeting: ZoomMeeting, instance: ZoomMeetingInstance): Row<Zoom.ReportsGetMeetingReportsResponse, 'meetings'> {
	const host = ctx.state.users.find((u) => u.id === meeting.host_id);
	return {
		uuid: instance.uuid,
		id: meeting.id,
		type: meeting.type,
		topic: meeting.topic,
		user_name: host?.display_name ?? '',
		user_email: meeting.host_email,
		start_time: instance.start_time,
		end_time: instance.end_time,
		duration: instance.duration,
		total_minutes: instance.duration * instance.stats.people,
		participants_count: instance.stats.people,
		source: 'Zoom',
	};
}

/**
 * `GET /report/history_meetings`: every ended meeting and webinar of the account, one listing for all
 * hosts. Imitated from Zoom's reference as generated into SDKs from Zoom's OpenAPI spec:
 * wycats/SferaDev packages/zoom-api-js/src/meeting/components.ts ("Get history meeting and webinar
 * list": scope `report:read:admin`, granular `report:read:list_history_meetings:admin`, Rate Limit
 * Label `HEAVY`, no plan prerequisite named; `from`/`to` yyyy-mm-dd, the range "should only be one
 * month, as the report includes only one month worth of data at once"; `date_type` start_time |
 * end_time, "defaults to `start_time`"; `meeting_type` meeting | webinar | all; `next_page_token`
 * "expiration period is 15 minutes") and Rivet's ReportsGetHistoryMeetingAndWebinarListResponse
 * (envelope `next_page_token`, `page_size`; rows `meeting_uuid`, `meeting_id`, `type` "Meeting" |
 * "Webinar", `host_display_name`, `host_email`, `start_time`, `end_time`, `topic`, `participants`,
 * `duration` in minutes — no host ID). What no doc says, and the simulator chooses: the six-month
 * window and its code-300 refusals are those of "Get meeting reports" above (reportRange; the
 * history list's reference names only the one-month range); `meeting_type` defaults to `all`; every instance is listed whatever its
 * participant count (the per-user report's two-people rule is not written for this one); the
 * date filter is on the UTC day; rows come newest first by the filtered time; page size as
 * every Zoom list (default 30, at most 300, paging.ts).
 */
function historyRows(ctx: ZoomContext, query: Record<string, string>, range: { from: string; to: string }): Array<Row<Zoom.ReportsGetHistoryMeetingAndWebinarListResponse, 'history_meetings'>> {
	const byEnd = query.date_type === 'end_time';
	const kind = query.meeting_type ?? 'all';
	const now = ctx.now();
	const hostName = (hostId: string) => ctx.state.users.find((u) => u.id === hostId)?.display_name ?? '';
	const inRange = (i: { start_time: string; end_time: string }) => {
		const day = (byEnd ? i.end_time : i.start_time).slice(0, 10);
		return day >= range.from && day <= range.to;
	};
	const meetings = kind === 'webinar' ? [] : ctx.state.meetings.flatMap((m) =>
		m.instances
			.filter((i) => isReported(i, now) && !i.olderThanOneYear && inRange(i))
			.map((i) => ({
				meeting_uuid: i.uuid,
				meeting_id: m.id,
				type: 'Meeting' as const,
				host_display_name: hostName(m.host_id),
				host_email: m.host_email,
				start_time: i.start_time,
				end_time: i.end_time,
				topic: m.topic,
				participants: i.stats.people,
				duration: i.duration,
				total_participant_minutes: i.duration * i.stats.people,
				source: 'Zoom',
			})),
	);
	const webinars = kind === 'meeting' ? [] : ctx.state.webinars.flatMap((w) =>
		w.instances
			.filter((i) => isReported(i, now) && !i.olderThanOneYear && inRange(i))
			.map((i) => ({
				meeting_uuid: i.uuid,
				meeting_id: w.id,
				type: 'Webinar' as const,
				host_display_name: hostName(w.host_id),
				host_email: w.host_email,
				start_time: i.start_time,
				end_time: i.end_time,
				topic: w.topic,
				participants: i.attendees.length,
				duration: i.duration,
				source: 'Zoom',
			})),
	);
	const at = (row: { start_time: string; end_time: string }) => Date.parse(byEnd ? row.end_time : row.start_time);
	return [...meetings, ...webinars].sort((a, b) => at(b) - at(a));
}

export const reportRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/report/history_meetings',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportHistoryMeetings,
		handle(ctx, req) {
			if (ctx.config.plan === 'free') return zoomErrors.paidOnly(ctx.state.accountId);
			const range = reportRange(ctx, req.query);
			if ('status' in range) return range;
			for (const [field, allowed] of [['date_type', ['start_time', 'end_time']], ['meeting_type', ['meeting', 'webinar', 'all']]] as const) {
				const value = req.query[field];
				if (value !== undefined && !(allowed as readonly string[]).includes(value)) return zoomErrors.invalidField(field);
			}
			const rows = historyRows(ctx, req.query, range);
			const page = paginate(ctx, listKey(req.subPath, req.query, ['from', 'to', 'date_type', 'meeting_type']), req.query, rows.length);
			if (!isPage(page)) return page;
			return json(200, {
				next_page_token: page.envelope.next_page_token,
				page_size: page.envelope.page_size,
				history_meetings: rows.slice(page.start, page.end),
			} satisfies Zoom.ReportsGetHistoryMeetingAndWebinarListResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/report/users/:userId/meetings',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportUserMeetings,
		handle(ctx, req, params, token) {
			if (ctx.config.plan === 'free') return zoomErrors.paidOnly(ctx.state.accountId);
			const user = findUser(ctx, params.userId, token);
			if (!user) return zoomErrors.userNotFound(safeDecode(params.userId));
			const range = reportRange(ctx, req.query);
			if ('status' in range) return range;
			const now = ctx.now();
			const rows = ctx.state.meetings
				.filter((m) => m.host_id === user.id)
				.flatMap((m) => m.instances.map((i) => ({ m, i })))
				.filter(({ i }) => isReported(i, now) && !i.olderThanOneYear && i.stats.people >= 2)
				.filter(({ i }) => i.start_time.slice(0, 10) >= range.from && i.start_time.slice(0, 10) <= range.to)
				.sort((a, b) => Date.parse(b.i.start_time) - Date.parse(a.i.start_time))
				.map(({ m, i }) => reportRow(ctx, m, i));
			const page = paginate(ctx, listKey(req.subPath, req.query, ['from', 'to', 'type']), req.query, rows.length);
			if (!isPage(page)) return page;
			const { page_count: _count, ...envelope } = page.envelope;
			return json(200, { from: range.from, to: range.to, ...envelope, meetings: rows.slice(page.start, page.end) } satisfies Zoom.ReportsGetMeetingReportsResponse);
		},
	},
];
