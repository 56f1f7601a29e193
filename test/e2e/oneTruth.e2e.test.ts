/**
 * One truth per person (issue #22) in a real n8n 2.41.1, with the packed package and the Zoom/Brevo
 * simulator: a status written by one workflow is not moved back by another (Brevo, not n8n's
 * per-workflow deduplication store, is the shared record); a later sync that could not read the
 * survey lowers no score, level or count; and a registered event waits until Brevo confirmed the
 * contact it announces, then goes once with the link the contact holds.
 */
import { nodeOutputJson, type RestClient } from './harness';
import { manualTrigger, startSyncSuite, stopSyncSuite, type Simulator } from './support';

let client: RestClient;
let sim: Simulator;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	({ sim, client, credentials } = await startSyncSuite('one truth'));
});

afterAll(async () => await stopSyncSuite(sim));

const SYNC = 'Zoom to Brevo';

/** A workflow of its own: Start (with `people` pinned, if any) → Zoom to Brevo 1.2 with `parameters`. */
async function createSyncWorkflow(name: string, parameters: Record<string, unknown>, people?: Array<Record<string, unknown>>) {
	return await client.createWorkflow({
		name,
		nodes: [manualTrigger, { id: 'node-sync', name: SYNC, type: 'n8n-nodes-zoom-brevo.zoomToBrevo', typeVersion: 1.2, position: [220, 0], parameters, credentials }],
		connections: { Start: { main: [[{ node: SYNC, type: 'main', index: 0 }]] } },
		...(people ? { pinData: { Start: people.map((json) => ({ json })) } } : {}),
	} as never);
}

async function run(workflowId: string) {
	const execution = await client.runWorkflowManually(workflowId, { timeoutMs: 90_000 });
	expect(execution.status).toBe('success');
	return nodeOutputJson(execution.data, SYNC);
}

const webinarRef = () => ({ __rl: true, mode: 'id', value: String(sim.fixture.ids.webinarId) });

it('attendees synced in one workflow, registrants of the same webinar in another: every attendee stays "attended" in Brevo', async () => {
	const attendeesWorkflow = await createSyncWorkflow('Webinar ended: attendees', { resource: 'webinar', operation: 'syncAttendees', webinarId: webinarRef(), writeMode: 'import', listIds: [16] });
	const registrantsWorkflow = await createSyncWorkflow('Nightly: registrants', { resource: 'webinar', operation: 'syncRegistrants', webinarId: webinarRef(), writeMode: 'import', listIds: [16] });
	expect(registrantsWorkflow.id).not.toBe(attendeesWorkflow.id);

	const attendees = await run(attendeesWorkflow.id);
	const attended = attendees.filter((c) => (c.engagement as { status?: string } | undefined)?.status === 'attended').map((c) => String(c.email).toLowerCase());
	expect(attended.length).toBeGreaterThan(0);
	for (const email of attended) {
		expect(sim.brevo.contacts.get(email)?.attributes).toMatchObject({ ATTENDANCE_STATUS: 'attended', ZOOM_STATUS_FOR: `webinar:${sim.fixture.ids.webinarId}` });
	}

	const registrants = await run(registrantsWorkflow.id);
	// Before the fix the order was kept in n8n's store per workflow only: these went back to "registered".
	const wentBack = attended.filter((email) => sim.brevo.contacts.get(email)?.attributes.ATTENDANCE_STATUS !== 'attended');
	expect(wentBack).toEqual([]);
	for (const email of attended) expect(sim.brevo.contacts.get(email)?.attributes.ZOOM_STATUS_FOR).toBe(`webinar:${sim.fixture.ids.webinarId}`);
	const reimported = registrants.filter((c) => attended.includes(String(c.email).toLowerCase()));
	expect(reimported.length).toBeGreaterThan(0);
	for (const contact of reimported) expect(contact.statusKept).toMatch(/Brevo already has "attended" for this webinar/);
});

it("a second sync whose survey read is refused (Zoom's daily limit) changes no contact's score, level or counts, and each item says the score was kept", async () => {
	const workflow = await createSyncWorkflow('Attendees with engagement and lead score', {
		resource: 'webinar',
		operation: 'syncAttendees',
		webinarId: webinarRef(),
		writeMode: 'import',
		listIds: [15],
		webinarEngagement: ['polls', 'questions', 'survey'],
		scoreLeads: true,
	});
	const complete = await run(workflow.id);
	expect(complete.length).toBeGreaterThan(0);
	const figures = ['ZOOM_ENGAGEMENT_SCORE', 'ZOOM_LEAD_LEVEL', 'ZOOM_SURVEY_ANSWERED', 'ZOOM_POLLS_ANSWERED', 'ZOOM_QUESTIONS_ASKED'];
	const written = new Map(complete.map((c) => [String(c.email).toLowerCase(), { ...sim.brevo.contacts.get(String(c.email).toLowerCase())!.attributes }]));
	for (const attributes of written.values()) {
		expect(typeof attributes.ZOOM_ENGAGEMENT_SCORE).toBe('number');
		expect(typeof attributes.ZOOM_SURVEY_ANSWERED).toBe('boolean');
	}
	// Something the refused read could lower: at least one survey respondent.
	expect([...written.values()].some((a) => a.ZOOM_SURVEY_ANSWERED === true)).toBe(true);

	sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom', path: '/survey' } });
	const surveyReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.path.includes('/survey')).length;
	const readsBefore = surveyReads();
	const partial = await run(workflow.id);
	expect(surveyReads()).toBeGreaterThan(readsBefore);
	expect(partial.length).toBeGreaterThan(0);
	const changed = partial.flatMap((contact) => {
		const email = String(contact.email).toLowerCase();
		const before = written.get(email);
		const now = sim.brevo.contacts.get(email)?.attributes ?? {};
		return figures.filter((name) => now[name] !== before?.[name]).map((name) => `${email} ${name}: ${String(before?.[name])} → ${String(now[name])}`);
	});
	expect(changed).toEqual([]);
	for (const contact of partial) expect((contact.engagement as { scoreKept?: string }).scoreKept).toMatch(/left as they are/);
});

it("Register Contacts while Brevo's import status cannot be checked: no registered event; the re-run sends each person's once, with the join link their contact holds", async () => {
	const people = Array.from({ length: 3 }, (_v, i) => ({ email: `one.truth.${i}@prospects.example`, firstName: `First${i}` }));
	const workflow = await createSyncWorkflow(
		'Register for the webinar',
		{ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: webinarRef(), writeMode: 'import', listIds: [17], sendEvent: true },
		people,
	);
	const registeredEvents = () => sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered' && people.some((p) => p.email === e.identifiers.email_id));

	sim.inject({ kind: 'status', status: 404, body: { code: 'document_not_found', message: 'Process not found' }, match: { service: 'brevo', path: '/processes' } });
	const first = await run(workflow.id);
	expect(first.map((item) => item.email)).toEqual(people.map((p) => p.email));
	// Before the fix the events went out while the import was still queued: a link the contact did not have yet.
	expect(registeredEvents()).toEqual([]);
	for (const item of first) expect(item.event).toMatchObject({ status: 'not sent' });

	const again = await run(workflow.id);
	expect(again.map((item) => (item.event as { status?: string } | undefined)?.status)).toEqual(['accepted', 'accepted', 'accepted']);
	const events = registeredEvents();
	expect(events.map((e) => e.identifiers.email_id).sort()).toEqual(people.map((p) => p.email).sort());
	for (const event of events) {
		const joinUrl = sim.brevo.contacts.get(String(event.identifiers.email_id))?.attributes.ZOOM_JOIN_URL;
		expect(joinUrl).toEqual(expect.stringMatching(/^https?:\/\//));
		expect(event.event_properties?.join_url).toBe(joinUrl);
	}
});

it("Lea registered for webinar A, then for meeting B: A's registered event carries A's link and B's event B's, while her contact holds the latest (B)", async () => {
	const lea = [{ email: 'lea.one.truth@prospects.example', firstName: 'Lea', lastName: 'Roux' }];
	const webinarA = await createSyncWorkflow(
		'Register for webinar A',
		{ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: webinarRef(), writeMode: 'upsert', listIds: [17], sendEvent: true },
		lea,
	);
	const meetingB = await createSyncWorkflow(
		'Register for meeting B',
		{ resource: 'meeting', operation: 'registerContacts', registrationMeetingId: { __rl: true, mode: 'id', value: String(sim.fixture.ids.registrationMeetingId) }, writeMode: 'upsert', listIds: [17], sendEvent: true },
		lea,
	);
	const [a] = await run(webinarA.id);
	const [b] = await run(meetingB.id);
	const linkA = (a.registration as { joinUrl?: string }).joinUrl;
	const linkB = (b.registration as { joinUrl?: string }).joinUrl;
	expect(linkA).toEqual(expect.stringMatching(/^https?:\/\//));
	expect(linkB).toEqual(expect.stringMatching(/^https?:\/\//));
	expect(linkB).not.toBe(linkA);

	const eventsOf = (name: string) => sim.brevo.events.filter((e) => e.event_name === name && e.identifiers.email_id === lea[0].email);
	const [webinarEvent] = eventsOf('zoom_webinar_registered');
	const [meetingEvent] = eventsOf('zoom_meeting_registered');
	expect(eventsOf('zoom_webinar_registered')).toHaveLength(1);
	expect(eventsOf('zoom_meeting_registered')).toHaveLength(1);
	// A reminder built on the event's properties mails each registration's own link.
	expect(webinarEvent.event_properties).toMatchObject({ join_url: linkA, zoom_kind: 'webinar', zoom_id: String(sim.fixture.ids.webinarId), topic: expect.any(String), start_time: expect.any(String) });
	expect(meetingEvent.event_properties).toMatchObject({ join_url: linkB, zoom_kind: 'meeting', zoom_id: String(sim.fixture.ids.registrationMeetingId), topic: expect.any(String) });
	// The contact attribute holds the latest registration, as docs/zoom-to-brevo.md says.
	expect(sim.brevo.contacts.get(lea[0].email)?.attributes.ZOOM_JOIN_URL).toBe(linkB);
});

it('a registration the host approves later: no registered event while pending, then one with the join link on the next run', async () => {
	const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	const before = webinar.registration;
	webinar.registration = { approval_type: 1, registrants_restrict_number: 0 };
	try {
		const max = [{ email: 'max.pending@prospects.example', firstName: 'Max', lastName: 'Weber' }];
		const workflow = await createSyncWorkflow(
			'Register, host approves',
			{ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: webinarRef(), writeMode: 'upsert', listIds: [17], sendEvent: true },
			max,
		);
		const events = () => sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered' && e.identifiers.email_id === max[0].email);
		const [pending] = await run(workflow.id);
		expect(pending.registration).toMatchObject({ status: 'pending' });
		expect(pending.event).toMatchObject({ status: 'not sent', reason: expect.stringMatching(/awaiting the host's approval/) });
		expect(events()).toHaveLength(0);

		const registrant = webinar.registrants.find((r) => r.email.toLowerCase() === max[0].email)!;
		registrant.status = 'approved';
		registrant.join_url = registrant.join_url || `https://zoom.example/w/${webinar.id}?tk=${registrant.id}`;
		const [approved] = await run(workflow.id);
		expect(approved.registration).toMatchObject({ status: 'approved', how: 'found' });
		expect(events()).toHaveLength(1);
		expect(events()[0].event_properties).toMatchObject({ join_url: registrant.join_url, status: 'approved' });
		await run(workflow.id);
		expect(events()).toHaveLength(1);
	} finally {
		webinar.registration = before;
	}
});

it('a recurring webinar: attended session 1 (one workflow), missed session 2 (another) → "absent" for session 2 with its no-show event; session 1 synced again leaves it', async () => {
	const { recurringWebinarId, recurringWebinarUuids, recurringWebinarOccurrenceIds } = sim.fixture.ids;
	const series = { __rl: true, mode: 'id', value: String(recurringWebinarId) };
	const session1 = await createSyncWorkflow('Session 1 ended: attendees', { resource: 'webinar', operation: 'syncAttendees', webinarId: series, webinarUuid: recurringWebinarUuids[0], writeMode: 'import', listIds: [16] });
	const session2 = await createSyncWorkflow('Session 2: absentees', { resource: 'webinar', operation: 'syncAbsentees', webinarId: series, occurrenceId: recurringWebinarOccurrenceIds[1], writeMode: 'import', listIds: [16], sendEvent: true });
	const attended = new Set((await run(session1.id)).filter((c) => (c.engagement as { status?: string }).status === 'attended').map((c) => String(c.email)));
	const missed = (await run(session2.id)).map((c) => String(c.email));
	const both = missed.filter((email) => attended.has(email));
	expect(both.length).toBeGreaterThan(0);
	const noShows = new Set(sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_no_show').map((e) => String(e.identifiers.email_id)));
	for (const email of both) {
		expect(sim.brevo.contacts.get(email)?.attributes).toMatchObject({ ATTENDANCE_STATUS: 'absent', ZOOM_STATUS_SESSION: expect.stringContaining(`occurrence:${recurringWebinarOccurrenceIds[1]}`) });
		expect(noShows.has(email)).toBe(true);
	}
	await run(session1.id);
	for (const email of both) expect(sim.brevo.contacts.get(email)?.attributes.ATTENDANCE_STATUS).toBe('absent');
});
