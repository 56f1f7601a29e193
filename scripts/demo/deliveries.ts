/**
 * The Zoom events the demo delivers (signed by the simulator), one per example workflow, one at a
 * time: each waits for the execution it started, so what Brevo received can be told per workflow.
 * Then a meeting ends in the simulated Zoom, for the polling example to find at its next poll.
 */
import { randomBytes } from 'node:crypto';

import { isExecutionDone, waitFor, type RestClient } from '../../test/e2e/harness';
import { SIM_DEFAULTS, zoomEventPayloads, type Simulator } from '../../test/simulator';
import { toZoomTime } from '../../test/simulator/fixture/participants';
import { endMeeting } from '../../test/simulator/timeline';
import type { DemoWorkflow } from './workflows';

/** What the simulated Brevo holds at one moment, in the terms of the report. */
export interface BrevoSnapshot {
	/** List id → the emails on it, with when each contact was last modified. */
	members: Map<number, Map<string, string>>;
	/** Event name → how many were received. */
	events: Map<string, number>;
	emails: number;
	/** How many requests the simulator had received. */
	requests: number;
}

export interface Delivery {
	workflow: DemoWorkflow;
	event: string;
	/** A signed webhook delivery: Zoom's URL validation and the delivery's HTTP status; or a
	 *  meeting the poll trigger found, with the seconds from its end to the finished sync. */
	via: { kind: 'webhook'; status: number; valid: boolean } | { kind: 'poll'; seconds: number } | { kind: 'manual'; people: number };
	/** Status of the execution the delivery started ('none' when none finished in time). */
	execution: string;
	before: BrevoSnapshot;
	after: BrevoSnapshot;
}

export function snapshotBrevo(sim: Simulator): BrevoSnapshot {
	const members = new Map<number, Map<string, string>>();
	for (const list of sim.brevo.lists.values()) members.set(list.id, new Map());
	for (const contact of sim.brevo.contacts.values()) {
		for (const id of contact.listIds) members.get(id)?.set(contact.email.toLowerCase(), contact.modifiedAt);
	}
	const events = new Map<string, number>();
	for (const event of sim.brevo.events) events.set(event.event_name, (events.get(event.event_name) ?? 0) + 1);
	return { members, events, emails: sim.brevo.emails.length, requests: sim.requests.length };
}

function demoEvents(sim: Simulator): Record<string, { event: string; payload: Record<string, unknown> }> {
	const account = sim.credentials.zoom.accountId;
	const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	const instance = meeting.instances[meeting.instances.length - 1];
	const registrant = webinar.registrants.find((r) => r.tracking_source && r.status === 'approved') ?? webinar.registrants[0];
	return {
		'webinar-ended-follow-ups.json': zoomEventPayloads.webinarEnded(account, webinar, webinar.instances[webinar.instances.length - 1]),
		'webinar-hot-leads.json': zoomEventPayloads.webinarEnded(account, webinar, webinar.instances[webinar.instances.length - 1]),
		'meeting-ended-engagement.json': zoomEventPayloads.meetingEnded(account, meeting, instance),
		// A meeting that ended before the demo: its poll trigger never brings it (test/e2e/webhookAndPoll.e2e.test.ts shows both arriving).
		'meeting-ended-webhook-and-poll.json': zoomEventPayloads.meetingEnded(account, meeting, instance),
		'recording-completed-email.json': zoomEventPayloads.recordingCompleted(account, instance.recording!, sim.url),
		'webinar-registration-utm.json': zoomEventPayloads.webinarRegistrationCreated(account, webinar, registrant),
	};
}

/** The execution a workflow starts after `earlier`, once it finished ('none' if none in time). */
async function nextExecution(client: RestClient, workflow: DemoWorkflow, earlier: Set<string>, timeoutMs: number): Promise<string> {
	return await waitFor(
		async () => {
			const finished = (await client.listExecutions(workflow.id)).find((e) => !earlier.has(e.id) && isExecutionDone(e.status));
			return finished?.status;
		},
		{ timeoutMs, intervalMs: 300, what: `the execution of "${workflow.name}"` },
	).catch(() => 'none');
}

/** Contact imports finish in Brevo after the call that starts them. */
async function importsDone(sim: Simulator): Promise<void> {
	await waitFor(() => ([...sim.brevo.processes.values()].every((p) => p.status === 'completed' || p.status === 'failed') ? true : undefined), {
		timeoutMs: 30_000,
		what: 'Brevo contact imports to finish',
	}).catch(() => undefined);
}

const executionIds = async (client: RestClient, workflow: DemoWorkflow) => new Set((await client.listExecutions(workflow.id)).map((e) => e.id));

export async function deliverDemoEvents(sim: Simulator, client: RestClient, workflows: DemoWorkflow[]): Promise<Delivery[]> {
	const events = demoEvents(sim);
	const secretToken = SIM_DEFAULTS.zoom.webhookSecretToken;
	const deliveries: Delivery[] = [];
	for (const workflow of workflows) {
		const event = events[workflow.file];
		if (!event || workflow.trigger.kind !== 'webhook') continue;
		// A kept workflow has executions of earlier runs: this delivery's is the one after them.
		const earlier = await executionIds(client, workflow);
		const before = snapshotBrevo(sim);
		const validation = await sim.sendUrlValidation(workflow.trigger.url, { secretToken });
		const answer = await sim.sendWebhook(workflow.trigger.url, { ...event, secretToken });
		const execution = await nextExecution(client, workflow, earlier, 90_000);
		await importsDone(sim);
		deliveries.push({ workflow, event: event.event, via: { kind: 'webhook', status: answer.status, valid: validation.valid }, execution, before, after: snapshotBrevo(sim) });
	}
	return deliveries;
}

/** Report reads of the app owner's meetings: what the Meeting Ended poll asks Zoom. */
const reportReads = (sim: Simulator) => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/report/users/me/meetings')).length;

/**
 * Ends a meeting of the app's owner in the simulated Zoom and waits for the polling workflow to
 * sync it: n8n polls every minute (and once at activation, which must come first: a meeting that
 * ended before the first poll counts as old).
 */
export async function endMeetingForPoll(sim: Simulator, client: RestClient, workflow: DemoWorkflow, say: (text: string) => void): Promise<Delivery> {
	await waitFor(() => (reportReads(sim) > 0 ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'the first poll of "' + workflow.name + '"' });
	const earlier = await executionIds(client, workflow);
	const before = snapshotBrevo(sim);
	// The demo's simulator keeps real time (scripts/demo/accounts.ts gives it no clock of its own).
	const endMs = Date.now();
	// Its own UUID at each start: the poll's cursor, kept in n8n from the last start, must not take
	// it for the meeting that start ended.
	const { instance } = endMeeting(sim.zoom, {
		host: sim.zoom.users[0],
		topic: 'Demo: meeting ended just now',
		start: toZoomTime(endMs - 30 * 60_000),
		end: toZoomTime(endMs),
		uuid: randomBytes(16).toString('base64'),
	});
	say(`a meeting ended in the simulated Zoom (${instance.participants.length} people): the Zoom Scheduled Trigger finds it at its next poll, within a minute`);
	const execution = await nextExecution(client, workflow, earlier, 150_000);
	await importsDone(sim);
	return { workflow, event: 'meeting.ended', via: { kind: 'poll', seconds: Math.round((Date.now() - endMs) / 1000) }, execution, before, after: snapshotBrevo(sim) };
}

/** Contacts a marketer adds to the registrants list (17): what n8n's Brevo Trigger would report. */
const DEMO_PROSPECTS = Array.from({ length: 5 }, (_v, i) => ({ email: `demo.prospect.${i + 1}@leads.example`, firstName: `Prospect${i + 1}`, lastName: 'Demo' }));

/**
 * The registration example: five contacts are added to a Brevo list in the simulator, and the
 * workflow runs by hand from its Brevo Trigger with their list events pinned (n8n's Brevo
 * credential talks only to api.brevo.com, so the trigger itself cannot listen to the simulator).
 */
export async function runRegistrationExample(sim: Simulator, client: RestClient, workflow: DemoWorkflow): Promise<Delivery> {
	if (workflow.trigger.kind !== 'manual') throw new Error(`"${workflow.name}" is not run by hand`);
	for (const person of DEMO_PROSPECTS) {
		// Brevo allows 10 contact requests a second; updateEnabled: the contacts exist after the first start.
		await new Promise((resolve) => setTimeout(resolve, 110));
		await fetch(`${sim.brevoApiBaseUrl}/contacts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'api-key': SIM_DEFAULTS.brevo.apiKey },
			body: JSON.stringify({ email: person.email, attributes: { FIRSTNAME: person.firstName, LASTNAME: person.lastName }, listIds: [17], updateEnabled: true }),
		});
	}
	const pinData = { [workflow.trigger.node]: DEMO_PROSPECTS.map((person, i) => ({ json: { id: i + 1, email: person.email, event: 'list_addition', list_id: [17] } })) };
	await client.updateWorkflow(workflow.id, { pinData });
	const before = snapshotBrevo(sim);
	const execution = await client
		.runWorkflowManually(workflow.id, { triggerNodeName: workflow.trigger.node, timeoutMs: 90_000 })
		.then((done) => done.status)
		.catch(() => 'none');
	await importsDone(sim);
	return { workflow, event: 'list_addition (Brevo)', via: { kind: 'manual', people: DEMO_PROSPECTS.length }, execution, before, after: snapshotBrevo(sim) };
}
