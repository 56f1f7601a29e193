/** Batch import through the real engine against the simulator. */
import type { Simulator } from '../simulator';
import { brevoCalls, contact, importsSettled, probe, startBrevo } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

const existingEmail = () => [...sim.brevo.contacts.values()].find((c) => c.id === 1)!.email;
const importRequests = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/contacts/import'));
const processPolls = () => sim.requests.filter((r) => r.method === 'GET' && r.path.includes('/processes'));

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => contact(`person${from + i}@example.com`, { FIRSTNAME: `Person ${from + i}`, LASTNAME: 'Zoom' }));

describe('importContacts', () => {
	it('splits into batches no larger than maxBytes, puts contacts on their lists, and keeps other memberships', async () => {
		sim = await startBrevo();
		const existing = existingEmail(); // on list 17 (Newsletter) in the fixture
		const contacts = [
			...people(12),
			contact(existing, { FIRSTNAME: 'Still', LASTNAME: 'Subscribed' }),
			// Own lists on top of the import's list: attendees also go on 16.
			contact('vip1@example.com', { FIRSTNAME: 'Vip' }, [16]),
			contact('vip2@example.com', { FIRSTNAME: 'Vip' }, [16]),
		];
		const maxBytes = 600;
		const run = await probe(sim, 'import', { contacts, options: { listIds: [15], maxBytes, waitForCompletion: true } });
		expect(run.error).toBeUndefined();
		const reports = run.result as any[];

		// 13 contacts for list 15 do not fit in 600 bytes; the two with list 16 travel apart.
		expect(reports.length).toBeGreaterThanOrEqual(3);
		expect(reports.map((r) => r.batch)).toEqual(reports.map((_, i) => i + 1));
		expect(reports.reduce((n, r) => n + r.contacts, 0)).toBe(15);
		for (const r of reports) {
			expect(r.status).toBe('completed');
			expect(r.bytes).toBeLessThanOrEqual(maxBytes);
			expect(typeof r.processId).toBe('number');
		}
		const sent = importRequests();
		expect(sent).toHaveLength(reports.length);
		for (const [i, request] of sent.entries()) {
			const body = request.body as any;
			expect(Buffer.byteLength(JSON.stringify(body))).toBe(reports[i].bytes);
			expect(body).toMatchObject({ updateExistingContacts: true, emptyContactsAttributes: false, listIds: reports[i].details.listIds });
			expect(body.jsonBody.map((row: any) => row.email)).toEqual(reports[i].details.emails);
		}
		expect(reports.at(-1).details).toMatchObject({ listIds: [15, 16], emails: ['vip1@example.com', 'vip2@example.com'] });

		expect(sim.brevo.contacts.get('person3@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'Person 3', LASTNAME: 'Zoom' }, listIds: [15] });
		expect(sim.brevo.contacts.get('vip2@example.com')?.listIds.sort()).toEqual([15, 16]);
		// The existing subscriber is updated and added to 15 without leaving the newsletter.
		expect(sim.brevo.contacts.get(existing)).toMatchObject({ attributes: { FIRSTNAME: 'Still', LASTNAME: 'Subscribed' } });
		expect(sim.brevo.contacts.get(existing)?.listIds.sort()).toEqual([15, 17]);
		// All batches followed with one status request for all of them.
		expect(processPolls().map((r) => r.path.replace('/brevo/v3', ''))).toEqual(['/processes']);
	});

	it('merges repeated emails into one row and never sends EMAIL inside the attributes', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'import', {
			contacts: [contact('Ada@Example.com', { FIRSTNAME: 'Ada', EMAIL: 'other@example.com' }), contact('ada@example.com', { LASTNAME: 'Lovelace' }, [16])],
			options: { listIds: [15] },
		});
		expect(run.result).toMatchObject([{ batch: 1, contacts: 1, status: 'queued', details: { listIds: [15, 16] } }]);
		expect((importRequests()[0].body as any).jsonBody).toEqual([{ email: 'Ada@Example.com', attributes: { FIRSTNAME: 'Ada', LASTNAME: 'Lovelace' } }]);
		await importsSettled(sim);
		expect(sim.brevo.contacts.get('ada@example.com')?.attributes).toEqual({ FIRSTNAME: 'Ada', LASTNAME: 'Lovelace' });
	});

	it('without waitForCompletion, reports the queued processes and polls nothing', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'import', { contacts: people(3), options: { listIds: [15] } });
		expect(run.result).toEqual([expect.objectContaining({ batch: 1, contacts: 3, status: 'queued', processId: 1 })]);
		expect(processPolls()).toHaveLength(0);
	});

	it('follows a slow import with a handful of status requests', async () => {
		sim = await startBrevo({ brevo: { importProcessingMs: 2_500 } });
		const run = await probe(sim, 'import', { contacts: people(5), options: { listIds: [15], waitForCompletion: true } });
		expect(run.result).toEqual([expect.objectContaining({ status: 'completed', processId: 1 })]);
		// Polls after 1 s (queued) and 3 s (completed).
		expect(processPolls().map((r) => r.path.replace('/brevo/v3', ''))).toEqual(['/processes/1', '/processes/1']);
	}, 15_000);

	it("stops polling when Brevo's hourly budget for status requests runs low, and says so", async () => {
		sim = await startBrevo({ brevo: { importProcessingMs: 60_000, otherPerHour: 10 } });
		const run = await probe(sim, 'import', { contacts: people(2), options: { listIds: [15], waitForCompletion: true } });
		expect(run.error).toBeUndefined();
		const [report] = run.result as any[];
		expect(['queued', 'processing']).toContain(report.status);
		expect(report.details.note).toMatch(/hourly budget .*\(9 left\).*process 1/);
		expect(processPolls()).toHaveLength(1);
	}, 15_000);

	it('says which batches were already sent (process ids, contacts) when a later batch fails', async () => {
		sim = await startBrevo();
		const contacts = [...people(6), contact('late@example.com', {}, [999])];
		const run = await probe(sim, 'import', { contacts, options: { listIds: [15], maxBytes: 500 } });
		expect(run.error?.message).toMatch(/^Brevo refused a list while trying to import contacts \(batch 3 of 3, 1 contact\)/);
		expect(run.error?.description).toMatch(/Already sent: batch 1 \(process 1, \d+ contacts\), batch 2 \(process 2, \d+ contacts\) — 6 contacts Brevo has accepted\. Not sent: batch 3 \(1 contact\)\./);
		expect(importRequests()).toHaveLength(3);
	});

	it('writes contacts that have no list one by one (Brevo imports only into lists)', async () => {
		sim = await startBrevo();
		const existing = existingEmail();
		const run = await probe(sim, 'import', {
			contacts: [contact(existing, { JOB_TITLE: 'Chair' }), contact('new@example.com', { JOB_TITLE: 'Guest' })],
			options: { listIds: [], waitForCompletion: true },
		});
		expect(run.error).toBeUndefined();
		expect(run.result).toEqual([
			expect.objectContaining({ batch: 1, contacts: 2, status: 'completed', details: expect.objectContaining({ created: 1, updated: 1, failed: [] }) }),
		]);
		expect(brevoCalls(sim)).toEqual(['POST /contacts', 'POST /contacts']);
		expect(sim.brevo.contacts.get(existing)).toMatchObject({ attributes: { JOB_TITLE: 'Chair' }, listIds: [17] });
	});

	it('refuses a contact that alone is larger than a batch', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'import', { contacts: [contact('big@example.com', { LASTNAME: 'x'.repeat(400) })], options: { listIds: [15], maxBytes: 300 } });
		expect(run.error?.message).toBe('1 contact(s) do not fit in one import request of 300 bytes');
		expect(brevoCalls(sim)).toEqual([]);
	});
});
