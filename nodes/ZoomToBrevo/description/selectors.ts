import type { INodeProperties } from 'n8n-workflow';

import { ZOOM_AUTHENTICATION_OPTIONS } from '../../shared/zoomChoices';

/** Authentication, resource and operation: what to read from Zoom. */
export const selectorProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: ZOOM_AUTHENTICATION_OPTIONS,
		default: 'serverToServer',
		displayOptions: { hide: { operation: ['syncRegistrantFromEvent'] } },
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Recording', value: 'recording' },
			{ name: 'Webinar', value: 'webinar' },
		],
		default: 'meeting',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Register Contacts',
				value: 'registerContacts',
				description: 'Register people from any input (a Brevo list, a form) for an upcoming meeting, and give each their own join link in Brevo',
				action: 'Register contacts for a meeting',
			},
			{
				name: 'Sync Participants',
				value: 'syncParticipants',
				description: 'Turn the participants of a past meeting into Brevo contacts with engagement',
				action: 'Sync meeting participants',
			},
		],
		default: 'syncParticipants',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webinar'] } },
		options: [
			{
				name: 'Register Contacts',
				value: 'registerContacts',
				description: 'Register people from any input (a Brevo list, a form) for a webinar, and give each their own join link in Brevo',
				action: 'Register contacts for a webinar',
			},
			{
				name: 'Sync Absentees',
				value: 'syncAbsentees',
				description: 'Registrants who never joined (the no-show list)',
				action: 'Sync webinar absentees',
			},
			{
				name: 'Sync Attendees',
				value: 'syncAttendees',
				description: 'People who joined the webinar, with engagement',
				action: 'Sync webinar attendees',
			},
			{
				name: 'Sync One Registrant (From Trigger)',
				value: 'syncRegistrantFromEvent',
				description:
					'The registrant of a webinar.registration_created event, straight from the Zoom Trigger item (no Zoom API call)',
				action: 'Sync the registrant of a registration event',
			},
			{
				name: 'Sync Registrants',
				value: 'syncRegistrants',
				description: 'Everyone registered, with the UTM source of their registration link',
				action: 'Sync webinar registrants',
			},
		],
		default: 'syncAttendees',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Share Recording',
				value: 'shareRecording',
				description:
					"Give a meeting's or webinar's people its recording link, as Brevo attributes or by a Brevo template email",
				action: 'Share a recording',
			},
		],
		default: 'shareRecording',
	},
];
