/**
 * Automatic registration: the Zoom Trigger's webhookMethods run in n8n-core's HookContext against
 * the simulator's event-subscription API.
 */
import type { INodeParameters } from 'n8n-workflow';

import { harnessLogger, runWebhookMethod, type StoredCredentials } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, SIM_DEFAULTS, type Simulator } from '../simulator';
import { ZoomTrigger } from '../../nodes/ZoomTrigger/ZoomTrigger.node';
import { ZoomWebhookSecretApi } from '../../credentials/ZoomWebhookSecretApi.credentials';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

function options(parameters: INodeParameters, credentials: StoredCredentials) {
	return {
		nodeType: new ZoomTrigger(),
		type: 'n8n-nodes-zoom-brevo.zoomTrigger',
		credentialTypes: [new ZoomWebhookSecretApi(), new ZoomServerToServerOAuthApi()],
		credentials,
		parameters,
		webhookId: 'hook-1',
	};
}

const stored = (): StoredCredentials => ({
	secret: { type: 'zoomWebhookSecretApi', data: { secretToken: SIM_DEFAULTS.zoom.webhookSecretToken } },
	s2s: {
		type: 'zoomServerToServerOAuthApi',
		data: { ...simCredentials.zoomS2S(sim), accessToken: '' },
	},
});

describe('Zoom Trigger automatic registration', () => {
	it('creates a subscription for the selected events on its URL, finds it again, and deletes it', async () => {
		const credentials = stored();
		const parameters = { registration: 'automatic', events: ['meeting.ended', 'recording.completed'] };
		const checked = await runWebhookMethod({ ...options(parameters, credentials), method: 'checkExists' });
		expect(checked.result).toBe(false);
		const created = await runWebhookMethod({ ...options(parameters, credentials), method: 'create', staticData: checked.staticData });
		expect(created.result).toBe(true);
		const subscriptions = [...sim.zoom.eventSubscriptions.values()];
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({
			event_webhook_url: created.webhookUrl,
			events: ['meeting.ended', 'recording.completed'],
			subscription_scope: 'account',
		});

		sim.requests.length = 0;
		const again = await runWebhookMethod({ ...options(parameters, credentials), method: 'checkExists', staticData: created.staticData });
		expect(again.result).toBe(true);
		// Zoom requires the account and one of its users to list subscriptions (M5).
		const listed = sim.requests.find((r) => r.method === 'GET' && r.path === '/zoom/v2/marketplace/app/event_subscription');
		expect(listed?.query.account_id).toBe(sim.credentials.zoom.accountId);
		expect(sim.zoom.users.some((u) => u.id === listed?.query.user_id)).toBe(true);
		expect(listed?.query.subscription_scope).toBe('account');

		const deleted = await runWebhookMethod({ ...options(parameters, credentials), method: 'delete', staticData: created.staticData });
		expect(deleted.result).toBe(true);
		expect(sim.zoom.eventSubscriptions.size).toBe(0);
		expect(deleted.staticData).not.toHaveProperty('node:Zoom Trigger.subscriptionId');
	});

	it('"Any Event" subscribes to the whole catalogue', async () => {
		const created = await runWebhookMethod({ ...options({ registration: 'automatic', events: ['*'] }, stored()), method: 'create' });
		expect(created.result).toBe(true);
		const [subscription] = [...sim.zoom.eventSubscriptions.values()];
		expect(subscription.events).toEqual(expect.arrayContaining(['meeting.ended', 'webinar.registration_created', 'recording.completed']));
		expect(subscription.events).not.toContain('*');
	});

	it('manual registration makes no Zoom call', async () => {
		for (const method of ['checkExists', 'create', 'delete'] as const) {
			const result = await runWebhookMethod({ ...options({ registration: 'manual', events: ['meeting.ended'] }, stored()), method });
			expect(result.result).toBe(true);
		}
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Zoom Trigger automatic registration when Zoom refuses', () => {
	it('still activates, and logs the URL and the manual steps', async () => {
		sim.inject({ kind: 'status', status: 400, body: { code: 4711, message: 'Invalid access token, does not contain scopes:[marketplace:write:event_subscription]' }, match: { method: 'POST', path: '/marketplace/app/event_subscription' } });
		harnessLogger.clear();
		const created = await runWebhookMethod({ ...options({ registration: 'automatic', events: ['meeting.ended'] }, stored()), method: 'create' });
		expect(created.result).toBe(true);
		expect(sim.zoom.eventSubscriptions.size).toBe(0);
		const warning = harnessLogger.lines.find((line) => line.level === 'warn')?.message ?? '';
		expect(warning).toContain('could not register its event subscription');
		expect(warning).toContain('lacks a scope');
		expect(warning).toContain(`Event notification endpoint URL: ${created.webhookUrl}`);
		expect(warning).toContain('Add these events: meeting.ended.');
		expect(JSON.stringify(created.staticData)).toContain('registrationProblem');
	});
});
