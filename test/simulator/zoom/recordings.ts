import type { ZoomMeetingRecording } from '../../contracts/vendor';
import { isSimResponse, json, type SimRequest, type SimResponse } from '../http';
import type { ZoomRecording } from '../fixture/types';
import { zoomErrors } from './errors';
import { findMeeting, findWebinar, parseInstanceRef, type InstanceRef } from './meetingIds';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';

const MAX_TTL_SECONDS = 604_800;

function absolute(ctx: Pick<ZoomContext, 'baseUrl'>, path: string): string {
	return path.startsWith('/') ? `${ctx.baseUrl}${path}` : path;
}

/**
 * The answer of `GET /meetings/{meetingId}/recordings`, typed by Rivet's
 * `CloudRecordingGetMeetingRecordingsResponse` as Zoom's reference amends it (test/contracts/vendor.ts).
 * No `host_email`: neither that type nor Zoom's example of the answer has it (the `recording.completed`
 * webhook and the account-wide list do); the simulator served it until issue #24.
 */
export function served(ctx: Pick<ZoomContext, 'baseUrl'>, recording: ZoomRecording, withDownloadToken: boolean) {
	const { download_access_token, host_email: _hostEmail, ...rest } = recording;
	return {
		...rest,
		share_url: absolute(ctx, recording.share_url),
		recording_files: recording.recording_files.map((f) => ({
			...f,
			play_url: absolute(ctx, f.play_url),
			download_url: absolute(ctx, f.download_url),
		})),
		...(withDownloadToken ? { download_access_token } : {}),
	} satisfies ZoomMeetingRecording;
}

/**
 * The instance whose recording `GET /meetings/{meetingId}/recordings` answers with, of a meeting
 * or of a webinar. Zoom's reference, "Get meeting recordings"
 * (https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/meetings/{meetingId}/recordings),
 * says of `meetingId`: "To get a meeting's cloud recordings, provide the meeting ID or UUID. If
 * providing the meeting ID instead of UUID, the response will be for the latest meeting instance.
 * To get a webinar's cloud recordings, provide the webinar's ID or UUID. If providing the webinar
 * ID instead of UUID, the response will be for the latest webinar instance." The response is the
 * same recording object for both (`uuid`, `id`, `topic`, `type`, `share_url`, `password`,
 * `recording_play_passcode`, `recording_files`, ...); its `type` is the webinar's type for a
 * webinar's recording ("If the recording is of a webinar: 5 — A webinar. 6 — A recurring webinar
 * without a fixed time. 9 — A recurring webinar with a fixed time."). Both are quoted from Zoom's
 * OpenAPI description of the endpoint, as SDKs generated from it carry it word for word.
 * What no doc says, and the simulator chooses: a numeric id means the most recent instance that
 * has a recording.
 */
function recordedInstance(ctx: ZoomContext, ref: InstanceRef): { recording?: ZoomRecording } | SimResponse {
	const inMeetings = findMeeting(ctx.state, ref);
	const inWebinars = inMeetings ? undefined : findWebinar(ctx.state, ref);
	const instances = inMeetings?.meeting.instances ?? inWebinars?.webinar.instances;
	if (!instances) return zoomErrors.meetingNotFound(ref.shown);
	const named = ref.kind === 'numeric' ? [...instances].reverse().find((i) => i.recording) : (inMeetings ?? inWebinars)?.instance;
	return named ?? {};
}

export const recordingRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/meetings/:meetingId/recordings',
		category: 'light',
		scope: ZOOM_SCOPES.listRecordingFiles,
		handle(ctx, req, params) {
			const ttl = req.query.ttl;
			if (ttl !== undefined && !(Number.isInteger(Number(ttl)) && Number(ttl) >= 1 && Number(ttl) <= MAX_TTL_SECONDS)) {
				return zoomErrors.invalidField('ttl');
			}
			const instance = recordedInstance(ctx, parseInstanceRef(params.meetingId));
			if (isSimResponse(instance)) return instance;
			if (!instance.recording) return zoomErrors.recordingNotFound();
			const withToken = (req.query.include_fields ?? '').split(',').includes('download_access_token');
			return json(200, served(ctx, instance.recording, withToken));
		},
	},
];

/**
 * `GET /zoom/rec/download/{fileId}` (and play/share pages): the bytes behind `download_url`. Zoom
 * wants either the recording's `download_access_token` or an API access token, as `?access_token=`
 * or a bearer header.
 */
export function handleRecordingFile(ctx: ZoomContext, req: SimRequest): SimResponse {
	const [, kind, id] = req.subPath.split('/').slice(1);
	const recordings = [...ctx.state.meetings, ...ctx.state.webinars].flatMap((m) => m.instances.flatMap((i) => (i.recording ? [i.recording] : [])));
	if (kind === 'share' || kind === 'play') {
		return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, raw: `<html><body>Zoom recording ${id ?? ''}</body></html>` };
	}
	if (kind !== 'download') return json(404, { code: 404, message: 'Not found' });
	const recording = recordings.find((r) => r.recording_files.some((f) => f.id === id));
	const file = recording?.recording_files.find((f) => f.id === id);
	if (!recording || !file) return zoomErrors.recordingNotFound();
	const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
	const presented = req.query.access_token ?? bearer ?? '';
	const apiToken = ctx.state.tokens.get(presented);
	const allowed = presented === recording.download_access_token || (apiToken !== undefined && apiToken.expiresAt > ctx.now());
	if (!allowed) return json(401, { code: 124, message: 'Invalid access token.' });
	return {
		status: 200,
		headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${file.id}.${file.file_extension.toLowerCase()}"` },
		raw: Buffer.from(`SIMULATED ${file.file_type} ${file.id}\n`),
	};
}
