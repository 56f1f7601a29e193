import { startSimulator, type Simulator } from './index';
import { brevo, manualClock } from './testClient';

describe('Brevo rate limits', () => {
	const clock = manualClock();
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ now: clock.now, brevo: { otherPerHour: 3 } });
	});
	afterAll(() => sim.close());

	it('allows 10 /contacts* requests per second, then 429 without Retry-After; the window slides', async () => {
		for (let i = 0; i < 10; i++) {
			const reply = await brevo(sim, 'GET', i % 2 ? '/contacts/lists' : '/contacts/attributes');
			expect(reply.status).toBe(200);
			expect(reply.headers.get('x-sib-ratelimit-limit')).toBe('10');
			expect(reply.headers.get('x-sib-ratelimit-remaining')).toBe(String(9 - i));
		}
		const limited = await brevo(sim, 'GET', '/contacts/lists');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(limited.headers.get('x-sib-ratelimit-reset')).toBe('1');
		expect(limited.headers.get('x-sib-ratelimit-remaining')).toBe('0');
		expect(limited.body.code).toBe('too_many_requests');
		// Other buckets are separate.
		expect((await brevo(sim, 'POST', '/events', { event_name: 'x', identifiers: { email_id: 'a@example.com' } })).status).toBe(204);
		clock.advance(1_000);
		expect((await brevo(sim, 'GET', '/contacts/lists')).status).toBe(200);
	});

	it('counts everything else per hour and says when it resets', async () => {
		clock.advance(10_000);
		for (let i = 0; i < 3; i++) expect((await brevo(sim, 'GET', '/account')).status).toBe(200);
		clock.advance(60_000);
		const limited = await brevo(sim, 'GET', '/processes/1');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-sib-ratelimit-limit')).toBe('3');
		expect(limited.headers.get('x-sib-ratelimit-reset')).toBe(String(3600 - 60));
		clock.advance(3_540_000);
		expect((await brevo(sim, 'GET', '/account')).status).toBe(200);
	});

	it('has a separate, large budget for /smtp/email', async () => {
		const reply = await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'a@example.com' }], templateId: 1 });
		expect(reply.status).toBe(201);
		expect(reply.headers.get('x-sib-ratelimit-limit')).toBe('1000');
	});

	it('does not count refused keys', async () => {
		clock.advance(10_000);
		for (let i = 0; i < 20; i++) expect((await brevo(sim, 'GET', '/contacts/lists', undefined, { 'api-key': 'bad' })).status).toBe(401);
		expect((await brevo(sim, 'GET', '/contacts/lists')).status).toBe(200);
	});
});
