/**
 * The Zoom reads of the poll trigger: ended meetings from each host's usage report
 * (`GET /report/users/{userId}/meetings`, Heavy, Pro plan or higher, `report:read:admin`), in
 * ranges of at most a month inside the past six months, as Zoom's reference requires. Also
 * reports Zoom's clock (the answers' `Date` header), which the cursor uses instead of n8n's.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { ZoomCredentialType } from '../shared/zoomApi';
import type { ZoomPacer } from '../shared/zoomPacer';
import { ZOOM_PAGE_SIZE, zoomListAll, zoomRequestWithRetry } from '../shared/zoomPaging';

/** What this reads of a row of `GET /past_webinars/{webinarId}/instances` (checked against the vendor's type in test/contracts). */
export type PolledInstance = { uuid?: unknown; start_time?: unknown };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Zoom: "the date range ... should only be one month". */
const RANGE_DAYS = 30;
/** Zoom: "the month must fall within the past six months"; a little less, so it always does. */
export const REPORT_HISTORY_DAYS = 180;

/** One row of the meeting report (fields as Zoom's reference lists them, and `host_id`). */
export interface ReportMeeting {
	uuid: string;
	id: number | string;
	/** Not in Zoom's report, which names the host by `user_name`/`user_email`: the user ID the
	 *  report was read for (see withHost). */
	host_id?: string;
	type?: number;
	topic?: string;
	user_name?: string;
	user_email?: string;
	start_time?: string;
	end_time: string;
	duration?: number;
	participants_count?: number;
}

/** Counts the calls of one poll and keeps Zoom's latest clock reading (each answer's `Date`). */
export function watchAnswers() {
	const watch = {
		zoomNowMs: undefined as number | undefined,
		calls: 0,
		onAnswer: (headers: Record<string, string>) => {
			watch.calls++;
			const at = Date.parse(headers.date ?? '');
			if (!Number.isNaN(at)) watch.zoomNowMs = Math.max(watch.zoomNowMs ?? at, at);
		},
	};
	return watch;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The latest date anywhere is that of UTC+14 (Kiribati). */
const LATEST_ZONE_MS = 14 * 60 * 60 * 1000;

/**
 * Until when a poll's date ranges go: a day past n8n's clock (which may be behind Zoom's) and,
 * once an answer told Zoom's clock, the date it already is in the latest time zone by Zoom's. So
 * a clock behind Zoom's cuts nothing off, and learning Zoom's clock adds a range (for Meeting
 * Ended a Heavy call, counted against the daily limit) only for a date that has begun somewhere.
 */
export function readUntil(watch: ReturnType<typeof watchAnswers>): () => number {
	const byN8n = Date.now() + DAY_MS;
	return () => Math.max(byN8n, (watch.zoomNowMs ?? 0) + LATEST_ZONE_MS);
}

/** Date ranges (UTC days, both ends included) covering `fromMs` to `toMs`, a month at most each. */
export function reportRanges(fromMs: number, toMs: number): Array<{ from: string; to: string }> {
	const ranges: Array<{ from: string; to: string }> = [];
	let start = Date.parse(day(fromMs));
	const last = Date.parse(day(toMs));
	while (start <= last) {
		const end = Math.min(start + (RANGE_DAYS - 1) * DAY_MS, last);
		ranges.push({ from: day(start), to: day(end) });
		start = end + DAY_MS;
	}
	return ranges;
}

/**
 * Reads a report range by range (a month at most each) for meetings that ended from `endedFromMs`
 * on: from a day earlier (Zoom does not say in which time zone it reads the days), never before
 * the six months Zoom keeps, to `untilMs()`, which moves on once an answer tells Zoom's clock.
 */
export async function forEachReportRange(endedFromMs: number, untilMs: () => number, read: (range: { from: string; to: string }) => Promise<void>): Promise<void> {
	let startMs = Math.max(endedFromMs - DAY_MS, untilMs() - REPORT_HISTORY_DAYS * DAY_MS);
	while (Date.parse(day(startMs)) <= Date.parse(day(untilMs()))) {
		const [range] = reportRanges(startMs, untilMs());
		await read(range);
		startMs = Date.parse(range.to) + DAY_MS;
	}
}

export interface EndedMeetingsRead {
	rows: ReportMeeting[];
	/** Zoom's time when it answered (latest `Date` header); undefined if no answer carried one. */
	zoomNowMs?: number;
	calls: number;
}

/**
 * Meetings of `hosts` that ended from `endedFromMs` on. The report filters by the day a meeting
 * started, so the range starts a day earlier (a meeting may run past midnight) and ends a day
 * after n8n's today (n8n's clock may be behind Zoom's).
 */
export async function readEndedMeetings(
	context: IPollFunctions,
	credentialType: ZoomCredentialType,
	hosts: string[],
	endedFromMs: number,
	pacer: ZoomPacer,
): Promise<EndedMeetingsRead> {
	const watch = watchAnswers();
	const onAnswer = watch.onAnswer;
	const untilMs = readUntil(watch);
	const rows: ReportMeeting[] = [];
	for (const host of hosts) {
		await forEachReportRange(endedFromMs, untilMs, async (range) => {
			const list = await zoomListAll<ReportMeeting>(
				context,
				{
					credentialType,
					path: `/report/users/${encodeURIComponent(host)}/meetings`,
					qs: { type: 'past', from: range.from, to: range.to },
					listKey: 'meetings',
					category: 'heavy',
					what: `list the meetings ${host === 'me' ? 'you' : host} hosted from ${range.from} to ${range.to}`,
				},
				{ pacer, onAnswer },
			);
			rows.push(...list.rows.filter(isEndedMeeting).map((row) => withHost(row, host)));
		});
	}
	return { rows, zoomNowMs: watch.zoomNowMs, calls: watch.calls };
}

const isEndedMeeting = (row: ReportMeeting) => typeof row?.uuid === 'string' && !Number.isNaN(Date.parse(row.end_time));

/**
 * Zoom's meeting report has no `host_id` (Zoom's "Get meeting reports"; Rivet's
 * ReportsGetMeetingReportsResponse): the host is the user the report was read for. A host chosen
 * by email or as `me` is no user ID, and then the item names the host by email only.
 */
function withHost(row: ReportMeeting, host: string): ReportMeeting {
	if (row.host_id !== undefined || host === 'me' || host.includes('@')) return row;
	return { ...row, host_id: host };
}

/** Fetch Test Event's window: the month up to n8n's tomorrow, one report range. */
const TEST_EVENT_DAYS = 30;

/**
 * Fetch Test Event for Meeting Ended: one host's meetings of the past month, in one Heavy call
 * (the first page only: for a host with more than 300 meetings that month, the latest of the 300
 * Zoom lists first). A poll of every host would cost a Heavy call or two per host.
 */
export async function readRecentMeetings(context: IPollFunctions, credentialType: ZoomCredentialType, host: string, pacer: ZoomPacer): Promise<ReportMeeting[]> {
	const untilMs = Date.now() + DAY_MS;
	const [range] = reportRanges(untilMs - (TEST_EVENT_DAYS - 1) * DAY_MS, untilMs);
	const page = await zoomRequestWithRetry<{ meetings?: ReportMeeting[] }>(
		context,
		credentialType,
		{
			method: 'GET',
			path: `/report/users/${encodeURIComponent(host)}/meetings`,
			qs: { type: 'past', from: range.from, to: range.to, page_size: ZOOM_PAGE_SIZE },
			category: 'heavy',
			what: `list the meetings ${host === 'me' ? 'you' : host} hosted from ${range.from} to ${range.to}`,
		},
		{ pacer },
	);
	const rows = Array.isArray(page?.meetings) ? page.meetings : [];
	return rows.filter(isEndedMeeting).map((row) => withHost(row, host));
}

/** A webinar as `GET /users/{userId}/webinars` lists it (fields the item uses). */
export interface ListedWebinar {
	id: number | string;
	uuid?: string;
	start_time?: string;
	host_id?: string;
	topic?: string;
	type?: number;
	timezone?: string;
	duration?: number;
}

/** An ended webinar instance: Zoom's past-instance list gives its UUID and start time only. */
export interface EndedWebinarInstance {
	uuid: string;
	start_time: string;
	webinar: ListedWebinar;
}

export interface EndedWebinarsRead {
	rows: EndedWebinarInstance[];
	zoomNowMs?: number;
	calls: number;
}

/**
 * Ended instances of the hosts' webinars: each host's webinar list (`GET /users/{userId}/webinars`,
 * Medium, `webinar:read:admin`), then each webinar's past instances
 * (`GET /past_webinars/{webinarId}/instances`, Medium), which Zoom lists once an instance ended.
 * Medium calls do not count toward Zoom's daily limit; one per host plus one per listed webinar.
 */
export async function readEndedWebinars(
	context: IPollFunctions,
	credentialType: ZoomCredentialType,
	hosts: string[],
	pacer: ZoomPacer,
): Promise<EndedWebinarsRead> {
	const watch = watchAnswers();
	const onAnswer = watch.onAnswer;
	const rows: EndedWebinarInstance[] = [];
	for (const host of hosts) {
		const webinars = await zoomListAll<ListedWebinar>(
			context,
			{
				credentialType,
				path: `/users/${encodeURIComponent(host)}/webinars`,
				listKey: 'webinars',
				category: 'medium',
				what: `list the webinars ${host === 'me' ? 'you host' : `${host} hosts`}`,
			},
			{ pacer, onAnswer },
		);
		for (const webinar of webinars.rows) {
			if (webinar?.id === undefined || webinar.id === null) continue;
			const instances = await zoomListAll<PolledInstance>(
				context,
				{
					credentialType,
					path: `/past_webinars/${encodeURIComponent(String(webinar.id))}/instances`,
					listKey: 'webinars',
					category: 'medium',
					what: `list the past instances of webinar ${String(webinar.id)}`,
				},
				{ pacer, onAnswer },
			);
			for (const instance of instances.rows) {
				if (typeof instance?.uuid !== 'string' || typeof instance.start_time !== 'string' || Number.isNaN(Date.parse(instance.start_time))) continue;
				rows.push({ uuid: instance.uuid, start_time: instance.start_time, webinar });
			}
		}
	}
	return { rows, zoomNowMs: watch.zoomNowMs, calls: watch.calls };
}
