/**
 * A full sync under injected failures (through n8n-core's engine against the simulator): every
 * run ends with the complete, duplicate-free set of contacts, or a clear error.
 */
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
afterEach(async () => sim?.close());

async function baseline() {
	const clean = await startSimulator();
	const { contacts } = await runZoomToBrevo(clean, { resource: 'meeting', operation: 'syncParticipants', meetingId: clean.fixture.ids.largeMeetingUuid });
	await clean.close();
	return contacts.map((c) => String(c.email)).sort();
}

let expected: string[];
beforeAll(async () => {
	expected = await baseline();
});

const participantPages = { method: 'GET', path: '/participants' };

const sync = () => runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid, writeMode: 'import', listIds: [15] });

function expectComplete(contacts: Array<Record<string, unknown>>) {
	const emails = contacts.map((c) => String(c.email)).sort();
	expect(emails).toEqual(expected);
	expect([...sim.brevo.contacts.keys()].filter((e) => expected.includes(e)).sort()).toEqual(expected);
}

describe('Zoom to Brevo under failures', () => {
	it.each([
		['per-second 429s', { kind: 'rate-limit', scope: 'second', times: 3 }],
		['503s', { kind: 'status', status: 503, times: 3 }],
		['connection resets', { kind: 'reset', times: 2 }],
	] as const)('Zoom %s in the middle of paging: complete, no duplicates', async (_what, fault) => {
		sim = await startSimulator({ brevo: { importProcessingMs: 20 } });
		sim.inject({ ...fault, match: { service: 'zoom', ...participantPages } } as never);
		const { contacts, result } = await sync();
		expect(result.error).toBeUndefined();
		expectComplete(contacts);
	});

	it('a token that expires in the middle of paging is renewed once: complete, no duplicates', async () => {
		sim = await startSimulator({ brevo: { importProcessingMs: 20 } });
		sim.inject({ kind: 'unauthorized', match: { service: 'zoom', ...participantPages } });
		const { contacts, result } = await sync();
		expect(result.error).toBeUndefined();
		expectComplete(contacts);
		expect(sim.issuedTokens()).toBe(2);
	});

	it("Zoom's daily limit beyond the allowed wait stops with the reset time", async () => {
		sim = await startSimulator();
		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom', ...participantPages } });
		const { result } = await runZoomToBrevo(sim, {
			resource: 'meeting',
			operation: 'syncParticipants',
			meetingId: sim.fixture.ids.largeMeetingUuid,
			options: { maxDailyWaitSeconds: 5 },
		});
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(/daily.*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i);
		expect(sim.requests.filter((r) => r.service === 'brevo' && r.method !== 'GET')).toHaveLength(0);
	});

	it('Brevo 429s during the import are retried (Brevo took nothing): complete', async () => {
		sim = await startSimulator({ brevo: { importProcessingMs: 20 } });
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { service: 'brevo', method: 'POST', path: '/contacts/import' }, times: 2 });
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { service: 'brevo', method: 'GET', path: '/contacts/attributes' } });
		const { contacts, result } = await sync();
		expect(result.error).toBeUndefined();
		expectComplete(contacts);
	});

	it('a 503 on the import is not repeated blindly: the error says the batch may have been imported', async () => {
		sim = await startSimulator({ brevo: { importProcessingMs: 20 } });
		sim.inject({ kind: 'status', status: 503, match: { service: 'brevo', method: 'POST', path: '/contacts/import' } });
		const { result } = await sync();
		expect(result.error?.message).toMatch(/^No reliable answer from Brevo to "import contacts \(batch 1 of 1/);
		expect(result.error?.description).toMatch(/Batch 1 \(\d+ contacts\) may or may not have been imported/);
		expect(sim.requests.filter((r) => r.path.endsWith('/contacts/import'))).toHaveLength(1);
	});
});

describe('true figures in errors', () => {
	it("every error says which item: a Zoom error on the second item carries itemIndex 1", async () => {
		sim = await startSimulator();
		const { result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.id }}' }, {
			inputItems: [{ json: { id: sim.fixture.ids.recurringMeetingUuids.latest } }, { json: { id: '99999999999' } }],
		});
		expect(result.error?.message).toBe('Zoom: Meeting does not exist: 99999999999');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/Zoom endpoint: GET \/past_meetings\/99999999999/);
	});

	it("the daily-limit error names the category Zoom reported (Medium), not Heavy", async () => {
		sim = await startSimulator();
		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom', path: /\/participants$/ } });
		const { result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid, options: { maxDailyWaitSeconds: 5 } });
		expect(result.error?.description).toMatch(/daily budget for Medium Zoom APIs \(as Zoom reported\)/);
		expect(result.error?.description).not.toMatch(/Heavy/);
	});

	it('tracking sources that fail to load: the sync goes on without UTM sources, with a warning naming the endpoint', async () => {
		sim = await startSimulator();
		sim.inject({ kind: 'status', status: 403, body: { code: 200, message: 'No permission.' }, match: { service: 'zoom', path: '/tracking_sources' }, times: 10 });
		const { result, contacts } = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', webinarId: String(sim.fixture.ids.webinarId) });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) expect(contact.attributes).not.toHaveProperty('UTM_SOURCE');
		const hints = result.run.data.resultData.runData['Zoom to Brevo'][0].hints ?? [];
		const warning = hints.find((h) => h.type === 'warning');
		expect(warning?.message).toMatch(/^UTM sources were not read, so no UTM_SOURCE was written: .*Zoom endpoint: GET \/webinars\/\d+\/tracking_sources/);
	});
});
