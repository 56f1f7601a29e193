import type { INodeProperties } from 'n8n-workflow';

import { recordingSourceProperties, WEBINAR_RECIPIENTS } from './recordingSource';
import { FROM_VERSION_1_2, UP_TO_VERSION_1_1, VERSION_1_1_ONLY, VERSION_1_ONLY } from './versions';
import { zoomLocator } from './zoomPickers';

const SHOW = { resource: ['recording'] };

/** Recording → Share Recording: who gets the link, and how. */
export const recordingProperties: INodeProperties[] = [
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'options',
		options: [
			{ name: 'Meeting Participants', value: 'meetingParticipants' },
			{ name: 'Webinar Attendees', value: 'webinarAttendees' },
			{
				name: 'Webinar Registrants (Incl. No-Shows)',
				value: 'webinarRegistrants',
				description: 'Everyone who registered: the ones who missed it want the recording most',
			},
			{ name: 'Webinar Absentees Only', value: 'webinarAbsentees' },
		],
		default: 'meetingParticipants',
		displayOptions: { show: SHOW },
	},
	...recordingSourceProperties,
	// Up to 1.1: whose people receive the recording that the Meeting field names.
	{
		displayName: 'Webinar ID',
		name: 'recordingWebinarId',
		type: 'string',
		default: '={{ $json.id }}',
		displayOptions: { show: { ...SHOW, recipients: WEBINAR_RECIPIENTS, ...VERSION_1_ONLY } },
		description: 'The webinar the recording belongs to (its numeric ID)',
	},
	zoomLocator({
		displayName: 'Webinar',
		name: 'recordingWebinarId',
		kind: 'webinar',
		default: '={{ $json.id }}',
		required: false,
		show: { ...SHOW, recipients: WEBINAR_RECIPIENTS, ...VERSION_1_1_ONLY },
		description: 'The webinar the recording belongs to',
	}),
	{
		displayName: 'Share By',
		name: 'shareMode',
		type: 'options',
		options: [
			{
				name: 'Brevo Attributes',
				value: 'attributes',
				description: 'Write the link and passcode on each contact, for a Brevo campaign or automation',
			},
			{
				name: 'Brevo Template Email',
				value: 'email',
				description: 'Send a transactional email per person with the link as template params',
			},
		],
		default: 'attributes',
		displayOptions: { show: SHOW },
	},
	// The template right under Share By: it is what the email mode asks for.
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { ...SHOW, shareMode: ['email'], ...UP_TO_VERSION_1_1 } },
		description:
			'Brevo transactional template using {{ params.RECORDING_URL }}, {{ params.RECORDING_PASSCODE }}, {{ params.TOPIC }}, {{ params.FIRSTNAME }}',
	},
	// 1.2: picked from the account's active templates instead of typing a number that defaulted to 0.
	{
		displayName: 'Brevo Template Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBrevoTemplates' },
		default: '',
		required: true,
		displayOptions: { show: { ...SHOW, shareMode: ['email'], ...FROM_VERSION_1_2 } },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName:
			'The list shows your active Brevo templates. A template can use {{ params.RECORDING_URL }}, {{ params.RECORDING_PASSCODE }}, {{ params.TOPIC }} and {{ params.FIRSTNAME }}: the node fills them in for each person.',
		name: 'templateParamsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...SHOW, shareMode: ['email'], ...FROM_VERSION_1_2 } },
	},
	{
		displayName: 'Link Attribute',
		name: 'linkAttribute',
		type: 'string',
		default: 'ZOOM_RECORDING_URL',
		displayOptions: { show: { ...SHOW, shareMode: ['attributes'] } },
	},
	{
		displayName: 'Passcode Attribute',
		name: 'passcodeAttribute',
		type: 'string',
		default: 'ZOOM_RECORDING_PASSCODE',
		displayOptions: { show: { ...SHOW, shareMode: ['attributes'] } },
	},
	{
		displayName: 'Add to Brevo Lists',
		name: 'recordingListIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBrevoLists' },
		default: [],
		displayOptions: { show: { ...SHOW, shareMode: ['attributes'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'A Brevo campaign sent to these lists can print the link with {{ contact.ZOOM_RECORDING_URL }}. Other list memberships are kept.',
	},
	{
		displayName: 'Send Brevo Event',
		name: 'recordingSendEvent',
		type: 'boolean',
		default: false,
		displayOptions: { show: SHOW },
		description:
			'Whether to fire a Brevo custom event per recipient, with the link, passcode and topic as properties, to start a Brevo automation (sent after the link is written)',
	},
	{
		displayName: 'Event Name',
		name: 'recordingEventName',
		type: 'string',
		default: 'zoom_recording_ready',
		displayOptions: { show: { ...SHOW, recordingSendEvent: [true] } },
		description: 'Letters, digits, "-" and "_"',
	},
];
