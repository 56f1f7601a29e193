/**
 * The Zoom transport (paging, pacing, retries) run through n8n-core's real engine by a test-only
 * node, against the simulator.
 */
import { meetingPathId } from '../../nodes/shared/meetingId';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import { userTokens } from '../simulator/testClient';
import { simCredentials } from '../simCredentials';
import { runProbe, shiftedClock, tokenRequests, zoomCalls, type ListOutput } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

const start = async (options: SimulatorOptions = {}) => (sim = await startSimulator(options));
const participantsPath = (idOrUuid: string) => `/past_meetings/${meetingPathId(idOrUuid)}/participants`;
const fixedJitter = { random: () => 0.01 };

describe('zoomListAll', () => {
	it('lists a 1 200-row meeting in 4 calls of 300, every row exactly once', async () => {
		await start();
		const result = await runProbe(sim, { path: participantsPath(sim.fixture.ids.largeMeetingUuid) });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(1200);
		expect(out).toMatchObject({ pages: 4, restarts: 0, totalRecords: 1200 });
		expect(out.stats).toMatchObject({ requests: 4, rateLimited: 0, retries: 0, waitedMs: 0 });
		const calls = zoomCalls(sim);
		expect(calls).toHaveLength(4);
		expect(calls.map((c) => c.query.page_size)).toEqual(['300', '300', '300', '300']);
		expect(calls[0].query.next_page_token).toBeUndefined();
		for (const call of calls.slice(1)) expect(call.query.next_page_token).toMatch(/\S+/);
	});

	it.each([
		['starts with "/"', 'leadingSlash'],
		['contains "//"', 'doubleSlash'],
		['contains "/" and "+" inside', 'slashInside'],
	] as const)('finds an instance whose UUID %s', async (_what, which) => {
		await start();
		const uuid = sim.fixture.ids.recurringMeetingUuids[which];
		const result = await runProbe(sim, { path: participantsPath(uuid) });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows.length).toBeGreaterThan(0);
		expect(zoomCalls(sim).every((c) => c.status === 200)).toBe(true);
	});

	it("follows page numbers where Zoom pages by number (List webinars: page_number, no next_page_token), every webinar once", async () => {
		await start();
		const owner = sim.fixture.ids.ownerUserId;
		const template = sim.zoom.webinars.find((w) => w.host_id === owner)!;
		sim.zoom.webinars.push(...Array.from({ length: 610 }, (_, i) => ({ ...template, id: 96_000_000_000 + i })));
		const total = sim.zoom.webinars.filter((w) => w.host_id === owner).length;
		const result = await runProbe(sim, { path: `/users/${owner}/webinars`, listKey: 'webinars' });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as { rows: Array<{ id: number }>; pages: number };
		// Before: the first page of 300 only.
		expect(out.rows).toHaveLength(total);
		expect(new Set(out.rows.map((r) => r.id)).size).toBe(total);
		expect(out.pages).toBe(Math.ceil(total / 300));
		expect(zoomCalls(sim).map((c) => c.query.page_number)).toEqual([undefined, '2', '3']);
	});

	it('gives back an empty list for a meeting with only its host', async () => {
		await start();
		const result = await runProbe(sim, { path: participantsPath(String(sim.fixture.ids.soloMeetingId)) });
		expect(result.error).toBeUndefined();
		expect(result.json).toMatchObject({ rows: [], pages: 1 });
	});

	it('keeps Zoom’s advice for errors that are not retried (unknown meeting)', async () => {
		await start();
		const result = await runProbe(sim, { path: participantsPath('123456789') });
		// Zoom's own words lead; what was being done and the remedy follow.
		expect(result.error?.message).toBe('Zoom: Meeting does not exist: 123456789');
		expect((result.error as { description?: string } | undefined)?.description).toMatch(/^While trying to list the probe\. Check the ID\./);
		expect(zoomCalls(sim)).toHaveLength(1);
	});
});

describe('response headers through n8n-core', () => {
	it('reads Retry-After and the rate-limit headers from a real 429 (NodeApiError.cause.response.headers)', async () => {
		await start({ zoom: { rateLimits: { light: 1 } } });
		const result = await runProbe(sim, { mode: 'raw', path: '/users/me', repeat: 2 });
		expect(result.error).toBeUndefined();
		const [first, second] = result.json?.calls as Array<{ ok: boolean; status?: number; headers: Record<string, string>; body?: unknown }>;
		expect(first.ok).toBe(true);
		expect(first.headers).toMatchObject({ 'x-ratelimit-category': 'Light', 'x-ratelimit-type': 'QPS', 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0' });
		expect(second).toMatchObject({ ok: false, status: 429, body: { code: 429 } });
		expect(second.headers).toMatchObject({ 'retry-after': '1', 'x-ratelimit-type': 'QPS', 'x-ratelimit-remaining': '0' });
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([200, 429]);
	});

	it('a UUID starting with "/" encoded only once is not found: the double encoding is what works', async () => {
		await start();
		const uuid = sim.fixture.ids.recurringMeetingUuids.leadingSlash;
		const result = await runProbe(sim, { mode: 'raw', path: `/past_meetings/${encodeURIComponent(uuid)}/participants` });
		expect((result.json?.calls as Array<{ status?: number }>)[0].status).toBe(404);
	});
});

describe('retries', () => {
	const large = () => participantsPath(sim.fixture.ids.largeMeetingUuid);

	it('waits Retry-After after a per-second 429 and completes', async () => {
		await start();
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { service: 'zoom' } });
		const result = await runProbe(sim, { path: large() });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(out.stats).toMatchObject({ rateLimited: 1, retries: 1 });
		expect(out.stats.retryWaitedMs).toBe(1000);
		expect(out.elapsedMs).toBeGreaterThanOrEqual(1000);
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([429, 200, 200, 200, 200]);
	});

	it('waits for the daily limit when it resets within maxWaitMs', async () => {
		const clock = shiftedClock('2026-03-02T23:59:59.400Z');
		await start({ now: clock });
		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom' } });
		const result = await runProbe(sim, { mode: 'get', path: '/report/meetings/' + sim.fixture.ids.largeMeetingId + '/participants', category: 'heavy', maxWaitMs: 5000 }, { clock });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.stats).toMatchObject({ rateLimited: 1, retries: 1 });
		expect(out.stats.retryWaitedMs).toBeGreaterThan(0);
		expect(out.stats.retryWaitedMs).toBeLessThanOrEqual(600);
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([429, 200]);
	});

	it('fails at once, naming the reset time, when the daily limit resets later than maxWaitMs', async () => {
		const clock = shiftedClock('2026-03-02T12:00:00Z');
		await start({ now: clock });
		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom' } });
		// Waiting for the reset (12 hours away on the simulator's clock) would outlast the test.
		const result = await runProbe(sim, { path: large() }, { clock });
		expect(result.error?.message).toBe("Zoom's daily rate limit is used up: cannot list the probe before 2026-03-03T00:00:00Z (UTC)");
		expect(result.error?.description).toMatch(/resets at 2026-03-03T00:00:00Z.*Run the workflow again after that time/);
		expect(zoomCalls(sim)).toHaveLength(1);
	});

	it('backs off through 503s from the load balancer', async () => {
		await start();
		sim.inject({ kind: 'status', status: 503, match: { service: 'zoom' }, times: 2 });
		const result = await runProbe(sim, { path: large() }, fixedJitter);
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(out.stats).toMatchObject({ retries: 2, rateLimited: 0 });
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([503, 503, 200, 200, 200, 200]);
	});

	it('retries a dropped connection in the middle of the listing without duplicating rows', async () => {
		await start();
		// Hold the first page a moment, then drop the next two connections: page 2 and its first retry.
		sim.inject({ kind: 'latency', ms: 150, match: { service: 'zoom' } });
		const running = runProbe(sim, { path: large() }, fixedJitter);
		while (zoomCalls(sim).length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
		sim.inject({ kind: 'reset', match: { service: 'zoom' }, times: 2 });
		const result = await running;
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(1200);
		expect(out).toMatchObject({ pages: 4, restarts: 0 });
		expect(out.stats.retries).toBe(2);
		const calls = zoomCalls(sim);
		expect(calls.map((c) => c.status)).toEqual([200, 0, 0, 200, 200, 200]);
		expect(calls[1].query.next_page_token).toBe(calls[3].query.next_page_token);
	});

	it('says how many attempts were made when Zoom keeps failing', async () => {
		await start();
		sim.inject({ kind: 'status', status: 503, match: { service: 'zoom' }, times: 10 });
		const result = await runProbe(sim, { path: large(), maxRetries: 2 }, fixedJitter);
		expect(result.error?.message).toBe('Zoom answered HTTP 503 while trying to list the probe (gave up after 3 attempts)');
		expect(result.error?.description).toMatch(/n8n made 3 attempts/);
		expect(zoomCalls(sim)).toHaveLength(3);
	});

	it('does not retry other 4xx answers', async () => {
		await start();
		sim.inject({ kind: 'status', status: 400, body: { code: 300, message: 'Invalid field.' }, match: { service: 'zoom' } });
		const result = await runProbe(sim, { path: large() }, fixedJitter);
		expect(result.error?.message).toMatch(/Zoom answered HTTP 400/);
		expect(zoomCalls(sim)).toHaveLength(1);
	});
});

describe('page tokens that expire', () => {
	it('restarts the listing from the first page once, without duplicate rows', async () => {
		// Page tokens live 1 s; the simulator's clock jumps 5 s once the second page is asked for.
		await start({ zoom: { pageTokenTtlSeconds: 1 }, now: () => Date.now() + (sim && zoomCalls(sim).length >= 2 ? 5000 : 0) });
		const result = await runProbe(sim, { path: participantsPath(sim.fixture.ids.largeMeetingUuid) });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(1200);
		expect(out).toMatchObject({ pages: 5, restarts: 1, totalRecords: 1200 });
		const calls = zoomCalls(sim);
		expect(calls.map((c) => c.status)).toEqual([200, 400, 200, 200, 200, 200]);
		expect(calls[2].query.next_page_token).toBeUndefined();
	});

	it('fails with a clear error when a page token expires again after the restart', async () => {
		// Every request moves the simulator's clock 5 s on: every page token is dead when used.
		await start({ zoom: { pageTokenTtlSeconds: 1 }, now: () => Date.now() + (sim ? 5000 * zoomCalls(sim).length : 0) });
		const result = await runProbe(sim, { path: participantsPath(sim.fixture.ids.largeMeetingUuid) });
		expect(result.error?.message).toBe('A Zoom page token expired twice while trying to list the probe');
		expect(result.error?.description).toMatch(/started over once/);
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([200, 400, 200, 400]);
	});
});

describe('access tokens that expire in the middle of paging', () => {
	it('Server-to-Server: n8n fetches a new token once and the listing completes, every row once', async () => {
		// One-minute tokens; the simulator's clock jumps two minutes once the third page is asked for.
		await start({ zoom: { tokenTtlSeconds: 60 }, now: () => Date.now() + (sim && zoomCalls(sim).length >= 3 ? 120_000 : 0) });
		const result = await runProbe(sim, { path: participantsPath(sim.fixture.ids.largeMeetingUuid) });
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(1200);
		expect(out).toMatchObject({ pages: 4, restarts: 0 });
		expect(out.stats.retries).toBe(0);
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([200, 200, 401, 200, 200]);
		expect(tokenRequests(sim)).toHaveLength(2);
		expect(result.credentialUpdates).toBe(2);
	});

	it('user OAuth2: n8n refreshes the token once and the listing completes, every row once', async () => {
		await start({ zoom: { tokenTtlSeconds: 60 }, now: () => Date.now() + (sim && zoomCalls(sim).length >= 3 ? 120_000 : 0) });
		const tokens = await userTokens(sim);
		sim.clearRequests();
		const credentials = {
			zoomUser: {
				type: 'zoomUserOAuth2Api',
				data: { ...simCredentials.zoomUser(sim), oauthTokenData: tokens },
			},
		};
		const result = await runProbe(
			sim,
			{ path: participantsPath(sim.fixture.ids.largeMeetingUuid), credential: 'zoomUserOAuth2Api' },
			{},
			credentials,
		);
		expect(result.error).toBeUndefined();
		const out = result.json as unknown as ListOutput;
		expect(out.rows).toHaveLength(1200);
		expect(new Set(out.rows.map((r) => r.user_id)).size).toBe(1200);
		expect(zoomCalls(sim).map((c) => c.status)).toEqual([200, 200, 401, 200, 200]);
		const refreshes = tokenRequests(sim);
		expect(refreshes).toHaveLength(1);
		expect(refreshes[0].body).toMatchObject({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
	});
});
