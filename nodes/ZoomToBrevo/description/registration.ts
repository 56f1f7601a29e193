import type { INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_1_2, UP_TO_VERSION_1_1 } from './versions';
import { zoomLocator } from './zoomPickers';

/** Register Contacts (issue #14): people from any input become Zoom registrants. */
const REGISTER = { operation: ['registerContacts'] };

export const registrationProperties: INodeProperties[] = [
	zoomLocator({
		name: 'registrationMeetingId',
		displayName: 'Meeting',
		// Not an expression: the input items are people (a Brevo contact, a form), not Zoom events.
		default: '',
		show: { resource: ['meeting'], ...REGISTER },
		kind: 'meeting',
		meetingList: 'upcoming',
		allVersions: true,
		openOnList: true,
		description: 'The meeting to register people for (registration must be turned on for it in Zoom).',
	}),
	zoomLocator({
		name: 'registrationWebinarId',
		displayName: 'Webinar',
		default: '',
		show: { resource: ['webinar'], ...REGISTER },
		kind: 'webinar',
		allVersions: true,
		openOnList: true,
		description: 'The webinar to register people for.',
	}),
	{
		displayName: 'Occurrence IDs',
		name: 'registrationOccurrenceIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1648194360000,1648799160000',
		displayOptions: { show: { ...REGISTER, ...UP_TO_VERSION_1_1 } },
		description: 'Recurring meetings and webinars: the sessions to register for, separated by commas. Empty: all of them.',
	},
	// 1.2: the sessions from a list of their dates (Zoom's occurrence IDs are epoch milliseconds).
	{
		displayName: 'Session Names or IDs',
		name: 'registrationOccurrenceIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getOccurrences', loadOptionsDependsOn: ['registrationWebinarId.value', 'registrationMeetingId.value'] },
		default: [],
		displayOptions: { show: { ...REGISTER, ...FROM_VERSION_1_2 } },
		description:
			'Recurring meetings and webinars: the sessions to register for; none chosen: all of them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Email',
		name: 'registrantEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.email }}',
		required: true,
		displayOptions: { show: REGISTER },
		description: "The person's email: reads the input item's email (a Brevo Trigger's contact, a form's field)",
	},
	{
		displayName: 'First Name',
		name: 'registrantFirstName',
		type: 'string',
		default: '={{ $json.attributes?.FIRSTNAME ?? $json.firstName }}',
		displayOptions: { show: REGISTER },
		description: 'Zoom requires one. Empty: read from the Brevo contact (see Options → Names From Brevo).',
	},
	{
		displayName: 'Last Name',
		name: 'registrantLastName',
		type: 'string',
		default: '={{ $json.attributes?.LASTNAME ?? $json.lastName }}',
		displayOptions: { show: REGISTER },
	},
	{
		displayName: 'Registrant Fields',
		name: 'registrantFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: REGISTER },
		options: [
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{ displayName: 'Country', name: 'country', type: 'string', default: '', description: 'Two-letter country code, e.g. DE' },
			{
				displayName: 'Custom Questions',
				name: 'customQuestions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Answer',
				description: "Answers to the registration form's own questions",
				options: [
					{
						displayName: 'Answer',
						name: 'answers',
						values: [
							{ displayName: 'Question', name: 'title', type: 'string', default: '', description: 'The question exactly as titled in Zoom' },
							{ displayName: 'Answer', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
			{ displayName: 'Organization', name: 'org', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{
				displayName: 'Tracking Source (UTM) Name or ID',
				name: 'sourceId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTrackingSources', loadOptionsDependsOn: ['registrationWebinarId.value'] },
				default: '',
				displayOptions: { show: { '/resource': ['webinar'] } },
				description:
					'The webinar tracking source the registration is credited to (Zoom: the webinar\'s Invitations → Tracking sources). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName:
			'Each person gets their own join link in Brevo: ZOOM_JOIN_URL, with ZOOM_REGISTRANT_ID, ZOOM_REGISTRATION_STATUS, the topic (WEBINAR_NAME or MEETING_NAME) and the start (WEBINAR_START, a date, and WEBINAR_START_TIME; MEETING_… for meetings). People already registered keep their registration.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: REGISTER },
	},
];
