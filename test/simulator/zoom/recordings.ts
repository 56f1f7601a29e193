import { json, type SimRequest, type SimResponse } from '../http';
import type { ZoomRecording } from '../fixture/types';
import { zoomErrors } from './errors';
import { findMeeting, parseInstanceRef } from './meetingIds';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';

const MAX_TTL_SECONDS = 604_800;

function absolute(ctx: ZoomContext, path: string): string {
	return path.startsWith('/') ? `${ctx.baseUrl}${path}` : path;
}

function served(ctx: ZoomContext, recording: ZoomRecording, withDownloadToken: boolean) {
	const { download_access_token, ...rest } = recording;
	return {
		...rest,
		share_url: absolute(ctx, recording.share_url),
		recording_files: recording.recording_files.map((f) => ({
			...f,
			play_url: absolute(ctx, f.play_url),
			download_url: absolute(ctx, f.download_url),
		})),
		...(withDownloadToken ? { download_access_token } : {}),
	};
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
			const ref = parseInstanceRef(params.meetingId);
			const found = findMeeting(ctx.state, ref);
			if (!found) return zoomErrors.meetingNotFound(ref.shown);
			// A numeric id means the most recent instance that has a recording.
			const instance =
				ref.kind === 'numeric' ? [...found.meeting.instances].reverse().find((i) => i.recording) : found.instance;
			if (!instance?.recording) return zoomErrors.recordingNotFound();
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
	const recordings = ctx.state.meetings.flatMap((m) => m.instances.flatMap((i) => (i.recording ? [i.recording] : [])));
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
