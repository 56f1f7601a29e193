/**
 * The whole path in a real n8n: a signed meeting.ended delivery starts Zoom Trigger → Zoom to Brevo,
 * which reads the meeting's participants from the simulator's Zoom and writes contacts, list
 * memberships and follow-up events to the simulator's Brevo.
 */
import { productionWebhookUrl, removeTempDirs, stopAllN8n, waitForWebhook, type N8nInstance, type RestClient } from './harness';
import { SIM_DEFAULTS, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';

let n8n: N8nInstance;
let client: RestClient;
let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
	({ n8n, client } = await startN8nWithPackage());
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

interface SyncSpec {
	label: string;
	webhookId: string;
	syncName: string;
	syncVersion: number;
	triggerParameters: Record<string, unknown>;
	syncParameters: Record<string, unknown>;
}

/** Zoom Trigger (meeting.ended) → Zoom to Brevo with fresh credentials, activated and listening. */
async function activateMeetingEndedSync(spec: SyncSpec): Promise<{ workflowId: string; url: string }> {
	const secret = await client.createCredential('zoomWebhookSecretApi', `secret ${spec.label}`, simCredentials.webhookSecret());
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', `zoom ${spec.label}`, simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', `brevo ${spec.label}`, simCredentials.brevo(sim));
	const workflow = await client.createWorkflow({
		name: `Meeting ended → Brevo (${spec.label})`,
		nodes: [
			{
				id: 'trigger',
				name: 'Zoom Trigger',
				type: 'n8n-nodes-zoom-brevo.zoomTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: spec.webhookId,
				parameters: { events: ['meeting.ended'], ...spec.triggerParameters },
				credentials: { zoomWebhookSecretApi: { id: secret.id, name: secret.name } },
			},
			{
				id: 'sync',
				name: spec.syncName,
				type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
				typeVersion: spec.syncVersion,
				position: [250, 0],
				// Meeting ID left to its default: read from the trigger's item.
				parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [15], writeMode: 'import', ...spec.syncParameters },
				credentials: { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name }, brevoV3Api: { id: brevo.id, name: brevo.name } },
			},
		],
		connections: { 'Zoom Trigger': { main: [[{ node: spec.syncName, type: 'main', index: 0 }]] } },
	});
	await client.activateWorkflow(workflow.id);
	const url = productionWebhookUrl(n8n.baseUrl, `${spec.webhookId}/webhook`);
	await waitForWebhook(url);
	return { workflowId: workflow.id, url };
}

const latestInstance = () => {
	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	return { meeting, instance: meeting.instances[meeting.instances.length - 1] };
};

/** A signed meeting.ended for the recurring meeting's latest instance; waits for its execution. */
async function deliverMeetingEnded(url: string, workflowId: string, trackingId?: string) {
	const { meeting, instance } = latestInstance();
	const delivered = await sim.sendWebhook(url, {
		event: 'meeting.ended',
		secretToken: SIM_DEFAULTS.zoom.webhookSecretToken,
		trackingId,
		payload: { account_id: sim.credentials.zoom.accountId, object: { id: String(meeting.id), uuid: instance.uuid, topic: meeting.topic, start_time: instance.start_time, end_time: instance.end_time } },
	});
	expect(delivered.status).toBe(200);
	const [execution] = await client.waitForExecutions(workflowId, 1, 60_000);
	expect(execution.status).toBe('success');
}

it('meeting.ended → participants become Brevo contacts on the list, with zoom_meeting_attended events', async () => {
	const { workflowId, url } = await activateMeetingEndedSync({
		label: 'v1 sync',
		webhookId: 'meeting-ended-to-brevo',
		syncName: 'Zoom to Brevo',
		syncVersion: 1,
		triggerParameters: {},
		syncParameters: { sendEvent: true },
	});
	await deliverMeetingEnded(url, workflowId);
	const { meeting, instance } = latestInstance();

	// The fixture knows who has an email in that instance.
	const expectedEmails = new Set<string>();
	for (let i = 0; i < instance.participants.length; i++) {
		const row = instance.participants.at(i)!;
		if (row.user_email) expectedEmails.add(row.user_email.toLowerCase());
	}
	expect(expectedEmails.size).toBeGreaterThan(0);
	for (const email of expectedEmails) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
	}
	const attended = sim.brevo.events.filter((e) => e.event_name.startsWith('zoom_meeting_'));
	expect(new Set(attended.map((e) => String(e.identifiers.email_id)))).toEqual(expectedEmails);
	expect(attended.find((e) => e.event_name === 'zoom_meeting_attended')?.event_properties).toMatchObject({ zoom_uuid: instance.uuid, topic: meeting.topic });
	// The participants listing used the UUID the trigger emitted.
	expect(sim.requests.some((r) => r.service === 'zoom' && r.path.includes('/past_meetings/') && r.path.endsWith('/participants'))).toBe(true);
});

it("Log API Calls and Log Deliveries write to real n8n's log, one line per call, without secrets", async () => {
	const { workflowId, url } = await activateMeetingEndedSync({
		label: 'logged',
		webhookId: 'meeting-ended-logged',
		syncName: 'Sync with log',
		syncVersion: 1.1,
		triggerParameters: { options: { logDeliveries: true } },
		syncParameters: { options: { logApiCalls: true } },
	});
	sim.clearRequests();
	await deliverMeetingEnded(url, workflowId, 'trk-logged');

	const lines = n8n.logs().split('\n');
	expect(lines.some((line) => line.includes('Zoom Trigger: accepted'))).toBe(true);
	const callLines = lines.filter((line) => line.includes('Sync with log: '));
	const apiCalls = sim.requests.filter((r) => (r.service === 'zoom' || r.service === 'brevo') && !r.path.includes('/oauth/'));
	expect(apiCalls.length).toBeGreaterThan(2);
	expect(callLines).toHaveLength(apiCalls.length);
	expect(callLines.some((line) => /Zoom GET \/past_meetings\/.+\/participants → 200 in \d+ ms/.test(line))).toBe(true);
	expect(callLines.some((line) => /Brevo POST \/contacts\/import → 202 in \d+ ms/.test(line))).toBe(true);
	const everything = n8n.logs();
	for (const value of [SIM_DEFAULTS.zoom.webhookSecretToken, sim.credentials.brevo.apiKey, sim.credentials.zoom.clientSecret]) expect(everything).not.toContain(value);
});

it('Repeat Follow-Ups: the same delivery again is processed and each contact gets the event again, on purpose', async () => {
	const { workflowId, url } = await activateMeetingEndedSync({
		label: 'repeat',
		webhookId: 'meeting-ended-repeat',
		syncName: 'Sync again',
		syncVersion: 1.1,
		triggerParameters: {},
		syncParameters: { sendEvent: true, options: { repeatFollowUps: true } },
	});
	const { meeting, instance } = latestInstance();
	const eventsBefore = sim.brevo.events.length;
	for (let n = 1; n <= 2; n++) {
		const delivered = await sim.sendWebhook(url, {
			event: 'meeting.ended',
			secretToken: SIM_DEFAULTS.zoom.webhookSecretToken,
			trackingId: 'trk-repeat',
			payload: { account_id: sim.credentials.zoom.accountId, object: { id: String(meeting.id), uuid: instance.uuid, topic: meeting.topic, start_time: instance.start_time } },
		});
		expect(delivered.status).toBe(200);
		const executions = await client.waitForExecutions(workflowId, n, 60_000);
		expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
	}
	const perEmail = new Map<string, number>();
	for (const e of sim.brevo.events.slice(eventsBefore)) perEmail.set(String(e.identifiers.email_id), (perEmail.get(String(e.identifiers.email_id)) ?? 0) + 1);
	expect(perEmail.size).toBeGreaterThan(0);
	expect([...perEmail.values()].every((count) => count === 2)).toBe(true);
});
