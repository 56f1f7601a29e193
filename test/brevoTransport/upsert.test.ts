/** One-by-one upsert through the real engine against the simulator. */
import type { Simulator } from '../simulator';
import { contact, probe, startBrevo } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

const contactWrites = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/brevo/v3/contacts'));

describe('upsertContacts', () => {
	it('paces 30 contacts to the 10-per-second budget from the rate-limit headers: no 429', async () => {
		sim = await startBrevo();
		const contacts = Array.from({ length: 30 }, (_, i) => contact(`p${i}@example.com`, { FIRSTNAME: `P${i}` }, [15]));
		const started = Date.now();
		const run = await probe(sim, 'upsert', { contacts });
		expect(run.error).toBeUndefined();
		expect((run.result as any[]).map((r) => r.status)).toEqual(Array(30).fill('created'));
		const statuses = contactWrites().map((r) => r.status);
		expect(statuses).toHaveLength(30);
		expect(statuses.filter((s) => s === 429)).toEqual([]);
		// 30 requests at 10 per second need at least two full waits.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
		expect(sim.brevo.contacts.get('p29@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'P29' }, listIds: [15] });
	}, 20_000);

	it('adds list memberships, never replaces them: an existing contact on another list stays there', async () => {
		sim = await startBrevo();
		const other = sim.brevo.contacts.get('newsletter.only@example.org')!; // lists 2 and 17
		expect(other.listIds).toEqual([2, 17]);
		const run = await probe(sim, 'upsert', { contacts: [contact(other.email, { JOB_TITLE: 'Speaker' }, [15, 16])] });
		expect(run.result).toEqual([{ email: other.email, status: 'updated' }]);
		expect(sim.brevo.contacts.get(other.email)).toMatchObject({ attributes: { FIRSTNAME: 'News', LASTNAME: 'Reader', JOB_TITLE: 'Speaker' } });
		expect(sim.brevo.contacts.get(other.email)?.listIds.sort((a, b) => a - b)).toEqual([2, 15, 16, 17]);
		const body = contactWrites()[0].body as any;
		expect(body).toEqual({ email: other.email, attributes: { JOB_TITLE: 'Speaker' }, updateEnabled: true, listIds: [15, 16] });
		expect(body).not.toHaveProperty('unlinkListIds');
	});

	it("one refused contact does not stop the others; it is reported with Brevo's message", async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'upsert', {
			contacts: [
				contact('a@example.com', { FIRSTNAME: 'A' }),
				contact('b@example.com', { NO_SUCH_ATTRIBUTE: 'x' }),
				contact('c@example.com', { FIRSTNAME: 'C', EMAIL: 'someone.else@example.com' }),
			],
		});
		expect(run.error).toBeUndefined();
		expect(run.result).toEqual([
			{ email: 'a@example.com', status: 'created' },
			{ email: 'b@example.com', status: 'failed', error: 'Attribute not found: NO_SUCH_ATTRIBUTE' },
			{ email: 'c@example.com', status: 'created' },
		]);
		// EMAIL inside the attributes is never sent: it would read as a change of address.
		expect((contactWrites()[2].body as any).attributes).toEqual({ FIRSTNAME: 'C' });
	});

	it('stops at a rejected API key, saying what to do', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'upsert', { contacts: [contact('a@example.com'), contact('b@example.com')] }, { apiKey: 'xkeysib-wrong' });
		expect(run.error?.message).toBe('Brevo rejected the API key while trying to create or update contact a@example.com');
		expect(run.error?.description).toMatch(/SMTP & API → API Keys .* 0 of 2 contacts were written before this/);
		expect(contactWrites()).toHaveLength(1);
	});
});
