import { startSimulator, type Simulator } from './index';
import { brevo, call, oauthToken, s2sToken, zoom } from './testClient';

describe('fault injection', () => {
	let sim: Simulator;
	let token: string;
	beforeAll(async () => {
		sim = await startSimulator();
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());
	afterEach(() => sim.clearFaults());

	it('forces a status once by default, then the service answers normally', async () => {
		sim.inject({ kind: 'status', status: 500 });
		const failed = await zoom(sim, '/users/me', token);
		expect(failed.status).toBe(500);
		expect(failed.body).toEqual({ code: 500, message: 'Internal Error' });
		expect((await zoom(sim, '/users/me', token)).status).toBe(200);
	});

	it('answers 502/503/504 like a load balancer (HTML) unless a body is given', async () => {
		sim.inject({ kind: 'status', status: 503, times: 2 });
		const html = await zoom(sim, '/users/me', token);
		expect(html.status).toBe(503);
		expect(html.headers.get('content-type')).toContain('text/html');
		expect((await brevo(sim, 'GET', '/account')).status).toBe(503);
		sim.inject({ kind: 'status', status: 502, body: { code: 'x', message: 'custom' } });
		expect((await brevo(sim, 'GET', '/account')).body).toEqual({ code: 'x', message: 'custom' });
	});

	it('matches by service, method and path (substring or RegExp), in insertion order', async () => {
		sim.inject({ kind: 'status', status: 500, match: { service: 'brevo' } });
		sim.inject({ kind: 'status', status: 502, match: { method: 'post', path: '/contacts/import' } });
		sim.inject({ kind: 'status', status: 504, match: { path: /\/participants$/ } });
		expect((await zoom(sim, '/users/me', token)).status).toBe(200);
		expect((await zoom(sim, '/past_meetings/85746065432/participants', token)).status).toBe(504);
		expect((await brevo(sim, 'POST', '/contacts/import', { jsonBody: [], listIds: [15] })).status).toBe(500);
		expect((await brevo(sim, 'POST', '/contacts/import', { jsonBody: [], listIds: [15] })).status).toBe(502);
		expect((await brevo(sim, 'POST', '/contacts/import', { jsonBody: [], listIds: [15] })).status).toBe(202);
	});

	it('honours times and clearFaults()', async () => {
		sim.inject({ kind: 'status', status: 500, times: 3, match: { service: 'zoom' } });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await zoom(sim, '/users/me', token)).status);
		expect(statuses).toEqual([500, 500, 500, 200]);
		sim.inject({ kind: 'status', status: 500, times: Infinity });
		sim.clearFaults();
		expect((await zoom(sim, '/users/me', token)).status).toBe(200);
	});

	it('resets the connection without an answer', async () => {
		sim.inject({ kind: 'reset', match: { service: 'zoom' } });
		await expect(fetch(`${sim.zoomApiBaseUrl}/users/me`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
		const recorded = sim.requests.at(-1);
		expect(recorded?.status).toBe(0);
		expect((await zoom(sim, '/users/me', token)).status).toBe(200);
	});

	it('adds latency and lets the request go on', async () => {
		sim.inject({ kind: 'latency', ms: 150 });
		const started = Date.now();
		const reply = await zoom(sim, '/users/me', token);
		expect(reply.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('forces Zoom 429s exactly as Zoom sends them (per second and daily)', async () => {
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { service: 'zoom' } });
		const qps = await zoom(sim, '/past_meetings/85746065432/participants', token);
		expect(qps.status).toBe(429);
		expect(qps.body.message).toBe('You have reached the maximum per-second rate limit for this API. Try again later.');
		expect(qps.headers.get('x-ratelimit-category')).toBe('Medium');
		expect(qps.headers.get('retry-after')).toBe('1');

		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom' } });
		const daily = await zoom(sim, '/report/meetings/85746065432/participants', token);
		expect(daily.status).toBe(429);
		expect(daily.headers.get('x-ratelimit-type')).toBe('Daily-limit');
		expect(daily.headers.get('retry-after')).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
	});

	it('forces Brevo 429s with the x-sib headers', async () => {
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { service: 'brevo' } });
		const reply = await brevo(sim, 'POST', '/contacts', { email: 'a@example.com' });
		expect(reply.status).toBe(429);
		expect(reply.headers.get('x-sib-ratelimit-reset')).toBe('1');
		expect(reply.headers.get('retry-after')).toBeNull();
	});

	it('forces 401s in each service’s own words', async () => {
		sim.inject({ kind: 'unauthorized', match: { service: 'zoom' } });
		expect((await zoom(sim, '/users/me', token)).body).toEqual({ code: 124, message: 'Invalid access token.' });
		sim.inject({ kind: 'unauthorized', match: { service: 'brevo' } });
		expect((await brevo(sim, 'GET', '/account')).body).toEqual({ code: 'unauthorized', message: 'Key not found' });
		sim.inject({ kind: 'unauthorized', match: { service: 'zoom-oauth' } });
		expect((await oauthToken(sim, { grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId })).status).toBe(401);
		const ok = await call(`${sim.zoomApiBaseUrl}/users/me`, { headers: { authorization: `Bearer ${token}` } });
		expect(ok.status).toBe(200);
	});
});
