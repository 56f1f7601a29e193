import { ZoomPacer, type ZoomPlan, type ZoomRateCategory } from '../../nodes/shared/zoomPacer';

/** A pacer on a clock that only moves when it sleeps: sends are instantaneous. */
function pacerOnFakeTime(plan: ZoomPlan = 'pro') {
	const time = { now: 0, sends: [] as number[] };
	const pacer = new ZoomPacer(plan, () => time.now, {
		sleep: async (ms) => {
			time.now += ms;
		},
	});
	const send = async (category: ZoomRateCategory, headers: Record<string, string> = {}) => {
		await pacer.beforeRequest(category);
		time.sends.push(time.now);
		pacer.afterResponse(category, headers);
	};
	return { pacer, time, send };
}

/** Most sends in any window of `windowMs`. */
function busiest(sends: number[], windowMs: number): number {
	let most = 0;
	for (const start of sends) most = Math.max(most, sends.filter((t) => t >= start && t < start + windowMs).length);
	return most;
}

describe('ZoomPacer', () => {
	it.each([
		['pro', 'light', 30],
		['pro', 'medium', 20],
		['pro', 'heavy', 10],
		['business', 'medium', 60],
		['free', 'light', 4],
	] as const)('%s plan, %s: at most %i requests in any second, and no slower than that', async (plan, category, limit) => {
		const { pacer, time, send } = pacerOnFakeTime(plan);
		for (let i = 0; i < limit * 3; i++) await send(category);
		expect(busiest(time.sends, 1000)).toBe(limit);
		// 3 windows' worth: the last batch starts after two windows (plus the small margin).
		expect(time.now).toBeGreaterThanOrEqual(2000);
		expect(time.now).toBeLessThanOrEqual(2100);
		expect(pacer.stats.requests).toBe(limit * 3);
		expect(pacer.stats.waitedMs).toBe(time.now);
	});

	it('paces Resource-intensive calls per minute', async () => {
		const { time, send } = pacerOnFakeTime('pro');
		for (let i = 0; i < 11; i++) await send('resourceIntensive');
		expect(time.sends.slice(0, 10).every((t) => t === 0)).toBe(true);
		expect(time.sends[10]).toBeGreaterThanOrEqual(60_000);
		expect(time.sends[10]).toBeLessThan(61_000);
	});

	it('keeps categories apart', async () => {
		const { time, send } = pacerOnFakeTime('free');
		await send('heavy');
		await send('light');
		expect(time.now).toBe(0);
	});

	it('lowers its limit to a smaller X-RateLimit-Limit, never raises it', async () => {
		const { pacer, time, send } = pacerOnFakeTime('pro');
		await send('medium', { 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '4' });
		expect(pacer.limitOf('medium')).toBe(5);
		for (let i = 0; i < 9; i++) await send('medium');
		expect(busiest(time.sends, 1000)).toBe(5);
		await send('light', { 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '500', 'X-RateLimit-Remaining': '499' });
		expect(pacer.limitOf('light')).toBe(30);
	});

	it('slows down when X-RateLimit-Remaining says others spend the same budget', async () => {
		const { pacer, time, send } = pacerOnFakeTime('pro');
		// Our first request of the second, yet Zoom says only 2 are left: 17 went to someone else.
		await send('medium', { 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '2' });
		await send('medium');
		expect(time.now).toBe(0);
		await send('medium'); // one is kept in hand for the others' request on the way
		expect(time.now).toBeGreaterThanOrEqual(1000);
		expect(pacer.stats.waitedMs).toBe(time.now);
	});

	it('does not take the daily budget of Heavy calls for a per-second limit', async () => {
		const { pacer, time, send } = pacerOnFakeTime('pro');
		const daily = { 'X-RateLimit-Type': 'Daily-limit', 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0' };
		for (let i = 0; i < 10; i++) await send('heavy', daily);
		expect(pacer.limitOf('heavy')).toBe(10);
		expect(time.now).toBe(0);
	});

	it('times a request at its answer, so a slow answer keeps it in the window longer', async () => {
		const time = { now: 0 };
		const pacer = new ZoomPacer('free', () => time.now, { sleep: async (ms) => void (time.now += ms) });
		await pacer.beforeRequest('heavy'); // sent at 0
		time.now = 800; // Zoom may have counted it as late as 800
		pacer.afterResponse('heavy', {});
		await pacer.beforeRequest('heavy');
		expect(time.now).toBeGreaterThanOrEqual(1800);
	});

	it('counts retries and 429s', async () => {
		const { pacer, time } = pacerOnFakeTime();
		await pacer.waitBeforeRetry(1000, true);
		await pacer.waitBeforeRetry(250, false);
		pacer.noteRateLimited();
		expect(pacer.stats).toEqual({ requests: 0, waitedMs: 0, rateLimited: 2, retries: 2, retryWaitedMs: 1250 });
		expect(time.now).toBe(1250);
	});

	it('uses n8n-workflow’s sleep by default, and can be cancelled', async () => {
		const pacer = new ZoomPacer('free');
		const controller = new AbortController();
		await pacer.beforeRequest('heavy', controller.signal);
		const waiting = pacer.beforeRequest('heavy', controller.signal);
		controller.abort(new Error('cancelled'));
		await expect(waiting).rejects.toThrow('cancelled');
	});
});
