import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkDailyBudget } from './pollBudget';
import { ZOOM_AUTHENTICATION_OPTIONS, ZOOM_PLAN_OPTIONS } from '../shared/zoomChoices';
import { pollEndedMeetings } from './pollEndedMeetings';
import { pollEndedWebinars } from './pollEndedWebinars';
import { readPollSettings } from './pollSettings';

/**
 * Zoom Poll Trigger: asks Zoom at n8n's Poll Times what ended, for n8n instances Zoom's webhooks
 * cannot reach. Items have the Zoom Trigger's shape, so Zoom to Brevo works unchanged.
 */
export class ZoomPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Poll Trigger',
		name: 'zoomPollTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when a Zoom meeting or webinar ends, by asking Zoom at set times (no webhook needed)',
		defaults: { name: 'Zoom Poll Trigger' },
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
					{ name: 'Meeting Ended', value: 'meeting.ended', description: 'A meeting instance with two or more people ended (Heavy usage-report calls, Pro plan or higher)' },
					{ name: 'Webinar Ended', value: 'webinar.ended', description: 'A webinar instance ended (Medium calls: one per host and one per webinar it lists)' },
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
				description: 'Emails or Zoom user IDs of the hosts, separated by commas. Each costs Zoom calls at every poll: one Heavy call for Meeting Ended, one Medium call plus one per webinar for Webinar Ended.',
				displayOptions: { show: { authentication: ['serverToServer'], scope: ['chosenHosts'] } },
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description: 'Also start the workflow, on the first poll, for meetings that ended since this time (Zoom keeps about six months), or webinars that started since then. Empty: only what ends after activation.',
			},
			{
				displayName: 'Zoom Plan',
				name: 'zoomPlan',
				type: 'options',
				options: ZOOM_PLAN_OPTIONS,
				default: 'pro',
				description: "Paces calls to the account's rate limits. Meeting reports need Pro or higher.",
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings(this);
		// Fetch Test Event is one poll, whatever the schedule.
		if (this.getMode() !== 'manual') checkDailyBudget(this, settings);
		return settings.event === 'webinar.ended' ? await pollEndedWebinars(this, settings) : await pollEndedMeetings(this, settings);
	}
}
