/**
 * Queue mode (issue #21): a 1 500-person sync whose worker is SIGKILLed mid-way, then n8n's Retry.
 *
 * n8n 2.41.1 in queue mode (Redis + PostgreSQL, a main, a worker, a webhook processor, each with
 * the packed package). Zoom Trigger → Zoom to Brevo (Meeting → Sync Participants, import to list
 * 15, Send Brevo Event on) runs on the worker for one signed meeting.ended delivery (with Zoom's
 * tracking ID) of a meeting of 1 500 people. The simulated Brevo holds the 3rd `POST /events/batch`
 * request; the moment it arrives the worker is SIGKILLed (no graceful shutdown): two requests were
 * confirmed, the 3rd was claimed and is in flight, the rest were never claimed. A new worker
 * starts on the same folder (n8n marks the execution crashed at boot), and the execution is
 * retried through the REST API as the editor's "Retry with original workflow" does.
 *
 * Then: everyone with an email is a contact on the list; nobody got an event twice (the in-flight
 * request did reach Brevo, and was not sent again); the retry sent exactly the never-claimed
 * events and lists exactly the in-flight ones as `unconfirmed` (earlierRun) on its items.
 *
 * The same, killed while reading page 3 of 7 of Zoom's participant report (nothing written yet):
 * the retry runs the sync in full — everyone on the list, each event once, nothing unconfirmed.
 * Each case has its own simulator (its own Brevo) and workflow.
 *
 * The figures are printed at the end.
 */
import { makeFixture } from '../../simulator';
import { nodeOutputJson, productionWebhookUrl, removeTempDirs, sleep, waitFor, waitForWebhook, type NodeRun, type RunExecutionData } from '../harness';
import { SIM_DEFAULTS, simCredentials, startSimulator, type Simulator } from '../support';
import { executionsOf, killWorker, startNewWorker, startQueueInstallation, stopQueueInstallation, type QueueInstallation } from './installation';
import { executionsFinishedByWorker, executionsStartedByWorker } from './n8n-queue';

const SECRET = SIM_DEFAULTS.zoom.webhookSecretToken;
const PACKAGE_TYPE = 'n8n-nodes-zoom-brevo';
const PEOPLE = 1500;
const ROWS = 1900; // with rejoins: 7 pages of Zoom's participants report
const LIST_ID = 15;
/** The event request at which the worker dies (1-based). */
const KILL_AT_EVENT_REQUEST = 3;
/** The page of Zoom's participant report at which the worker dies in the second case. */
const KILL_AT_ZOOM_PAGE = 3;
/** How long the simulator holds that request: the kill lands well inside it. */
const HOLD_MS = 10_000;
const EVENTS_PATH = '/events/batch';

let q: QueueInstallation;
const sims: Simulator[] = [];
const t0 = Date.now();
const figures: Record<string, unknown> = {};

/** A simulator whose large meeting has PEOPLE people, Brevo imports processed fast. */
async function newSimulator(): Promise<Simulator> {
	const sim = await startSimulator({ fixture: makeFixture({ largeMeeting: { rows: ROWS, people: PEOPLE } }), brevo: { importProcessingMs: 50 } });
	sims.push(sim);
	return sim;
}

beforeAll(async () => {
	q = await startQueueInstallation();
	figures.startSeconds = q.timings;
}, 600_000);

afterAll(async () => {
	figures.totalSeconds = Math.round((Date.now() - t0) / 100) / 10;
	process.stdout.write(`\nQUEUE-MODE CRASH + RETRY FIGURES (n8n 2.41.1: 1 main, 1 worker SIGKILLed and restarted, 1 webhook processor)\n${JSON.stringify(figures, null, 2)}\n`);
	for (const sim of sims) await sim.close();
	await stopQueueInstallation();
	removeTempDirs();
}, 120_000);

interface ContactItem {
	email: string;
	event?: { name?: string; status?: string; earlierRun?: boolean; note?: string };
}

const lower = (email: unknown) => String(email).toLowerCase();

/** The `POST /events/batch` requests `sim`'s Brevo received, in order: answer status (0 while
 *  unanswered) and the emails each carried. */
function eventRequests(sim: Simulator): Array<{ status: number; emails: string[] }> {
	return sim.requests
		.filter((r) => r.service === 'brevo' && r.method === 'POST' && r.path.endsWith(EVENTS_PATH))
		.map((r) => ({
			status: r.status,
			emails: ((r.body as { events?: Array<{ identifiers?: { email_id?: string } }> }).events ?? []).map((e) => lower(e.identifiers?.email_id)),
		}));
}

/** Events per email in `sim`'s Brevo. */
function eventsPerEmail(sim: Simulator): Map<string, number> {
	const counts = new Map<string, number>();
	for (const e of sim.brevo.events) counts.set(lower(e.identifiers.email_id), (counts.get(lower(e.identifiers.email_id)) ?? 0) + 1);
	return counts;
}

interface Crash {
	sim: Simulator;
	workflowId: string;
	/** Every participant email of the large meeting (lower case). */
	expected: Set<string>;
	people: number;
	rows: number;
	/** The execution the kill stopped, marked crashed. */
	crashedId: string;
	killedSecondsAfterDelivery: number;
	newWorkerStartSeconds: number;
	crashedSecondsAfterRestart: number;
}

/**
 * Zoom Trigger → Zoom to Brevo on `sim`, activated; one signed meeting.ended delivery of the large
 * meeting (tracking ID `tag`); the worker SIGKILLed the moment the `nth` request matching `match`
 * reaches the simulator (held there HOLD_MS); a new worker; the execution marked crashed.
 * `atKill` checks the state at the kill (before the new worker starts).
 */
async function syncKilledAt(sim: Simulator, tag: string, match: { service: 'zoom' | 'brevo'; path: string }, nth: number, atKill: (workflowId: string, executionId: string) => void): Promise<Crash> {
	const secret = await q.client.createCredential('zoomWebhookSecretApi', `secret ${tag}`, simCredentials.webhookSecret(SECRET));
	const zoom = await q.client.createCredential('zoomServerToServerOAuthApi', `zoom s2s ${tag}`, simCredentials.zoomS2S(sim));
	const brevo = await q.client.createCredential('brevoV3Api', `brevo ${tag}`, simCredentials.brevo(sim));
	const workflow = await q.client.createWorkflow({
		name: `Queue mode: crash + retry (${tag})`,
		nodes: [
			{
				id: 'trigger',
				name: 'Zoom Trigger',
				type: `${PACKAGE_TYPE}.zoomTrigger`,
				typeVersion: 1.2,
				position: [0, 0],
				webhookId: `queue-${tag}`,
				parameters: { events: ['meeting.ended'] },
				credentials: { zoomWebhookSecretApi: { id: secret.id, name: secret.name } },
			},
			{
				id: 'sync',
				name: 'Zoom to Brevo',
				type: `${PACKAGE_TYPE}.zoomToBrevo`,
				typeVersion: 1.2,
				position: [250, 0],
				// Meeting ID left to its default: the instance UUID from the trigger's item.
				parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [LIST_ID], writeMode: 'import', sendEvent: true },
				credentials: {
					zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name },
					brevoV3Api: { id: brevo.id, name: brevo.name },
				},
			},
		],
		connections: { 'Zoom Trigger': { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } },
	});
	await q.client.activateWorkflow(workflow.id);
	const url = productionWebhookUrl(q.webhook.baseUrl, `queue-${tag}/webhook`);
	await waitForWebhook(url, { timeoutMs: 60_000 });

	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.largeMeetingId)!;
	const instance = meeting.instances[0];
	expect(instance.stats.people).toBe(PEOPLE);
	const expected = new Set<string>();
	for (let i = 0; i < instance.participants.length; i++) {
		const email = instance.participants.at(i)!.user_email;
		if (email) expected.add(lower(email));
	}

	const matching = () => sim.requests.filter((r) => r.service === match.service && r.method === (match.service === 'brevo' ? 'POST' : 'GET') && r.path.includes(match.path)).length;
	sim.inject({ kind: 'latency', ms: HOLD_MS, match: { ...match, method: match.service === 'brevo' ? 'POST' : 'GET' }, after: nth - 1, times: 1 });
	const sentAt = Date.now();
	const delivered = await sim.sendWebhook(url, {
		event: 'meeting.ended',
		secretToken: SECRET,
		trackingId: tag,
		payload: {
			account_id: sim.credentials.zoom.accountId,
			object: { id: String(meeting.id), uuid: instance.uuid, topic: meeting.topic, start_time: instance.start_time, end_time: instance.end_time },
		},
	});
	expect(delivered.status).toBe(200);
	const oldWorker = q.worker;
	await waitFor(() => (matching() >= nth ? true : undefined), { timeoutMs: 180_000, intervalMs: 10, what: `request ${nth} to ${match.service} ${match.path}` });
	await killWorker(q);
	const killedSecondsAfterDelivery = (Date.now() - sentAt) / 1000;

	const [original] = executionsOf(q.postgres, workflow.id);
	expect(original).toMatchObject({ mode: 'webhook', status: 'running' });
	expect(executionsStartedByWorker(oldWorker.logs()).has(original.id)).toBe(true);
	expect(executionsFinishedByWorker(oldWorker.logs()).has(original.id)).toBe(false);
	// Killed inside the held request: it is the last one, and unanswered.
	expect(matching()).toBe(nth);
	expect(sim.requests.filter((r) => r.service === match.service && r.path.includes(match.path)).at(-1)!.status).toBe(0);
	atKill(workflow.id, original.id);

	const restartAt = Date.now();
	await startNewWorker(q);
	const newWorkerStartSeconds = (Date.now() - restartAt) / 1000;
	await waitFor(() => (executionsOf(q.postgres, workflow.id).find((r) => r.id === original.id)?.status === 'crashed' ? true : undefined), {
		timeoutMs: 120_000,
		intervalMs: 500,
		what: `execution ${original.id} marked crashed`,
	});
	const crashedSecondsAfterRestart = (Date.now() - restartAt) / 1000;
	// The held request is answered after the kill (Brevo processes what reached it).
	await waitFor(() => (sim.requests.filter((r) => r.service === match.service && r.path.includes(match.path)).at(-1)!.status !== 0 ? true : undefined), {
		timeoutMs: HOLD_MS + 30_000,
		what: 'the held request to be answered',
	});
	return {
		sim,
		workflowId: workflow.id,
		expected,
		people: instance.stats.people,
		rows: instance.participants.length,
		crashedId: original.id,
		killedSecondsAfterDelivery,
		newWorkerStartSeconds,
		crashedSecondsAfterRestart,
	};
}

interface Retried {
	retryId: string;
	retrySeconds: number;
	/** The retry's Zoom to Brevo items (first output: the contacts). */
	items: ContactItem[];
	/** What the simulator received during the retry. */
	requests: Simulator['requests'];
	withStatus: (status: string) => string[];
}

/** n8n's Retry, as the editor's "Retry with original workflow" sends it; waits for the retry to
 *  finish on the (new) worker and checks what every retry must: it ran the sync in full. */
async function retryOnWorker(crash: Crash): Promise<Retried> {
	const requestsBefore = crash.sim.requests.length;
	const startedAt = Date.now();
	// The retry answers once the retried execution finished: a longer timeout than the client's.
	const answer = await q.client.http.request({
		method: 'POST',
		url: `/rest/executions/${crash.crashedId}/retry`,
		data: { loadWorkflow: false },
		headers: { 'browser-id': q.client.browserId, cookie: q.client.cookieHeader() },
		timeout: 240_000,
	});
	expect(answer.status).toBe(200);
	const retryId = String((answer.data as { data: { id: string } }).data.id);
	const retry = await q.client.waitForExecution(retryId, 120_000);
	const retrySeconds = (Date.now() - startedAt) / 1000;
	expect(retry).toMatchObject({ status: 'success', mode: 'retry' });
	expect(String((retry as unknown as { retryOf?: string }).retryOf)).toBe(crash.crashedId);
	expect(executionsFinishedByWorker(q.worker.logs()).has(retryId)).toBe(true);

	const data = retry.data as RunExecutionData;
	const syncRuns = data.resultData.runData['Zoom to Brevo'];
	const lastRun = syncRuns.length - 1;
	const items = nodeOutputJson(data, 'Zoom to Brevo', { runIndex: lastRun }) as unknown as ContactItem[];
	// Before: the delivery was recorded when the sync began, so the retry was one Skipped item
	// (already_processed) and wrote nobody.
	const skipped = nodeOutputJson(data, 'Zoom to Brevo', { runIndex: lastRun, outputIndex: 1 });
	expect(skipped.filter((s) => s.reason === 'already_processed')).toEqual([]);
	expect(new Set(items.map((c) => lower(c.email)))).toEqual(crash.expected);
	const hints = ((syncRuns[lastRun] as NodeRun & { hints?: Array<{ message: string }> }).hints ?? []).map((h) => h.message);
	expect(hints.join('\n')).toMatch(/an earlier run of it did not finish/);
	expect(items.filter((c) => !['unconfirmed', 'already sent', 'accepted'].includes(String(c.event?.status)))).toEqual([]);

	// Brevo: everyone on the list, nobody's event twice, everyone's event there.
	const notOnList = [...crash.expected].filter((email) => !crash.sim.brevo.contacts.get(email)?.listIds.includes(LIST_ID));
	expect(notOnList).toEqual([]);
	const perEmail = eventsPerEmail(crash.sim);
	expect([...perEmail].filter(([, n]) => n > 1)).toEqual([]);
	expect(new Set(perEmail.keys())).toEqual(crash.expected);

	// Nothing more ran: the crashed execution and its retry.
	await sleep(1000);
	expect(executionsOf(q.postgres, crash.workflowId).map((r) => [r.id, r.status, r.mode])).toEqual([
		[crash.crashedId, 'crashed', 'webhook'],
		[retryId, 'success', 'retry'],
	]);
	return {
		retryId,
		retrySeconds,
		items,
		requests: crash.sim.requests.slice(requestsBefore),
		withStatus: (status) => items.filter((c) => c.event?.status === status).map((c) => lower(c.email)),
	};
}

const figuresOf = (crash: Crash, retried: Retried) => ({
	people: crash.people,
	participantRows: crash.rows,
	contactsExpected: crash.expected.size,
	contactsOnList: [...crash.expected].filter((email) => crash.sim.brevo.contacts.get(email)?.listIds.includes(LIST_ID)).length,
	killedSecondsAfterDelivery: crash.killedSecondsAfterDelivery,
	newWorkerStartSeconds: crash.newWorkerStartSeconds,
	crashedSecondsAfterRestart: crash.crashedSecondsAfterRestart,
	retrySeconds: retried.retrySeconds,
	retryItems: retried.items.length,
	retryAccepted: retried.withStatus('accepted').length,
	retryAlreadySent: retried.withStatus('already sent').length,
	retryUnconfirmed: retried.withStatus('unconfirmed').length,
	retryEventRequests: retried.requests.filter((r) => r.service === 'brevo' && r.path.endsWith(EVENTS_PATH)).length,
	eventsInBrevo: crash.sim.brevo.events.length,
	emailsWithOneEvent: [...eventsPerEmail(crash.sim).values()].filter((n) => n === 1).length,
	emailsWithMoreThanOneEvent: [...eventsPerEmail(crash.sim).values()].filter((n) => n > 1).length,
});

it(`a ${PEOPLE}-person sync whose worker is SIGKILLed as event request ${KILL_AT_EVENT_REQUEST} reaches Brevo, then n8n's Retry → everyone on the list, no event twice, the in-flight ones listed as unconfirmed`, async () => {
	const sim = await newSimulator();
	let atKill: Array<{ status: number; emails: string[] }> = [];
	const crash = await syncKilledAt(sim, 'crash-at-events', { service: 'brevo', path: EVENTS_PATH }, KILL_AT_EVENT_REQUEST, () => {
		atKill = eventRequests(sim);
		// The requests before the held one were answered (and confirmed: the next was claimed).
		expect(atKill.slice(0, -1).map((r) => r.status)).toEqual(Array.from({ length: KILL_AT_EVENT_REQUEST - 1 }, () => 202));
	});
	expect(crash.expected.size).toBeGreaterThan(5 * 200); // more event requests than the kill point
	const confirmedBefore = atKill.slice(0, -1).flatMap((r) => r.emails);
	const inFlight = atKill[KILL_AT_EVENT_REQUEST - 1].emails;
	const neverClaimed = [...crash.expected].filter((email) => !confirmedBefore.includes(email) && !inFlight.includes(email));
	// The in-flight request reached Brevo: those events may arrive (here they did).
	const eventsBeforeRetry = sim.brevo.events.length;
	expect(eventsBeforeRetry).toBe(confirmedBefore.length + inFlight.length);

	const retried = await retryOnWorker(crash);
	const unconfirmed = retried.items.filter((c) => c.event?.status === 'unconfirmed');
	expect(unconfirmed.length).toBeLessThanOrEqual(200);
	expect(new Set(unconfirmed.map((c) => lower(c.email)))).toEqual(new Set(inFlight));
	for (const c of unconfirmed) expect(c.event).toMatchObject({ name: expect.stringMatching(/^zoom_meeting_/), earlierRun: true, note: expect.any(String) });
	expect(new Set(retried.withStatus('already sent'))).toEqual(new Set(confirmedBefore));
	// Before: every follow-up was claimed at once, so the never-claimed ones were never sent.
	expect(new Set(retried.withStatus('accepted'))).toEqual(new Set(neverClaimed));
	expect(retried.requests.filter((r) => r.service === 'brevo' && r.path.endsWith(EVENTS_PATH))).toHaveLength(Math.ceil(neverClaimed.length / 200));
	// The contacts were written again by the retry (an import of everyone; same values).
	expect(retried.requests.filter((r) => r.service === 'brevo' && r.path.endsWith('/contacts/import')).length).toBeGreaterThanOrEqual(1);

	figures.killedAtEventRequest = {
		eventRequestsNeeded: Math.ceil(crash.expected.size / 200),
		killedAtEventRequest: KILL_AT_EVENT_REQUEST,
		eventsConfirmedBeforeKill: confirmedBefore.length,
		eventsInFlightAtKill: inFlight.length,
		eventsNeverClaimedBeforeKill: neverClaimed.length,
		eventsInBrevoBeforeRetry: eventsBeforeRetry,
		...figuresOf(crash, retried),
	};
});

it(`a ${PEOPLE}-person sync whose worker is SIGKILLed while reading page ${KILL_AT_ZOOM_PAGE} of Zoom's participant report, then n8n's Retry → everyone on the list, each event once, nothing unconfirmed`, async () => {
	const sim = await newSimulator();
	const crash = await syncKilledAt(sim, 'crash-at-zoom-page', { service: 'zoom', path: '/participants' }, KILL_AT_ZOOM_PAGE, () => {
		// Nothing written yet.
		expect(sim.requests.filter((r) => r.service === 'brevo' && (r.path.endsWith('/contacts/import') || r.path.endsWith(EVENTS_PATH)))).toEqual([]);
	});
	expect([...crash.expected].filter((email) => sim.brevo.contacts.get(email)?.listIds.includes(LIST_ID))).toEqual([]);
	expect(sim.brevo.events).toEqual([]);

	const retried = await retryOnWorker(crash);
	// Before: the retry was skipped (already_processed) and 0 people reached Brevo.
	expect(new Set(retried.withStatus('accepted'))).toEqual(crash.expected);
	expect(retried.withStatus('unconfirmed')).toEqual([]);
	expect(retried.requests.filter((r) => r.service === 'zoom' && r.path.includes('/participants')).length).toBe(Math.ceil(crash.rows / 300));

	figures.killedAtZoomPage = { killedAtZoomPage: KILL_AT_ZOOM_PAGE, zoomPages: Math.ceil(crash.rows / 300), ...figuresOf(crash, retried) };
});
