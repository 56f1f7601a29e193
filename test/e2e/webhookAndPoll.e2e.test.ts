/**
 * The safety-net recipe of docs/webhook-or-polling.md in a real n8n 2.41.1:
 * examples/meeting-ended-webhook-and-poll.json, imported as a user would (their credentials picked)
 * and activated — the Zoom Trigger on its production URL and the Zoom Scheduled Trigger on n8n's own
 * minute schedule, both feeding one Zoom to Brevo 1.2.
 * (a) Meetings seen by both triggers, in either order (the webhook first; the poll first and Zoom's
 *     late retry of the webhook after it): each person gets zoom_meeting_attended once per meeting
 *     instance, and the second arrival re-reads Zoom and re-writes the same contacts.
 * (b) A meeting whose webhook never comes: the poll brings it, once; a later poll brings nothing.
 * The simulator keeps real time (n8n schedules polls by its own clock). test/pollTrigger/
 * webhookAndPoll.test.ts proves the same in n8n-core's engine; this proves it with n8n's scheduler,
 * webhook server, execution queue and deduplication database.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { isExecutionDone, nodeOutputJson, productionWebhookUrl, removeTempDirs, sleep, stopAllN8n, waitFor, waitForWebhook, type Execution, type N8nInstance, type RestClient } from './harness';
import { SIM_DEFAULTS, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';
import { pickOnSimulator } from '../examplePicks';
import { zoomEventPayloads } from '../simulator';
import type { ZoomMeeting, ZoomMeetingInstance } from '../simulator/fixture/types';
import { endMeeting } from '../simulator/timeline';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'meeting-ended-webhook-and-poll.json');
const WEBHOOK = 'Meeting ended (webhook)';
const POLL = 'Meeting ended (polling)';
const SYNC = 'Participants → Brevo';

let n8n: N8nInstance;
let client: RestClient;
let sim: Simulator;
let workflowId: string;
let url: string;

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

beforeAll(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
	({ n8n, client } = await startN8nWithPackage());
	const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret', simCredentials.webhookSecret());
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom Server-to-Server', simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', 'Brevo', simCredentials.brevo(sim));
	const picked: Record<string, { id: string; name: string }> = {
		zoomWebhookSecretApi: { id: secret.id, name: secret.name },
		zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name },
		brevoV3Api: { id: brevo.id, name: brevo.name },
	};
	// The example as a user imports it: their credentials, and the list its note asks them to pick.
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as { name: string; nodes: ExampleNode[]; connections: object };
	for (const node of example.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials![type] = picked[type];
		pickOnSimulator(node, sim);
	}
	const workflow = await client.createWorkflow(example as never);
	workflowId = workflow.id;
	await client.activateWorkflow(workflowId);
	url = productionWebhookUrl(n8n.baseUrl, `${example.nodes.find((n) => n.name === WEBHOOK)!.webhookId}/webhook`);
	await waitForWebhook(url);
	// n8n 2.41.1 activates through its publication outbox: the activation poll (which sets the
	// cursor and emits nothing, Start From being empty) comes shortly after the REST call returns.
	// A meeting that ends before it would count as old.
	await waitFor(() => (reportReads() >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	await sleep(1_100); // meetings below end in a later second than the activation poll's
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

/** Report reads of the app owner's meetings: one per poll. */
const reportReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/report/users/me/meetings')).length;

/** A meeting of the app's owner with two guests that ends now on Zoom's (real) clock. */
function meetingEndsNow(): { meeting: ZoomMeeting; instance: ZoomMeetingInstance } {
	const now = Date.now();
	const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return endMeeting(sim.zoom, { host: sim.zoom.users[0], start: iso(now - 30 * 60_000), end: iso(now) });
}

const emailsOf = (instance: ZoomMeetingInstance) => Array.from({ length: instance.participants.length }, (_, i) => instance.participants.at(i)!.user_email.toLowerCase());

/** Every follow-up event Brevo received for one meeting instance, as the emails it went to. */
const eventsFor = (instance: ZoomMeetingInstance) =>
	sim.brevo.events
		.filter((e) => e.event_name.startsWith('zoom_meeting_') && e.event_properties?.zoom_uuid === instance.uuid)
		.map((e) => String(e.identifiers.email_id))
		.sort();

/** How many times an email was sent to Brevo's contact import (every import body). */
function importedTimes(email: string): number {
	const bodies = sim.requests.filter((r) => r.service === 'brevo' && r.method === 'POST' && r.path.endsWith('/contacts/import')).map((r) => JSON.stringify(r.body).toLowerCase());
	return bodies.reduce((n, body) => n + body.split(email).length - 1, 0);
}

/** Reads of one instance's participants from Zoom (the UUID is in the path, double-encoded if need be). */
const participantReads = (instance: ZoomMeetingInstance) =>
	sim.requests.filter((r) => {
		const match = /\/past_meetings\/(.+)\/participants$/.exec(r.path);
		return r.service === 'zoom' && match !== null && decodeURIComponent(decodeURIComponent(match[1])) === instance.uuid;
	}).length;

/** A signed meeting.ended delivery to the production URL, as Zoom sends it (and re-sends it). */
async function deliver(meeting: ZoomMeeting, instance: ZoomMeetingInstance, trackingId: string) {
	const answer = await sim.sendWebhook(url, { ...zoomEventPayloads.meetingEnded(sim.credentials.zoom.accountId, meeting, instance), secretToken: SIM_DEFAULTS.zoom.webhookSecretToken, trackingId });
	expect(answer.status).toBe(200);
}

const polledUuids = (execution: Execution) => nodeOutputJson(execution.data, POLL).map((item) => item.uuid);

/** Waits for finished executions until one the poll started holds `instance`; returns them all. */
async function untilPolled(instance: ZoomMeetingInstance): Promise<Execution[]> {
	return await waitFor(
		async () => {
			const count = (await client.listExecutions(workflowId)).length;
			const all = await client.waitForExecutions(workflowId, count, 30_000);
			return all.some((e) => e.mode === 'trigger' && polledUuids(e).includes(instance.uuid)) ? all : undefined;
		},
		// n8n polls once a minute (at a random second), and once more can be needed when the meeting
		// ended just after a poll's read.
		{ timeoutMs: 150_000, intervalMs: 1_000, what: `a poll execution with meeting ${instance.uuid}` },
	);
}

it('(a) meetings seen by both triggers, in either order → each person gets zoom_meeting_attended once per meeting, contacts on list 15 (written again by the second arrival)', async () => {
	const first = meetingEndsNow(); // the webhook first, then the poll
	const late = meetingEndsNow(); // the poll first, then Zoom's late retry of the webhook
	await deliver(first.meeting, first.instance, 'trk-first');
	// Its execution (a scheduled poll may, rarely, have found both meetings first: still seen twice).
	const viaWebhook = await waitFor(async () => (await client.listExecutions(workflowId)).find((e) => e.mode === 'webhook' && isExecutionDone(e.status)), {
		timeoutMs: 90_000,
		what: "the webhook delivery's execution",
	});
	expect(viaWebhook.status).toBe('success');
	for (const email of emailsOf(first.instance)) expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
	expect(eventsFor(first.instance)).toEqual(emailsOf(first.instance).sort());

	// n8n's next scheduled poll finds both meetings (the second poll, if one read Zoom before they ended).
	const afterPoll = await untilPolled(late.instance);
	expect(afterPoll.map((e) => e.status)).toEqual(afterPoll.map(() => 'success'));
	const polls = afterPoll.filter((e) => e.mode === 'trigger');
	expect(polls.flatMap(polledUuids).sort()).toEqual([first.instance.uuid, late.instance.uuid].sort());
	expect(polls.flatMap(polledUuids)).toHaveLength(2);
	// The poll's item for the first meeting was not skipped as a delivery already processed (another
	// tracking ID): its people were synced again, and their event reported as already sent.
	const pollRun = polls.find((e) => polledUuids(e).includes(first.instance.uuid))!;
	const again = nodeOutputJson(pollRun.data, SYNC).filter((item) => (item.source as { uuid?: string }).uuid === first.instance.uuid);
	expect(again.map((item) => String(item.email)).sort()).toEqual(emailsOf(first.instance).sort());
	for (const item of again) expect(item.event).toMatchObject({ status: 'already sent' });

	// Zoom's retry of the second meeting's webhook (n8n had not answered it in time) comes after the poll.
	const before = afterPoll.length;
	await deliver(late.meeting, late.instance, 'trk-late');
	const all = await client.waitForExecutions(workflowId, before + 1, 90_000);
	expect(all[before].mode).toBe('webhook');
	expect(all[before].status).toBe('success');

	for (const { instance } of [first, late]) {
		// Each person, each follow-up, once per meeting instance — though each meeting came twice.
		expect(eventsFor(instance)).toEqual(emailsOf(instance).sort());
		// What the second arrival costs: Zoom's participants read again, the contacts imported again.
		expect(participantReads(instance)).toBe(2);
		for (const email of emailsOf(instance)) {
			expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
			if (email !== sim.zoom.users[0].email.toLowerCase()) expect(importedTimes(email)).toBe(2);
		}
	}
});

it('(b) a meeting whose webhook never comes → the poll brings it, once: its people in Brevo with one event each; a later poll does not bring it again', async () => {
	const executionsBefore = (await client.listExecutions(workflowId)).length;
	const { instance } = meetingEndsNow();
	const after = await untilPolled(instance);
	const fresh = after.slice(executionsBefore);
	expect(fresh.map((e) => [e.mode, e.status])).toEqual([['trigger', 'success']]);
	expect(polledUuids(fresh[0])).toEqual([instance.uuid]);
	expect(fresh[0].data.resultData.runData[WEBHOOK]).toBeUndefined();
	expect(eventsFor(instance)).toEqual(emailsOf(instance).sort());
	for (const email of emailsOf(instance)) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
		if (email !== sim.zoom.users[0].email.toLowerCase()) expect(importedTimes(email)).toBe(1);
	}

	// The next scheduled poll reads Zoom again and starts nothing.
	const reads = reportReads();
	await waitFor(() => (reportReads() > reads ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled poll after the sync' });
	await sleep(5_000); // an execution it started would be listed by now
	expect(await client.listExecutions(workflowId)).toHaveLength(executionsBefore + 1);
	expect(eventsFor(instance)).toEqual(emailsOf(instance).sort());
	expect(participantReads(instance)).toBe(1);
});
