/**
 * n8n's process killed mid-sync (a deploy, an OOM, a queue worker SIGKILLed), then n8n's Retry of
 * the execution: the same input item, with the same Zoom tracking ID, runs again. Through
 * n8n-core's engine against the simulator; the kill is modelled exactly: the run is held at the
 * request where it dies, n8n's database (the deduplication store) and Brevo are copied as they are
 * at that instant, and after the run both are put back to that copy — what a retry finds after a
 * real kill. (test/e2e/queue/ kills a real worker.)
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ProcessedDataStore } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import type { FaultMatch } from '../simulator/types';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
let store: ProcessedDataStore;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 20 } });
	store = new ProcessedDataStore();
});
afterEach(async () => sim.close());

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const matching = (match: FaultMatch) => sim.requests.filter((r) => (!match.service || r.service === match.service) && (!match.path || r.path.includes(String(match.path))));

/** The large meeting's participants (1 200 rows: 4 Zoom pages of 300; 640 with an email: 4 event requests of at most 200). */
const largeSync = (options = {}) => ({
	resource: 'meeting',
	operation: 'syncParticipants',
	meetingId: '={{ $json.uuid }}',
	writeMode: 'import',
	listIds: [15],
	sendEvent: true,
	options,
});
const delivery = (): INodeExecutionData[] => [{ json: { event: 'meeting.ended', trackingId: 'trk-crash', uuid: sim.fixture.ids.largeMeetingUuid } }];

/** Runs the sync and "kills" it when the request matching `match` arrives for the `nth` time. */
async function runKilledAt(match: FaultMatch, nth: number): Promise<void> {
	sim.inject({ kind: 'latency', ms: 1500, match, after: nth - 1, times: 1 });
	const run = runZoomToBrevo(sim, largeSync(), { inputItems: delivery(), processedData: store });
	const deadline = Date.now() + 30_000;
	while (matching(match).length < nth) {
		if (Date.now() > deadline) throw new Error(`the run never reached request ${nth} of ${JSON.stringify(match)}`);
		await sleep(5);
	}
	// The instant of the kill: n8n's database and Brevo as they are now.
	const database = new Map(store.rows);
	const contacts = structuredClone(sim.brevo.contacts);
	const events = sim.brevo.events.length;
	await run;
	store.rows.clear();
	for (const [key, row] of database) store.rows.set(key, row);
	sim.brevo.contacts.clear();
	for (const [email, contact] of contacts) sim.brevo.contacts.set(email, contact);
	sim.brevo.events.length = events;
}

const eventsPerEmail = () => {
	const counts = new Map<string, number>();
	for (const e of sim.brevo.events) counts.set(String(e.identifiers.email_id), (counts.get(String(e.identifiers.email_id)) ?? 0) + 1);
	return counts;
};

it('killed while reading Zoom page 3 of 4: the retry of the same delivery reads and writes everyone and sends each event once', async () => {
	const before = new Set(sim.brevo.contacts.keys());
	await runKilledAt({ service: 'zoom', path: '/participants' }, 3);
	expect(new Set(sim.brevo.contacts.keys())).toEqual(before);

	const retry = await runZoomToBrevo(sim, largeSync(), { inputItems: delivery(), processedData: store });
	expect(retry.result.error).toBeUndefined();
	// Before: the delivery was recorded when the sync began, so the retry skipped it (0 written).
	expect(retry.skipped.filter((s) => s.reason === 'already_processed')).toHaveLength(0);
	expect(retry.contacts).toHaveLength(640);
	expect(retry.hints.join('\n')).toMatch(/an earlier run of it did not finish/);
	for (const contact of retry.contacts) expect(sim.brevo.contacts.get(String(contact.email))?.listIds).toContain(15);
	expect([...eventsPerEmail().values()]).toEqual(Array.from({ length: 640 }, () => 1));

	// Finished now: Zoom re-sending the same delivery is skipped.
	const resent = await runZoomToBrevo(sim, largeSync(), { inputItems: delivery(), processedData: store });
	expect(resent.skipped).toEqual([expect.objectContaining({ reason: 'already_processed', trackingId: 'trk-crash' })]);
});

it('killed as the 2nd of 4 event requests went out: the retry writes everyone, sends the 240 never claimed, lists the in-flight 200 as unconfirmed; the explicit choice sends exactly those', async () => {
	await runKilledAt({ service: 'brevo', path: '/events/batch' }, 2);
	expect(sim.brevo.events).toHaveLength(200);

	const retry = await runZoomToBrevo(sim, largeSync(), { inputItems: delivery(), processedData: store });
	expect(retry.result.error).toBeUndefined();
	const byStatus = (status: string) => retry.contacts.filter((c) => (c.event as { status: string }).status === status);
	expect(byStatus('already sent')).toHaveLength(200);
	// Before: every follow-up was claimed at once, so all 600 not yet sent stayed "already sent" forever.
	expect(byStatus('accepted')).toHaveLength(240);
	const unconfirmed = byStatus('unconfirmed');
	expect(unconfirmed).toHaveLength(200);
	for (const contact of unconfirmed) expect(contact.event).toMatchObject({ name: expect.stringMatching(/^zoom_meeting_/), earlierRun: true });
	expect(sim.brevo.events).toHaveLength(440);
	expect([...eventsPerEmail().values()].every((n) => n === 1)).toBe(true);

	const chosen = await runZoomToBrevo(sim, largeSync({ sendUnconfirmedFollowUps: true }), { inputItems: delivery(), processedData: store });
	// The retry finished the delivery: sending the unconfirmed is a deliberate re-run (Repeat is not on).
	expect(chosen.skipped).toEqual([expect.objectContaining({ reason: 'already_processed' })]);
	const manual = await runZoomToBrevo(sim, largeSync({ sendUnconfirmedFollowUps: true }), { processedData: store, inputItems: [{ json: { uuid: sim.fixture.ids.largeMeetingUuid } }] });
	expect(manual.result.error).toBeUndefined();
	const sent = manual.contacts.filter((c) => (c.event as { status: string }).status === 'accepted').map((c) => String(c.email));
	expect(new Set(sent)).toEqual(new Set(unconfirmed.map((c) => String(c.email))));
	expect(sim.brevo.events).toHaveLength(640);
	expect([...eventsPerEmail().values()]).toEqual(Array.from({ length: 640 }, () => 1));
});
