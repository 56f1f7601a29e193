/**
 * The Zoom reads of Recording Completed. Zoom's references (as mirrored at
 * https://developers.qodex.ai/zoom-public/zoom-meeting-api/users-userid-recordings/list-all-recordings
 * and typed in Zoom's Rivet SDK, github.com/zoom/rivet-javascript meetings.d.ts,
 * CloudRecordingListAllRecordingsResponse):
 * - `GET /users/{userId}/recordings?from&to`: a host's cloud recordings of meetings and webinars
 *   (Medium, Pro plan or higher, `recording:read:admin`); `from`/`to` are UTC days, "the maximum
 *   range can be a month", and (Zoom's older reference, as PSZoom's Get-ZoomRecordings quotes it)
 *   "within 6 month range"; pages of at most 300. Each row is one meeting or webinar instance
 *   (`uuid`, `id`, `type`, `start_time`, ...) with its `recording_files`, each with a `status`;
 * - `GET /meetings/{meetingId}/recordings` (Light, same scope), for an instance UUID and with
 *   `include_fields=download_access_token`: the recording as Zoom's `recording.completed` webhook
 *   carries it (share link, passcode, download token), read only for a recording to emit.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { meetingPathId } from '../shared/meetingId';
import type { ZoomCredentialType } from '../shared/zoomApi';
import type { ZoomPacer } from '../shared/zoomPacer';
import { zoomListAll, zoomRequestWithRetry } from '../shared/zoomPaging';
import { readUntil, reportRanges, watchAnswers } from './zoomReads';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Within 6 month range"; a little less, so a range always is. */
export const RECORDING_HISTORY_DAYS = 180;

/** One row of a host's recording list (fields as Zoom's reference lists them). */
export interface ListedRecording extends IDataObject {
	uuid: string;
	start_time: string;
	recording_files?: IDataObject[];
}

/** Zoom's recording.completed fires once every file is processed: a file still `processing` is not done. */
export function isCompleted(row: ListedRecording): boolean {
	const files = Array.isArray(row.recording_files) ? row.recording_files : [];
	return files.length > 0 && files.every((file) => file?.status === 'completed');
}

export interface RecordingsRead {
	rows: ListedRecording[];
	zoomNowMs?: number;
}

export interface RecordingReader {
	/** The hosts' recordings of instances that started from `startedFromMs` on, completed or not. */
	list(hosts: string[], startedFromMs: number): Promise<RecordingsRead>;
	/** The recording with its share link, passcode and download token. */
	detail(uuid: string): Promise<IDataObject>;
	calls(): number;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function recordingReader(context: IPollFunctions, credentialType: ZoomCredentialType, pacer: ZoomPacer): RecordingReader {
	const watch = watchAnswers();
	const options = { pacer, onAnswer: watch.onAnswer };
	return {
		async list(hosts, startedFromMs) {
			const rows: ListedRecording[] = [];
			const untilMs = readUntil(watch);
			for (const host of hosts) {
				let startMs = Math.max(startedFromMs, untilMs() - RECORDING_HISTORY_DAYS * DAY_MS);
				while (Date.parse(day(startMs)) <= Date.parse(day(untilMs()))) {
					const [range] = reportRanges(startMs, untilMs());
					const list = await zoomListAll<ListedRecording>(
						context,
						{
							credentialType,
							path: `/users/${encodeURIComponent(host)}/recordings`,
							qs: { from: range.from, to: range.to },
							listKey: 'meetings',
							category: 'medium',
							what: `list the cloud recordings ${host === 'me' ? 'you' : host} made from ${range.from} to ${range.to}`,
						},
						options,
					);
					rows.push(...list.rows.filter((row) => typeof row?.uuid === 'string' && typeof row.start_time === 'string' && !Number.isNaN(Date.parse(row.start_time))));
					startMs = Date.parse(range.to) + DAY_MS;
				}
			}
			return { rows, zoomNowMs: watch.zoomNowMs };
		},
		async detail(uuid) {
			return await zoomRequestWithRetry<IDataObject>(
				context,
				credentialType,
				{ method: 'GET', path: `/meetings/${meetingPathId(uuid)}/recordings`, qs: { include_fields: 'download_access_token' }, category: 'light', what: 'read the cloud recording' },
				options,
			);
		},
		calls: () => watch.calls,
	};
}
