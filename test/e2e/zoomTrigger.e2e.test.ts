/**
 * The Zoom Trigger on a real n8n's production webhook URL, with deliveries signed and sent by the
 * simulator exactly as Zoom sends them.
 */
import { productionWebhookUrl, removeTempDirs, stopAllN8n, waitFor, waitForWebhook, type N8nInstance, type RestClient } from './harness';
import { SIM_DEFAULTS, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';

let n8n: N8nInstance;
let client: RestClient;
let sim: Simulator;
const SECRET = SIM_DEFAULTS.zoom.webhookSecretToken;

beforeAll(async () => {
	sim = await startSimulator();
	({ n8n, client } = await startN8nWithPackage());
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

function triggerWorkflow(
	name: string,
	webhookId: string,
	secretCredentialId: string,
	parameters: Record<string, unknown>,
	extraCredentials: Record<string, unknown> = {},
	typeVersion = 1.1,
) {
	return {
		name,
		nodes: [
			{
				id: `trigger-${webhookId}`,
				name: 'Zoom Trigger',
				type: 'n8n-nodes-zoom-brevo.zoomTrigger',
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { zoomWebhookSecretApi: { id: secretCredentialId, name: 'secret' }, ...extraCredentials },
			},
			{
				id: `dedupe-${webhookId}`,
				name: 'Skip re-sent deliveries',
				type: 'n8n-nodes-base.removeDuplicates',
				typeVersion: 2,
				position: [200, 0],
				parameters: { operation: 'removeItemsSeenInPreviousExecutions', logic: 'removeItemsWithAlreadySeenKeyValues', dedupeValue: '={{ $json.trackingId }}', options: {} },
			},
			{ id: `noop-${webhookId}`, name: 'Next', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
		],
		connections: {
			'Zoom Trigger': { main: [[{ node: 'Skip re-sent deliveries', type: 'main', index: 0 }]] },
			'Skip re-sent deliveries': { main: [[{ node: 'Next', type: 'main', index: 0 }]] },
		},
	};
}

const meetingEnded = () => {
	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	const instance = meeting.instances[meeting.instances.length - 1];
	return {
		account_id: sim.credentials.zoom.accountId,
		object: { id: String(meeting.id), uuid: instance.uuid, topic: `${meeting.topic} — Réunion 東京 🎉`, start_time: instance.start_time, end_time: instance.end_time },
	};
};

describe('Zoom Trigger in real n8n (production URL)', () => {
	let workflowId: string;
	let url: string;

	beforeAll(async () => {
		const secret = await client.createCredential('zoomWebhookSecretApi', 'secret', simCredentials.webhookSecret(SECRET));
		const workflow = await client.createWorkflow(triggerWorkflow('Zoom events', 'zoom-e2e-hook', secret.id, { events: ['meeting.ended'] }));
		workflowId = workflow.id;
		await client.activateWorkflow(workflowId);
		url = productionWebhookUrl(n8n.baseUrl, 'zoom-e2e-hook/webhook');
		await waitForWebhook(url);
	});

	it('answers the URL validation with the right encrypted token and starts nothing', async () => {
		const answer = await sim.sendUrlValidation(url, { secretToken: SECRET });
		expect(answer.status).toBe(200);
		expect(answer.valid).toBe(true);
		expect(JSON.parse(answer.body)).toEqual({ plainToken: answer.plainToken, encryptedToken: answer.expectedEncryptedToken });
		expect(await client.listExecutions(workflowId)).toHaveLength(0);
	});

	it('starts exactly one execution with the shaped event, answered 200 with no body', async () => {
		const payload = meetingEnded();
		const first = await sim.sendWebhook(url, { event: 'meeting.ended', payload, secretToken: SECRET, trackingId: 'trk-e2e-1' });
		expect(first.status).toBe(200);
		expect(first.body).toBe('');
		const [execution] = await client.waitForExecutions(workflowId, 1);
		expect(execution.status).toBe('success');
		const runData = (execution.data as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } }).resultData.runData;
		expect(runData['Zoom Trigger'][0].data.main[0]).toHaveLength(1);
		expect(runData['Zoom Trigger'][0].data.main[0][0].json).toMatchObject({
			event: 'meeting.ended',
			accountId: sim.credentials.zoom.accountId,
			trackingId: 'trk-e2e-1',
			id: payload.object.id,
			uuid: payload.object.uuid,
			topic: payload.object.topic,
		});
	});

	it("re-sent deliveries: Remove Duplicates after the trigger lets each tracking ID through once", async () => {
		const before = (await client.listExecutions(workflowId)).length;
		const payload = meetingEnded();
		for (const trackingId of ['trk-dup-a', 'trk-dup-b', 'trk-dup-b', 'trk-dup-a', 'trk-dup-b']) {
			expect((await sim.sendWebhook(url, { event: 'meeting.ended', payload, secretToken: SECRET, trackingId })).status).toBe(200);
		}
		const executions = (await client.waitForExecutions(workflowId, before + 5)).slice(before);
		const reachedNext = executions.filter((e) => {
			const runData = (e.data as { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<unknown> | null> } }>> } }).resultData.runData;
			return (runData.Next?.[0]?.data?.main?.[0]?.length ?? 0) > 0;
		});
		expect(reachedNext).toHaveLength(2);
	});

	it('answers 401 to a bad signature and a wrong secret, and starts nothing', async () => {
		const before = (await client.listExecutions(workflowId)).length;
		const tampered = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: SECRET, signature: `v0=${'0'.repeat(64)}` });
		expect(tampered.status).toBe(401);
		expect(JSON.parse(tampered.body)).toEqual({ message: 'signature does not match' });
		const wrongSecret = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: 'someOtherAppsSecret000' });
		expect(wrongSecret.status).toBe(401);
		const stale = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
		expect(stale.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await client.listExecutions(workflowId)).toHaveLength(before);
	});

	it('verifies the raw bytes: a body with \\/ and odd spacing signed as sent starts the workflow', async () => {
		const before = (await client.listExecutions(workflowId)).length;
		const rawBody = `{ "event" : "meeting.ended",\n  "event_ts": ${Date.now()}, "payload": {"account_id":"a","object":{"id":"1","uuid":"u\\/1==","topic":"R\\u00e9union \\/ Q4"}} }`;
		const answer = await sim.sendWebhook(url, { event: 'meeting.ended', payload: {}, secretToken: SECRET, rawBody, trackingId: 'trk-raw' });
		expect(answer.status).toBe(200);
		const executions = await client.waitForExecutions(workflowId, before + 1);
		const last = executions[executions.length - 1];
		const json = (last.data as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } }).resultData.runData['Zoom Trigger'][0].data.main[0][0].json;
		expect(json).toMatchObject({ uuid: 'u/1==', topic: 'Réunion / Q4', trackingId: 'trk-raw' });
	});

	it('reads the raw bytes itself when n8n leaves a non-JSON content type unparsed (version 1.1)', async () => {
		// From version 1.1 on n8n parses only JSON, text, form and XML bodies for the node: anything
		// else arrives unread, and the signature must still be checked on exactly those bytes.
		const before = (await client.listExecutions(workflowId)).length;
		const signedJson = await sim.sendWebhook(url, {
			event: 'meeting.ended',
			payload: meetingEnded(),
			secretToken: SECRET,
			trackingId: 'trk-octet',
			headers: { 'content-type': 'application/octet-stream' },
		});
		expect(signedJson.status).toBe(200);
		const signedNotJson = await sim.sendWebhook(url, {
			event: 'meeting.ended',
			payload: {},
			rawBody: '<html>not json</html>',
			secretToken: SECRET,
			headers: { 'content-type': 'text/html' },
		});
		expect(signedNotJson.status).toBe(400);
		const unsigned = await sim.sendWebhook(url, {
			event: 'meeting.ended',
			payload: meetingEnded(),
			secretToken: SECRET,
			signature: `v0=${'f'.repeat(64)}`,
			headers: { 'content-type': 'application/octet-stream' },
		});
		expect(unsigned.status).toBe(401);
		const executions = await client.waitForExecutions(workflowId, before + 1);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await client.listExecutions(workflowId)).toHaveLength(before + 1);
		const json = (executions[executions.length - 1].data as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } }).resultData
			.runData['Zoom Trigger'][0].data.main[0][0].json;
		expect(json).toMatchObject({ event: 'meeting.ended', trackingId: 'trk-octet' });
	});

	it('acknowledges events that are not selected without starting the workflow', async () => {
		const before = (await client.listExecutions(workflowId)).length;
		const answer = await sim.sendWebhook(url, { event: 'meeting.started', payload: meetingEnded(), secretToken: SECRET });
		expect(answer.status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await client.listExecutions(workflowId)).toHaveLength(before);
	});
});

describe('Zoom Trigger saved at version 1 (workflows built before 1.1)', () => {
	it('checks signatures and starts the workflow exactly as before', async () => {
		const secret = await client.createCredential('zoomWebhookSecretApi', 'secret v1', simCredentials.webhookSecret(SECRET));
		const workflow = await client.createWorkflow(triggerWorkflow('Zoom events v1', 'zoom-e2e-hook-v1', secret.id, { events: ['meeting.ended'] }, {}, 1));
		await client.activateWorkflow(workflow.id);
		const v1Url = productionWebhookUrl(n8n.baseUrl, 'zoom-e2e-hook-v1/webhook');
		await waitForWebhook(v1Url);
		expect((await sim.sendUrlValidation(v1Url, { secretToken: SECRET })).valid).toBe(true);
		const bad = await sim.sendWebhook(v1Url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: 'someOtherAppsSecret000' });
		expect(bad.status).toBe(401);
		const good = await sim.sendWebhook(v1Url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: SECRET, trackingId: 'trk-v1' });
		expect(good.status).toBe(200);
		const [execution] = await client.waitForExecutions(workflow.id, 1);
		const json = (execution.data as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } }).resultData.runData['Zoom Trigger'][0]
			.data.main[0][0].json;
		expect(json).toMatchObject({ event: 'meeting.ended', trackingId: 'trk-v1' });
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await client.listExecutions(workflow.id)).toHaveLength(1);
	});
});

describe('Zoom Trigger in test mode (editor listening for a test event)', () => {
	it('answers the URL validation, keeps listening, then starts the test execution with the event', async () => {
		const secret = await client.createCredential('zoomWebhookSecretApi', 'secret (test mode)', simCredentials.webhookSecret(SECRET));
		const workflow = await client.createWorkflow(triggerWorkflow('Zoom events (test mode)', 'zoom-e2e-test', secret.id, { events: ['meeting.ended'] }));
		const started = await client.rest<{ waitingForWebhook?: boolean }>('POST', `/workflows/${workflow.id}/run`, {
			data: { triggerToStartFrom: { name: 'Zoom Trigger' } },
		});
		expect(started.waitingForWebhook).toBe(true);
		const testUrl = `${n8n.baseUrl}/webhook-test/zoom-e2e-test/webhook`;

		const validation = await sim.sendUrlValidation(testUrl, { secretToken: SECRET });
		expect(validation.valid).toBe(true);
		expect(await client.listExecutions(workflow.id)).toHaveLength(0);

		const event = await sim.sendWebhook(testUrl, { event: 'meeting.ended', payload: meetingEnded(), secretToken: SECRET, trackingId: 'trk-test-mode' });
		expect(event.status).toBe(200);
		const [execution] = await client.waitForExecutions(workflow.id, 1);
		expect(execution.mode).toBe('manual');
		expect(execution.status).toBe('success');
	});
});

describe('Zoom Trigger automatic registration in real n8n', () => {
	it('creates the event subscription on activation and deletes it on deactivation', async () => {
		const secret = await client.createCredential('zoomWebhookSecretApi', 'secret 2', simCredentials.webhookSecret(SECRET));
		const s2s = await client.createCredential('zoomServerToServerOAuthApi', 'zoom s2s', simCredentials.zoomS2S(sim));
		const workflow = await client.createWorkflow(
			triggerWorkflow(
				'Zoom events (automatic)',
				'zoom-e2e-auto',
				secret.id,
				{ registration: 'automatic', events: ['meeting.ended', 'webinar.ended'] },
				{ zoomServerToServerOAuthApi: { id: s2s.id, name: 'zoom s2s' } },
			),
		);
		await client.activateWorkflow(workflow.id);
		const url = productionWebhookUrl(n8n.baseUrl, 'zoom-e2e-auto/webhook');
		const subscriptionsFor = () => [...sim.zoom.eventSubscriptions.values()].filter((s) => s.event_webhook_url === url);
		// n8n applies a publication in the background: wait for the node's create() to have run.
		const subscriptions = await waitFor(async () => (subscriptionsFor().length > 0 ? subscriptionsFor() : undefined), {
			timeoutMs: 15_000,
			what: 'the event subscription to be created',
		});
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ events: ['meeting.ended', 'webinar.ended'], subscription_scope: 'account' });

		await client.deactivateWorkflow(workflow.id);
		await waitFor(async () => (subscriptionsFor().length === 0 ? true : undefined), {
			timeoutMs: 15_000,
			what: 'the event subscription to be deleted',
		});
		expect(subscriptionsFor()).toHaveLength(0);
	});
});

describe('Zoom Trigger fails closed in real n8n', () => {
	async function triggerWith(tag: string, secretToken: string, parameters: Record<string, unknown>) {
		const secret = await client.createCredential('zoomWebhookSecretApi', `secret ${tag}`, { secretToken });
		const workflow = await client.createWorkflow(triggerWorkflow(`Fail closed: ${tag}`, `zoom-fail-closed-${tag}`, secret.id, { events: ['meeting.ended'], ...parameters }));
		return { workflowId: workflow.id, secretId: secret.id, url: productionWebhookUrl(n8n.baseUrl, `zoom-fail-closed-${tag}/webhook`) };
	}

	// n8n 2.41 activates in the background: the REST call answers "active" at once; a webhook
	// whose checkExists throws is then left unregistered, with no activation error shown. The node
	// logs why; its production URL answers 404, so nothing can start the workflow.
	const logSays = async (pattern: RegExp) =>
		await waitFor(() => (pattern.test(n8n.logs()) ? true : undefined), { timeoutMs: 30_000, what: `n8n's log to match ${pattern}` });

	it('an empty secret token: the URL is never registered, and the log names the setting', async () => {
		const { workflowId, url } = await triggerWith('empty-secret', '', {});
		await client.activateWorkflow(workflowId).catch(() => undefined);
		await logSays(/Zoom Trigger "Zoom Trigger" was not activated: the Secret Token of its Zoom Webhook Secret credential is empty/);
		const forged = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: '' });
		expect(forged.status).toBe(404);
		expect(await client.listExecutions(workflowId)).toHaveLength(0);
	});

	it('a secret emptied while the workflow is active: a delivery forged with the empty key starts nothing, and the log names the setting', async () => {
		const { workflowId, secretId, url } = await triggerWith('emptied-secret', SECRET, {});
		await client.activateWorkflow(workflowId);
		await waitForWebhook(url);
		await client.updateCredential(secretId, { data: { secretToken: '' } });
		// n8n re-activates the workflows of an edited credential in the background: the delivery meets
		// either the trigger's own check (500) or the refused re-activation (404), never the workflow.
		const forged = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: '' });
		expect([500, 404]).toContain(forged.status);
		const challenge = await sim.sendUrlValidation(url, { secretToken: '' });
		expect(challenge.valid).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await client.listExecutions(workflowId)).toHaveLength(0);
		await logSays(/Zoom Trigger "Zoom Trigger" (refused a delivery|was not activated): the Secret Token of its Zoom Webhook Secret credential is empty/);
	});


	it('a timestamp tolerance expression that is not a number: the URL is never registered, so no delivery (a 2001 one included) starts anything', async () => {
		const { workflowId, url } = await triggerWith('bad-tolerance', SECRET, { options: { timestampToleranceSeconds: "={{ 'abc' }}" } });
		await client.activateWorkflow(workflowId).catch(() => undefined);
		await logSays(/was not activated: Options → Timestamp Tolerance \(Seconds\) is not a number from 30 to 3600/);
		const old = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingEnded(), secretToken: SECRET, timestamp: 978_307_200 });
		expect(old.status).toBe(404);
		expect(await client.listExecutions(workflowId)).toHaveLength(0);
	});


});
