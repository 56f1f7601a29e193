/** Rate limits, outages and Brevo's error answers, through the real engine against the simulator. */
import type { Simulator } from '../simulator';
import { contact, probe, startBrevo } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

const contactWrites = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/brevo/v3/contacts'));
const upsertOne = () => probe(sim, 'upsert', { contacts: [contact('a@example.com', { FIRSTNAME: 'A' })] });

describe('retries', () => {
	it('waits for the announced reset after a 429 and completes', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { method: 'POST', path: '/contacts' } });
		const started = Date.now();
		const run = await upsertOne();
		expect(run.result).toEqual([{ email: 'a@example.com', status: 'created' }]);
		expect(contactWrites().map((r) => r.status)).toEqual([429, 201]);
		// x-sib-ratelimit-reset said 1 second.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
	});

	it('backs off and retries a 503 from the load balancer', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'status', status: 503, match: { path: '/contacts' }, times: 2 });
		const run = await upsertOne();
		expect(run.result).toEqual([{ email: 'a@example.com', status: 'created' }]);
		expect(contactWrites().map((r) => r.status)).toEqual([503, 503, 201]);
	});

	it('retries a connection reset of a request that is safe to repeat', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'reset', match: { path: '/contacts/lists' } });
		const run = await probe(sim, 'lists');
		expect(run.error).toBeUndefined();
		expect(sim.requests.filter((r) => r.path.endsWith('/contacts/lists')).map((r) => r.status)).toEqual([0, 200]);
	});

	it('never repeats events after a dropped connection: they are unconfirmed, not sent twice', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'reset', match: { path: '/events/batch' } });
		const run = await probe(sim, 'events', { events: [{ event_name: 'zoom_attended', identifiers: { email_id: 'a@example.com' } }] });
		expect(run.result.perEvent).toEqual([{ status: 'unconfirmed', note: expect.stringMatching(/^No reliable answer from Brevo to "send 1 events/) }]);
		expect(run.result.stoppedBy).toBeDefined();
		expect(sim.requests.filter((r) => r.path.endsWith('/events/batch'))).toHaveLength(1);
	});

	for (const [label, fault] of [
		['the connection drops', { kind: 'lost-reply' }],
		['a proxy answers 504', { kind: 'lost-reply', status: 504 }],
	] as const) {
		it(`events Brevo processed before ${label} reach the contact once`, async () => {
			sim = await startBrevo();
			sim.inject({ ...fault, match: { path: '/events/batch' } });
			const events = ['a', 'b'].map((x) => ({ event_name: 'zoom_attended', identifiers: { email_id: `${x}@example.com` } }));
			const run = await probe(sim, 'events', { events });
			expect(run.result.perEvent.map((d: { status: string }) => d.status)).toEqual(['unconfirmed', 'unconfirmed']);
			expect(sim.requests.filter((r) => r.path.endsWith('/events/batch'))).toHaveLength(1);
			expect(sim.brevo.events.map((e) => e.identifiers.email_id).sort()).toEqual(['a@example.com', 'b@example.com']);
		});
	}

	it('a template email whose answer was lost is not sent again, and says so', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'lost-reply', match: { path: '/smtp/email' } });
		const run = await probe(sim, 'email', { to: { email: 'ada@example.com' }, templateId: 2, params: {} });
		expect(run.error?.message).toMatch(/^No reliable answer from Brevo to "send template 2 to ada@example.com"/);
		expect(run.error?.description).toMatch(/not sent again, so nobody gets it twice/);
		expect(sim.requests.filter((r) => r.path.endsWith('/smtp/email'))).toHaveLength(1);
		expect(sim.brevo.emails).toHaveLength(1);
	});

	it('gives up on a 500 that persists, after a bounded number of tries', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'status', status: 500, match: { path: '/contacts/lists' }, times: 10 });
		const run = await probe(sim, 'lists');
		expect(run.error?.message).toBe('Brevo had a server error (HTTP 500) while trying to list contact lists');
		expect(run.error?.description).toMatch(/Tried 5 times\. Check status\.brevo\.com/);
		expect(sim.requests.filter((r) => r.path.endsWith('/contacts/lists'))).toHaveLength(5);
	}, 20_000);

	it('does not sit out an hour-long rate limit: it says when the budget frees up', async () => {
		sim = await startBrevo();
		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { path: '/contacts' } });
		const run = await upsertOne();
		expect(run.error?.message).toBe("Brevo's rate limit stopped the request to create or update contact a@example.com");
		expect(run.error?.description).toMatch(/frees up in about 60 min/);
		expect(contactWrites()).toHaveLength(1);
	});
});

describe('brevoRequest errors', () => {
	it('names the field of a 400 invalid_parameter and says what to do', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'request', {
			method: 'POST',
			path: '/contacts',
			body: { email: 'a@example.com', attributes: { ZOOM_MINUTES: 3 } },
			what: 'create contact a@example.com',
		});
		expect(run.error?.message).toBe('Brevo has no contact attribute ZOOM_MINUTES (while trying to create contact a@example.com)');
		expect(run.error?.description).toMatch(/Contacts → Settings → Contact attributes.*Brevo said: "Attribute not found: ZOOM_MINUTES" \(invalid_parameter\)/);
	});

	it('explains duplicate_parameter', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'request', {
			method: 'POST',
			path: '/contacts',
			body: { email: 'newsletter.only@example.org' },
			what: 'create contact newsletter.only@example.org',
		});
		expect(run.error?.message).toBe('Brevo says it already exists, while trying to create contact newsletter.only@example.org');
		expect(run.error?.description).toMatch(/do not map EMAIL into the attributes.*"Contact already exist" \(duplicate_parameter\)/);
	});

	it('explains a wrong key, and a wrong base URL', async () => {
		sim = await startBrevo();
		const bad = await probe(sim, 'request', { method: 'GET', path: '/account', what: 'read the account' }, { apiKey: 'xkeysib-nope' });
		expect(bad.error?.message).toBe('Brevo rejected the API key while trying to read the account');
		expect((bad.error as any).httpCode).toBe('401');
		const nowhere = await probe(sim, 'request', { method: 'GET', path: '/account', what: 'read the account' }, { baseUrl: 'http://127.0.0.1:9/v3/' });
		expect(nowhere.error?.message).toBe('Could not reach Brevo to read the account');
		expect(nowhere.error?.description).toMatch(/connection failed \(ECONNREFUSED\).*between n8n and Brevo \(http:\/\/127\.0\.0\.1:9\/v3\)/);
		const ok = await probe(sim, 'request', { method: 'GET', path: '/account', what: 'read the account' });
		expect(ok.result).toMatchObject({ email: 'marketing@simcorp.example' });
	});
});
