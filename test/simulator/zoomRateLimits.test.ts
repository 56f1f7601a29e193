import { startSimulator, type Simulator } from './index';
import { manualClock, s2sToken, zoom } from './testClient';

describe('Zoom rate limits', () => {
	const clock = manualClock(Date.parse('2026-03-02T22:00:00Z'));
	let sim: Simulator;
	let token: string;
	const meeting = 85746065432;
	beforeAll(async () => {
		sim = await startSimulator({ now: clock.now, zoom: { rateLimits: { light: 3, heavy: 2 }, dailyLimit: 5 } });
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	it('default limits follow the plan table', async () => {
		for (const [plan, light] of [['pro', '30'], ['business', '80'], ['free', '4']] as const) {
			const s = await startSimulator({ zoom: { plan } });
			try {
				const reply = await zoom(s, '/users/me', await s2sToken(s));
				expect(reply.headers.get('x-ratelimit-limit')).toBe(light);
			} finally {
				await s.close();
			}
		}
	});

	it('puts the four headers on every response', async () => {
		clock.advance(5_000);
		const reply = await zoom(sim, '/users/me', token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Light');
		expect(reply.headers.get('x-ratelimit-type')).toBe('QPS');
		expect(reply.headers.get('x-ratelimit-limit')).toBe('3');
		expect(reply.headers.get('x-ratelimit-remaining')).toBe('2');
	});

	it('also puts them on refusals that spend no budget (401, missing scope)', async () => {
		clock.advance(5_000);
		const refused = await zoom(sim, '/users/me', 'bad-token');
		expect(refused.status).toBe(401);
		expect(refused.headers.get('x-ratelimit-category')).toBe('Light');
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('3');
	});

	it('answers 429 with Zoom’s body and Retry-After seconds past the per-second limit, and recovers', async () => {
		clock.advance(5_000);
		for (let i = 0; i < 3; i++) expect((await zoom(sim, '/users/me', token)).status).toBe(200);
		const limited = await zoom(sim, '/users/me', token);
		expect(limited.status).toBe(429);
		expect(limited.text).toBe('{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}');
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		// Categories are separate: Medium still has room.
		expect((await zoom(sim, '/users', token)).status).toBe(200);
		// The window slides: a second later the budget is back.
		clock.advance(1_000);
		expect((await zoom(sim, '/users/me', token)).status).toBe(200);
	});

	it('stops Heavy + Resource-intensive calls at the daily limit with an ISO Retry-After', async () => {
		clock.advance(5_000);
		let remaining: string | null = null;
		for (let i = 0; i < 5; i++) {
			if (i % 2 === 0) clock.advance(1_000);
			const reply = await zoom(sim, `/report/meetings/${meeting}/participants`, token);
			expect(reply.status).toBe(200);
			expect(reply.headers.get('x-ratelimit-type')).toBe('Daily-limit');
			remaining = reply.headers.get('x-ratelimit-remaining');
		}
		expect(remaining).toBe('0');
		clock.advance(1_000);
		const limited = await zoom(sim, `/report/meetings/${meeting}/participants`, token);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-type')).toBe('Daily-limit');
		expect(limited.headers.get('x-ratelimit-category')).toBe('Heavy');
		expect(limited.headers.get('retry-after')).toBe('2026-03-03T00:00:00Z');
		expect(limited.body.code).toBe(429);
		// Light calls are not part of the daily budget.
		expect((await zoom(sim, '/users/me', token)).status).toBe(200);
		// A new UTC day, a new budget.
		clock.t = Date.parse('2026-03-03T00:00:01Z');
		token = await s2sToken(sim); // two hours on: the old token has expired
		expect((await zoom(sim, `/report/meetings/${meeting}/participants`, token)).status).toBe(200);
	});

	it('counts Heavy calls per second separately from the daily budget', async () => {
		clock.advance(5_000);
		expect((await zoom(sim, `/report/meetings/${meeting}/participants`, token)).status).toBe(200);
		expect((await zoom(sim, `/report/meetings/${meeting}/participants`, token)).status).toBe(200);
		const limited = await zoom(sim, `/report/meetings/${meeting}/participants`, token);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
		expect(limited.headers.get('retry-after')).toBe('1');
	});
});
