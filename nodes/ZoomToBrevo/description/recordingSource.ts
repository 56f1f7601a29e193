import type { INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_1_2 } from './versions';
import { MEETING_DESCRIPTION } from './zoomSource';
import { zoomLocator } from './zoomPickers';

export const WEBINAR_RECIPIENTS = ['webinarAttendees', 'webinarRegistrants', 'webinarAbsentees'];

/**
 * Share Recording from version 1.2: one field, under Recipients, names the recording — the
 * meeting for its participants, the webinar for its attendees, registrants or absentees. Up to
 * 1.1 the Meeting field named the recording (its tooltip asked for a webinar's ID) and a second
 * Webinar field named the people, which a review in n8n's editor found confusing.
 */
export const recordingSourceProperties: INodeProperties[] = [
	zoomLocator({
		displayName: 'Meeting',
		name: 'meetingId',
		kind: 'meeting',
		default: '={{ $json.uuid || $json.id }}',
		show: { resource: ['recording'], recipients: ['meetingParticipants'], ...FROM_VERSION_1_2 },
		description: MEETING_DESCRIPTION,
	}),
	zoomLocator({
		displayName: 'Webinar',
		name: 'recordingWebinarId',
		kind: 'webinar',
		// A recording.completed item names the instance that was recorded: its UUID, when there is one.
		default: '={{ $json.uuid || $json.id }}',
		show: { resource: ['recording'], recipients: WEBINAR_RECIPIENTS, ...FROM_VERSION_1_2 },
		description:
			"The webinar whose recording is shared with the people chosen in Recipients. The webinar's ID means its latest session; a session's UUID means that one. Preset to the webinar of the incoming Zoom Trigger item (e.g. a recording.completed event).",
		idPlaceholder: 'e.g. 81234567890 or a UUID like 4444AAAiAAAAAiAiAiiAii==',
	}),
];
