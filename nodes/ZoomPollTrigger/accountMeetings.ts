/**
 * Meeting Ended for many hosts: one listing of the whole account's ended meetings per poll instead
 * of one usage report per host (issue #25).
 *
 * `GET /report/history_meetings` — Zoom's "Get history meeting and webinar list" (as Zoom's OpenAPI
 * spec says, generated into wycats/SferaDev packages/zoom-api-js/src/meeting/components.ts; the
 * response type is Rivet's ReportsGetHistoryMeetingAndWebinarListResponse):
 * - Rate Limit Label **HEAVY**, the same as the per-host report (`GET /report/users/{userId}/meetings`):
 *   each page counts once toward the daily Heavy limit, as one host's report does;
 * - scope `report:read:admin` (the classic scope Meeting Ended already needs), granular
 *   `report:read:list_history_meetings:admin`; no plan prerequisite is named (the reports are
 *   paid-plan features: a Free account is refused, code 200);
 * - `from`/`to` yyyy-mm-dd, "only one month" at once, within the reports' six months;
 *   `date_type=end_time` filters by the day a meeting **ended** (default `start_time`);
 *   `meeting_type=meeting` lists meetings only (webinars are Webinar Ended's);
 * - `next_page_token` pages (the token lives 15 minutes), rows `meeting_uuid`, `meeting_id`,
 *   `host_email`, `host_display_name`, `start_time`, `end_time`, `topic`, `participants`,
 *   `duration` (minutes). **No host ID** and a `type` that is a word ("Meeting"), not Zoom's number.
 *
 * The Dashboard's `GET /metrics/meetings?type=past` (Rivet's DashboardsListMeetingsResponse) also lists
 * every host's meetings, but needs Business or higher and scope `dashboard_meetings:read:admin`,
 * sits under the Resource-intensive limit (10 a minute on Pro, shared with the daily limit), and
 * names the host by name and email too, with `duration` as "hh:mm:ss" text: no cheaper.
 *
 * The item keeps its shape: `hostId` is the host's Zoom user ID, found by the host's email in the
 * account's user list (`GET /users?status=active`, Medium, ⌈U / 300⌉ calls, none toward the daily
 * limit), as the per-host read set it to the user ID it read; `type` is absent (Zoom's number is not
 * in this listing); rows with fewer than two people are left out, as the per-host report leaves
 * them out (Meeting Ended: "a meeting instance with two or more people ended").
 *
 * Refused by Zoom (a missing scope, a Free plan): the poll fails with Zoom's advice naming the
 * scope or the plan (shared/zoomErrors.ts), before the cursor moves, so nothing is lost or emitted
 * twice; it does not fall back to per-host reads, which could spend hundreds of Heavy calls a poll
 * that the daily-limit check at publishing did not count.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { zoomListAll } from '../shared/zoomPaging';
import { listAccountUsers } from './accountUsers';
import type { PollSettings } from './pollSettings';
import { forEachReportRange, readUntil, watchAnswers, type EndedMeetingsRead, type ReportMeeting } from './zoomReads';


/** A row of `GET /report/history_meetings`, the fields the poll reads (checked against Rivet in test/contracts). */
export interface HistoryMeeting {
	meeting_uuid?: string;
	meeting_id?: number;
	host_display_name?: string;
	host_email?: string;
	start_time?: string;
	end_time?: string;
	topic?: string;
	participants?: number;
	duration?: number;
}

/** Which rows are the poll's, and the user ID each carries as `host_id` (undefined: by email only). */
type HostFilter = (email: string) => { hostId?: string } | undefined;

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * The hosts' filter. Every User of the Account: every active user, by the email the user list
 * gives with each ID. Chosen hosts by email need no listing (their items name them by email only,
 * as the per-host read did); a host chosen by user ID is found in the user list, and one that is
 * not there is refused, as Zoom refuses a report of an unknown user.
 */
async function hostFilter(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<HostFilter> {
	const chosenByEmail = new Set(settings.hosts.filter((h) => h.includes('@')).map(emailKey));
	const chosenById = settings.hosts.filter((h) => !h.includes('@'));
	if (!settings.everyUser && chosenById.length === 0) return (email) => (chosenByEmail.has(emailKey(email)) ? {} : undefined);

	const users = await listAccountUsers(context, settings, pacer);
	const idByEmail = new Map(users.filter((u) => u.email !== '').map((u) => [emailKey(u.email), u.id]));
	if (settings.everyUser) {
		return (email) => {
			const hostId = idByEmail.get(emailKey(email));
			return hostId === undefined ? undefined : { hostId };
		};
	}
	const emailById = new Map(users.map((u) => [u.id, emailKey(u.email)]));
	const idOfChosen = new Map<string, string>();
	for (const id of chosenById) {
		const email = emailById.get(id);
		if (email === undefined) {
			throw new NodeOperationError(context.getNode(), `Host List: "${id}" is not an active user of the Zoom account`, {
				description: "Enter the email or Zoom user ID of an active user of the account the credential belongs to (Zoom's User Management lists them).",
			});
		}
		idOfChosen.set(email, id);
	}
	return (email) => {
		const key = emailKey(email);
		if (idOfChosen.has(key)) return { hostId: idOfChosen.get(key) };
		return chosenByEmail.has(key) ? {} : undefined;
	};
}

/** The history row as the trigger's report row (the item's fields, see meetingEndedItem). */
function asReportMeeting(row: HistoryMeeting, hostId: string | undefined): ReportMeeting {
	return {
		uuid: row.meeting_uuid as string,
		id: row.meeting_id as number,
		host_id: hostId,
		topic: row.topic,
		user_name: row.host_display_name,
		user_email: row.host_email,
		start_time: row.start_time,
		end_time: row.end_time as string,
		duration: row.duration,
		participants_count: row.participants,
	};
}

const isEndedRow = (row: HistoryMeeting) =>
	typeof row?.meeting_uuid === 'string' &&
	row.meeting_id !== undefined &&
	typeof row.end_time === 'string' &&
	!Number.isNaN(Date.parse(row.end_time)) &&
	typeof row.host_email === 'string' &&
	row.host_email !== '' &&
	// The per-host report lists only meetings with two or more people; Zoom's count is `participants`.
	!(typeof row.participants === 'number' && row.participants < 2);

/**
 * The hosts' meetings that ended from `endedFromMs` on, from the account's listing by end day. The
 * range starts a day earlier (Zoom does not say in which time zone it reads the days) and ends at
 * the latest date anywhere by Zoom's clock (readUntil), a month per range as Zoom requires.
 */
export async function readAccountEndedMeetings(context: IPollFunctions, settings: PollSettings, endedFromMs: number, pacer: ZoomPacer): Promise<EndedMeetingsRead> {
	const watch = watchAnswers();
	const onAnswer = watch.onAnswer;
	const untilMs = readUntil(watch);
	const hostOf = await hostFilter(context, settings, pacer);
	const rows: ReportMeeting[] = [];
	await forEachReportRange(endedFromMs, untilMs, async (range) => {
		const list = await zoomListAll<HistoryMeeting>(
			context,
			{
				credentialType: settings.credentialType,
				path: '/report/history_meetings',
				qs: { from: range.from, to: range.to, date_type: 'end_time', meeting_type: 'meeting' },
				listKey: 'history_meetings',
				category: 'heavy',
				what: `list the account's meetings that ended from ${range.from} to ${range.to} (Zoom's history report, scope report:read:list_history_meetings:admin or report:read:admin)`,
			},
			{ pacer, onAnswer },
		);
		for (const row of list.rows) {
			if (!isEndedRow(row)) continue;
			const host = hostOf(row.host_email as string);
			if (host) rows.push(asReportMeeting(row, host.hostId));
		}
	});
	return { rows, zoomNowMs: watch.zoomNowMs, calls: watch.calls };
}

