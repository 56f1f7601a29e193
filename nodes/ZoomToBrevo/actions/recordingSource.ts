import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredId, type SyncSettings } from './settings';

type Recipients = NonNullable<SyncSettings['recording']>['recipients'];

/** The recording Share Recording reads, as one of its fields names it. */
export interface RecordingSource {
	field: 'meetingId' | 'recordingWebinarId';
	/** A meeting's or webinar's ID (its latest session) or a session's UUID. */
	id: string;
}

/**
 * From 1.2 the Webinar field names the recording for a webinar's people: Zoom's "Get meeting
 * recordings" (GET /meetings/{meetingId}/recordings) takes "the webinar's ID or UUID" there, the
 * latest session for an ID (https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/meetings/{meetingId}/recordings).
 * Up to 1.1 the Meeting field names it whoever receives it (its tooltip asked for the webinar's ID).
 */
export function recordingSourceOf(context: IExecuteFunctions, itemIndex: number, recipients: Recipients): RecordingSource {
	if (recipients !== 'meetingParticipants' && context.getNode().typeVersion >= 1.2) {
		return { field: 'recordingWebinarId', id: requiredId(context, itemIndex, 'recordingWebinarId', 'Webinar ID or UUID') };
	}
	return { field: 'meetingId', id: requiredId(context, itemIndex, 'meetingId', 'Meeting ID or UUID') };
}

/** Zoom's recording `type` is its meeting's (1-4, 7, 8) or its webinar's (5, 6, 9). */
const MEETING_TYPES = new Set([1, 2, 3, 4, 7, 8]);
const WEBINAR_TYPES = new Set([5, 6, 9]);

/**
 * From 1.2, a recording of the other kind than its field says stops before anyone is read: a
 * webinar's people looked up under a meeting's ID (or the reverse) would end in a Zoom "not
 * found" that names neither field. Versions 1 and 1.1 go on as they always did.
 */
export function checkRecordingKind(context: IExecuteFunctions, itemIndex: number, source: RecordingSource, recordingType: unknown): void {
	if (context.getNode().typeVersion < 1.2 || recordingType === undefined || recordingType === null) return;
	const type = Number(recordingType);
	if (source.field === 'recordingWebinarId' && MEETING_TYPES.has(type)) {
		throw new NodeOperationError(context.getNode(), `Webinar names a meeting's recording (${source.id}), not a webinar's`, {
			itemIndex,
			description:
				"For a meeting's participants, set Recipients to Meeting Participants and pick the meeting. For a webinar's people, give the webinar's ID or a session's UUID in Webinar.",
		});
	}
	if (source.field === 'meetingId' && WEBINAR_TYPES.has(type)) {
		throw new NodeOperationError(context.getNode(), `Meeting names a webinar's recording (${source.id}), not a meeting's`, {
			itemIndex,
			description: 'For a webinar, set Recipients to Webinar Attendees, Registrants or Absentees and give the webinar in the Webinar field that appears.',
		});
	}
}
