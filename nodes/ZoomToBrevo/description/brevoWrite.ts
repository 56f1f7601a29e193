import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { CONTACT_FIELDS, DEFAULT_MAPPING, MEETING_DEFAULT_MAPPING, type AttributeMapping } from '../contacts/fields';
import { FROM_VERSION_1_2, UP_TO_VERSION_1_1, VERSION_1_1_ONLY, VERSION_1_ONLY } from './versions';

const SYNCS = ['syncParticipants', 'syncAttendees', 'syncAbsentees', 'syncRegistrants', 'syncRegistrantFromEvent'];
/** Operations that write contacts to Brevo: the syncs, and Register Contacts (its attributes are
 *  fixed: the join link and what goes with it, so it has no Attribute Mapping). */
const WRITES = [...SYNCS, 'registerContacts'];

const fieldOptions = Object.entries(CONTACT_FIELDS)
	.map(([value, field]) => ({ name: field.label, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** One Brevo attribute per row. */
function attributeMapping(name: string, defaults: AttributeMapping[], show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Attribute Mapping',
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Attribute',
		default: { attributes: defaults.map(({ attribute, field }) => ({ attribute, field })) },
		displayOptions: { show },
		description: 'Which Brevo contact attribute gets which Zoom value. Values Zoom does not have are not sent.',
		options: [
			{
				displayName: 'Attributes',
				name: 'attributes',
				values: [
					{
						displayName: 'Brevo Attribute',
						name: 'attribute',
						type: 'string',
						default: '',
						placeholder: 'FIRSTNAME',
						description: 'Attribute name in Brevo (upper case). Missing ones can be created on write.',
					},
					{
						displayName: 'Zoom Value',
						name: 'field',
						type: 'options',
						options: fieldOptions,
						default: 'firstName',
					},
				],
			},
		],
	};
}

function writeModeProperty(defaultMode: 'emit' | 'import', versions: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Write to Brevo',
		name: 'writeMode',
		type: 'options',
		options: [
			{
				name: 'No — Emit the Contacts Only',
				value: 'emit',
				description: 'Output the mapped contacts for other nodes; nothing is written',
			},
			{
				name: 'Batch Import (Recommended)',
				value: 'import',
				description: 'Brevo contacts import: up to 8 MB per request, existing contacts updated',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
		],
		default: defaultMode,
		displayOptions: { show: { operation: WRITES, ...versions } },
		description:
			"Batch Import sends many contacts per request. Create or Update sends one request per contact, paced to Brevo's rate limit, and reports each contact.",
	};
}

/** How contacts are mapped and written to Brevo, and which follow-up event fires. */
export const brevoWriteProperties: INodeProperties[] = [
	{
		displayName: 'Add to Brevo Lists',
		name: 'listIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBrevoLists' },
		default: [],
		displayOptions: { show: { operation: WRITES } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'When the node writes to Brevo, contacts are added to these lists and keep their other memberships. Use separate lists for meeting participants, webinar attendees, registrants and absentees. Empty with no Brevo credential chosen; "Error fetching options" means Brevo refused the credential: open it and test the API key.',
	},
	attributeMapping('attributeMapping', DEFAULT_MAPPING, { operation: SYNCS, ...VERSION_1_ONLY }),
	// Two parameters, not one with two defaults: n8n stores a fixedCollection's rows when the node
	// is created, so one shared name would keep the meeting rows after switching to webinar.
	attributeMapping('meetingAttributeMapping', MEETING_DEFAULT_MAPPING, { resource: ['meeting'], operation: SYNCS, ...VERSION_1_1_ONLY }),
	attributeMapping('webinarAttributeMapping', DEFAULT_MAPPING, { resource: ['webinar'], operation: SYNCS, ...VERSION_1_1_ONLY }),
	// 1.2: n8n's resource mapper, one row per Brevo attribute of the account (nine two-field rows
	// took 1 300 px). Switching Resource reloads the rows with that resource's defaults.
	{
		displayName: 'Attribute Mapping',
		name: 'attributes',
		type: 'resourceMapper',
		noDataExpression: true,
		// `value: null` until the editor fills in the resource's defaults; the node reads null as
		// those defaults too (a workflow imported from JSON), and an emptied mapping as none.
		default: { mappingMode: 'defineBelow', value: null },
		typeOptions: {
			loadOptionsDependsOn: ['resource'],
			resourceMapper: {
				resourceMapperMethod: 'getBrevoAttributeFields',
				mode: 'add',
				fieldWords: { singular: 'attribute', plural: 'attributes' },
				valuesLabel: 'Zoom Value per Brevo Attribute',
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { operation: SYNCS, ...FROM_VERSION_1_2 } },
		description: 'Which Zoom value each Brevo attribute gets. Values Zoom does not have are not sent.',
		hint: 'Attributes marked "new" are not in your Brevo account yet: the first write creates them (see Missing Attributes).',
	},
	// 1.2 writes by default: a new node that only emitted looked like a sync that had happened.
	writeModeProperty('emit', UP_TO_VERSION_1_1),
	writeModeProperty('import', FROM_VERSION_1_2),
	{
		displayName:
			'Nothing is written to Brevo in this mode: the contacts only go to the next node. Choose Batch Import or Create or Update to write them.',
		name: 'emitOnlyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: WRITES, writeMode: ['emit'] } },
	},
	{
		displayName: 'Missing Attributes',
		name: 'missingAttributes',
		type: 'options',
		options: [
			{ name: 'Create Them (With the Right Type)', value: 'create' },
			{ name: 'Stop With an Error', value: 'fail' },
		],
		default: 'create',
		displayOptions: { show: { operation: WRITES, writeMode: ['import', 'upsert'] } },
		description:
			'Brevo silently drops values of attributes that do not exist in the account, so they are checked before writing',
	},
	{
		displayName: 'Send Brevo Event',
		name: 'sendEvent',
		type: 'boolean',
		default: false,
		displayOptions: { show: { operation: WRITES } },
		description:
			'Whether to send a Brevo custom event per contact, to start Brevo automations (follow-up sequences)',
	},
	{
		displayName:
			'Events are sent when you test this node too, and start the Brevo automations built on them. Each person gets each event once per meeting or webinar, however often you test. To try the node without writing to Brevo or sending anything, turn on Options → Dry Run.',
		name: 'testSendsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: WRITES, sendEvent: [true], ...FROM_VERSION_1_2 } },
	},
	{
		displayName: 'Event Name',
		name: 'eventNaming',
		type: 'options',
		options: [
			{
				name: 'By Attendance',
				value: 'byStatus',
				description:
					'Names like zoom_meeting_attended, zoom_webinar_attended, zoom_webinar_no_show, zoom_webinar_registered, zoom_meeting_waiting_room_only (Register Contacts: zoom_webinar_registered, zoom_meeting_registered)',
			},
			{ name: 'Custom', value: 'custom' },
		],
		default: 'byStatus',
		displayOptions: { show: { operation: WRITES, sendEvent: [true] } },
	},
	{
		displayName: 'Custom Event Name',
		name: 'customEventName',
		type: 'string',
		default: '',
		placeholder: 'webinar_follow_up',
		required: true,
		displayOptions: { show: { operation: WRITES, sendEvent: [true], eventNaming: ['custom'] } },
		description: 'Letters, digits, _ and - only (Brevo\'s rule), up to 255 characters',
	},
];
