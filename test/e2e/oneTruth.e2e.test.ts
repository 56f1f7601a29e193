/**
 * One truth per person (issue #22) in a real n8n 2.41.1, with the packed package and the Zoom/Brevo
 * simulator: a status written by one workflow is not moved back by another (Brevo, not n8n's
 * per-workflow deduplication store, is the shared record); a later sync that could not read the
 * survey lowers no score, level or count; and a registered event waits until Brevo confirmed the
 * contact it announces, then goes once with the link the contact holds.
 */
import { nodeOutputJson, removeTempDirs, stopAllN8n, type RestClient } from './harness';
import { manualTrigger, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';

let client: RestClient;
let sim: Simulator;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
	({ client } = await startN8nWithPackage());
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom one truth', simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', 'Brevo one truth', simCredentials.brevo(sim));
	credentials = { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name }, brevoV3Api: { id: brevo.id, name: brevo.name } };
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

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
