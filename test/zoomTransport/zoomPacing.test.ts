/**
 * Pacing through n8n-core's engine against the simulator's sliding-window limits: a long listing
 * gets no 429 and takes about as long as the limit allows. Timings are asserted loosely (noisy
 * machines); "no 429" is the behaviour that matters.
 */
import { meetingPathId } from '../../nodes/shared/meetingId';
import { makeFixture, startSimulator, type Simulator } from '../simulator';
import { runProbe, zoomCalls, type ListOutput } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

/** Least time n requests take under a sliding window of `limit` per second. */
const boundMs = (requests: number, limit: number) => Math.floor((requests - 1) / limit) * 1000;

describe('pacing', () => {
	it('lists 15 000 rows (50 pages) under a 10-per-second limit with no 429, learning the limit from the headers', async () => {
		sim = await startSimulator({
			fixture: makeFixture({ largeMeeting: { rows: 15_000, people: 10_000 } }),
			zoom: { rateLimits: { medium: 10 } },
		});
		// The pacer starts from the Pro plan's 20 per second; Zoom's X-RateLimit-Limit says 10.
		const result = await runProbe(sim, { path: `/past_meetings/${meetingPathId(sim.fixture.ids.largeMeetingUuid)}/participants`, plan: 'pro' });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(15_000);
		expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(15_000);
		expect(out.pages).toBe(50);
		expect(zoomCalls(sim).filter((c) => c.status === 429)).toHaveLength(0);
		expect(out.stats).toMatchObject({ rateLimited: 0, retries: 0, requests: 50 });

		// At least the bound in wall time (it paced), and no more pacing sleep than the bound needs
		// (the pacer's own sum of waits: a loaded machine makes requests slower, never waits longer).
		const bound = boundMs(50, 10);
		expect(out.elapsedMs).toBeGreaterThanOrEqual(bound * 0.95);
		expect(out.stats.waitedMs).toBeLessThanOrEqual(bound * 1.3);
	});

	it('two executions sharing one account slow down from X-RateLimit-Remaining and both complete', async () => {
		sim = await startSimulator({
			fixture: makeFixture({ largeMeeting: { rows: 3_000, people: 2_000 } }),
			zoom: { rateLimits: { medium: 10 } },
		});
		const path = `/past_meetings/${meetingPathId(sim.fixture.ids.largeMeetingUuid)}/participants`;
		const started = Date.now();
		const results = await Promise.all([runProbe(sim, { path }), runProbe(sim, { path })]);
		const elapsed = Date.now() - started;
		for (const result of results) {
			expect(result.error).toBeUndefined();
			const out = result.json as unknown as ListOutput;
			expect(out.rows).toHaveLength(3_000);
			expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(3_000);
		}
		// 20 pages between them at 10 per second. Each sees the other in X-RateLimit-Remaining and
		// keeps one request in hand for the other's request on the way.
		expect(zoomCalls(sim).filter((c) => c.status === 429)).toHaveLength(0);
		expect(elapsed).toBeGreaterThanOrEqual(boundMs(20, 10) * 0.95);
		for (const result of results) {
			expect((result.json as unknown as ListOutput).stats.waitedMs).toBeLessThanOrEqual(boundMs(20, 10) * 1.3 + 1000);
		}
	});
});
