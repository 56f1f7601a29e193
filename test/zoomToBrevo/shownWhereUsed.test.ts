/**
 * Every field the editor shows for an operation is one that operation's code reads, and the code
 * reads no field the editor hides there (n8n hands a hidden field's default to the code, so a
 * value the user typed before switching operation would be ignored without a word).
 *
 * "Shown" is n8n's own verdict (NodeHelpers.getNodeParameters and displayParameter, the functions
 * the editor and the engine use). "Read" is recorded while the node really runs the operation
 * through n8n-core's engine against the simulator: every getNodeParameter call, and every option
 * looked up in the Options collection.
 */
import { NodeHelpers, type IDataObject, type IExecuteFunctions, type INodeParameters, type INodeProperties, type INodeType } from 'n8n-workflow';

import { ZoomToBrevo } from '../../nodes/ZoomToBrevo/ZoomToBrevo.node';
import { startSimulator, type Simulator } from '../simulator';
import { asSavedBy, runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());

const base = new ZoomToBrevo();
const { description } = base;

/** A Zoom to Brevo whose runs record the parameters the code reads. */
function recordingNode(reads: Set<string>): INodeType {
	return {
		description,
		methods: base.methods,
		async execute(this: IExecuteFunctions) {
			const read = this.getNodeParameter.bind(this) as (...args: unknown[]) => unknown;
			// Replaced on this execution's own context object: every helper the node passes it to sees it.
			this.getNodeParameter = ((...args: unknown[]) => {
				const name = String(args[0]);
				reads.add(name);
				const value = read(...args);
				if (name !== 'options' || typeof value !== 'object' || value === null) return value;
				return new Proxy(value as IDataObject, {
					get: (target, key) => {
						if (typeof key === 'string') reads.add(`options.${key}`);
						return Reflect.get(target, key) as unknown;
					},
				});
			}) as IExecuteFunctions['getNodeParameter'];
			return await base.execute.call(this);
		},
	};
}

/** The parameters n8n shows for these values at this version: top-level ones (notices are text,
 *  not settings) and the options of the Options collection that can be added. */
function shown(parameters: INodeParameters, typeVersion: number): Set<string> {
	const node = { typeVersion };
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	const names = new Set<string>();
	for (const property of description.properties) {
		if (property.type === 'notice' || property.name === 'options') continue;
		if (property.name in values && NodeHelpers.displayParameter(values, property, node, description)) names.add(property.name);
	}
	const options = description.properties.find((p) => p.name === 'options') as INodeProperties;
	for (const option of options.options as INodeProperties[]) {
		if (NodeHelpers.displayParameter({}, option, node, description, values)) names.add(`options.${option.name}`);
	}
	return names;
}

/** Top-level reads as they are (a path into a parameter, e.g. the resource mapper's
 *  `attributes.value`, as its parameter); the Options collection by the options looked up in it. */
function readNames(reads: Set<string>): Set<string> {
	return new Set([...reads].filter((name) => name !== 'options').map((name) => (name.startsWith('options.') ? name : name.split('.')[0])));
}

interface Case {
	label: string;
	parameters: () => INodeParameters;
	input?: () => IDataObject;
}

const meetingUuid = () => sim.fixture.ids.recurringMeetingUuids.latest;
const webinar = () => ({ resource: 'webinar', webinarId: String(sim.fixture.ids.webinarId) });
const registrationItem = {
	event: 'webinar.registration_created',
	id: '91234567890',
	uuid: 'wuuid==',
	topic: 'Product Launch',
	person: { email: 'new.person@example.com', firstName: 'New', lastName: 'Person', registrantId: 'r-77', trackingSource: 'linkedin', status: 'approved' },
};

const syncVariants = (label: string, parameters: () => INodeParameters, input?: () => IDataObject): Case[] => [
	{ label: `${label}, contacts emitted only`, parameters: () => ({ ...parameters(), writeMode: 'emit' }), input },
	{ label: `${label}, batch import with lists`, parameters: () => ({ ...parameters(), writeMode: 'import', listIds: [15] }), input },
	{ label: `${label}, create or update`, parameters: () => ({ ...parameters(), writeMode: 'upsert' }), input },
	{ label: `${label}, events by attendance`, parameters: () => ({ ...parameters(), sendEvent: true, options: { dryRun: true } }), input },
	{ label: `${label}, custom event`, parameters: () => ({ ...parameters(), sendEvent: true, eventNaming: 'custom', customEventName: 'follow_up', options: { dryRun: true } }), input },
];

const recording = (extra: INodeParameters) => () => ({ resource: 'recording', operation: 'shareRecording', meetingId: meetingUuid(), ...extra });
const webinarRecording = (recipients: string, extra: INodeParameters) => () => {
	const id = String(sim.fixture.ids.webinarId);
	return { resource: 'recording', operation: 'shareRecording', recipients, meetingId: id, recordingWebinarId: id, ...extra };
};

const cases: Case[] = [
	...syncVariants('meeting participants', () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: meetingUuid() })),
	{ label: "meeting participants from Zoom's report", parameters: () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: meetingUuid(), participantSource: 'report' }) },
	...syncVariants('webinar attendees', () => ({ ...webinar(), operation: 'syncAttendees' })),
	...syncVariants('webinar absentees', () => ({ ...webinar(), operation: 'syncAbsentees' })),
	...syncVariants('webinar registrants', () => ({ ...webinar(), operation: 'syncRegistrants' })),
	...syncVariants('one registrant from the trigger', () => ({ resource: 'webinar', operation: 'syncRegistrantFromEvent' }), () => registrationItem),
	{ label: 'recording as attributes, to meeting participants', parameters: recording({ shareMode: 'attributes', recordingListIds: [15] }) },
	{ label: 'recording as attributes with an event', parameters: recording({ shareMode: 'attributes', recordingSendEvent: true, recordingEventName: 'zoom_recording_ready', options: { dryRun: true } }) },
	{ label: 'recording by template email', parameters: recording({ shareMode: 'email', templateId: 1, options: { dryRun: true } }) },
	// Webinar recipients: up to 1.1 Meeting names the recording (the webinar's ID, as its tooltip
	// says) and Webinar the people; from 1.2 Webinar alone does both, and Meeting (set here all the
	// same) is hidden and must not be read.
	// Engagement and the lead score (issue #13): the score's settings show, and are read, only with Score Leads.
	{ label: 'webinar attendees with engagement and a lead score', parameters: () => ({ ...webinar(), operation: 'syncAttendees', webinarEngagement: ['polls', 'questions', 'survey'], scoreLeads: true, scoreSettings: { hot: 70 }, options: { includeAnswers: true } }) },
	{ label: 'meeting participants with poll answers, no score', parameters: () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: meetingUuid(), meetingEngagement: ['polls'] }) },
	// Register Contacts (issue #14): people in, registrants out; no Attribute Mapping, no trigger fields.
	...syncVariants('register contacts for a webinar', () => ({ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: String(sim.fixture.ids.webinarId), registrantFields: { org: 'Acme', sourceId: 'src' } }), () => ({ email: 'new.lead@example.com', attributes: { FIRSTNAME: 'New' } })),
	{
		label: 'register contacts for sessions of a meeting',
		parameters: () => ({ resource: 'meeting', operation: 'registerContacts', registrationMeetingId: String(sim.fixture.ids.registrationMeetingId), registrationOccurrenceIds: sim.fixture.ids.registrationMeetingOccurrenceIds[0] }),
		input: () => ({ email: 'meeting.lead@example.com', firstName: 'Meeting' }),
	},
	{ label: 'recording to webinar attendees', parameters: webinarRecording('webinarAttendees', { recordingListIds: [15] }) },
	{ label: 'recording to webinar registrants', parameters: webinarRecording('webinarRegistrants', { options: { dryRun: true } }) },
	{ label: 'recording to webinar absentees by template email', parameters: webinarRecording('webinarAbsentees', { shareMode: 'email', templateId: 1, options: { dryRun: true } }) },
];

describe.each([1, 1.1, 1.2])('version %s', (typeVersion) => {
	it.each(cases.map((c) => [c.label, c] as const))('%s: the fields shown are the fields read', async (_label, spec) => {
		const parameters = spec.parameters();
		const reads = new Set<string>();
		const { result } = await runZoomToBrevo(sim, parameters, {
			typeVersion,
			nodeType: recordingNode(reads),
			inputItems: spec.input ? [{ json: spec.input() }] : undefined,
		});
		// A run that stopped early would read less than the operation uses.
		expect(result.error).toBeUndefined();

		const visible = shown(asSavedBy(typeVersion, parameters), typeVersion);
		const read = readNames(reads);
		expect({ shownButNotRead: [...visible].filter((name) => !read.has(name)).sort() }).toEqual({ shownButNotRead: [] });
		expect({ readButHidden: [...read].filter((name) => !visible.has(name)).sort() }).toEqual({ readButHidden: [] });
	});
});
