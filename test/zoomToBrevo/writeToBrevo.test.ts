/**
 * Zoom to Brevo write side, through n8n-core's engine against the simulator: contacts, attributes,
 * lists, events and recording links end up in the simulator's Brevo, with nothing lost.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ProcessedDataStore } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { ZoomToBrevo } from '../../nodes/ZoomToBrevo/ZoomToBrevo.node';
import { runZoomToBrevo, simulatorCredentials } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
});
afterEach(async () => sim.close());

const brevoWrites = () => sim.requests.filter((r) => r.service === 'brevo' && r.method !== 'GET');
const latestMeetingUuid = () => sim.fixture.ids.recurringMeetingUuids.latest;

describe('Batch import', () => {
	it('creates the missing attributes with the right types, then imports every value onto the lists', async () => {
		expect(sim.brevo.attributes.has('MEETING_JOIN_DATE')).toBe(false);
		const { contacts, result } = await runZoomToBrevo(sim, {
			resource: 'meeting',
			operation: 'syncParticipants',
			meetingId: sim.fixture.ids.largeMeetingUuid,
			writeMode: 'import',
			listIds: [15],
		});
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(600);

		expect(sim.brevo.attributes.get('MEETING_JOIN_DATE')?.type).toBe('date');
		expect(sim.brevo.attributes.get('MEETING_DURATION')?.type).toBe('float');
		expect(sim.brevo.attributes.get('ATTENDANCE_STATUS')?.type).toBe('text');
		const [process] = [...sim.brevo.processes.values()];
		expect(process.result?.ignoredAttributes).toEqual([]);

		for (const contact of contacts) {
			const stored = sim.brevo.contacts.get(String(contact.email));
			expect(stored).toBeDefined();
			expect(stored?.listIds).toContain(15);
			expect(stored?.attributes).toMatchObject(contact.attributes as object);
			expect(contact.brevo).toMatchObject({ mode: 'import', status: 'completed', batch: 1 });
		}
		// One import carries all 640 contacts: the only contact write besides creating attributes.
		expect(brevoWrites().filter((r) => r.path.endsWith('/contacts/import'))).toHaveLength(1);
	});

	it('adds list memberships and keeps the ones an existing contact had', async () => {
		const existing = sim.fixture.ids.brevoExistingContactEmail.toLowerCase();
		expect(sim.brevo.contacts.get(existing)?.listIds).toEqual([17]);
		const { result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), writeMode: 'import', listIds: [15] });
		expect(result.error).toBeUndefined();
		expect(sim.brevo.contacts.get(existing)?.listIds.sort()).toEqual([15, 17]);
		expect(sim.brevo.contacts.get(existing)?.attributes.FIRSTNAME).toBeDefined();
	});

	it('stops before writing anything when attributes are missing and the node is told to fail', async () => {
		const { result } = await runZoomToBrevo(sim, {
			resource: 'meeting',
			operation: 'syncParticipants',
			meetingId: latestMeetingUuid(),
			writeMode: 'import',
			missingAttributes: 'fail',
		});
		expect(result.error?.message).toMatch(/MEETING_JOIN_DATE/);
		expect(brevoWrites()).toHaveLength(0);
	});
});

describe('Create or update, one by one', () => {
	it('writes each contact, reports each one, and keeps other lists', async () => {
		const existing = sim.fixture.ids.brevoExistingContactEmail.toLowerCase();
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), writeMode: 'upsert', listIds: [15] });
		expect(result.error).toBeUndefined();
		const statuses = contacts.map((c) => (c.brevo as { status: string }).status);
		expect(statuses.filter((s) => s === 'updated')).toHaveLength(1);
		expect(statuses.filter((s) => s === 'created')).toHaveLength(contacts.length - 1);
		expect(contacts.find((c) => c.email === existing)?.brevo).toMatchObject({ status: 'updated' });
		expect(sim.brevo.contacts.get(existing)?.listIds.sort()).toEqual([15, 17]);
		expect(sim.requests.filter((r) => r.service === 'brevo' && r.status === 429)).toHaveLength(0);
	});
});

describe('Follow-up events', () => {
	it('fires zoom_webinar_no_show for every absentee, with the webinar in the properties', async () => {
		const { contacts, result } = await runZoomToBrevo(sim, {
			resource: 'webinar',
			operation: 'syncAbsentees',
			webinarId: String(sim.fixture.ids.webinarId),
			writeMode: 'import',
			listIds: [16],
			sendEvent: true,
		});
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_no_show');
		expect(events.map((e) => e.identifiers.email_id).sort()).toEqual(contacts.map((c) => c.email).sort());
		expect(events[0].event_properties).toMatchObject({ zoom_kind: 'webinar', zoom_id: String(sim.fixture.ids.webinarId), status: 'absent' });
		for (const contact of contacts) expect(contact.event).toEqual({ name: 'zoom_webinar_no_show', status: 'accepted' });
	});

	it('a custom event name is used as given; a bad one is refused before anything is read', async () => {
		const { result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), sendEvent: true, eventNaming: 'custom', customEventName: 'webinar follow-up!' });
		expect(result.error?.message).toBe('"webinar follow-up!" cannot be a Brevo event name');
		expect(sim.requests).toHaveLength(0);

		const ok = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), sendEvent: true, eventNaming: 'custom', customEventName: 'kickoff_follow_up' });
		expect(ok.result.error).toBeUndefined();
		expect(new Set(sim.brevo.events.map((e) => e.event_name))).toEqual(new Set(['kickoff_follow_up']));
	});

	it('when events fail after the contacts were written, the error says what was written', async () => {
		sim.inject({ kind: 'status', status: 400, body: { code: 'invalid_parameter', message: 'events disabled for this account' }, match: { path: '/events' }, times: 50 });
		const { result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), writeMode: 'import', listIds: [15], sendEvent: true });
		expect(result.error).toBeDefined();
		// The list by its name in Brevo, not a bare number.
		const list = sim.brevo.lists.get(15)!.name;
		expect(result.error?.description).toContain(`contacts written to Brevo on list “${list}” (#15) (1 import request, finished)`);
		expect(result.error?.description).toMatch(/Already written before this failed: \d+ contacts written/);
	});
});

describe('Default attribute mapping per resource', () => {
	const stored = (email: unknown) => sim.brevo.contacts.get(String(email))!.attributes;
	const meetingTopic = () => sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!.topic;

	it("a meeting's topic goes to MEETING_NAME, never over a webinar's WEBINAR_NAME", async () => {
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), writeMode: 'import' });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) {
			expect(stored(contact.email).MEETING_NAME).toBe(meetingTopic());
			expect(stored(contact.email)).not.toHaveProperty('WEBINAR_NAME');
		}
	});

	it("a webinar's topic goes to WEBINAR_NAME, as on the product page", async () => {
		const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAbsentees', webinarId: String(webinar.id), writeMode: 'import' });
		expect(result.error).toBeUndefined();
		for (const contact of contacts) expect(stored(contact.email)).toMatchObject({ WEBINAR_NAME: webinar.topic, ATTENDANCE_STATUS: 'absent' });
	});

	it('a node created as a meeting sync and switched to a webinar uses the webinar mapping', async () => {
		// What n8n's editor does: fill every default when the node is added (Resource: Meeting), then
		// store what differs from the defaults once Resource is changed.
		const description = new ZoomToBrevo().description;
		const node = { typeVersion: 1.1 };
		const created = NodeHelpers.getNodeParameters(description.properties, {}, true, false, node, description)!;
		expect(created.resource).toBe('meeting');
		const switched = { ...created, resource: 'webinar', operation: 'syncAbsentees', webinarId: String(sim.fixture.ids.webinarId), writeMode: 'import' };
		const saved = NodeHelpers.getNodeParameters(description.properties, switched, false, false, node, description)!;
		const { contacts, result } = await runZoomToBrevo(sim, saved);
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) {
			expect(stored(contact.email)).toHaveProperty('WEBINAR_NAME');
			expect(stored(contact.email)).not.toHaveProperty('MEETING_NAME');
		}
	});

	it('version 1 workflows keep their mapping (the topic to WEBINAR_NAME for meetings too)', async () => {
		const { contacts, result } = await runZoomToBrevo(
			sim,
			{ resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), writeMode: 'import' },
			{ typeVersion: 1 },
		);
		expect(result.error).toBeUndefined();
		for (const contact of contacts) expect(stored(contact.email).WEBINAR_NAME).toBe(meetingTopic());
	});
});

describe('Dry run', () => {
	it('reads Zoom, shows what would be written, and writes nothing', async () => {
		const { contacts, result } = await runZoomToBrevo(sim, {
			resource: 'meeting',
			operation: 'syncParticipants',
			meetingId: latestMeetingUuid(),
			writeMode: 'import',
			listIds: [15],
			sendEvent: true,
			options: { dryRun: true },
		});
		expect(result.error).toBeUndefined();
		expect(brevoWrites()).toHaveLength(0);
		expect(contacts[0]).toMatchObject({ brevo: { status: 'dry-run' }, event: { status: 'dry-run' } });
		expect(result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message).toMatch(/would create attributes MEETING_JOIN_DATE \(date\).*dry run: nothing was written/);
	});
});

describe('Recording → Share Recording', () => {
	it('writes the share link and passcode on each participant', async () => {
		const recording = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!.instances.at(-1)!.recording!;
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'recording', operation: 'shareRecording', meetingId: latestMeetingUuid() });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) {
			const stored = sim.brevo.contacts.get(String(contact.email));
			expect(stored?.attributes.ZOOM_RECORDING_URL).toBe(`${sim.url}${recording.share_url}`);
			expect(stored?.attributes.ZOOM_RECORDING_PASSCODE).toBe(recording.password);
		}
	});

	it('sends the Brevo template email to each participant with the links as params', async () => {
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'recording', operation: 'shareRecording', meetingId: latestMeetingUuid(), shareMode: 'email', templateId: sim.fixture.ids.brevoTemplateId });
		expect(result.error).toBeUndefined();
		expect(sim.brevo.emails).toHaveLength(contacts.length);
		expect(sim.brevo.emails[0]).toMatchObject({ templateId: sim.fixture.ids.brevoTemplateId, params: { RECORDING_URL: expect.stringContaining('/rec/share/'), TOPIC: expect.any(String) } });
		for (const contact of contacts) expect(contact.delivery).toMatchObject({ mode: 'email', status: 'sent' });
	});
});

describe('Recording → Share Recording for Brevo campaigns and automations', () => {
	const recording = () => sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!.instances.at(-1)!.recording!;

	it('puts the recipients on a list and fires zoom_recording_ready with the link once it is written', async () => {
		const { contacts, result } = await runZoomToBrevo(sim, {
			resource: 'recording',
			operation: 'shareRecording',
			meetingId: latestMeetingUuid(),
			recordingListIds: [16],
			recordingSendEvent: true,
		});
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) {
			expect(sim.brevo.contacts.get(String(contact.email))?.listIds).toContain(16);
			expect(contact.event).toEqual({ name: 'zoom_recording_ready', status: 'accepted' });
		}
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_recording_ready');
		expect(events.map((e) => e.identifiers.email_id).sort()).toEqual(contacts.map((c) => c.email).sort());
		expect(events[0].event_properties).toMatchObject({ recording_url: `${sim.url}${recording().share_url}`, recording_passcode: recording().password, zoom_kind: 'meeting' });
		// The automation must find the link on the contact: the events go out after the import finished.
		const paths = sim.requests.filter((r) => r.service === 'brevo').map((r) => r.path);
		const imported = paths.findIndex((p) => p.endsWith('/contacts/import'));
		const finished = paths.findIndex((p, i) => i > imported && /\/processes\/\d+$/.test(p));
		expect(imported).toBeGreaterThanOrEqual(0);
		expect(finished).toBeGreaterThan(imported);
		expect(paths.findIndex((p) => p.endsWith('/events/batch'))).toBeGreaterThan(finished);
		expect(result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message).toMatch(/on list #16\); Brevo events \(\d+ zoom_recording_ready\) — \d+ accepted in 1 request\. Next: in Brevo, start an automation on the custom event zoom_recording_ready/);
	});

	it('fires a custom-named event after the template emails too', async () => {
		const { contacts, result } = await runZoomToBrevo(sim, {
			resource: 'recording',
			operation: 'shareRecording',
			meetingId: latestMeetingUuid(),
			shareMode: 'email',
			templateId: sim.fixture.ids.brevoTemplateId,
			recordingSendEvent: true,
			recordingEventName: 'recording_emailed',
		});
		expect(result.error).toBeUndefined();
		expect(sim.brevo.events.filter((e) => e.event_name === 'recording_emailed')).toHaveLength(contacts.length);
		expect(sim.brevo.emails).toHaveLength(contacts.length);
	});

	it('fires no event for a recipient whose email failed, and says why on their item', async () => {
		sim.inject({ kind: 'status', status: 400, body: { code: 'invalid_parameter', message: 'email is not valid' }, match: { path: '/smtp/email' }, times: 1 });
		const { contacts, result } = await runZoomToBrevo(sim, {
			resource: 'recording',
			operation: 'shareRecording',
			meetingId: latestMeetingUuid(),
			shareMode: 'email',
			templateId: sim.fixture.ids.brevoTemplateId,
			recordingSendEvent: true,
		});
		expect(result.error).toBeUndefined();
		const failed = contacts.filter((c) => (c.delivery as { status: string }).status === 'failed');
		expect(failed).toHaveLength(1);
		expect(failed[0].event).toEqual({ name: 'zoom_recording_ready', status: 'not sent', reason: 'the recording link was not delivered (failed)' });
		const fired = sim.brevo.events.map((e) => e.identifiers.email_id);
		expect(fired).toHaveLength(contacts.length - 1);
		expect(fired).not.toContain(failed[0].email);
		expect(result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message).toMatch(/, 1 not sent \(link not delivered\)/);
	});

	it('when the events fail after the links were written, the error says so', async () => {
		sim.inject({ kind: 'status', status: 400, body: { code: 'invalid_parameter', message: 'events disabled for this account' }, match: { path: '/events' }, times: 50 });
		const { result } = await runZoomToBrevo(sim, { resource: 'recording', operation: 'shareRecording', meetingId: latestMeetingUuid(), recordingSendEvent: true });
		expect(result.error?.description).toMatch(/Already written before this failed: recording link written on \d+ contacts \(ZOOM_RECORDING_URL, ZOOM_RECORDING_PASSCODE\)/);
		expect([...sim.brevo.contacts.values()].some((c) => c.attributes.ZOOM_RECORDING_URL)).toBe(true);
	});

	it('an event name Brevo would refuse is refused before anything is read or written', async () => {
		const { result } = await runZoomToBrevo(sim, {
			resource: 'recording',
			operation: 'shareRecording',
			meetingId: latestMeetingUuid(),
			recordingSendEvent: true,
			recordingEventName: 'recording ready!',
		});
		expect(result.error?.message).toBe('"recording ready!" cannot be a Brevo event name');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Webinar → Sync One Registrant (from the Zoom Trigger item)', () => {
	const triggerItem = {
		event: 'webinar.registration_created',
		id: '91234567890',
		uuid: 'wuuid==',
		topic: 'Product Launch',
		person: { email: 'New.Person@Example.com', firstName: 'New', lastName: 'Person', registrantId: 'r-77', trackingSource: 'linkedin', status: 'approved' },
	};

	it('puts the registrant on the list with the UTM source, without calling Zoom or needing a Zoom credential', async () => {
		const { brevo } = simulatorCredentials(sim);
		const { contacts, result } = await runZoomToBrevo(
			sim,
			{ resource: 'webinar', operation: 'syncRegistrantFromEvent', writeMode: 'upsert', listIds: [17] },
			{ inputItems: [{ json: triggerItem }], credentials: { brevo } },
		);
		expect(result.error).toBeUndefined();
		expect(contacts).toHaveLength(1);
		const stored = sim.brevo.contacts.get('new.person@example.com');
		expect(stored?.listIds).toEqual([17]);
		expect(stored?.attributes).toMatchObject({ FIRSTNAME: 'New', LASTNAME: 'Person', UTM_SOURCE: 'linkedin', ATTENDANCE_STATUS: 'registered', WEBINAR_NAME: 'Product Launch' });
		expect(sim.requests.filter((r) => r.service === 'zoom' || r.service === 'zoom-oauth')).toHaveLength(0);
	});

	it('a registration awaiting approval gets no registered event; the Registration Approved delivery sends it with the link, once', async () => {
		const { brevo } = simulatorCredentials(sim);
		const store = new ProcessedDataStore();
		const deliver = (item: IDataObject) =>
			runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrantFromEvent', writeMode: 'upsert', listIds: [17], sendEvent: true }, { inputItems: [{ json: item }], credentials: { brevo }, processedData: store });
		const pending = { ...triggerItem, trackingId: 't-created', person: { ...triggerItem.person, status: 'pending' } };
		const created = await deliver(pending);
		expect(created.result.error).toBeUndefined();
		expect(sim.brevo.events).toHaveLength(0);
		expect(created.contacts[0].event).toMatchObject({ status: 'not sent', reason: expect.stringMatching(/awaiting the host's approval/) });

		const link = 'https://zoom.example/w/91234567890?tk=r-77';
		const { status: _none, ...withoutStatus } = triggerItem.person;
		const approvedItem = { ...triggerItem, event: 'webinar.registration_approved', trackingId: 't-approved', person: { ...withoutStatus, joinUrl: link } };
		const approved = await deliver(approvedItem);
		expect(approved.result.error).toBeUndefined();
		expect(sim.brevo.events).toHaveLength(1);
		expect(sim.brevo.events[0]).toMatchObject({ event_name: 'zoom_webinar_registered', identifiers: { email_id: 'new.person@example.com' } });
		expect(sim.brevo.events[0].event_properties).toMatchObject({ join_url: link, topic: 'Product Launch', zoom_id: '91234567890' });
		// Zoom re-sends the approval: still one event.
		await deliver({ ...approvedItem, trackingId: 't-approved-again' });
		expect(sim.brevo.events).toHaveLength(1);
	});

	it('says what to connect when the item has no registrant', async () => {
		const { result } = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrantFromEvent' }, { inputItems: [{ json: { event: 'meeting.ended' } }] });
		expect(result.error?.message).toBe('The incoming item has no registrant with an email');
	});
});
