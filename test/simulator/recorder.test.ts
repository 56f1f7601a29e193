import { startSimulator, type Simulator } from './index';
import { brevo, call, encodeTwice, oauthToken, s2sToken, zoom } from './testClient';

describe('request recording and the HTTP front', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	it('listens on 127.0.0.1 only', () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.zoomApiBaseUrl).toBe(`${sim.url}/zoom/v2`);
		expect(sim.zoomOAuthBaseUrl).toBe(`${sim.url}/zoom`);
		expect(sim.brevoApiBaseUrl).toBe(`${sim.url}/brevo/v3`);
	});

	it('records every request in order with service, raw path, query, headers, parsed body, status and time', async () => {
		sim.clearRequests();
		const before = Date.now();
		await oauthToken(sim, { grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
		const token = await s2sToken(sim);
		const uuid = sim.fixture.ids.recurringMeetingUuids.leadingSlash;
		await zoom(sim, `/past_meetings/${encodeTwice(uuid)}/participants?page_size=5`, token);
		await brevo(sim, 'POST', '/contacts', { email: 'rec@example.com' });

		expect(sim.requests.map((r) => [r.service, r.method, r.status])).toEqual([
			['zoom-oauth', 'POST', 200],
			['zoom-oauth', 'POST', 200],
			['zoom', 'GET', 200],
			['brevo', 'POST', 201],
		]);
		const [tokenCall, , participants, contact] = sim.requests;
		expect(tokenCall.path).toBe('/zoom/oauth/token');
		expect(tokenCall.body).toEqual({ grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
		expect(tokenCall.headers.authorization).toMatch(/^Basic /);
		expect(participants.path).toBe(`/zoom/v2/past_meetings/${encodeTwice(uuid)}/participants`);
		expect(participants.query).toEqual({ page_size: '5' });
		expect(contact.body).toEqual({ email: 'rec@example.com' });
		expect(contact.headers['api-key']).toBe(sim.credentials.brevo.apiKey);
		expect(contact.at).toBeGreaterThanOrEqual(before);
	});

	it('clearRequests() empties the same array', async () => {
		const held = sim.requests;
		await brevo(sim, 'GET', '/account');
		sim.clearRequests();
		expect(held).toHaveLength(0);
		await brevo(sim, 'GET', '/account');
		expect(held).toHaveLength(1);
	});

	it('keeps a non-JSON body as text and answers unknown prefixes 404 without recording', async () => {
		sim.clearRequests();
		await call(`${sim.brevoApiBaseUrl}/contacts`, { method: 'POST', headers: { 'api-key': sim.credentials.brevo.apiKey, 'content-type': 'text/plain' }, body: 'hello' });
		expect(sim.requests[0].body).toBe('hello');
		const unknown = await call(`${sim.url}/elsewhere`);
		expect(unknown.status).toBe(404);
		expect(sim.requests).toHaveLength(1);
	});

	it('close() is idempotent and stops listening', async () => {
		const other = await startSimulator();
		await other.close();
		await other.close();
		await expect(fetch(`${other.url}/zoom/v2/users/me`)).rejects.toThrow();
	});
});
