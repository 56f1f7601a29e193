/**
 * Zoom to Brevo read side, through n8n-core's engine against the simulator: participants,
 * registrants, attendees and absentees become the expected contacts and skipped people.
 * Expectations come from the simulator's fixture (its own bookkeeping), not from the node's code.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { rowsToArray, startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.clearRequests());

const zoomCalls = () => sim.requests.filter((r) => r.service === 'zoom');
const meeting = (id: number) => sim.fixture.zoom.meetings.find((m) => m.id === id)!;
const webinar = () => sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;

describe('Meeting → Sync Participants', () => {
	it('a 1 200-row meeting gives exactly one contact per person with an email, and every guest skipped', async () => {
		const instance = meeting(sim.fixture.ids.largeMeetingId).instances[0];
		const { stats } = instance;
		expect(stats.rows).toBe(1200);
		const { contacts, skipped, result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid });
		expect(result.error).toBeUndefined();

		expect(contacts).toHaveLength(stats.withEmail);
		expect(new Set(contacts.map((c) => c.email)).size).toBe(stats.withEmail);
		// Guests have no stable Zoom ID across rejoins: their rows are grouped by display name.
		const guestRows = rowsToArray(instance.participants).filter((r) => !r.user_email);
		expect(skipped).toHaveLength(new Set(guestRows.map((r) => r.name.trim().toLowerCase())).size);
		expect(skipped.reduce((n, s) => n + Number(s.zoomRows), 0)).toBe(guestRows.length);
		for (const person of skipped) expect(person).toMatchObject({ reason: 'no_email', hint: expect.stringContaining('registration') });
		// Every row is accounted for: merged into a contact or into a skipped person.
		const rowsCovered = contacts.reduce((n, c) => n + Number((c.engagement as { zoomRows: number }).zoomRows), 0) + skipped.reduce((n, s) => n + Number(s.zoomRows), 0);
		expect(rowsCovered).toBe(stats.rows);
		// waiting-room-only people who have an email
		const rowsByEmail = new Map<string, string[]>();
		for (const r of rowsToArray(instance.participants)) {
			if (r.user_email) rowsByEmail.set(r.user_email.toLowerCase(), [...(rowsByEmail.get(r.user_email.toLowerCase()) ?? []), r.status]);
		}
		const waitingOnly = [...rowsByEmail.values()].filter((statuses) => statuses.every((s) => s === 'in_waiting_room')).length;
		expect(contacts.filter((c) => (c.engagement as { status: string }).status === 'waiting_room_only')).toHaveLength(waitingOnly);

		// One detail call, then ceil(1200 / 300) pages of 300.
		const listing = zoomCalls().filter((r) => r.path.endsWith('/participants'));
		expect(listing).toHaveLength(4);
		for (const call of listing) expect(call.query.page_size).toBe('300');
		expect(result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message).toMatch(
			new RegExp(`^${stats.withEmail} contacts; ${skipped.length} skipped \\(no email: ${skipped.length}\\)`),
		);
	});

	it('engagement of a person with rejoins is the union of their rows', async () => {
		const rows = rowsToArray(meeting(sim.fixture.ids.largeMeetingId).instances[0].participants);
		const byEmail = new Map<string, typeof rows>();
		for (const row of rows) if (row.user_email && row.status === 'in_meeting') byEmail.set(row.user_email.toLowerCase(), [...(byEmail.get(row.user_email.toLowerCase()) ?? []), row]);
		const [email, personRows] = [...byEmail].find(([, r]) => r.length >= 2)!;
		const { contacts } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid });
		const contact = contacts.find((c) => c.email === email)!;
		// Independent union of [join, leave) intervals.
		const intervals = personRows.map((r) => [Date.parse(r.join_time), Date.parse(r.leave_time)] as [number, number]).sort((a, b) => a[0] - b[0]);
		let total = 0;
		let [start, end] = intervals[0];
		for (const [s, e] of intervals.slice(1)) {
			if (s <= end) end = Math.max(end, e);
			else {
				total += end - start;
				[start, end] = [s, e];
			}
		}
		total += end - start;
		expect(contact.engagement).toMatchObject({ status: 'attended', sessions: personRows.length, attendedSeconds: Math.round(total / 1000) });
		expect(contact.source).toMatchObject({ kind: 'meeting', id: String(sim.fixture.ids.largeMeetingId), uuid: sim.fixture.ids.largeMeetingUuid });
		expect(contact.attributes).toMatchObject({ ATTENDANCE_STATUS: 'attended', MEETING_DURATION: expect.any(Number) });
	});

	it.each(['leadingSlash', 'doubleSlash', 'slashInside'] as const)('finds the instance whose UUID is %s', async (kind) => {
		const uuid = sim.fixture.ids.recurringMeetingUuids[kind];
		const { result, contacts } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: uuid });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		expect(contacts[0].source).toMatchObject({ uuid });
	});

	it('reads the meeting from the Zoom Trigger item by default', async () => {
		const uuid = sim.fixture.ids.recurringMeetingUuids.doubleSlash;
		const { result, contacts } = await runZoomToBrevo(
			sim,
			{ resource: 'meeting', operation: 'syncParticipants' },
			{ inputItems: [{ json: { event: 'meeting.ended', id: String(sim.fixture.ids.recurringMeetingId), uuid } }] },
		);
		expect(result.error).toBeUndefined();
		expect(contacts[0].source).toMatchObject({ uuid });
	});

	it("reads Zoom's participant report when asked", async () => {
		const { result, contacts } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid, participantSource: 'report' });
		expect(result.error).toBeUndefined();
		expect(contacts).toHaveLength(meeting(sim.fixture.ids.largeMeetingId).instances[0].stats.withEmail);
		expect(zoomCalls().some((r) => r.path.includes('/report/meetings/'))).toBe(true);
	});
});

describe('Webinar syncs', () => {
	const approved = () => webinar().registrants.filter((r) => r.status === 'approved');

	it('Sync Registrants: one contact per approved registrant, with the UTM source of their link', async () => {
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', webinarId: String(sim.fixture.ids.webinarId) });
		expect(result.error).toBeUndefined();
		expect(contacts.map((c) => c.email).sort()).toEqual([...new Set(approved().map((r) => r.email.toLowerCase()))].sort());
		const tracked = approved().find((r) => r.tracking_source)!;
		const contact = contacts.find((c) => c.email === tracked.email.toLowerCase())!;
		expect(contact.attributes).toMatchObject({ UTM_SOURCE: tracked.tracking_source!.source_name, ATTENDANCE_STATUS: 'registered', FIRSTNAME: tracked.first_name });
	});

	it('Sync Absentees: the approved registrants who never joined, marked absent', async () => {
		const instance = webinar().instances[webinar().instances.length - 1];
		const attended = new Set(rowsToArray(instance.attendees).map((r) => r.user_email.toLowerCase()).filter(Boolean));
		const expected = approved().filter((r) => !attended.has(r.email.toLowerCase())).map((r) => r.email.toLowerCase());
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAbsentees', webinarId: String(sim.fixture.ids.webinarId) });
		expect(result.error).toBeUndefined();
		expect(contacts.map((c) => c.email).sort()).toEqual([...new Set(expected)].sort());
		for (const c of contacts) {
			// Zoom's absentee list says nothing about time: no figures, rather than zeros.
			expect(c.engagement).toEqual({ status: 'absent', zoomRows: 1 });
			expect(Object.keys(c.attributes as object)).not.toEqual(expect.arrayContaining(['MEETING_DURATION']));
		}
	});

	it('Sync Attendees: attendees with engagement and the names of their registration', async () => {
		const instance = webinar().instances[webinar().instances.length - 1];
		const attendeeEmails = new Set(rowsToArray(instance.attendees).map((r) => r.user_email.toLowerCase()).filter(Boolean));
		const { contacts, result } = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAttendees', webinarId: String(sim.fixture.ids.webinarId), webinarUuid: instance.uuid });
		expect(result.error).toBeUndefined();
		expect(new Set(contacts.map((c) => c.email))).toEqual(attendeeEmails);
		const registered = approved().find((r) => attendeeEmails.has(r.email.toLowerCase()))!;
		expect(contacts.find((c) => c.email === registered.email.toLowerCase())).toMatchObject({
			attributes: { FIRSTNAME: registered.first_name, LASTNAME: registered.last_name, WEBINAR_NAME: webinar().topic },
			source: { kind: 'webinar', uuid: instance.uuid },
		});
	});
});

describe("Sync Attendees never mixes two webinars' data (the UUID must be a session of the chosen webinar)", () => {
	const recurring = () => sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.recurringWebinarId)!;
	const attendeesOf = (webinarId: number, webinarUuid: string, inputItems?: INodeExecutionData[]) =>
		runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAttendees', webinarId: String(webinarId), webinarUuid }, inputItems ? { inputItems } : {});

	it('another webinar picked while the UUID still comes from the trigger item: stops before any Zoom call, naming both and the remedy', async () => {
		const item = { json: { event: 'webinar.ended', id: String(sim.fixture.ids.webinarId), uuid: webinar().instances[0].uuid } };
		const { contacts, result } = await attendeesOf(sim.fixture.ids.recurringWebinarId, String(item.json.uuid), [item]);
		expect(contacts).toHaveLength(0);
		expect(result.error?.message).toBe(`Webinar Instance UUID ${item.json.uuid} is not a session of webinar ${sim.fixture.ids.recurringWebinarId}`);
		expect(result.error?.description).toMatch(new RegExp(`about webinar ${sim.fixture.ids.webinarId}: the Webinar field was changed.*Clear Webinar Instance UUID`));
		expect(zoomCalls()).toHaveLength(0);
	});

	it("a typed UUID of another webinar: Zoom's list of the webinar's sessions refuses it (one Medium call), nothing read", async () => {
		const { result } = await attendeesOf(sim.fixture.ids.recurringWebinarId, webinar().instances[0].uuid);
		expect(result.error?.message).toMatch(/is not a session of webinar/);
		expect(result.error?.description).toMatch(/Zoom does not list it/);
		expect(zoomCalls().map((r) => r.path)).not.toContainEqual(expect.stringContaining('/participants'));
	});

	it('a typed UUID of one of its sessions, or the trigger item naming this webinar: read as asked', async () => {
		const session = recurring().instances[0];
		const typed = await attendeesOf(recurring().id, session.uuid);
		expect(typed.result.error).toBeUndefined();
		expect(typed.contacts.length).toBeGreaterThan(0);
		sim.clearRequests();
		const fromTrigger = await attendeesOf(webinar().id, webinar().instances[0].uuid, [{ json: { id: webinar().id, uuid: webinar().instances[0].uuid } }]);
		expect(fromTrigger.result.error).toBeUndefined();
		// Zoom sent the pair together: no extra call to check it.
		expect(zoomCalls().filter((r) => r.path.endsWith('/instances'))).toHaveLength(0);
	});
});

describe('version 1 workflows (text fields) read the same people as version 1.1', () => {
	const cases: Array<[string, () => Record<string, string>]> = [
		['participants of a meeting instance by UUID', () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.recurringMeetingUuids.leadingSlash })],
		['webinar registrants', () => ({ resource: 'webinar', operation: 'syncRegistrants', webinarId: String(sim.fixture.ids.webinarId) })],
		['webinar absentees', () => ({ resource: 'webinar', operation: 'syncAbsentees', webinarId: String(sim.fixture.ids.webinarId) })],
		['recording recipients', () => ({ resource: 'recording', operation: 'shareRecording', meetingId: sim.fixture.ids.recurringMeetingUuids.latest, shareMode: 'email', templateId: '1' })],
	];
	it.each(cases)('%s', async (_name, parameters) => {
		const asV1 = await runZoomToBrevo(sim, { ...parameters(), options: { dryRun: true } } as never, { typeVersion: 1 });
		const asV11 = await runZoomToBrevo(sim, { ...parameters(), options: { dryRun: true } } as never);
		expect(asV1.result.error).toBeUndefined();
		expect(asV11.result.error).toBeUndefined();
		const emails = (run: typeof asV1) => run.contacts.map((c) => c.email).sort();
		expect(emails(asV1).length).toBeGreaterThan(0);
		expect(emails(asV1)).toEqual(emails(asV11));
		expect(asV1.skipped.length).toBe(asV11.skipped.length);
	});
});

describe('failures', () => {
	it('an unknown meeting fails with advice; with Continue On Fail it becomes an error item', async () => {
		const failed = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: '999000999' });
		expect(failed.result.error?.message).toBe('Zoom: Meeting does not exist: 999000999');
		expect((failed.result.error as { description?: string } | undefined)?.description).toMatch(/^While trying to read the past meeting\. Check the meeting's ID or UUID, or choose it from the Meeting list/);
		const continued = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: '999000999' }, { continueOnFail: true });
		expect(continued.result.error).toBeUndefined();
		expect(continued.items[0].json.error).toBe('Zoom: Meeting does not exist: 999000999');
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
	});

	it("Continue (using error output): the failed item leaves by n8n's error output, not with the contacts", async () => {
		const good = { json: { meetingUuid: sim.fixture.ids.recurringMeetingUuids.latest } };
		const bad = { json: { meetingUuid: '999000999' } };
		const { outputs, result } = await runZoomToBrevo(
			sim,
			{ resource: 'meeting', operation: 'syncParticipants', meetingId: { __rl: true, mode: 'id', value: '={{ $json.meetingUuid }}' }, writeMode: 'emit' },
			{ typeVersion: 1.2, onError: 'continueErrorOutput', inputItems: [bad, good] },
		);
		expect(result.error).toBeUndefined();
		const [contacts, , errors] = outputs;
		expect(contacts.length).toBeGreaterThan(0);
		expect(contacts.every((item) => item.json.error === undefined)).toBe(true);
		// What failed (n8n adds the input item's fields when a node precedes this one).
		expect(errors.map((item) => item.json)).toEqual([{ error: 'Zoom: Meeting does not exist: 999000999', details: { description: expect.any(String) } }]);
	});

	it("a free Zoom account's refusal (code 200) says a paid plan is needed", async () => {
		const free = await startSimulator({ zoom: { plan: 'free' } });
		try {
			const { result } = await runZoomToBrevo(free, { resource: 'meeting', operation: 'syncParticipants', meetingId: free.fixture.ids.largeMeetingUuid });
			expect(result.error?.message).toBe('Your Zoom plan does not allow this: cannot list the meeting participants');
			expect((result.error as { description?: string } | undefined)?.description).toMatch(/paid plans: past participants and reports need Pro or higher.*Only available for Paid/);
		} finally {
			await free.close();
		}
	});

	it('a meeting ID that resolves to nothing says where it should come from', async () => {
		const { result } = await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}' }, { inputItems: [{ json: { event: 'meeting.started' } }] });
		expect(result.error?.message).toBe('Meeting ID or UUID is empty');
	});
});
