import type { INodeProperties } from 'n8n-workflow';

import { ZOOM_PLAN_OPTIONS } from '../../shared/zoomChoices';

// Options are shown only for the operations they act on ("/" names a field outside the collection).
const WEBINAR_READS_WITH_REGISTRATIONS = { show: { '/operation': ['syncAttendees', 'syncAbsentees', 'syncRegistrants'] } };
const CALLS_ZOOM = { hide: { '/operation': ['syncRegistrantFromEvent'] } };

/** Settings most runs never touch. */
export const optionProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Registration Details',
				name: 'registrationDetails',
				type: 'boolean',
				default: true,
				displayOptions: WEBINAR_READS_WITH_REGISTRATIONS,
				description:
					"Whether to fill attendees' and absentees' names, organisation and UTM source from their webinar registration, and registrants' UTM source from the webinar's tracking sources (a few more Zoom calls)",
			},
			{
				displayName: 'Brevo Rate Limits',
				name: 'brevoTier',
				type: 'options',
				options: [
					{ name: 'General (10 Requests/s)', value: 'general', description: 'Most Brevo plans' },
					{ name: 'Advanced (20 Requests/s)', value: 'advanced', description: 'Professional and Enterprise plans' },
					{ name: 'Extended (60 Requests/s)', value: 'extended', description: 'Enterprise with the extended API limit' },
				],
				default: 'general',
				description:
					"Contact and event requests are paced to this many per second for the whole run (all items); Brevo's rate-limit headers slow them further",
			},
			{
				// Short enough for n8n's default panel width (the longer name was cut off).
				displayName: 'Daily Limit Wait (Seconds)',
				name: 'maxDailyWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				displayOptions: CALLS_ZOOM,
				description:
					'When Zoom\'s daily limit is reached, wait at most this long for it to reset; beyond that the node stops and says when it resets',
			},
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to read Zoom and show exactly what would be written to Brevo (contacts, batches, events, emails) without writing anything',
			},
			{
				displayName: 'Include Answers',
				name: 'includeAnswers',
				type: 'boolean',
				default: false,
				displayOptions: { show: { '/operation': ['syncParticipants', 'syncAttendees'] } },
				description:
					"Whether each contact's item and Brevo events carry the person's poll, Q&A, survey and registration answers (\"answers\"), for templates and automation branches. Events are cut to Brevo's 50 KB.",
			},
			{
				displayName: 'Log API Calls',
				name: 'logApiCalls',
				type: 'boolean',
				default: false,
				description:
					"Whether to write one line per Zoom and Brevo call to n8n's log (method, path, status, time, rate-limit headers; never tokens, keys or data), for debugging",
			},
			{
				displayName: 'Names From Brevo',
				name: 'namesFromBrevo',
				type: 'boolean',
				default: true,
				displayOptions: { show: { '/operation': ['registerContacts'] } },
				description:
					"Whether to read a person's FIRSTNAME and LASTNAME from their Brevo contact when First Name is empty (Zoom requires a first name; a Brevo Trigger's list event carries only the email). One Brevo request per such person.",
			},
			{
				displayName: 'Repeat Follow-Ups',
				name: 'repeatFollowUps',
				type: 'boolean',
				default: false,
				description:
					"Whether to process a Zoom delivery this node already processed and send events and emails again to people who already got them for this meeting or webinar. Off: each person gets each follow-up once per meeting or webinar, whatever Zoom re-sends or you re-run.",
			},
			{
				displayName: 'Send Unconfirmed Follow-Ups',
				name: 'sendUnconfirmedFollowUps',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the events and emails an earlier run claimed but Brevo never confirmed (its process stopped mid-way, or Brevo\'s answer was lost). They may have arrived, so they are not sent by default: each item lists them with the status "unconfirmed". On: exactly those are sent; everything confirmed stays unsent.',
			},
			{
				displayName: 'Zoom Plan (Rate Limits)',
				name: 'zoomPlan',
				type: 'options',
				options: ZOOM_PLAN_OPTIONS,
				default: 'pro',
				displayOptions: CALLS_ZOOM,
				description: 'Requests are paced to this plan\'s limits, and slowed further if Zoom\'s rate-limit headers say so',
			},
		],
	},
];
