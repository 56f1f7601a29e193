/**
 * `GET /users/{userId}/recordings`: a user's cloud recordings, one row per recorded instance.
 * Imitated from Zoom's reference as mirrored at
 * https://developers.qodex.ai/zoom-public/zoom-meeting-api/users-userid-recordings/list-all-recordings
 * ("List all recordings": Pro plan or higher, scopes recording:read:admin / recording:read, rate
 * label MEDIUM; `from`/`to` yyyy-mm-dd UTC, "the maximum range can be a month", without them `from`
 * is today and `to` tomorrow; `next_page_token` paging), from Zoom's older reference text as PSZoom's
 * Get-ZoomRecordings quotes it (`from`/`to` "Within 6 month range"), and from the response type in
 * Zoom's Rivet SDK (github.com/zoom/rivet-javascript meetings.d.ts,
 * CloudRecordingListAllRecordingsResponse: envelope `from`, `to`, `page_size`, `total_records`,
 * `next_page_token`; `meetings[]` with `uuid`, `id`, `account_id`, `host_id`, `topic`, `type`,
 * `start_time`, `duration`, `total_size`, `recording_count`, `recording_files[]` with `status`).
 * What no doc says, and the simulator chooses: a recording (of a meeting or a webinar instance) is
 * listed once its instance ended, its
 * files `processing` until `recordingCompletedAt` (default: the end) and `completed` from then on;
 * the range filter is on the instance's start day in UTC; rows come newest start first; a bad range
 * is refused with the usage report's words (zoom/reports.ts).
 */
import type { ZoomListedRecording, ZoomRecordingList } from '../../contracts/vendor';
import { json } from '../http';
import { safeDecode } from '../router';
import type { ZoomMeetingInstance, ZoomRecording, ZoomWebinarInstance } from '../fixture/types';
import { hasEnded } from '../timeline';
import { zoomErrors } from './errors';
import { isPage, listKey, paginate } from './paging';
import { reportRange } from './reports';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { findUser } from './users';

type Instance = ZoomMeetingInstance | ZoomWebinarInstance;

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function absolute(ctx: ZoomContext, path: string): string {
	return path.startsWith('/') ? `${ctx.baseUrl}${path}` : path;
}

/** The row: the fields Rivet's type lists (no share link, passcode or download token: those come
 *  from the per-meeting read), files as processed by now. */
function listedRow(ctx: ZoomContext, instance: Instance, r: ZoomRecording): ZoomListedRecording {
	const done = Date.parse(instance.recordingCompletedAt ?? instance.end_time) <= ctx.now();
	return {
		uuid: r.uuid,
		id: r.id,
		account_id: r.account_id,
		host_id: r.host_id,
		topic: r.topic,
		type: r.type,
		start_time: r.start_time,
		duration: r.duration,
		total_size: r.total_size,
		recording_count: r.recording_count,
		recording_play_passcode: r.recording_play_passcode,
		recording_files: r.recording_files.map((f) => ({
			...f,
			play_url: absolute(ctx, f.play_url),
			download_url: absolute(ctx, f.download_url),
			status: done ? f.status : 'processing',
		})),
	};
}

export const userRecordingRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/users/:userId/recordings',
		category: 'medium',
		scope: ZOOM_SCOPES.listUserRecordings,
		handle(ctx, req, params, token) {
			if (ctx.config.plan === 'free') return zoomErrors.paidOnly(ctx.state.accountId);
			const user = findUser(ctx, params.userId, token);
			if (!user) return zoomErrors.userNotFound(safeDecode(params.userId));
			const today = dayOf(ctx.now());
			const from = req.query.from || today;
			const range = reportRange(ctx, { from, to: req.query.to || dayOf(Date.parse(from) + DAY_MS) });
			if ('status' in range) return range;
			const now = ctx.now();
			// "When a user records a meeting or a webinar by choosing the Record to the Cloud option" (the
			// reference's description, as the zoom-api crate on docs.rs carries it): both are listed.
			const recorded: Instance[] = [...ctx.state.meetings, ...ctx.state.webinars].filter((m) => m.host_id === user.id).flatMap((m): Instance[] => m.instances);
			const rows = recorded
				.map((i) => ({ i, recording: i.recording }))
				.filter((r): r is { i: Instance; recording: ZoomRecording } => r.recording !== undefined && hasEnded(r.i, now))
				.filter(({ i }) => i.start_time.slice(0, 10) >= range.from && i.start_time.slice(0, 10) <= range.to)
				.sort((a, b) => Date.parse(b.i.start_time) - Date.parse(a.i.start_time))
				.map(({ i, recording }) => listedRow(ctx, i, recording));
			const page = paginate(ctx, listKey(req.subPath, req.query, ['from', 'to']), req.query, rows.length);
			if (!isPage(page)) return page;
			const { page_count: _count, ...envelope } = page.envelope;
			return json(200, { from: range.from, to: range.to, ...envelope, meetings: rows.slice(page.start, page.end) } satisfies ZoomRecordingList);
		},
	},
];
