/**
 * People get each follow-up once and keep their data: re-sent deliveries, re-runs, lost answers
 * and later syncs of the same webinar, through n8n-core's engine with n8n's deduplication store
 * (the harness keeps it across runs, as n8n's database does) against the simulator.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ProcessedDataStore } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
let store: ProcessedDataStore;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 20 } });
	store = new ProcessedDataStore();
});
afterEach(async () => sim.close());

const latestMeetingUuid = () => sim.fixture.ids.recurringMeetingUuids.latest;
const brevoCalls = (path: string) => sim.requests.filter((r) => r.service === 'brevo' && r.path.endsWith(path));
const zoomCalls = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/'));
/** Events per email, for the event names that start with `prefix`. */
const eventsPerEmail = (prefix: string) => {
	const counts = new Map<string, number>();
	for (const e of sim.brevo.events.filter((event) => event.event_name.startsWith(prefix))) {
		const email = String(e.identifiers.email_id);
		counts.set(email, (counts.get(email) ?? 0) + 1);
	}
	return counts;
};

/** What the Zoom Trigger emits for a meeting.ended delivery (shapeDelivery), with its tracking ID. */
const meetingEndedItem = (trackingId: string): INodeExecutionData[] => [
	{ json: { event: 'meeting.ended', trackingId, id: String(sim.fixture.ids.recurringMeetingId), uuid: latestMeetingUuid() } },
];

const meetingSync = { resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}', writeMode: 'import', listIds: [15], sendEvent: true };

describe('a Zoom delivery is processed once per node', () => {
	it('the same delivery again (Zoom re-sent it, or the run was repeated) is skipped: no Zoom read, no import, no event', async () => {
		const first = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		expect(first.result.error).toBeUndefined();
		expect(first.contacts.length).toBeGreaterThan(0);
		const callsAfterFirst = sim.requests.length;

		for (let resend = 0; resend < 2; resend++) {
			const again = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store });
			expect(again.result.error).toBeUndefined();
			expect(again.items.map((i) => i.json)).toEqual([expect.objectContaining({ skipped: true, reason: 'already_processed', trackingId: 'trk-1' })]);
		}
		expect(sim.requests).toHaveLength(callsAfterFirst);
		expect(brevoCalls('/contacts/import')).toHaveLength(1);
		expect([...eventsPerEmail('zoom_meeting_').values()].every((n) => n === 1)).toBe(true);

		// Another delivery (another tracking ID) of the same meeting is processed, but its events are
		// the same follow-ups for the same people and instance: none is sent twice.
		const other = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-2'), processedData: store });
		expect(other.contacts.length).toBe(first.contacts.length);
		for (const contact of other.contacts) expect(contact.event).toMatchObject({ status: 'already sent' });
		expect([...eventsPerEmail('zoom_meeting_').values()].every((n) => n === 1)).toBe(true);
	});

	it('Repeat Follow-Ups processes the delivery and sends the events again, on purpose', async () => {
		await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		const sent = eventsPerEmail('zoom_meeting_').size;
		const again = await runZoomToBrevo(sim, { ...meetingSync, options: { repeatFollowUps: true } }, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		expect(again.result.error).toBeUndefined();
		for (const contact of again.contacts) expect(contact.event).toMatchObject({ status: 'accepted' });
		expect([...eventsPerEmail('zoom_meeting_').values()]).toEqual(Array.from({ length: sent }, () => 2));
	});

	it('a sync that failed forgets the delivery, so a retry runs it (and sends each event once)', async () => {
		sim.inject({ kind: 'status', status: 401, body: { code: 'unauthorized', message: 'Key not found' }, match: { service: 'brevo', path: '/contacts/import' } });
		const failed = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		expect(failed.result.error).toBeDefined();
		const retry = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		expect(retry.result.error).toBeUndefined();
		expect(retry.contacts.length).toBeGreaterThan(0);
		expect([...eventsPerEmail('zoom_meeting_').values()].every((n) => n === 1)).toBe(true);
	});

	it('a dry run does not use up the delivery', async () => {
		await runZoomToBrevo(sim, { ...meetingSync, options: { dryRun: true } }, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		const real = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store });
		expect(real.contacts.length).toBeGreaterThan(0);
		expect(sim.brevo.events.length).toBe(real.contacts.length);
	});

	it('the record is per workflow: the same delivery in another workflow is processed there', async () => {
		await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store, workflowId: 'wf-a' });
		const other = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-1'), processedData: store, workflowId: 'wf-b' });
		expect(other.contacts.length).toBeGreaterThan(0);
		expect(other.contacts[0].event).toMatchObject({ status: 'accepted' });
	});
});

describe('tests in the editor (n8n manual mode)', () => {
	it('two tests in a row on the same pinned delivery: both sync (as the panel says), nobody gets a follow-up twice, the hint says so', async () => {
		const test = () => runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('pinned-1'), processedData: store, mode: 'manual' });
		const first = await test();
		expect(first.result.error).toBeUndefined();
		const sent = sim.brevo.events.length;
		expect(sent).toBeGreaterThan(0);
		expect(first.hints.join(' ')).toMatch(/Test run: the Zoom delivery is synced again at every test/);

		sim.clearRequests();
		const second = await test();
		expect(second.result.error).toBeUndefined();
		// Before: "already processed … skipped", no Zoom read, nothing written.
		expect(second.skipped.filter((s) => s.reason === 'already_processed')).toHaveLength(0);
		expect(zoomCalls().length).toBeGreaterThan(0);
		expect(second.contacts.length).toBe(first.contacts.length);
		expect(sim.brevo.events).toHaveLength(sent);
		for (const contact of second.contacts) expect(contact.event).toMatchObject({ status: 'already sent' });
		for (const count of eventsPerEmail('zoom_meeting_').values()) expect(count).toBe(1);

		// The production run of the same delivery afterwards processes it once, and sends nothing twice.
		const production = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('pinned-1'), processedData: store });
		expect(production.result.error).toBeUndefined();
		expect(sim.brevo.events).toHaveLength(sent);
	});
});

describe('answers that were lost', () => {
	const largeSync = () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid, writeMode: 'import', listIds: [15], sendEvent: true });

	it('events Brevo took before the answer was lost are not sent again, by this run or the next; the rest go on the re-run', async () => {
		// The large meeting's contacts need 4 event requests of at most 200: the 2nd is processed and
		// its answer lost; sending stops there, so the 3rd and 4th are not sent.
		sim.inject({ kind: 'lost-reply', after: 1, match: { path: '/events/batch' } });
		const first = await runZoomToBrevo(sim, largeSync(), { processedData: store });
		expect(first.result.error?.message).toMatch(/^No reliable answer from Brevo to "send 200 events \(request 2 of 4\)"/);
		expect(first.result.error?.description).toMatch(/Events so far: 200 accepted, 200 not confirmed \(not sent again\), \d+ not sent\. A re-run sends only/);
		expect(first.result.error?.description).toMatch(/Already written before this failed: \d+ contacts written to Brevo/);
		expect(brevoCalls('/events/batch')).toHaveLength(2);
		expect(eventsPerEmail('zoom_meeting_').size).toBe(400);

		const rerun = await runZoomToBrevo(sim, largeSync(), { processedData: store });
		expect(rerun.result.error).toBeUndefined();
		const statuses = rerun.contacts.map((c) => (c.event as { status: string }).status);
		expect(statuses.filter((s) => s === 'already sent')).toHaveLength(200);
		// The request whose answer was lost: listed, each with who and which event, not sent again.
		const unconfirmed = rerun.contacts.filter((c) => (c.event as { status: string }).status === 'unconfirmed');
		expect(unconfirmed).toHaveLength(200);
		for (const contact of unconfirmed) expect(contact.event).toMatchObject({ name: expect.stringMatching(/^zoom_meeting_/), earlierRun: true, note: expect.stringMatching(/Send Unconfirmed Follow-Ups/) });
		expect(statuses.filter((s) => s === 'accepted')).toHaveLength(rerun.contacts.length - 400);
		expect(rerun.hints.join('\n')).toMatch(/200 left unconfirmed by an earlier run/);
		const perEmail = eventsPerEmail('zoom_meeting_');
		expect(perEmail.size).toBe(rerun.contacts.length);
		expect([...perEmail.values()].every((n) => n === 1)).toBe(true);

		// The explicit choice sends exactly the unconfirmed ones, and nothing confirmed.
		const chosen = await runZoomToBrevo(sim, { ...largeSync(), options: { sendUnconfirmedFollowUps: true } }, { processedData: store });
		expect(chosen.result.error).toBeUndefined();
		const resent = new Set(chosen.contacts.filter((c) => (c.event as { status: string }).status === 'accepted').map((c) => String(c.email)));
		expect(resent).toEqual(new Set(unconfirmed.map((c) => String(c.email))));
		expect([...eventsPerEmail('zoom_meeting_')].filter(([, n]) => n === 2).map(([email]) => email).sort()).toEqual([...resent].sort());
		// Once confirmed, they are sent: a fourth run sends nothing.
		const after = await runZoomToBrevo(sim, { ...largeSync(), options: { sendUnconfirmedFollowUps: true } }, { processedData: store });
		for (const contact of after.contacts) expect(contact.event).toMatchObject({ status: 'already sent' });
	});

	it('a 504 after Brevo took the events: unconfirmed on the items (continue on fail keeps them), never sent twice', async () => {
		sim.inject({ kind: 'lost-reply', status: 504, match: { path: '/events/batch' } });
		const sync = { ...meetingSync, meetingId: latestMeetingUuid() };
		const first = await runZoomToBrevo(sim, sync, { processedData: store, continueOnFail: true });
		expect(first.items[0].json.error).toMatch(/No reliable answer from Brevo/);
		const rerun = await runZoomToBrevo(sim, sync, { processedData: store });
		for (const contact of rerun.contacts) expect(contact.event).toMatchObject({ status: 'unconfirmed', earlierRun: true });
		expect([...eventsPerEmail('zoom_meeting_').values()].every((n) => n === 1)).toBe(true);
		expect(brevoCalls('/events/batch')).toHaveLength(1);
	});

	it('a lost import answer stops before any event; the retry imports again (harmless) and sends each event once', async () => {
		sim.inject({ kind: 'lost-reply', match: { path: '/contacts/import' } });
		const first = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-9'), processedData: store });
		expect(first.result.error?.description).toMatch(/Batch 1 \(\d+ contacts\) may or may not have been imported/);
		expect(sim.brevo.events).toHaveLength(0);
		const retry = await runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-9'), processedData: store });
		expect(retry.result.error).toBeUndefined();
		expect(brevoCalls('/contacts/import')).toHaveLength(2);
		expect([...eventsPerEmail('zoom_meeting_').values()].every((n) => n === 1)).toBe(true);
		expect(eventsPerEmail('zoom_meeting_').size).toBe(retry.contacts.length);
	});

	it('Share Recording by email: a lost answer stops the mailing; the re-run emails only those not yet emailed', async () => {
		const share = { resource: 'recording', operation: 'shareRecording', meetingId: latestMeetingUuid(), shareMode: 'email', templateId: sim.fixture.ids.brevoTemplateId };
		sim.inject({ kind: 'lost-reply', after: 2, match: { path: '/smtp/email' } });
		const first = await runZoomToBrevo(sim, share, { processedData: store });
		expect(first.result.error?.description).toMatch(/Recording emails so far: 2 sent, 1 not confirmed \(not sent again\), \d+ not sent/);
		expect(sim.brevo.emails).toHaveLength(3);

		const rerun = await runZoomToBrevo(sim, share, { processedData: store });
		expect(rerun.result.error).toBeUndefined();
		const statuses = rerun.contacts.map((c) => (c.delivery as { status: string }).status);
		expect(statuses.filter((s) => s === 'already sent')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'unconfirmed')).toHaveLength(1);
		const perEmail = new Map<string, number>();
		for (const email of sim.brevo.emails) for (const to of email.to) perEmail.set(to.email, (perEmail.get(to.email) ?? 0) + 1);
		expect(perEmail.size).toBe(rerun.contacts.length);
		expect([...perEmail.values()].every((n) => n === 1)).toBe(true);
	});
});

describe('no overwrite with what Zoom does not have', () => {
	const webinar = () => ({ webinarId: String(sim.fixture.ids.webinarId), writeMode: 'import', listIds: [16] });

	it('attendees, then registrants, then absentees: attendees keep minutes, sessions, percent and status', async () => {
		const attendees = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAttendees', ...webinar() }, { processedData: store });
		expect(attendees.result.error).toBeUndefined();
		const attended = attendees.contacts.filter((c) => (c.engagement as { status: string }).status === 'attended');
		expect(attended.length).toBeGreaterThan(0);
		const before = new Map(attended.map((c) => [String(c.email), { ...sim.brevo.contacts.get(String(c.email))!.attributes }]));
		for (const attributes of before.values()) {
			expect(attributes).toMatchObject({ ATTENDANCE_STATUS: 'attended', MEETING_DURATION: expect.any(Number), ZOOM_SESSIONS: expect.any(Number) });
		}

		const registrants = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', ...webinar() }, { processedData: store });
		expect(registrants.result.error).toBeUndefined();
		const absentees = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAbsentees', ...webinar() }, { processedData: store });
		expect(absentees.result.error).toBeUndefined();

		// Attendees who registered were re-imported by the registrant sync, and kept everything.
		const reimported = registrants.contacts.filter((c) => before.has(String(c.email)));
		expect(reimported.length).toBeGreaterThan(before.size / 2);
		for (const contact of reimported) expect(contact.statusKept).toMatch(/ATTENDANCE_STATUS left as it is/);
		for (const [email, attributes] of before) {
			const now = sim.brevo.contacts.get(email)!.attributes;
			for (const name of ['ATTENDANCE_STATUS', 'MEETING_DURATION', 'ZOOM_SESSIONS', 'ZOOM_ATTENDANCE_PERCENT', 'MEETING_JOIN_DATE']) {
				expect(now[name]).toEqual(attributes[name]);
			}
		}
		// Registrants who never came move forward to absent; nobody moves back to registered.
		for (const contact of absentees.contacts) {
			expect(sim.brevo.contacts.get(String(contact.email))!.attributes.ATTENDANCE_STATUS).toBe('absent');
			expect(contact.statusKept).toBeUndefined();
		}
		const again = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', ...webinar() }, { processedData: store });
		for (const contact of absentees.contacts) expect(sim.brevo.contacts.get(String(contact.email))!.attributes.ATTENDANCE_STATUS).toBe('absent');
		expect(again.result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message).toMatch(/\d+ kept their later attendance status/);
	});

	it('attendees in one workflow, registrants and absentees of the same webinar in another: attended stays (Brevo is the shared record)', async () => {
		const inWorkflow = (id: string) => ({ processedData: new ProcessedDataStore(), workflowId: id });
		const attendees = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAttendees', ...webinar() }, inWorkflow('webinar-ended'));
		expect(attendees.result.error).toBeUndefined();
		const attended = attendees.contacts.filter((c) => (c.engagement as { status: string }).status === 'attended').map((c) => String(c.email));
		expect(attended.length).toBeGreaterThan(0);
		for (const email of attended) expect(sim.brevo.contacts.get(email)!.attributes).toMatchObject({ ATTENDANCE_STATUS: 'attended', ZOOM_STATUS_FOR: `webinar:${sim.fixture.ids.webinarId}` });

		// Another workflow (its own deduplication record): the nightly registrant catch-up.
		sim.clearRequests();
		const registrants = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', ...webinar() }, inWorkflow('nightly-registrants'));
		expect(registrants.result.error).toBeUndefined();
		// Before: the order was kept per workflow only, and these went back to "registered".
		const wentBack = attended.filter((email) => sim.brevo.contacts.get(email)!.attributes.ATTENDANCE_STATUS !== 'attended');
		expect(wentBack).toEqual([]);
		const reimported = registrants.contacts.filter((c) => attended.includes(String(c.email)));
		expect(reimported.length).toBeGreaterThan(0);
		for (const contact of reimported) expect(contact.statusKept).toMatch(/Brevo already has "attended" for this webinar/);
		// One filtered read of Brevo's contacts for the webinar (pages of 1 000), no read per person.
		const reads = sim.requests.filter((r) => r.service === 'brevo' && r.method === 'GET' && r.path.endsWith('/contacts'));
		expect(reads.map((r) => r.query.filter)).toEqual([`equals(ZOOM_STATUS_FOR,"webinar:${sim.fixture.ids.webinarId}")`]);

		const absentees = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAbsentees', ...webinar() }, inWorkflow('absentees'));
		expect(absentees.result.error).toBeUndefined();
		for (const contact of absentees.contacts) expect(sim.brevo.contacts.get(String(contact.email))!.attributes.ATTENDANCE_STATUS).toBe('absent');
		const registrantsAgain = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', ...webinar() }, inWorkflow('another-catch-up'));
		expect(registrantsAgain.result.error).toBeUndefined();
		for (const contact of absentees.contacts) expect(sim.brevo.contacts.get(String(contact.email))!.attributes.ATTENDANCE_STATUS).toBe('absent');
		for (const email of attended) expect(sim.brevo.contacts.get(email)!.attributes.ATTENDANCE_STATUS).toBe('attended');
	});

	it('a recurring webinar: statuses and no-show events per session, the later session kept, whichever workflow writes', async () => {
		const { recurringWebinarId, recurringWebinarUuids: [first, second], recurringWebinarOccurrenceIds: [, secondOccurrence] } = sim.fixture.ids;
		const series = { webinarId: String(recurringWebinarId), writeMode: 'import', listIds: [16], sendEvent: true };
		const inWorkflow = (id: string) => ({ processedData: new ProcessedDataStore(), workflowId: id });
		const attendees = (uuid: string, workflow: string) =>
			runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAttendees', ...series, webinarUuid: uuid }, inWorkflow(workflow));
		const absentees = (occurrenceId: string, workflow: string) =>
			runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncAbsentees', ...series, occurrenceId }, inWorkflow(workflow));

		const session1 = await attendees(first, 'session-1-ended');
		expect(session1.result.error).toBeUndefined();
		const attended1 = new Set(session1.contacts.filter((c) => (c.engagement as { status: string }).status === 'attended').map((c) => String(c.email)));
		const missed2 = await absentees(secondOccurrence, 'session-2-absentees');
		expect(missed2.result.error).toBeUndefined();
		// Came to session 1, missed session 2: before, "attended" stayed (ordered across the series)
		// while the no-show event went. Now each session has its truth, and the later one is kept.
		const both = missed2.contacts.map((c) => String(c.email)).filter((email) => attended1.has(email));
		expect(both.length).toBeGreaterThan(0);
		for (const email of both) {
			expect(sim.brevo.contacts.get(email)!.attributes).toMatchObject({
				ATTENDANCE_STATUS: 'absent',
				ZOOM_STATUS_FOR: `webinar:${recurringWebinarId}`,
				ZOOM_STATUS_SESSION: expect.stringContaining(`|occurrence:${secondOccurrence}`),
			});
		}
		const noShows = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_no_show');
		expect(noShows.map((e) => e.identifiers.email_id).sort()).toEqual(missed2.contacts.map((c) => c.email).sort());
		expect(new Set(noShows.map((e) => e.event_properties?.start_time))).toEqual(new Set([new Date(Number(secondOccurrence)).toISOString()]));

		// Session 1's attendees synced again later (another workflow): session 2's status stays.
		const late = await attendees(first, 'nightly-catch-up');
		expect(late.result.error).toBeUndefined();
		for (const email of both) expect(sim.brevo.contacts.get(email)!.attributes.ATTENDANCE_STATUS).toBe('absent');
		expect(late.contacts.find((c) => both.includes(String(c.email)))?.statusKept).toMatch(/later session of this webinar/);
		// Session 2's attendees (by its UUID): a new session, written; registrants never go back.
		const session2 = await attendees(second, 'session-2-ended');
		expect(session2.result.error).toBeUndefined();
		const attended2 = session2.contacts.filter((c) => (c.engagement as { status: string }).status === 'attended').map((c) => String(c.email));
		for (const email of attended2) expect(sim.brevo.contacts.get(email)!.attributes).toMatchObject({ ATTENDANCE_STATUS: 'attended', ZOOM_STATUS_SESSION: expect.stringContaining(`|${second}`) });
		await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', ...series }, inWorkflow('registrants'));
		for (const email of [...both, ...attended2]) expect(sim.brevo.contacts.get(email)!.attributes.ATTENDANCE_STATUS).not.toBe('registered');
	});

	it('a contact Brevo refused does not count as having its status: the next run writes it', async () => {
		const sync = { resource: 'webinar', operation: 'syncRegistrants', ...webinar(), writeMode: 'upsert', options: { registrationDetails: false } };
		sim.inject({ kind: 'status', status: 400, body: { code: 'invalid_parameter', message: 'Invalid phone number' }, match: { service: 'brevo', method: 'POST', path: /\/contacts$/ } });
		const first = await runZoomToBrevo(sim, sync, { processedData: store });
		const refused = first.contacts.find((c) => (c.brevo as { status: string }).status === 'failed')!;
		expect(refused).toBeDefined();
		expect(sim.brevo.contacts.get(String(refused.email))?.attributes.ATTENDANCE_STATUS).toBeUndefined();
		const second = await runZoomToBrevo(sim, sync, { processedData: store });
		expect(second.contacts.find((c) => c.email === refused.email)?.statusKept).toBeUndefined();
		expect(sim.brevo.contacts.get(String(refused.email))?.attributes.ATTENDANCE_STATUS).toBe('registered');
	});

	it('a sync creates only the attributes it fills: registrants get no MEETING_DURATION, meetings no UTM_SOURCE', async () => {
		const registrants = await runZoomToBrevo(sim, { resource: 'webinar', operation: 'syncRegistrants', ...webinar(), options: { registrationDetails: false } });
		expect(registrants.result.error).toBeUndefined();
		for (const name of ['MEETING_DURATION', 'ZOOM_SESSIONS', 'ZOOM_ATTENDANCE_PERCENT', 'MEETING_JOIN_DATE', 'UTM_SOURCE']) expect(sim.brevo.attributes.has(name)).toBe(false);
		expect(sim.brevo.attributes.get('ATTENDANCE_STATUS')?.type).toBe('text');

		await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), writeMode: 'import', listIds: [15] });
		expect(sim.brevo.attributes.has('MEETING_DURATION')).toBe(true);
		expect(sim.brevo.attributes.has('UTM_SOURCE')).toBe(false);
	});
});

describe('Share Recording stops at a failure every email would meet', () => {
	it('a 401 on the first email stops the mailing: one request, not one per recipient, and the error says what was sent', async () => {
		const share = { resource: 'recording', operation: 'shareRecording', meetingId: latestMeetingUuid(), shareMode: 'email', templateId: sim.fixture.ids.brevoTemplateId };
		sim.inject({ kind: 'unauthorized', match: { service: 'brevo', path: '/smtp/email' }, times: 100 });
		const { result } = await runZoomToBrevo(sim, share, { processedData: store });
		expect(result.error?.message).toMatch(/^Brevo rejected the API key/);
		expect(result.error?.description).toMatch(/Recording emails so far: 1 failed, \d+ not sent\. A re-run sends only the ones not sent or failed/);
		expect(brevoCalls('/smtp/email')).toHaveLength(1);

		// Fixed key: the re-run emails everyone once.
		sim.clearFaults();
		const rerun = await runZoomToBrevo(sim, share, { processedData: store });
		expect(rerun.result.error).toBeUndefined();
		expect(sim.brevo.emails).toHaveLength(rerun.contacts.length);
	});
});

describe("n8n's store under concurrent executions", () => {
	it('two executions starting at once (both creating the record) both succeed: the colliding insert is tried again', async () => {
		const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
		const [a, b] = meeting.instances.slice(-2);
		const item = (uuid: string, trackingId: string): INodeExecutionData[] => [{ json: { event: 'meeting.ended', trackingId, uuid } }];
		const runs = await Promise.all([
			runZoomToBrevo(sim, meetingSync, { inputItems: item(a.uuid, 'trk-a'), processedData: store }),
			runZoomToBrevo(sim, meetingSync, { inputItems: item(b.uuid, 'trk-b'), processedData: store }),
		]);
		for (const run of runs) expect(run.result.error).toBeUndefined();
		expect(runs.every((run) => run.contacts.length > 0)).toBe(true);
	});

	it('two deliveries of the same meeting at once (the webhook and the poll): each person gets the event once', async () => {
		// Without one-at-a-time store calls both runs read the record before either wrote its claims
		// (real n8n: 3 runs in 8 sent everyone the event twice). A database's round trip, as in n8n.
		store.roundTripMs = 30;
		// The records exist already (an earlier meeting of the workflow), so neither run's first
		// store call fails on the insert and waits: both reach their claims together.
		const earlier = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!.instances[0];
		await runZoomToBrevo(sim, meetingSync, { inputItems: [{ json: { event: 'meeting.ended', trackingId: 'trk-earlier', uuid: earlier.uuid } }], processedData: store });
		sim.brevo.events.length = 0;
		const runs = await Promise.all([
			runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('trk-webhook'), processedData: store }),
			runZoomToBrevo(sim, meetingSync, { inputItems: meetingEndedItem('poll:meeting.ended:same'), processedData: store }),
		]);
		for (const run of runs) expect(run.result.error).toBeUndefined();
		const perEmail = eventsPerEmail('zoom_meeting_');
		expect(perEmail.size).toBe(runs[0].contacts.length);
		expect([...perEmail.values()].every((n) => n === 1)).toBe(true);
	});
});
