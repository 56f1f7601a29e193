/**
 * The package on n8n's distributed engine (queue mode): Redis + PostgreSQL (Debian's packages,
 * private instances on 127.0.0.1), an n8n main, one `n8n worker` and one `n8n webhook`, each with
 * the packed package on its community-node path.
 *
 * 1. Through the webhook processor: 200 distinct signed Zoom deliveries (10 in flight at a time,
 *    as a busy account would send them), then 10 % of them re-sent one by one with the same
 *    tracking ID, and a bad-signature batch. Every re-send starts an execution again: a trigger
 *    cannot keep a record on n8n 2.41.1 (n8n does not save static data written by a webhook call
 *    that starts an execution), so re-sends are caught where it matters, in Zoom to Brevo.
 * 2. Zoom Trigger → Zoom to Brevo with the Server-to-Server credential, run 3 times on the worker:
 *    the contacts land in Brevo and the S2S token is fetched once (counted at the simulator).
 * 3. The same delivery re-sent twice: one import, each contact's event exactly once, through n8n's
 *    deduplication store in PostgreSQL, shared by the worker's executions.
 * 4. Zoom Scheduled Trigger (Meeting Ended) → Zoom to Brevo: the main polls (only the main activates
 *    triggers), a meeting that ends is synced by the worker, once, and the cursor is in PostgreSQL.
 *
 * The figures (deliveries, executions, duplicates, token requests) are printed at the end.
 */
import { nodeOutputJson, parseFlatted, productionWebhookUrl, removeTempDirs, sleep, waitFor, waitForWebhook, type RunExecutionData } from '../harness';
import { createPollWorkflow, SIM_DEFAULTS, simCredentials, startSimulator, type Simulator } from '../support';
import { toZoomTime } from '../../simulator/fixture/participants';
import { endMeeting } from '../../simulator/timeline';
import { executionsOf, startQueueInstallation, staticDataOf, stopQueueInstallation, type ExecutionRow, type QueueInstallation } from './installation';
import { executionsFinishedByWorker, executionsStartedByWorker } from './n8n-queue';

const SECRET = SIM_DEFAULTS.zoom.webhookSecretToken;
const DISTINCT = 200;
const RESEND_EVERY = 10; // 10 % re-sent
const SEND_CONCURRENCY = 10;
const CONTROL = 20; // sequential control batch, every delivery re-sent
const PACKAGE_TYPE = 'n8n-nodes-zoom-brevo';

let q: QueueInstallation;
let sim: Simulator;
const t0 = Date.now();

/** Everything the final report prints. */
const figures: Record<string, unknown> = {};

beforeAll(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
	q = await startQueueInstallation({ workerConcurrency: 10 });
	figures.startSeconds = q.timings;
}, 600_000);

afterAll(async () => {
	figures.totalSeconds = Math.round((Date.now() - t0) / 100) / 10;
	// Straight to stdout: jest's console.log adds an `at Object.<anonymous> (file:line)` line that
	// reads like a stack trace under figures of a test that passed.
	process.stdout.write(`\nQUEUE-MODE FIGURES (n8n 2.41.1: 1 main, 1 worker, 1 webhook processor; Redis + PostgreSQL)\n${JSON.stringify(figures, null, 2)}\n`);
	await sim?.close();
	await stopQueueInstallation();
	removeTempDirs();
});

const isDone = (row: ExecutionRow) => ['success', 'error', 'crashed', 'canceled'].includes(row.status);

async function waitForFinished(workflowId: string, n: number, timeoutMs = 180_000): Promise<ExecutionRow[]> {
	return await waitFor(
		() => {
			const rows = executionsOf(q.postgres, workflowId);
			return rows.length >= n && rows.every(isDone) ? rows : undefined;
		},
		{ timeoutMs, intervalMs: 500, what: `${n} finished executions of workflow ${workflowId}` },
	);
}

/** Runs `send` over `items` with at most `concurrency` in flight. */
async function inPool<T>(items: T[], concurrency: number, send: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, items.length) }, async () => {
			while (next < items.length) await send(items[next++]);
		}),
	);
}

const trackingIdOf = (row: ExecutionRow): string => {
	const data = parseFlatted(row.data!) as RunExecutionData;
	return String(nodeOutputJson(data, 'Zoom Trigger')[0].trackingId);
};

const meetingPayload = (i: number) => ({
	account_id: sim.credentials.zoom.accountId,
	object: {
		id: String(81_000_000_000 + i),
		uuid: `queue+${i}/Aa==`,
		topic: `Queue-mode delivery ${i}`,
		start_time: '2025-01-06T10:00:00Z',
		end_time: '2025-01-06T11:00:00Z',
	},
});

describe('queue mode: Zoom Trigger through the webhook processor', () => {
	let workflowId: string;
	let url: string;

	beforeAll(async () => {
		const types = await q.client.getNodeTypes();
		expect(types.map((t) => t.name)).toEqual(expect.arrayContaining([`${PACKAGE_TYPE}.zoomTrigger`, `${PACKAGE_TYPE}.zoomToBrevo`]));
		const secret = await q.client.createCredential('zoomWebhookSecretApi', 'webhook secret', simCredentials.webhookSecret(SECRET));
		const workflow = await q.client.createWorkflow({
			name: 'Queue mode: Zoom deliveries',
			nodes: [
				{
					id: 'trigger',
					name: 'Zoom Trigger',
					type: `${PACKAGE_TYPE}.zoomTrigger`,
					typeVersion: 1.2,
					position: [0, 0],
					webhookId: 'queue-zoom-deliveries',
					parameters: { events: ['meeting.ended'] },
					credentials: { zoomWebhookSecretApi: { id: secret.id, name: 'webhook secret' } },
				},
				{ id: 'next', name: 'Next', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
			],
			connections: { 'Zoom Trigger': { main: [[{ node: 'Next', type: 'main', index: 0 }]] } },
		});
		workflowId = workflow.id;
		await q.client.activateWorkflow(workflowId);
		url = productionWebhookUrl(q.webhook.baseUrl, 'queue-zoom-deliveries/webhook');
		await waitForWebhook(url, { timeoutMs: 60_000 });
	});

	it('answers the URL validation from the webhook processor, and the main serves no production webhook', async () => {
		const answer = await sim.sendUrlValidation(url, { secretToken: SECRET });
		expect(answer.valid).toBe(true);
		const onMain = await sim.sendWebhook(productionWebhookUrl(q.main.baseUrl, 'queue-zoom-deliveries/webhook'), {
			event: 'meeting.ended',
			payload: meetingPayload(-1),
			secretToken: SECRET,
			trackingId: 'trk-main',
		});
		expect(onMain.status).toBe(404);
		expect(executionsOf(q.postgres, workflowId)).toHaveLength(0);
	});

	it(`${DISTINCT} distinct signed deliveries (${SEND_CONCURRENCY} in flight) → exactly one execution each, all run by the worker`, async () => {
		const statuses: number[] = [];
		const slowest: number[] = [];
		const sentAt = Date.now();
		await inPool(
			Array.from({ length: DISTINCT }, (_, i) => i),
			SEND_CONCURRENCY,
			async (i) => {
				const t = Date.now();
				const res = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingPayload(i), secretToken: SECRET, trackingId: `trk-q-${i}` });
				slowest.push(Date.now() - t);
				statuses.push(res.status);
			},
		);
		const answeredMs = Date.now() - sentAt;
		expect(statuses.filter((s) => s !== 200)).toEqual([]);

		const rows = await waitForFinished(workflowId, DISTINCT);
		const finishedMs = Date.now() - sentAt;
		const withData = executionsOf(q.postgres, workflowId, { withData: true });
		expect(withData).toHaveLength(DISTINCT);
		const perTrackingId = new Map<string, number>();
		for (const row of withData) perTrackingId.set(trackingIdOf(row), (perTrackingId.get(trackingIdOf(row)) ?? 0) + 1);
		const expected = new Map(Array.from({ length: DISTINCT }, (_, i) => [`trk-q-${i}`, 1]));
		expect(perTrackingId).toEqual(expected);
		expect(rows.filter((r) => r.status !== 'success')).toEqual([]);
		expect(new Set(rows.map((r) => r.mode))).toEqual(new Set(['webhook']));

		// Run by the worker: its log names every execution id; the webhook processor and the main ran none.
		const byWorker = executionsStartedByWorker(q.worker.logs());
		const finishedByWorker = executionsFinishedByWorker(q.worker.logs());
		expect(rows.filter((r) => !byWorker.has(r.id) || !finishedByWorker.has(r.id)).map((r) => r.id)).toEqual([]);
		expect(executionsStartedByWorker(q.webhook.logs()).size + executionsStartedByWorker(q.main.logs()).size).toBe(0);

		slowest.sort((a, b) => a - b);
		Object.assign(figures, {
			distinctDeliveriesSent: DISTINCT,
			distinctSendConcurrency: SEND_CONCURRENCY,
			distinctAnswered200: statuses.filter((s) => s === 200).length,
			distinctExecutions: rows.length,
			distinctExecutionsRunByWorker: rows.filter((r) => byWorker.has(r.id)).length,
			distinctTrackingIdsWithExactlyOneExecution: [...perTrackingId.values()].filter((n) => n === 1).length,
			distinctAllAnsweredSeconds: answeredMs / 1000,
			distinctAllExecutedSeconds: finishedMs / 1000,
			deliveryAnswerMs: { p50: slowest[Math.floor(slowest.length / 2)], p95: slowest[Math.floor(slowest.length * 0.95)], max: slowest[slowest.length - 1] },
		});
	});

	it(`10 % re-sent one by one with the same tracking ID → each starts an execution again, with that tracking ID on its item`, async () => {
		const resent = Array.from({ length: DISTINCT }, (_, i) => i)
			.filter((i) => i % RESEND_EVERY === 0)
			.map((i) => `trk-q-${i}`);
		const beforeIds = new Set(executionsOf(q.postgres, workflowId).map((r) => r.id));
		for (const trackingId of resent) {
			const i = Number(trackingId.slice('trk-q-'.length));
			const res = await sim.sendWebhook(url, { event: 'meeting.ended', payload: meetingPayload(i), secretToken: SECRET, trackingId });
			expect(res.status).toBe(200);
		}
		await waitForFinished(workflowId, beforeIds.size + resent.length);
		await sleep(1000);
		const newRows = executionsOf(q.postgres, workflowId, { withData: true }).filter((r) => !beforeIds.has(r.id));
		expect(newRows.map(trackingIdOf).sort()).toEqual([...resent].sort());
		const byWorker = executionsStartedByWorker(q.worker.logs());
		expect(newRows.filter((r) => !byWorker.has(r.id))).toEqual([]);
		Object.assign(figures, { resentSent: resent.length, resentExecutions: newRows.length });
	});

	it('bad signatures (tampered, wrong secret, stale timestamp) → 401 and no execution', async () => {
		const before = executionsOf(q.postgres, workflowId).length;
		const statuses: number[] = [];
		const bad = Array.from({ length: 30 }, (_, i) => i);
		await inPool(bad, SEND_CONCURRENCY, async (i) => {
			const base = { event: 'meeting.ended', payload: meetingPayload(2000 + i), trackingId: `trk-bad-${i}` };
			const res =
				i % 3 === 0
					? await sim.sendWebhook(url, { ...base, secretToken: SECRET, signature: `v0=${'0'.repeat(64)}` })
					: i % 3 === 1
						? await sim.sendWebhook(url, { ...base, secretToken: 'someOtherAppsSecret000' })
						: await sim.sendWebhook(url, { ...base, secretToken: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
			statuses.push(res.status);
		});
		expect(statuses.filter((s) => s !== 401)).toEqual([]);
		await sleep(2000);
		const after = executionsOf(q.postgres, workflowId, { withData: true });
		expect(after).toHaveLength(before);
		expect(after.map(trackingIdOf).filter((id) => id.startsWith('trk-bad-'))).toEqual([]);
		Object.assign(figures, { badSignatureSent: bad.length, badSignatureAnswered401: statuses.filter((s) => s === 401).length, badSignatureExecutions: after.length - before });
	});

	afterAll(() => {
		if (!workflowId) return;
		const rows = executionsOf(q.postgres, workflowId);
		const byWorker = executionsStartedByWorker(q.worker.logs());
		Object.assign(figures, {
			triggerWorkflowExecutionsTotal: rows.length,
			triggerWorkflowExecutionsRunByWorker: rows.filter((r) => byWorker.has(r.id)).length,
		});
	});
});

describe('queue mode: Zoom to Brevo (Server-to-Server credential) on the worker', () => {
	/** Zoom Trigger → Zoom to Brevo with its own, fresh S2S credential (no token stored yet). */
	async function syncWorkflow(tag: string, versions = { trigger: 1, sync: 1 }): Promise<{ workflowId: string; url: string }> {
		const secret = await q.client.createCredential('zoomWebhookSecretApi', `secret ${tag}`, simCredentials.webhookSecret(SECRET));
		const zoom = await q.client.createCredential('zoomServerToServerOAuthApi', `zoom s2s ${tag}`, simCredentials.zoomS2S(sim));
		const brevo = await q.client.createCredential('brevoV3Api', `brevo ${tag}`, simCredentials.brevo(sim));
		const workflow = await q.client.createWorkflow({
			name: `Queue mode: meeting ended → Brevo (${tag})`,
			nodes: [
				{
					id: 'trigger',
					name: 'Zoom Trigger',
					type: `${PACKAGE_TYPE}.zoomTrigger`,
					typeVersion: versions.trigger,
					position: [0, 0],
					webhookId: `queue-sync-${tag}`,
					parameters: { events: ['meeting.ended'] },
					credentials: { zoomWebhookSecretApi: { id: secret.id, name: `secret ${tag}` } },
				},
				{
					id: 'sync',
					name: 'Zoom to Brevo',
					type: `${PACKAGE_TYPE}.zoomToBrevo`,
					typeVersion: versions.sync,
					position: [250, 0],
					// Meeting ID left to its default: read from the trigger's item (the instance UUID).
					parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [15], writeMode: 'import', sendEvent: true },
					credentials: {
						zoomServerToServerOAuthApi: { id: zoom.id, name: `zoom s2s ${tag}` },
						brevoV3Api: { id: brevo.id, name: `brevo ${tag}` },
					},
				},
			],
			connections: { 'Zoom Trigger': { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } },
		});
		await q.client.activateWorkflow(workflow.id);
		const url = productionWebhookUrl(q.webhook.baseUrl, `queue-sync-${tag}/webhook`);
		await waitForWebhook(url, { timeoutMs: 60_000 });
		return { workflowId: workflow.id, url };
	}

	const recurring = () => sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;

	async function deliverMeetingEnded(url: string, instanceIndex: number, trackingId: string) {
		const meeting = recurring();
		const instance = meeting.instances[instanceIndex];
		const delivered = await sim.sendWebhook(url, {
			event: 'meeting.ended',
			secretToken: SECRET,
			trackingId,
			payload: { account_id: sim.credentials.zoom.accountId, object: { id: String(meeting.id), uuid: instance.uuid, topic: meeting.topic, start_time: instance.start_time, end_time: instance.end_time } },
		});
		expect(delivered.status).toBe(200);
	}

	it('3 meeting.ended deliveries → 3 syncs on the worker write the contacts; the S2S token is fetched once and shared', async () => {
		const { workflowId, url } = await syncWorkflow('sequential');
		const requestsBefore = sim.requests.length;
		const meeting = recurring();
		const indexes = [meeting.instances.length - 3, meeting.instances.length - 2, meeting.instances.length - 1];
		const expectedEmails = new Set<string>();
		for (const [n, index] of indexes.entries()) {
			await deliverMeetingEnded(url, index, `trk-sync-${n}`);
			// One run after the other: a run starting while the first token request is in flight
			// fetches its own token (measured in the next test; see docs/queue-mode.md).
			await waitForFinished(workflowId, n + 1, 120_000);
			const instance = meeting.instances[index];
			for (let i = 0; i < instance.participants.length; i++) {
				const email = instance.participants.at(i)!.user_email;
				if (email) expectedEmails.add(email.toLowerCase());
			}
		}

		const rows = executionsOf(q.postgres, workflowId);
		expect(rows).toHaveLength(3);
		expect(rows.filter((r) => r.status !== 'success')).toEqual([]);
		const byWorker = executionsStartedByWorker(q.worker.logs());
		expect(rows.filter((r) => !byWorker.has(r.id))).toEqual([]);

		expect(expectedEmails.size).toBeGreaterThan(0);
		const missing = [...expectedEmails].filter((email) => !sim.brevo.contacts.get(email)?.listIds.includes(15));
		expect(missing).toEqual([]);
		const meetingEvents = sim.brevo.events.filter((e) => e.event_name.startsWith('zoom_meeting_'));
		expect(new Set(meetingEvents.map((e) => String(e.identifiers.email_id)))).toEqual(expectedEmails);

		const phase = sim.requests.slice(requestsBefore);
		const tokenRequests = phase.filter((r) => r.service === 'zoom-oauth');
		const zoomApiCalls = phase.filter((r) => r.service === 'zoom');
		const bearers = new Set(zoomApiCalls.map((r) => r.headers.authorization));
		expect(zoomApiCalls.length).toBeGreaterThanOrEqual(3);
		expect(tokenRequests).toHaveLength(1);
		expect(bearers.size).toBe(1);
		Object.assign(figures, {
			syncRuns: rows.length,
			syncRunsOnWorker: rows.filter((r) => byWorker.has(r.id)).length,
			syncBrevoContactsExpected: expectedEmails.size,
			syncBrevoContactsWritten: expectedEmails.size - missing.length,
			syncZoomApiCalls: zoomApiCalls.length,
			s2sTokenRequests: tokenRequests.length,
			s2sDistinctBearerTokensUsed: bearers.size,
		});
	});

	it('measured: 3 syncs starting at the same moment on a credential with no token yet', async () => {
		const { workflowId, url } = await syncWorkflow('cold-start');
		const requestsBefore = sim.requests.length;
		const last = recurring().instances.length - 1;
		await Promise.all([0, 1, 2].map(async (n) => await deliverMeetingEnded(url, last - n, `trk-cold-${n}`)));
		await waitForFinished(workflowId, 3, 120_000);
		const rows = executionsOf(q.postgres, workflowId, { withData: true });
		// A failed run says why (its error message), not just "error".
		const failures = rows
			.filter((r) => r.status !== 'success')
			.map((r) => (parseFlatted(r.data!) as { resultData?: { error?: { message?: string; description?: string } } }).resultData?.error);
		expect(failures).toEqual([]);
		const tokenRequests = sim.requests.slice(requestsBefore).filter((r) => r.service === 'zoom-oauth');
		// Each run that finds no stored token fetches one (Zoom keeps several S2S tokens valid at
		// once, so nothing breaks); after that they are shared.
		expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
		expect(tokenRequests.length).toBeLessThanOrEqual(3);
		Object.assign(figures, { coldStartConcurrentSyncRuns: rows.length, coldStartS2sTokenRequests: tokenRequests.length });
	});

	it('the same delivery re-sent twice → one import, every contact\'s event exactly once (no Remove Duplicates)', async () => {
		const { workflowId, url } = await syncWorkflow('resent', { trigger: 1.2, sync: 1.1 });
		const last = recurring().instances.length - 2;
		const importsBefore = sim.requests.filter((r) => r.path.endsWith('/contacts/import')).length;
		const eventsBefore = sim.brevo.events.length;
		// Zoom re-sends after +5 and +20 minutes: each re-send arrives after the first run finished.
		for (let n = 0; n < 3; n++) {
			await deliverMeetingEnded(url, last, 'trk-resent');
			await waitForFinished(workflowId, n + 1, 120_000);
		}
		const rows = executionsOf(q.postgres, workflowId, { withData: true });
		expect(rows.filter((r) => r.status !== 'success')).toEqual([]);
		const skipped = rows.filter((row) => {
			const items = nodeOutputJson(parseFlatted(row.data!) as RunExecutionData, 'Zoom to Brevo');
			return items.length === 1 && items[0].reason === 'already_processed';
		});
		expect(skipped).toHaveLength(2);
		expect(sim.requests.filter((r) => r.path.endsWith('/contacts/import')).length - importsBefore).toBe(1);
		const perEmail = new Map<string, number>();
		for (const e of sim.brevo.events.slice(eventsBefore)) perEmail.set(String(e.identifiers.email_id), (perEmail.get(String(e.identifiers.email_id)) ?? 0) + 1);
		expect(perEmail.size).toBeGreaterThan(0);
		expect([...perEmail.values()].every((n) => n === 1)).toBe(true);
		Object.assign(figures, { resentTwiceExecutions: rows.length, resentTwiceImports: 1, resentTwiceContactsWithOneEvent: perEmail.size });
	});
});

describe('queue mode: Zoom Scheduled Trigger on the main, the sync on the worker', () => {
	it('a meeting that ends is found by the main\'s poll and synced once by the worker; the cursor is kept in PostgreSQL', async () => {
		const workflow = await createPollWorkflow(q.client, sim, {
			tag: 'Queue mode: meeting ended (polling) → Brevo',
			poll: { event: 'meeting.ended' },
			sync: { typeVersion: 1.2, parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [15], sendEvent: true } },
		});
		const reportReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.path.endsWith('/report/users/me/meetings')).length;
		const readsBefore = reportReads();
		await q.client.activateWorkflow(workflow.id);
		// n8n polls once at activation: that poll records "now", so only what ends after it counts.
		await waitFor(() => (reportReads() > readsBefore ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'the activation poll' });

		// The simulator keeps real time here: the meeting ends now, for the next minute's poll.
		const { instance } = endMeeting(sim.zoom, { host: sim.zoom.users[0], start: toZoomTime(Date.now() - 30 * 60_000), end: toZoomTime(Date.now()), topic: 'Queue-mode poll' });
		const [row] = await waitForFinished(workflow.id, 1, 150_000);
		expect(row).toMatchObject({ status: 'success', mode: 'trigger' });
		expect(executionsFinishedByWorker(q.worker.logs()).has(row.id)).toBe(true);

		const guests = Array.from({ length: instance.participants.length }, (_, i) => instance.participants.at(i)!.user_email.toLowerCase());
		for (const email of guests) expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
		const cursor = (staticDataOf(q.postgres, workflow.id)['node:Zoom Scheduled Trigger'] as { cursor?: { seen?: Record<string, number> } } | undefined)?.cursor;
		expect(Object.keys(cursor?.seen ?? {})).toContain(instance.uuid);

		// The next poll finds nothing new: still one execution.
		const reads = reportReads();
		await waitFor(() => (reportReads() > reads ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'the next poll' });
		await sleep(3_000);
		expect(executionsOf(q.postgres, workflow.id)).toHaveLength(1);
		await q.client.deactivateWorkflow(workflow.id);
		Object.assign(figures, { pollRunsOnWorker: 1, pollSecondsFromEndToSync: Math.round((Date.now() - Date.parse(instance.end_time)) / 1000) });
	});
});
