/**
 * Zoom to Brevo 1.2, what a new node gets: it writes to Brevo unless told not to, and people who
 * were skipped go to a second output ("Skipped"), so the next node receives contacts only.
 * Workflows saved with 1.1 keep "emit" as the default and one output. Through n8n-core's engine
 * against the simulator.
 */
import { ProcessedDataStore } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => await sim.close());

// Only what a user sets on a new node: which meeting. Everything else is the node's default.
const meeting = () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.recurringMeetingUuids.latest });
const hint = (result: Awaited<ReturnType<typeof runZoomToBrevo>>['result']) => result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message ?? '';

it.each([
	['no list chosen: one request per contact', {}, /\d+ contacts written to Brevo \(one request per contact, as Brevo imports only into lists, finished\)/, 'POST /brevo/v3/contacts'],
	['a list chosen: one import', { listIds: [15] }, /\d+ contacts written to Brevo on list “Zoom meeting participants” \(#15\) \(1 import request, finished\)/, 'POST /brevo/v3/contacts/import'],
])('1.2 writes the contacts to Brevo by default (%s)', async (_label, lists, summary, request) => {
	const { result, outputs } = await runZoomToBrevo(sim, { ...meeting(), ...lists }, { typeVersion: 1.2 });
	expect(result.error).toBeUndefined();
	const contacts = outputs[0];
	expect(contacts.length).toBeGreaterThan(0);
	expect(sim.requests.filter((r) => r.service === 'brevo').map((r) => `${r.method} ${r.path}`)).toContain(request);
	for (const item of contacts) expect(sim.brevo.contacts.has(String(item.json.email).toLowerCase())).toBe(true);
	expect(hint(result)).toMatch(summary);
});

it('1.1 keeps emitting only, and its summary says nothing was written', async () => {
	const { result, contacts } = await runZoomToBrevo(sim, meeting(), { typeVersion: 1.1 });
	expect(result.error).toBeUndefined();
	expect(contacts.length).toBeGreaterThan(0);
	expect(sim.requests.filter((r) => r.service === 'brevo')).toHaveLength(0);
	expect(hint(result)).toMatch(/nothing written to Brevo \(Write to Brevo is "No — Emit the Contacts Only"\)/);
});

it('1.2 puts skipped people on the Skipped output and contacts alone on the first', async () => {
	const { result, outputs } = await runZoomToBrevo(sim, { ...meeting(), writeMode: 'emit' }, { typeVersion: 1.2 });
	expect(result.error).toBeUndefined();
	expect(outputs).toHaveLength(2);
	const [contacts, skipped] = outputs;
	expect(skipped.length).toBeGreaterThan(0);
	for (const item of skipped) expect(item.json).toMatchObject({ skipped: true, reason: expect.any(String) });
	expect(contacts.length).toBeGreaterThan(0);
	for (const item of contacts) {
		expect(item.json.skipped).toBeUndefined();
		expect(item.json.email).toEqual(expect.stringContaining('@'));
	}
	expect(hint(result)).toMatch(/skipped \(no email: \d+\) — see the Skipped output/);
});

it('1.1 keeps one output with contacts and skipped people together', async () => {
	const { outputs } = await runZoomToBrevo(sim, meeting(), { typeVersion: 1.1 });
	expect(outputs).toHaveLength(1);
	expect(outputs[0].some((item) => item.json.skipped === true)).toBe(true);
	expect(outputs[0].some((item) => item.json.skipped === undefined)).toBe(true);
});

it('1.2: a delivery this node already processed comes out on the Skipped output, the first stays empty', async () => {
	const processedData = new ProcessedDataStore();
	const delivery = { json: { event: 'meeting.ended', trackingId: 'track-12', uuid: sim.fixture.ids.recurringMeetingUuids.latest } };
	const parameters = { ...meeting(), meetingId: '={{ $json.uuid }}' };
	await runZoomToBrevo(sim, parameters, { typeVersion: 1.2, processedData, inputItems: [delivery], workflowId: 'wf-12' });
	const again = await runZoomToBrevo(sim, parameters, { typeVersion: 1.2, processedData, inputItems: [delivery], workflowId: 'wf-12' });
	expect(again.result.error).toBeUndefined();
	expect(again.outputs[0]).toEqual([]);
	expect(again.outputs[1].map((item) => item.json)).toEqual([expect.objectContaining({ skipped: true, reason: 'already_processed', trackingId: 'track-12' })]);
});

describe('1.2: Share Recording by email with the template picked from the account', () => {
	const share = (templateId: number | string) => ({
		resource: 'recording',
		operation: 'shareRecording',
		meetingId: sim.fixture.ids.recurringMeetingUuids.latest,
		shareMode: 'email',
		templateId,
	});

	it('sends the picked template', async () => {
		const { result } = await runZoomToBrevo(sim, share(sim.fixture.ids.brevoTemplateId), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(sim.brevo.emails.length).toBeGreaterThan(0);
		expect(sim.brevo.emails.every((email) => email.templateId === sim.fixture.ids.brevoTemplateId)).toBe(true);
	});

	it('a new node with no template chosen is refused by n8n itself: the field is required', async () => {
		await expect(runZoomToBrevo(sim, share(''), { typeVersion: 1.2 })).rejects.toThrow(/Parameter "Brevo Template Name or ID" is required/);
		expect(sim.requests).toHaveLength(0);
	});

	it('an expression that yields no template stops before any call, saying to pick one', async () => {
		const { result } = await runZoomToBrevo(sim, share('={{ "" }}'), { typeVersion: 1.2 });
		expect(result.error?.message).toBe('No Brevo template is chosen for the recording email');
		expect(result.error?.description).toMatch(/Pick one in Brevo Template Name or ID/);
		expect(sim.requests).toHaveLength(0);
	});
});
