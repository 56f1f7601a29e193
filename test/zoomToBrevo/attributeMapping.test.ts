/**
 * Attribute Mapping in Zoom to Brevo 1.2: n8n's resource mapper, its rows loaded from the Brevo
 * account (through n8n-core's real LoadOptionsContext, as the editor's dynamic-parameters API
 * calls it) with defaults that fit each resource, and runs that write what the rows say.
 */
import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { BrevoV3Api } from '../../credentials/BrevoV3Api.credentials';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { ATTRIBUTE_DEFAULTS, attributeFields } from '../../nodes/ZoomToBrevo/contacts/attributeFields';
import { ZoomToBrevo } from '../../nodes/ZoomToBrevo/ZoomToBrevo.node';
import { runResourceMapping } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo, simulatorCredentials } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => await sim.close());

const meeting = () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.recurringMeetingUuids.latest });
const webinarAttendees = () => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: String(sim.fixture.ids.webinarId) });

async function rows(resource: 'meeting' | 'webinar', withBrevoCredential = true): Promise<ResourceMapperField[]> {
	const credentials = simulatorCredentials(sim);
	const { fields } = await runResourceMapping({
		nodeType: new ZoomToBrevo(),
		type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
		typeVersion: 1.2,
		parameters: { resource, operation: resource === 'meeting' ? 'syncParticipants' : 'syncAttendees' },
		credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api(), new BrevoV3Api()],
		credentials: withBrevoCredential ? credentials : Object.fromEntries(Object.entries(credentials).filter(([, c]) => c.type !== 'brevoV3Api')),
		path: 'parameters.attributes',
		methodName: 'getBrevoAttributeFields',
	});
	return fields;
}

/** The mapping the editor fills in on a new node: each shown row with its default value. */
const shownDefaults = (fields: ResourceMapperField[]) => Object.fromEntries(fields.filter((f) => !f.removed).map((f) => [f.id, f.defaultValue]));

/** The parameter as n8n's editor saves it after the rows loaded. */
const asEditorSaves = (fields: ResourceMapperField[], value: Record<string, string>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: fields,
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

describe('the rows the editor loads', () => {
	it("come from the Brevo account, each typed, with the Zoom values that fit the attribute's type", async () => {
		sim.brevo.attributes.set('WEBINAR_DAY', { name: 'WEBINAR_DAY', category: 'normal', type: 'date' });
		sim.brevo.attributes.set('SCORE', { name: 'SCORE', category: 'normal', type: 'float' });
		sim.brevo.attributes.set('VIP', { name: 'VIP', category: 'normal', type: 'boolean' });
		const fields = await rows('webinar');
		const byId = new Map(fields.map((f) => [f.id, f]));
		expect(sim.requests.some((r) => r.service === 'brevo' && r.method === 'GET' && r.path === '/brevo/v3/contacts/attributes')).toBe(true);

		expect(byId.get('JOB_TITLE')).toMatchObject({ displayName: 'JOB_TITLE (Text)', removed: true, type: 'options' });
		expect(byId.get('FIRSTNAME')).toMatchObject({ displayName: 'FIRSTNAME (Text)', removed: false, defaultValue: 'firstName' });
		const values = (id: string) => (byId.get(id)?.options ?? []).map((o) => o.value).sort();
		expect(values('WEBINAR_DAY')).toEqual(['firstJoinDate', 'registrationDate', 'sourceDate']);
		expect(values('SCORE')).toEqual(['attendancePercent', 'engagementScore', 'minutesAttended', 'pollsAnswered', 'questionsAsked', 'secondsAttended', 'sessions']);
		expect(values('JOB_TITLE')).toContain('minutesAttended');
		// A Boolean attribute holds the one yes/no value; a Text attribute takes every value but that.
		expect(values('VIP')).toEqual(['surveyAnswered']);
		expect(values('JOB_TITLE')).not.toContain('surveyAnswered');
		// Identifiers would change who a contact is.
		for (const id of ['SMS', 'WHATSAPP', 'LANDLINE_NUMBER', 'EXT_ID']) expect(byId.has(id)).toBe(false);
		// Suggested attributes the account lacks are offered, marked as created on write.
		expect(byId.get('WEBINAR_DURATION')).toMatchObject({ displayName: 'WEBINAR_DURATION (new)', removed: false });
	});

	it('webinars default to WEBINAR_* names and UTM_SOURCE; meetings to MEETING_* and no UTM_SOURCE', async () => {
		expect(shownDefaults(await rows('webinar'))).toEqual(Object.fromEntries(ATTRIBUTE_DEFAULTS.webinar.map((d) => [d.attribute, d.field])));
		const webinar = shownDefaults(await rows('webinar'));
		expect(webinar).toMatchObject({ WEBINAR_NAME: 'topic', WEBINAR_JOIN_DATE: 'firstJoinDate', WEBINAR_DURATION: 'minutesAttended', UTM_SOURCE: 'utmSource' });
		for (const id of ['MEETING_NAME', 'MEETING_JOIN_DATE', 'MEETING_DURATION']) expect(webinar).not.toHaveProperty(id);

		const meetingRows = await rows('meeting');
		const meetingDefaults = shownDefaults(meetingRows);
		expect(meetingDefaults).toMatchObject({ MEETING_NAME: 'topic', MEETING_JOIN_DATE: 'firstJoinDate', MEETING_DURATION: 'minutesAttended' });
		for (const id of ['UTM_SOURCE', 'WEBINAR_NAME', 'WEBINAR_DURATION']) expect(meetingDefaults).not.toHaveProperty(id);
		// ... but they can be added from the dropdown.
		expect(meetingRows.find((f) => f.id === 'UTM_SOURCE')).toMatchObject({ removed: true });
	});

	it('a default whose account attribute has another type is offered unmapped', () => {
		const fields = attributeFields('meeting', [{ name: 'MEETING_DURATION', type: 'date', category: 'normal' }]);
		expect(fields.find((f) => f.id === 'MEETING_DURATION')).toMatchObject({ removed: true, displayName: 'MEETING_DURATION (Date)' });
		expect(fields.find((f) => f.id === 'MEETING_DURATION')?.defaultValue).toBeUndefined();
	});

	it('a node without a Brevo credential gets the suggested rows instead of an error', async () => {
		const fields = await rows('meeting', false);
		expect(sim.requests.filter((r) => r.service === 'brevo')).toHaveLength(0);
		expect(shownDefaults(fields)).toEqual(Object.fromEntries(ATTRIBUTE_DEFAULTS.meeting.map((d) => [d.attribute, d.field])));
		expect(fields.every((f) => !f.displayName.includes('('))).toBe(true);
	});
});

describe('runs', () => {
	const stored = (email: unknown) => sim.brevo.contacts.get(String(email).toLowerCase())?.attributes ?? {};

	it('a node saved before the editor filled the rows (value null) writes the webinar defaults', async () => {
		const { result, contacts } = await runZoomToBrevo(sim, { ...webinarAttendees(), writeMode: 'upsert' }, { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) {
			expect(stored(contact.email)).toMatchObject({ WEBINAR_NAME: expect.any(String), WEBINAR_DURATION: expect.any(Number), ATTENDANCE_STATUS: 'attended' });
			expect(stored(contact.email)).not.toHaveProperty('MEETING_DURATION');
		}
		expect(sim.brevo.attributes.get('WEBINAR_JOIN_DATE')?.type).toBe('date');
	});

	it('writes exactly the rows the editor saved, with the Zoom value each row names', async () => {
		const fields = await rows('meeting');
		const attributes = asEditorSaves(fields, { JOB_TITLE: 'topic', MEETING_DURATION: 'secondsAttended' });
		const firstNamesBefore = new Map([...sim.brevo.contacts.values()].map((c) => [c.email.toLowerCase(), c.attributes.FIRSTNAME]));
		const { result, contacts } = await runZoomToBrevo(sim, { ...meeting(), writeMode: 'upsert', attributes } as INodeParameters, { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		for (const contact of contacts) {
			expect(Object.keys(contact.attributes as object).sort()).toEqual(['JOB_TITLE', 'MEETING_DURATION']);
			expect(stored(contact.email)).toMatchObject({ JOB_TITLE: expect.any(String), MEETING_DURATION: (contact.engagement as { attendedSeconds: number }).attendedSeconds });
			// FIRSTNAME is not mapped: a contact Brevo had keeps its own, a new one gets none.
			expect(stored(contact.email).FIRSTNAME).toBe(firstNamesBefore.get(String(contact.email).toLowerCase()));
		}
	});

	it('an emptied mapping writes the contacts with their lists and no attributes', async () => {
		const attributes = asEditorSaves(await rows('meeting'), {});
		const { result, contacts } = await runZoomToBrevo(sim, { ...meeting(), listIds: [15], attributes } as INodeParameters, { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		for (const contact of contacts) {
			expect(contact.attributes).toEqual({});
			expect(sim.brevo.contacts.get(String(contact.email).toLowerCase())?.listIds).toContain(15);
		}
	});

	it('an expression that gives no Zoom value stops before any call, naming the attribute', async () => {
		const attributes = asEditorSaves(await rows('meeting'), { MEETING_NAME: '={{ "minutes" }}' });
		sim.clearRequests();
		const { result } = await runZoomToBrevo(sim, { ...meeting(), attributes } as INodeParameters, { typeVersion: 1.2 });
		expect(result.error?.message).toMatch(/MEETING_NAME/);
		expect(sim.requests).toHaveLength(0);
	});

	it('the same check holds for a hand-made workflow without the schema', async () => {
		const attributes = { mappingMode: 'defineBelow', value: { MEETING_NAME: 'minutes' } };
		const { result } = await runZoomToBrevo(sim, { ...meeting(), attributes }, { typeVersion: 1.2 });
		expect(result.error?.message).toBe('Attribute Mapping: "minutes" for MEETING_NAME is not a Zoom value');
		expect(sim.requests).toHaveLength(0);
	});

	it('a mapping mode the node does not offer is refused by name', async () => {
		const { result } = await runZoomToBrevo(sim, { ...meeting(), attributes: { mappingMode: 'autoMapInputData', value: null } }, { typeVersion: 1.2 });
		expect(result.error?.message).toMatch(/unknown mode "autoMapInputData"/);
		expect(sim.requests).toHaveLength(0);
	});

	it('version 1.1 keeps its rows: a webinar still writes MEETING_DURATION', async () => {
		const { result, contacts } = await runZoomToBrevo(sim, { ...webinarAttendees(), writeMode: 'upsert' }, { typeVersion: 1.1 });
		expect(result.error).toBeUndefined();
		for (const contact of contacts) expect(stored(contact.email)).toHaveProperty('MEETING_DURATION');
	});
});
