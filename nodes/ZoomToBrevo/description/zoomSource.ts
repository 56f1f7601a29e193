import type { INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_1_2, UP_TO_VERSION_1_1, VERSION_1_1_ONLY, VERSION_1_ONLY } from './versions';
import { zoomLocator } from './zoomPickers';

export const MEETING_DESCRIPTION =
	// Plain words: the UUID encoding Zoom requires is the node's business, not the user's.
	"The meeting's ID means its latest session; a session's UUID means that one. Preset to the meeting of the incoming Zoom Trigger item.";
/** Up to 1.1 Share Recording read a webinar's recording through the Meeting field too; from 1.2
 *  the Webinar field names it (description/recordingSource.ts). */
const MEETING_DESCRIPTION_UP_TO_1_1 = `${MEETING_DESCRIPTION} For a webinar's recording, give the webinar's ID (the list shows meetings).`;
const WEBINAR_DESCRIPTION = "Preset to the webinar of the incoming Zoom Trigger item.";
const WEBINAR_OPERATIONS = ['syncAttendees', 'syncAbsentees', 'syncRegistrants'];

/** Which meeting or webinar instance to read. Defaults follow the Zoom Trigger's output, so
 *  Zoom Trigger → Zoom to Brevo works without typing expressions. */
export const zoomSourceProperties: INodeProperties[] = [
	{
		displayName: 'Meeting ID or UUID',
		name: 'meetingId',
		type: 'string',
		default: '={{ $json.uuid || $json.id }}',
		required: true,
		displayOptions: { show: { resource: ['meeting', 'recording'], ...VERSION_1_ONLY }, hide: { operation: ['registerContacts'] } },
		description: MEETING_DESCRIPTION_UP_TO_1_1,
	},
	zoomLocator({
		displayName: 'Meeting',
		name: 'meetingId',
		kind: 'meeting',
		default: '={{ $json.uuid || $json.id }}',
		show: { resource: ['meeting', 'recording'], ...VERSION_1_1_ONLY },
		hide: { operation: ['registerContacts'] },
		description: MEETING_DESCRIPTION_UP_TO_1_1,
	}),
	// 1.2: Share Recording's Meeting field sits next to Recipients (description/recordingSource.ts).
	zoomLocator({
		displayName: 'Meeting',
		name: 'meetingId',
		kind: 'meeting',
		default: '={{ $json.uuid || $json.id }}',
		show: { resource: ['meeting'], ...FROM_VERSION_1_2 },
		hide: { operation: ['registerContacts'] },
		description: MEETING_DESCRIPTION,
	}),
	{
		displayName: 'Webinar ID',
		name: 'webinarId',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		displayOptions: { show: { resource: ['webinar'], operation: WEBINAR_OPERATIONS, ...VERSION_1_ONLY } },
		description: WEBINAR_DESCRIPTION,
	},
	zoomLocator({
		displayName: 'Webinar',
		name: 'webinarId',
		kind: 'webinar',
		default: '={{ $json.id }}',
		show: { resource: ['webinar'], operation: WEBINAR_OPERATIONS },
		description: WEBINAR_DESCRIPTION,
	}),
	{
		displayName: 'Webinar Instance UUID',
		name: 'webinarUuid',
		type: 'string',
		default: '={{ $json.uuid }}',
		displayOptions: { show: { resource: ['webinar'], operation: ['syncAttendees'] } },
		description:
			'One past instance of a recurring webinar. Empty means the latest instance. The default reads it from a Zoom Trigger item.',
	},
	{
		displayName: 'Registrant Status',
		name: 'registrantStatus',
		type: 'options',
		options: [
			{ name: 'Approved', value: 'approved' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Denied', value: 'denied' },
		],
		default: 'approved',
		displayOptions: { show: { resource: ['webinar'], operation: ['syncRegistrants'] } },
	},
	{
		displayName: 'Occurrence ID',
		name: 'occurrenceId',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: ['webinar'], operation: ['syncRegistrants', 'syncAbsentees'], ...UP_TO_VERSION_1_1 } },
		description: 'For recurring webinars: only this occurrence. Empty means all (registrants) or the latest (absentees).',
	},
	// 1.2: the session from a list (Zoom's occurrence IDs are epoch milliseconds).
	{
		displayName: 'Session Name or ID',
		name: 'occurrenceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOccurrences', loadOptionsDependsOn: ['webinarId.value'] },
		default: '',
		displayOptions: { show: { resource: ['webinar'], operation: ['syncRegistrants', 'syncAbsentees'], ...FROM_VERSION_1_2 } },
		description:
			'For recurring webinars: only this session. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Read Participants From',
		name: 'participantSource',
		type: 'options',
		options: [
			{
				name: 'Past Meeting Participants',
				value: 'pastMeeting',
				description: 'Medium rate category; needs meeting:read:list_past_participants',
			},
			{
				name: "Zoom's Participant Report",
				value: 'report',
				description: 'Heavy rate category; needs report:read:list_meeting_participants; adds registrant IDs',
			},
		],
		default: 'pastMeeting',
		displayOptions: { show: { resource: ['meeting'], operation: ['syncParticipants'] } },
	},
	{
		displayName: 'Registrant',
		name: 'registrant',
		type: 'json',
		default: '={{ $json.person }}',
		required: true,
		displayOptions: { show: { resource: ['webinar'], operation: ['syncRegistrantFromEvent'] } },
		description:
			'The registrant as the Zoom Trigger emits it (email, firstName, lastName, registrantId, trackingSource, joinUrl). The webinar comes from the same item (ID, UUID, topic, start time).',
	},
];
