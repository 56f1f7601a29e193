/**
 * Recording → Share Recording for a webinar's people, through n8n-core's engine against the
 * simulator. From 1.2 the Webinar field alone names the recording and its people; up to 1.1 the
 * Meeting field named the recording and the Webinar field the people.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { shapeDelivery } from '../../nodes/ZoomTrigger/shapeDelivery';
import { rowsToArray, startSimulator, zoomEventPayloads, type Simulator, type ZoomWebinar, type ZoomWebinarInstance } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
});
afterEach(async () => sim.close());

const share = (parameters: INodeParameters): INodeParameters => ({ resource: 'recording', operation: 'shareRecording', ...parameters });
const webinar = (id: number) => sim.fixture.zoom.webinars.find((w) => w.id === id) as ZoomWebinar;
const single = () => webinar(sim.fixture.ids.webinarId);
const recurring = () => webinar(sim.fixture.ids.recurringWebinarId);
/** The recurring webinar's earlier session: not the one its ID stands for. */
const earlierSession = () => recurring().instances[0];
const linkOf = (instance: ZoomWebinarInstance) => `${sim.url}${instance.recording!.share_url}`;
/** Zoom API calls, decoded (`/meetings/...`, as Zoom's reference writes them). */
const zoomPaths = () => sim.requests.filter((r) => r.service === 'zoom').map((r) => decodeURIComponent(r.path).replace(/^\/zoom\/v2/, ''));
const sorted = (emails: Iterable<string>) => [...new Set([...emails].map((e) => e.toLowerCase()))].sort();

// Who the simulator's Zoom counts as each session's people, from the fixture's records.
const attendeesOf = (instance: ZoomWebinarInstance) => sorted(rowsToArray(instance.attendees).map((row) => row.user_email).filter(Boolean));
const approvedRegistrantsOf = (w: ZoomWebinar) => sorted(w.registrants.filter((r) => r.status === 'approved').map((r) => r.email));
const absenteesOf = (w: ZoomWebinar, instance: ZoomWebinarInstance) => {
	const attended = new Set(attendeesOf(instance));
	return sorted(
		w.registrants
			.filter((r) => r.status === 'approved' && (!r.occurrence_ids || r.occurrence_ids.includes(String(instance.occurrence_id))))
			.map((r) => r.email.toLowerCase())
			.filter((email) => !attended.has(email)),
	);
};

/** What the Zoom Trigger emits for recording.completed of a webinar session. */
const recordingCompletedItem = (instance: ZoomWebinarInstance): INodeExecutionData[] => [
	{ json: shapeDelivery(zoomEventPayloads.recordingCompleted(sim.fixture.zoom.accountId, instance.recording!, sim.url) as never, {}) },
];

describe('1.2: the Webinar field alone names the recording and its people', () => {
	it('webinar attendees: the recorded session (from a recording.completed item) gets its link on their contacts', async () => {
		const session = earlierSession();
		// The two sessions have different attendees, so a read of the latest session shows.
		expect(attendeesOf(session)).not.toEqual(attendeesOf(recurring().instances[1]));
		const { contacts, result } = await runZoomToBrevo(sim, share({ recipients: 'webinarAttendees' }), {
			typeVersion: 1.2,
			inputItems: recordingCompletedItem(session),
		});
		expect(result.error).toBeUndefined();
		expect(sorted(contacts.map((c) => String(c.email)))).toEqual(attendeesOf(session));
		for (const contact of contacts) {
			const stored = sim.brevo.contacts.get(String(contact.email));
			expect(stored?.attributes.ZOOM_RECORDING_URL).toBe(linkOf(session));
			expect(stored?.attributes.ZOOM_RECORDING_PASSCODE).toBe(session.recording!.password);
		}
		expect(zoomPaths()).toContain(`/meetings/${session.uuid}/recordings`);
		expect(zoomPaths()).toContain(`/past_webinars/${session.uuid}/participants`);
		expect(zoomPaths().some((p) => p.startsWith('/past_meetings/'))).toBe(false);
	});

	it('webinar registrants by template email: every approved registrant of the webinar its ID names', async () => {
		const w = single();
		const { contacts, result } = await runZoomToBrevo(
			sim,
			share({ recipients: 'webinarRegistrants', recordingWebinarId: String(w.id), shareMode: 'email', templateId: sim.fixture.ids.brevoTemplateId }),
			{ typeVersion: 1.2 },
		);
		expect(result.error).toBeUndefined();
		expect(sorted(contacts.map((c) => String(c.email)))).toEqual(approvedRegistrantsOf(w));
		expect(sorted(sim.brevo.emails.map((e) => String(e.to[0].email)))).toEqual(approvedRegistrantsOf(w));
		for (const email of sim.brevo.emails) {
			expect(email).toMatchObject({ templateId: sim.fixture.ids.brevoTemplateId, params: { RECORDING_URL: linkOf(w.instances[0]), TOPIC: w.topic } });
		}
	});

	it("webinar absentees: those who missed the recorded session, not the webinar's latest one", async () => {
		const w = recurring();
		const session = earlierSession();
		expect(absenteesOf(w, session)).not.toEqual(absenteesOf(w, w.instances[1]));
		const { contacts, result } = await runZoomToBrevo(sim, share({ recipients: 'webinarAbsentees', recordingWebinarId: session.uuid, recordingListIds: [18] }), {
			typeVersion: 1.2,
		});
		expect(result.error).toBeUndefined();
		expect(sorted(contacts.map((c) => String(c.email)))).toEqual(absenteesOf(w, session));
		for (const contact of contacts) {
			const stored = sim.brevo.contacts.get(String(contact.email));
			expect(stored?.attributes.ZOOM_RECORDING_URL).toBe(linkOf(session));
			expect(stored?.listIds).toContain(18);
		}
		// The session by its UUID; the webinar and its registrations by the ID in Zoom's answer.
		expect(zoomPaths()).toContain(`/past_webinars/${session.uuid}/absentees`);
		const webinarReads = zoomPaths().filter((p) => p.startsWith('/webinars/'));
		expect(webinarReads.length).toBeGreaterThan(0);
		expect(webinarReads.every((p) => p.startsWith(`/webinars/${w.id}`))).toBe(true);
	});

	it("a meeting's ID in Webinar stops before anyone is read, naming the field", async () => {
		const { result } = await runZoomToBrevo(sim, share({ recipients: 'webinarRegistrants', recordingWebinarId: String(sim.fixture.ids.recurringMeetingId) }), {
			typeVersion: 1.2,
		});
		expect(result.error?.message).toBe(`Webinar names a meeting's recording (${sim.fixture.ids.recurringMeetingId}), not a webinar's`);
		expect(result.error?.description).toMatch(/set Recipients to Meeting Participants/);
		expect(zoomPaths()).toEqual([`/meetings/${sim.fixture.ids.recurringMeetingId}/recordings`]);
	});

	it('an empty Webinar stops before any Zoom call', async () => {
		const { result } = await runZoomToBrevo(sim, share({ recipients: 'webinarAttendees', recordingWebinarId: '={{ "" }}' }), { typeVersion: 1.2 });
		expect(result.error?.message).toBe('Webinar ID or UUID is empty');
		expect(zoomPaths()).toEqual([]);
	});
});

describe('1.2: meeting participants keep the Meeting field', () => {
	it("writes the meeting recording's link on its participants", async () => {
		const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
		const { contacts, result } = await runZoomToBrevo(sim, share({ meetingId: sim.fixture.ids.recurringMeetingUuids.latest }), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) expect(sim.brevo.contacts.get(String(contact.email))?.attributes.ZOOM_RECORDING_URL).toBe(`${sim.url}${meeting.instances.at(-1)!.recording!.share_url}`);
	});

	it("a webinar's ID in Meeting stops before anyone is read, saying to pick webinar recipients", async () => {
		const { result } = await runZoomToBrevo(sim, share({ meetingId: String(sim.fixture.ids.webinarId) }), { typeVersion: 1.2 });
		expect(result.error?.message).toBe(`Meeting names a webinar's recording (${sim.fixture.ids.webinarId}), not a meeting's`);
		expect(result.error?.description).toMatch(/set Recipients to Webinar Attendees, Registrants or Absentees/);
		expect(zoomPaths().some((p) => p.startsWith('/past_meetings/'))).toBe(false);
	});
});

describe('1.1 unchanged: Meeting names the recording, Webinar the people', () => {
	it("webinar attendees with the webinar's ID in both fields", async () => {
		const w = single();
		const { contacts, result } = await runZoomToBrevo(sim, share({ recipients: 'webinarAttendees', meetingId: String(w.id), recordingWebinarId: String(w.id) }), {
			typeVersion: 1.1,
		});
		expect(result.error).toBeUndefined();
		expect(sorted(contacts.map((c) => String(c.email)))).toEqual(attendeesOf(w.instances[0]));
		for (const contact of contacts) expect(sim.brevo.contacts.get(String(contact.email))?.attributes.ZOOM_RECORDING_URL).toBe(linkOf(w.instances[0]));
	});

	it("the recording comes from Meeting, even when it is a meeting's and Webinar names a webinar", async () => {
		const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
		const w = single();
		const { contacts, result } = await runZoomToBrevo(
			sim,
			share({ recipients: 'webinarRegistrants', meetingId: sim.fixture.ids.recurringMeetingUuids.latest, recordingWebinarId: String(w.id) }),
			{ typeVersion: 1.1 },
		);
		expect(result.error).toBeUndefined();
		expect(sorted(contacts.map((c) => String(c.email)))).toEqual(approvedRegistrantsOf(w));
		for (const contact of contacts) {
			expect(sim.brevo.contacts.get(String(contact.email))?.attributes.ZOOM_RECORDING_URL).toBe(`${sim.url}${meeting.instances.at(-1)!.recording!.share_url}`);
		}
	});
});
