/** The Zoom events the demo delivers (signed by the simulator), one per example workflow. */
import { SIM_DEFAULTS, zoomEventPayloads, type Simulator } from '../../test/simulator';
import type { DemoWorkflow } from './workflows';

export interface Delivery {
	workflow: DemoWorkflow;
	event: string;
	status: number;
	valid: boolean;
}

export async function deliverDemoEvents(sim: Simulator, workflows: DemoWorkflow[]): Promise<Delivery[]> {
	const account = sim.credentials.zoom.accountId;
	const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	const instance = meeting.instances[meeting.instances.length - 1];
	const registrant = webinar.registrants.find((r) => r.tracking_source && r.status === 'approved') ?? webinar.registrants[0];
	const events: Record<string, { event: string; payload: Record<string, unknown> }> = {
		'webinar-ended-follow-ups.json': zoomEventPayloads.webinarEnded(account, webinar, webinar.instances[webinar.instances.length - 1]),
		'meeting-ended-engagement.json': zoomEventPayloads.meetingEnded(account, meeting, instance),
		'recording-completed-email.json': zoomEventPayloads.recordingCompleted(account, instance.recording!, sim.url),
		'webinar-registration-utm.json': zoomEventPayloads.webinarRegistrationCreated(account, webinar, registrant),
	};
	const deliveries: Delivery[] = [];
	for (const workflow of workflows) {
		const event = events[workflow.file];
		if (!event) continue;
		const validation = await sim.sendUrlValidation(workflow.url, { secretToken: SIM_DEFAULTS.zoom.webhookSecretToken });
		const answer = await sim.sendWebhook(workflow.url, { ...event, secretToken: SIM_DEFAULTS.zoom.webhookSecretToken });
		deliveries.push({ workflow, event: event.event, status: answer.status, valid: validation.valid });
	}
	return deliveries;
}
