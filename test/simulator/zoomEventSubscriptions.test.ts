import { startSimulator, type Simulator } from './index';
import { appToken, s2sToken, userTokens, zoom } from './testClient';

describe('Zoom event subscriptions API', () => {
	let sim: Simulator;
	let app: string;
	const base = '/marketplace/app/event_subscription';
	beforeAll(async () => {
		sim = await startSimulator();
		app = await appToken(sim);
	});
	afterAll(() => sim.close());

	const post = (body: unknown, token = app) => zoom(sim, base, token, { method: 'POST', body: JSON.stringify(body) });
	const valid = {
		events: ['meeting.ended', 'webinar.participant_joined'],
		event_subscription_name: 'n8n Zoom trigger',
		event_webhook_url: 'https://n8n.example/webhook/zoom',
		subscription_scope: 'account',
	};

	it('creates a subscription (201 event_subscription_id) and stores it without a secret', async () => {
		const reply = await post(valid);
		expect(reply.status).toBe(201);
		expect(reply.body).toEqual({ event_subscription_id: expect.any(String) });
		const stored = sim.zoom.eventSubscriptions.get(reply.body.event_subscription_id);
		expect(stored).toMatchObject({ event_webhook_url: valid.event_webhook_url, events: valid.events, subscription_scope: 'account', subscribed: true });
		expect(JSON.stringify(stored)).not.toMatch(/secret/i);
	});

	it('accepts S2S tokens but refuses tokens that act for a user', async () => {
		expect((await post(valid, await s2sToken(sim))).status).toBe(201);
		const user = await userTokens(sim);
		const reply = await post(valid, user.access_token);
		expect(reply.status).toBe(400);
		expect(reply.body.code).toBe(4700);
	});

	it('validates events, url and scope with Zoom’s codes', async () => {
		expect((await post({ ...valid, events: [] })).body).toEqual({ code: 1500, message: 'The events list is empty.' });
		expect((await post({ ...valid, event_webhook_url: '' })).body).toEqual({ code: 1500, message: 'The event webhook url is empty.' });
		expect((await post({ ...valid, subscription_scope: 'planet' })).body).toEqual({ code: 1500, message: 'The subscription scope is invalid.' });
		const badUrl = await post({ ...valid, event_webhook_url: 'ftp://x' });
		expect(badUrl.status).toBe(404);
		expect(badUrl.body.code).toBe(1701);
		expect((await post({ ...valid, events: ['Not An Event'] })).body.code).toBe(1601);
		expect((await post({ ...valid, subscription_scope: 'user', user_ids: ['nobody'] })).body.code).toBe(1001);
	});

	it('lists, updates, subscribes users, unsubscribes and deletes', async () => {
		sim.zoom.eventSubscriptions.clear();
		const id = (await post(valid)).body.event_subscription_id as string;
		const owner = sim.fixture.ids.ownerUserId;
		const list = await zoom(sim, `${base}?account_id=${sim.credentials.zoom.accountId}&user_id=${owner}`, app);
		expect(list.status).toBe(200);
		expect(list.body.event_subscriptions).toEqual([
			expect.objectContaining({ event_subscription_id: id, events: valid.events, event_webhook_url: valid.event_webhook_url, created_source: 'openapi' }),
		]);

		const patched = await zoom(sim, base, app, { method: 'PATCH', body: JSON.stringify({ event_subscription_id: id, events: ['meeting.started'] }) });
		expect(patched.status).toBe(204);
		expect(sim.zoom.eventSubscriptions.get(id)?.events).toEqual(['meeting.started']);

		expect((await zoom(sim, `${base}/${id}`, app, { method: 'PATCH', body: JSON.stringify({ account_id: sim.zoom.accountId, user_ids: [owner] }) })).status).toBe(204);
		expect(sim.zoom.eventSubscriptions.get(id)?.user_ids).toEqual([owner]);
		expect((await zoom(sim, `${base}?event_subscription_id=${id}&user_ids=${owner}&account_id=x`, app, { method: 'DELETE' })).status).toBe(204);
		expect(sim.zoom.eventSubscriptions.get(id)?.user_ids).toEqual([]);

		expect((await zoom(sim, `${base}/${id}`, app, { method: 'DELETE' })).status).toBe(204);
		expect(sim.zoom.eventSubscriptions.has(id)).toBe(false);
		const gone = await zoom(sim, `${base}/${id}`, app, { method: 'DELETE' });
		expect(gone.status).toBe(404);
		expect(gone.body).toEqual({ code: 1601, message: `App event subscription is invalid: ${id}` });
	});

	it('refuses a list without the user and account Zoom requires, or with a user outside the account', async () => {
		const owner = sim.fixture.ids.ownerUserId;
		const account = sim.credentials.zoom.accountId;
		expect((await zoom(sim, `${base}?account_id=${account}`, app)).body).toEqual({ code: 400, message: 'Invalid parameter: user_id' });
		expect((await zoom(sim, `${base}?user_id=${owner}`, app)).body).toEqual({ code: 400, message: 'Invalid parameter: account_id' });
		const stranger = await zoom(sim, `${base}?account_id=${account}&user_id=someone-else`, app);
		expect(stranger.status).toBe(404);
		expect(stranger.body.code).toBe(1001);
	});
});
