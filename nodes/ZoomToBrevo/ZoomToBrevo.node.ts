import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from './actions/router';
import { brevoWriteProperties } from './description/brevoWrite';
import { engagementProperties } from './description/engagement';
import { optionProperties } from './description/options';
import { recordingProperties } from './description/recording';
import { registrationProperties } from './description/registration';
import { selectorProperties } from './description/selectors';
import { zoomSourceProperties } from './description/zoomSource';
import { getBrevoLists, getBrevoTemplates } from './methods/loadOptions';
import { getOccurrences, getTrackingSources } from './methods/zoomOptions';
import { searchMeetings, searchUpcomingMeetings, searchWebinars } from './methods/listSearch';
import { getBrevoAttributeFields } from './methods/resourceMapping';

/** From 1.2: contacts on the first output, the people and deliveries skipped on the second. */
const SPLIT_OUTPUTS = [
	{ type: NodeConnectionTypes.Main, displayName: 'Contacts' },
	{ type: NodeConnectionTypes.Main, displayName: 'Skipped' },
];

export class ZoomToBrevo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom to Brevo',
		name: 'zoomToBrevo',
		icon: { light: 'file:zoomToBrevo.svg', dark: 'file:zoomToBrevo.dark.svg' },
		group: ['transform'],
		// 1.1: meetings and webinars are picked from a list, by ID or by join link (resource
		// locators); version 1 workflows keep their text fields and behave as before.
		// 1.2: writes to Brevo by default (Batch Import), and people who were skipped go to their own
		// output, so the next node receives contacts only; Attribute Mapping is n8n's resource mapper
		// (the account's attributes). 1 and 1.1 keep one output, "emit" and their mapping rows.
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The canvas shows what the node does, in words (the internal values read "meeting: syncParticipants").
		subtitle:
			'={{ {"syncParticipants": "Sync meeting participants", "syncAttendees": "Sync webinar attendees", "syncAbsentees": "Sync webinar absentees", "syncRegistrants": "Sync webinar registrants", "syncRegistrantFromEvent": "Sync one registrant", "shareRecording": "Share a recording", "registerContacts": "Register contacts"}[$parameter["operation"]] }}',
		description:
			'Turn Zoom meeting participants and webinar registrants, attendees and absentees into Brevo contacts with engagement data, lists and follow-up events',
		defaults: { name: 'Zoom to Brevo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $nodeVersion >= 1.2 ? ${JSON.stringify(SPLIT_OUTPUTS)} : ["${NodeConnectionTypes.Main}"] }}`,
		// Each displayName is the label above the entry's picker in n8n's editor (without one the Zoom
		// picker reads "Credential" and Brevo's "Credential for Zoom to Brevo: Brevo API").
		// n8n's editor preselects one credential per node, not one per picker: when the panel opens on
		// a node without credentials it takes the most recently updated one among all the pickers
		// shown (getAutoSelectedCredential in NodeCredentials.vue), so the other is chosen by hand.
		credentials: [
			// "Sync One Registrant" reads the trigger's item and never calls Zoom.
			{
				name: 'zoomServerToServerOAuthApi',
				displayName: 'Credential for Zoom',
				required: true,
				displayOptions: {
					show: { authentication: ['serverToServer'] },
					hide: { operation: ['syncRegistrantFromEvent'] },
				},
			},
			{
				name: 'zoomUserOAuth2Api',
				displayName: 'Credential for Zoom',
				required: true,
				displayOptions: {
					show: { authentication: ['userOAuth2'] },
					hide: { operation: ['syncRegistrantFromEvent'] },
				},
			},
			{
				name: 'brevoV3Api',
				displayName: 'Credential for Brevo',
				required: true,
				// Always shown. Without a displayOptions of its own, n8n's editor would treat it as one
				// more choice of the Authentication field and offer the Zoom credentials in its picker.
				displayOptions: { show: { resource: ['meeting', 'webinar', 'recording'] } },
			},
		],
		properties: [
			...selectorProperties,
			...zoomSourceProperties,
			...recordingProperties,
			...registrationProperties,
			...engagementProperties,
			...brevoWriteProperties,
			...optionProperties,
		],
	};

	methods = {
		loadOptions: { getBrevoLists, getBrevoTemplates, getOccurrences, getTrackingSources },
		listSearch: { searchMeetings, searchUpcomingMeetings, searchWebinars },
		resourceMapping: { getBrevoAttributeFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
