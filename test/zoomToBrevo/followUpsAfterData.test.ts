/**
 * Follow-ups after the data (issue #22): an event that announces a contact's data (attendance, a
 * join link, a lead score) goes only once Brevo confirmed that contact's write. Through n8n-core's
 * engine against the simulator: Brevo's import stays queued (its status cannot be checked), the
 * events wait, the delivery stays open, and the re-run that sees the contacts written sends them,
 * once.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ProcessedDataStore } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
let store: ProcessedDataStore;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
	store = new ProcessedDataStore();
});
afterEach(async () => sim.close());

/** Brevo's import status cannot be read this time (a 404 on GET /processes/{id}): the node stops
 *  checking and reports the import as still queued (importPolling.ts). */
const importStatusUnknown = () => sim.inject({ kind: 'status', status: 404, body: { code: 'document_not_found', message: 'Process not found' }, match: { service: 'brevo', path: '/processes' } });
const statusOf = (item: { event?: unknown }) => (item.event as { status?: string } | undefined)?.status;

it('Sync Participants with the import still queued: no event, the delivery stays open, the re-run sends each event once', async () => {
	const delivery: INodeExecutionData[] = [{ json: { event: 'meeting.ended', trackingId: 'trk-queued', uuid: sim.fixture.ids.recurringMeetingUuids.latest } }];
	const sync = { resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}', writeMode: 'import', listIds: [15], sendEvent: true };
	importStatusUnknown();
	const first = await runZoomToBrevo(sim, sync, { inputItems: delivery, processedData: store });
	expect(first.result.error).toBeUndefined();
	expect(first.contacts.length).toBeGreaterThan(0);
	// Before: the events went out while the import was still queued.
	expect(sim.brevo.events).toHaveLength(0);
	for (const contact of first.contacts) {
		expect(contact.brevo).toMatchObject({ status: 'queued' });
		expect(contact.event).toMatchObject({ status: 'not sent', reason: expect.stringMatching(/import is still queued in Brevo.*A re-run sends it/) });
	}
	expect(first.hints.join('\n')).toMatch(/not confirmed written by Brevo yet.*follow-ups were not sent/);

	// The same delivery again (n8n's Retry, or Zoom's re-send): not skipped, the import now finishes.
	const again = await runZoomToBrevo(sim, sync, { inputItems: delivery, processedData: store });
	expect(again.skipped.filter((s) => s.reason === 'already_processed')).toHaveLength(0);
	for (const contact of again.contacts) expect(contact.event).toMatchObject({ status: 'accepted' });
	const perEmail = new Map<string, number>();
	for (const e of sim.brevo.events) perEmail.set(String(e.identifiers.email_id), (perEmail.get(String(e.identifiers.email_id)) ?? 0) + 1);
	expect(perEmail.size).toBe(again.contacts.length);
	expect([...perEmail.values()].every((n) => n === 1)).toBe(true);

	// Finished now: the delivery is processed.
	const third = await runZoomToBrevo(sim, sync, { inputItems: delivery, processedData: store });
	expect(third.skipped).toEqual([expect.objectContaining({ reason: 'already_processed' })]);
});

it('Register Contacts with the import still queued: no registered event (it would carry a link the contact does not have yet) until a re-run confirms the contact', async () => {
	const people: INodeExecutionData[] = Array.from({ length: 3 }, (_v, i) => ({ json: { email: `queued.${i}@prospects.example`, attributes: { FIRSTNAME: `First${i}` } } }));
	const register = {
		resource: 'webinar',
		operation: 'registerContacts',
		registrationWebinarId: { __rl: true, mode: 'id', value: String(sim.fixture.ids.webinarId) },
		writeMode: 'import',
		listIds: [17],
		sendEvent: true,
	};
	importStatusUnknown();
	const first = await runZoomToBrevo(sim, register, { typeVersion: 1.2, inputItems: people, processedData: store });
	expect(first.result.error).toBeUndefined();
	expect(sim.brevo.events).toHaveLength(0);
	for (const item of first.items) expect(statusOf(item.json)).toBe('not sent');

	const again = await runZoomToBrevo(sim, register, { typeVersion: 1.2, inputItems: people, processedData: store });
	expect(again.items.map((item) => statusOf(item.json))).toEqual(['accepted', 'accepted', 'accepted']);
	expect(sim.brevo.events.map((e) => e.identifiers.email_id).sort()).toEqual(people.map((p) => String(p.json.email)).sort());
	for (const event of sim.brevo.events) {
		expect(event.event_properties?.join_url).toBe(sim.brevo.contacts.get(String(event.identifiers.email_id))?.attributes.ZOOM_JOIN_URL);
	}
});
