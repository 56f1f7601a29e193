import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ZOOM_AUTHENTICATION_OPTIONS, ZOOM_PLAN_OPTIONS } from '../shared/zoomChoices';
import { ZoomPacer } from '../shared/zoomPacer';
import { pollHosts } from './accountUsers';
import { checkDailyBudget, testEventHeavyCalls, usesAccountListing } from './pollBudget';
import { pollEndedMeetings } from './pollEndedMeetings';
import { pollEndedWebinars } from './pollEndedWebinars';
import { pollRecordings } from './pollRecordings';
import { pollRegistrants } from './pollRegistrants';
import { pollAlone } from './pollGuard';
import { readPollSettings, testEventHosts, type PollSettings } from './pollSettings';

/**
 * Zoom Scheduled Trigger: asks Zoom at n8n's Poll Times what ended, for n8n instances Zoom's webhooks
 * cannot reach. Items have the Zoom Trigger's shape, so Zoom to Brevo works unchanged.
 */
export class ZoomPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Scheduled Trigger',
		name: 'zoomPollTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when a Zoom meeting or webinar ends, a webinar gets a registrant or a cloud recording is ready, by asking Zoom at set times (no webhook needed)',
		defaults: { name: 'Zoom Scheduled Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'zoomServerToServerOAuthApi', required: true, displayOptions: { show: { authentication: ['serverToServer'] } } },
			{ name: 'zoomUserOAuth2Api', required: true, displayOptions: { show: { authentication: ['userOAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: ZOOM_AUTHENTICATION_OPTIONS,
				default: 'serverToServer',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Meeting Ended', value: 'meeting.ended', description: 'A meeting instance with two or more people ended (reads Zoom\'s usage reports, whose calls Zoom limits per day: one per host, or one listing of the account from 3 hosts on; Pro plan or higher)' },
					{ name: 'Webinar Ended', value: 'webinar.ended', description: 'A webinar instance ended (Zoom calls with no daily limit: one per host and one per webinar it lists)' },
					{
						name: 'New Webinar Registrant',
						value: 'webinar.registration_created',
						description: 'Someone registered for a webinar and was approved (Zoom calls with no daily limit: one per host, unless webinars are chosen, and one per webinar per 300 registrants)',
					},
					{
						name: 'Recording Completed',
						value: 'recording.completed',
						description: 'A cloud recording of a meeting or webinar finished processing (Zoom calls with no daily limit: one per host, and one per new recording)',
					},
				],
				default: 'meeting.ended',
			},
			{
				displayName: 'Hosts',
				name: 'scope',
				type: 'options',
				options: [
					{ name: "The App's Owner", value: 'me', description: 'Meetings or webinars hosted by the user who created the Server-to-Server app' },
					{ name: 'Chosen Hosts', value: 'chosenHosts', description: 'Meetings or webinars hosted by the users listed below' },
					{
						name: 'Every User of the Account',
						value: 'allUsers',
						description:
							"Meetings or webinars hosted by any active user. Each poll lists the account's users (one call per 300 users, scope user:read:list_users:admin). Meeting Ended then reads one listing of the account's ended meetings (one call per 300 meetings, whatever the user count; scope report:read:list_history_meetings:admin or report:read:admin); Webinar Ended and New Webinar Registrant read one call per user plus one per webinar; Recording Completed one call per user.",
					},
				],
				default: 'me',
				displayOptions: { show: { authentication: ['serverToServer'] } },
			},
			{
				displayName: 'Host List',
				name: 'hostList',
				type: 'string',
				default: '',
				placeholder: 'ana@example.com, ben@example.com',
				description: 'Emails or Zoom user IDs of the hosts, separated by commas. Each costs Zoom calls at every poll: one usage-report call for Meeting Ended (Zoom limits these per day) with one or two hosts, from 3 hosts on one listing of the account for all of them; one call plus one per webinar for Webinar Ended and New Webinar Registrant; one call for Recording Completed.',
				displayOptions: { show: { authentication: ['serverToServer'], scope: ['chosenHosts'] } },
			},
			{
				displayName: 'Webinars',
				name: 'webinarIds',
				type: 'string',
				default: '',
				placeholder: '857 4606 5432, 912 3344 5566',
				description:
					"IDs of the webinars whose registrants start the workflow, separated by commas (one Zoom call each per poll). Empty: every upcoming webinar of the hosts (one more call per host to list them).",
				displayOptions: { show: { event: ['webinar.registration_created'] } },
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					"Also start the workflow, on the first poll, for meetings that ended since this time (Zoom keeps about six months), webinars that started since then, registrants who registered since then, or recordings of meetings and webinars that started since then. Read in the workflow's time zone (Workflow Settings), unless it has an offset. Empty: only what happens after activation. Published again after being unpublished, the workflow starts afresh the same way: nothing from the pause when empty; when set, what happened since this time that the workflow did not start for before. While it stays published, a restart of n8n catches up from where it stopped.",
			},
			{
				displayName: 'Zoom Plan',
				name: 'zoomPlan',
				type: 'options',
				options: ZOOM_PLAN_OPTIONS,
				default: 'pro',
				description: "Paces calls to the account's rate limits. Meeting reports need Pro or higher.",
			},
			{
				displayName:
					"Fetch Test Event shows the latest event of one host: the first in Host List, or the app's owner (also with Every User of the Account; with User OAuth2, you). Meeting Ended spends one usage-report call on it (the past month, one page of 300), refused when the schedule leaves none of Zoom's daily limit.",
				name: 'testEventNotice',
				type: 'notice',
				default: '',
			},
			{
				// The figures follow DAILY_HEAVY_LIMIT (pollBudget.ts), which checks them when the
				// workflow is published; test/pollTrigger/dailyBudget.test.ts holds the two together.
				displayName:
					"Meeting Ended costs one usage-report call per host at every poll with one or two hosts, and one listing of the account's meetings (one call per 300 meetings) from 3 hosts or Every User of the Account on. Zoom allows 30 000 such calls a day on Pro (60 000 on Business and up; its rate-limit tables call them Heavy): polled every minute, one listing is 1 440 a day, whatever the host count. A schedule over the limit is refused when the workflow is published, with the shortest interval that fits.",
				name: 'dailyLimitNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['meeting.ended'] } },
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings(this);
		// Fetch Test Event: one poll of one host, its Heavy calls counted on top of the schedule's.
		if (this.getMode() === 'manual') {
			checkDailyBudget(this, { ...settings, hosts: settings.everyUser ? [] : settings.hosts }, false, testEventHeavyCalls(settings));
			return await pollEvent(this, { ...settings, hosts: testEventHosts(settings) });
		}
		// Every User of the Account knows its host count only after listing the users: pollHosts
		// checks it then, before any Heavy call. Meeting Ended's account listing costs the same
		// whatever the host count, so it is checked now.
		if (!settings.everyUser || usesAccountListing(settings)) checkDailyBudget(this, settings);
		return await pollAlone(this, this.getWorkflowStaticData('node'), async () => await pollEvent(this, settings));
	}
}

/** One poll of the chosen event, with one pacer: the user listing and the per-host reads share Zoom's limits. */
async function pollEvent(context: IPollFunctions, settings: PollSettings): Promise<INodeExecutionData[][] | null> {
	const pacer = new ZoomPacer(settings.zoomPlan);
	const polled = { ...settings, hosts: await pollHosts(context, settings, pacer) };
	if (polled.event === 'webinar.ended') return await pollEndedWebinars(context, polled, pacer);
	if (polled.event === 'webinar.registration_created') return await pollRegistrants(context, polled, pacer);
	if (polled.event === 'recording.completed') return await pollRecordings(context, polled, pacer);
	return await pollEndedMeetings(context, polled, pacer);
}
