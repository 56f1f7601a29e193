/**
 * Zoom Poll Trigger in a real n8n 2.41.1: n8n's own scheduler polls (a cron every minute at a
 * random second, plus one poll at activation), n8n saves the cursor, and Zoom to Brevo syncs what
 * the poll emits. Zoom's clock follows real time (n8n polls by its own clock) three hours ahead of
 * this machine's, and jumps two hours while n8n is stopped.
 */
import { makeTempDir, nodeOutputJson, removeTempDirs, sleep, stopAllN8n, waitFor, type Execution, type N8nInstance, type RestClient } from './harness';
import { simCredentials, startN8nWithPackage, startSimulator, type N8nPlace, type Simulator } from './support';
import { HOUR, LiveClock, MINUTE } from '../simulator/clock';
import type { ZoomMeetingInstance, ZoomUser } from '../simulator/fixture/types';
import { endMeeting } from '../simulator/timeline';

const clock = new LiveClock(3 * HOUR);
let sim: Simulator;
let n8n: N8nInstance;
let client: RestClient;
let place: N8nPlace;
let owner: ZoomUser;

beforeAll(async () => {
	sim = await startSimulator({ now: clock.now, brevo: { importProcessingMs: 50 } });
	owner = sim.zoom.users[0];
	place = { userFolder: makeTempDir('e2e-poll-user'), runDir: makeTempDir('e2e-poll-run') };
	({ n8n, client } = await startN8nWithPackage(undefined, place));
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

/** Report reads of the owner's meetings: one per poll (a host with fewer than 300 meetings). */
const reportReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/report/users/me/meetings'));

/** A meeting of the owner with two guests, 30 minutes long, ending `endOffsetMs` from Zoom's now. */
const meetingEnded = (endOffsetMs: number): ZoomMeetingInstance =>
	endMeeting(sim.zoom, { host: owner, start: clock.iso(endOffsetMs - 30 * MINUTE), end: clock.iso(endOffsetMs) }).instance;

const emailsOf = (instance: ZoomMeetingInstance) => Array.from({ length: instance.participants.length }, (_, i) => instance.participants.at(i)!.user_email.toLowerCase());

/** How many times each email was sent to Brevo's import (every import body, JSON or CSV). */
function importedTimes(email: string): number {
	const bodies = sim.requests.filter((r) => r.service === 'brevo' && r.method === 'POST' && r.path.endsWith('/contacts/import')).map((r) => JSON.stringify(r.body).toLowerCase());
	return bodies.reduce((n, body) => n + body.split(email).length - 1, 0);
}

const triggerUuids = (execution: Execution) => nodeOutputJson(execution.data, 'Zoom Poll Trigger').map((item) => item.uuid);

it('an active Meeting Ended poll syncs a meeting that ends; after n8n was down, what ended meanwhile comes once', async () => {
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'zoom poll', simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', 'brevo poll', simCredentials.brevo(sim));
	const workflow = await client.createWorkflow({
		name: 'Meeting ended (polling) → Brevo',
		nodes: [
			{
				id: 'poll',
				name: 'Zoom Poll Trigger',
				type: 'n8n-nodes-zoom-brevo.zoomPollTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'serverToServer', event: 'meeting.ended', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name } },
			},
			{
				id: 'sync',
				name: 'Zoom to Brevo',
				type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
				typeVersion: 1.1,
				position: [250, 0],
				parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [15], writeMode: 'import' },
				credentials: { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name }, brevoV3Api: { id: brevo.id, name: brevo.name } },
			},
		],
		connections: { 'Zoom Poll Trigger': { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } },
	});

	// Already over before activation: never emitted (no Start From).
	const before = meetingEnded(-HOUR);
	await client.activateWorkflow(workflow.id);
	// n8n 2.41.1 activates through its publication outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE,
	// default on, read every 15 s): the activation poll comes shortly after the REST call returns.
	await waitFor(() => (reportReads().length >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	expect(await client.listExecutions(workflow.id)).toHaveLength(0);
	await sleep(1_100); // the next meeting ends in a later second than the activation poll's

	const first = meetingEnded(0);
	const [run1] = await client.waitForExecutions(workflow.id, 1, 150_000);
	expect(run1.status).toBe('success');
	expect(run1.mode).toBe('trigger');
	expect(triggerUuids(run1)).toEqual([first.uuid]);
	expect(nodeOutputJson(run1.data, 'Zoom Poll Trigger')[0]).toMatchObject({ event: 'meeting.ended', trackingId: `poll:meeting.ended:${first.uuid}` });
	for (const email of emailsOf(first)) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
		expect(importedTimes(email)).toBe(1);
	}
	for (const email of emailsOf(before)) if (email !== owner.email.toLowerCase()) expect(sim.brevo.contacts.has(email)).toBe(false);

	// n8n stops; on Zoom's clock two hours pass, in which two meetings end.
	await n8n.stop();
	clock.skip(2 * HOUR);
	const a = meetingEnded(-90 * MINUTE);
	const b = meetingEnded(-20 * MINUTE);
	const readsBeforeRestart = reportReads().length;
	({ n8n, client } = await startN8nWithPackage(undefined, place));
	// n8n's activation poll at startup emits both, from the cursor it saved before stopping.
	const runs = await client.waitForExecutions(workflow.id, 2, 60_000);
	expect(runs[1].status).toBe('success');
	expect(triggerUuids(runs[1])).toEqual([a.uuid, b.uuid]);

	// A scheduled poll after the restart emits nothing again.
	await waitFor(() => (reportReads().length >= readsBeforeRestart + 2 ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled poll after the restart' });
	await sleep(5_000);
	const all = await client.listExecutions(workflow.id);
	expect(all).toHaveLength(2);

	for (const email of [...emailsOf(first), ...emailsOf(a), ...emailsOf(b)]) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
		// The owner hosted all three meetings; everyone else was in one and was imported once.
		expect(importedTimes(email)).toBe(email === owner.email.toLowerCase() ? 3 : 1);
	}
	// Each meeting's participants were read once, in the order the meetings ended.
	const participantReads = sim.requests.filter((r) => r.service === 'zoom' && /\/past_meetings\/.+\/participants$/.test(r.path));
	const readUuid = (path: string) => decodeURIComponent(decodeURIComponent(path.split('/past_meetings/')[1].replace(/\/participants$/, '')));
	expect(participantReads.map((r) => readUuid(r.path))).toEqual([first.uuid, a.uuid, b.uuid]);
});
