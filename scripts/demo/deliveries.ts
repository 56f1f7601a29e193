/**
 * The Zoom events the demo delivers (signed by the simulator), one per example workflow, one at a
 * time: each waits for the execution it started, so what Brevo received can be told per workflow.
 */
import { isExecutionDone, waitFor, type RestClient } from '../../test/e2e/harness';
import { SIM_DEFAULTS, zoomEventPayloads, type Simulator } from '../../test/simulator';
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
	status: number;
	valid: boolean;
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
		'meeting-ended-engagement.json': zoomEventPayloads.meetingEnded(account, meeting, instance),
		'recording-completed-email.json': zoomEventPayloads.recordingCompleted(account, instance.recording!, sim.url),
		'webinar-registration-utm.json': zoomEventPayloads.webinarRegistrationCreated(account, webinar, registrant),
	};
}

export async function deliverDemoEvents(sim: Simulator, client: RestClient, workflows: DemoWorkflow[]): Promise<Delivery[]> {
	const events = demoEvents(sim);
	const secretToken = SIM_DEFAULTS.zoom.webhookSecretToken;
	const deliveries: Delivery[] = [];
	for (const workflow of workflows) {
		const event = events[workflow.file];
		if (!event) continue;
		// A kept workflow has executions of earlier runs: this delivery's is the one after them.
		const earlier = new Set((await client.listExecutions(workflow.id)).map((e) => e.id));
		const before = snapshotBrevo(sim);
		const validation = await sim.sendUrlValidation(workflow.url, { secretToken });
		const answer = await sim.sendWebhook(workflow.url, { ...event, secretToken });
		const execution = await waitFor(
			async () => {
				const finished = (await client.listExecutions(workflow.id)).find((e) => !earlier.has(e.id) && isExecutionDone(e.status));
				return finished?.status;
			},
			{ timeoutMs: 90_000, intervalMs: 300, what: `the execution of "${workflow.name}"` },
		).catch(() => 'none');
		// Contact imports finish in Brevo after the call that starts them.
		await waitFor(() => ([...sim.brevo.processes.values()].every((p) => p.status === 'completed' || p.status === 'failed') ? true : undefined), {
			timeoutMs: 30_000,
			what: 'Brevo contact imports to finish',
		}).catch(() => undefined);
		deliveries.push({ workflow, event: event.event, status: answer.status, valid: validation.valid, execution, before, after: snapshotBrevo(sim) });
	}
	return deliveries;
}
