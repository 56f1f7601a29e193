/**
 * Meeting / Webinar → Register Contacts (issue #14), through n8n-core's engine against the
 * simulator: Brevo contacts registered in Zoom with their personal join links written back,
 * nobody registered twice across runs (Zoom's 3 requests a day per person are not spent on
 * repeats), and each of Zoom's refusals as that person's item with the reason. People who bring
 * only an email and names go 30 a request by Zoom's batch registration (issue #25), the others one
 * by one.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ProcessedDataStore } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { DEFAULT_GRANTED_SCOPES } from '../simulator/zoom/scopes';
import { s2sToken, zoom as zoomCall } from '../simulator/testClient';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
});
afterEach(async () => sim.close());

const webinarId = () => sim.fixture.ids.webinarId;
const zoomWebinar = () => sim.zoom.webinars.find((w) => w.id === webinarId())!;
const zoomMeeting = () => sim.zoom.meetings.find((m) => m.id === sim.fixture.ids.registrationMeetingId)!;

/** Brevo contacts as n8n's Brevo node or a Brevo Trigger hands them on. */
const people = (n: number, prefix = 'lead'): INodeExecutionData[] =>
	Array.from({ length: n }, (_v, i) => ({ json: { email: `${prefix}.${i}@prospects.example`, attributes: { FIRSTNAME: `First${i}`, LASTNAME: `Last${i}` } } }));

const registerForWebinar = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'webinar',
	operation: 'registerContacts',
	registrationWebinarId: { __rl: true, mode: 'id', value: String(webinarId()) },
	writeMode: 'import',
	listIds: [17],
	...extra,
});

/** One-by-one registrations (`POST /webinars|meetings/{id}/registrants`). */
const posts = (kind: 'webinars' | 'meetings' = 'webinars') =>
	sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST' && r.path.includes(`/${kind}/`) && r.path.endsWith('/registrants'));
/** Batch registrations (`POST /webinars|meetings/{id}/batch_registrants`). */
const batches = (kind: 'webinars' | 'meetings' = 'webinars') =>
	sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST' && r.path.includes(`/${kind}/`) && r.path.endsWith('/batch_registrants'));
type BatchBody = { auto_approve?: boolean; registrants_confirmation_email?: boolean; registrants: Array<{ email: string; first_name: string; last_name?: string }> };
const batchEmails = (kind: 'webinars' | 'meetings' = 'webinars') => batches(kind).map((r) => (r.body as BatchBody).registrants.map((p) => p.email));
const listings = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/registrants'));
const registrantOf = (email: string) => zoomWebinar().registrants.find((r) => r.email.toLowerCase() === email);
const hint = (result: Awaited<ReturnType<typeof runZoomToBrevo>>['result']) => result.run.data.resultData.runData['Zoom to Brevo'][0].hints?.[0]?.message ?? '';

describe('Webinar → Register Contacts', () => {
	it('registers 50 Brevo contacts (two batch requests, 30 and 20) and writes each one their own join link, registrant ID, webinar name and start', async () => {
		const before = zoomWebinar().registrants.length;
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar({ sendEvent: true }), { typeVersion: 1.2, inputItems: people(50) });
		expect(result.error).toBeUndefined();
		expect(batchEmails().map((emails) => emails.length)).toEqual([30, 20]);
		expect(posts()).toHaveLength(0);
		expect(zoomWebinar().registrants).toHaveLength(before + 50);
		const links = new Set<string>();
		for (const [i, item] of items.entries()) {
			const email = `lead.${i}@prospects.example`;
			const registrant = registrantOf(email)!;
			expect(registrant).toMatchObject({ first_name: `First${i}`, last_name: `Last${i}`, status: 'approved' });
			expect(item.json).toMatchObject({ email, registration: { status: 'approved', how: 'registered', registrantId: registrant.id, joinUrl: registrant.join_url } });
			expect(item.pairedItem).toEqual({ item: i });
			const contact = sim.brevo.contacts.get(email)!;
			expect(contact.listIds).toContain(17);
			expect(contact.attributes).toMatchObject({
				ZOOM_JOIN_URL: registrant.join_url,
				ZOOM_REGISTRANT_ID: registrant.id,
				ZOOM_REGISTRATION_STATUS: 'approved',
				WEBINAR_NAME: zoomWebinar().topic,
				WEBINAR_START: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
				WEBINAR_START_TIME: expect.stringContaining(`(${zoomWebinar().timezone})`),
				FIRSTNAME: `First${i}`,
			});
			links.add(String(contact.attributes.ZOOM_JOIN_URL));
		}
		// Personal links: one per person.
		expect(links.size).toBe(50);
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered');
		expect(events).toHaveLength(50);
		expect(events[0].event_properties).toMatchObject({ join_url: expect.stringContaining('tk='), status: 'approved', zoom_kind: 'webinar' });
		expect(hint(result)).toMatch(/^50 registered in Zoom, 0 registered already \(reused\)/);
	});

	it('a second run registers nobody twice: it finds them in one listing and sends no event again', async () => {
		const processedData = new ProcessedDataStore();
		const run = async () => await runZoomToBrevo(sim, registerForWebinar({ sendEvent: true }), { typeVersion: 1.2, inputItems: people(50), processedData, workflowId: 'register' });
		await run();
		const count = zoomWebinar().registrants.length;
		sim.clearRequests();
		const again = await run();
		expect(again.result.error).toBeUndefined();
		expect(posts()).toHaveLength(0);
		expect(zoomWebinar().registrants).toHaveLength(count);
		// One listing (a page of 300 holds the 90 registrants) per status, not one call per person.
		expect(sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/registrants')).length).toBeLessThanOrEqual(3);
		for (const [i, item] of again.items.entries()) {
			expect(item.json).toMatchObject({ registration: { how: 'found', joinUrl: registrantOf(`lead.${i}@prospects.example`)!.join_url } });
		}
		expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered')).toHaveLength(50);
		expect(hint(again.result)).toMatch(/^0 registered in Zoom, 50 registered already \(reused\)/);
	});

	it('someone registered elsewhere (Zoom answers with the existing registration): same link, nobody duplicated', async () => {
		const existing = zoomWebinar().registrants.find((r) => r.status === 'approved')!;
		const count = zoomWebinar().registrants.length;
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), {
			typeVersion: 1.2,
			inputItems: [{ json: { email: existing.email.toUpperCase(), attributes: { FIRSTNAME: 'Someone' } } }],
		});
		expect(result.error).toBeUndefined();
		expect(zoomWebinar().registrants).toHaveLength(count);
		expect(items[0].json).toMatchObject({ registration: { joinUrl: existing.join_url, registrantId: existing.id } });
		expect(sim.brevo.contacts.get(existing.email.toLowerCase())?.attributes.ZOOM_JOIN_URL).toBe(existing.join_url);
	});

	it('the same person twice in one run (two list events) is registered once; both items get the registration', async () => {
		const twice = [...people(1), { json: { email: 'LEAD.0@prospects.example', attributes: { FIRSTNAME: 'First0' } } }];
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar({ sendEvent: true }), { typeVersion: 1.2, inputItems: twice });
		expect(result.error).toBeUndefined();
		expect(batchEmails()).toEqual([['lead.0@prospects.example']]);
		expect(sim.brevo.events.filter((e) => e.identifiers.email_id === 'lead.0@prospects.example')).toHaveLength(1);
		expect(items.map((item) => (item.json.registration as { joinUrl: string }).joinUrl)).toEqual([registrantOf('lead.0@prospects.example')!.join_url, registrantOf('lead.0@prospects.example')!.join_url]);
	});

	it("an item with only an email (a Brevo Trigger's list event) takes the names of the Brevo contact", async () => {
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: [{ json: { email: 'newsletter.only@example.org', list_id: [17] } }] });
		expect(result.error).toBeUndefined();
		expect(registrantOf('newsletter.only@example.org')).toMatchObject({ first_name: 'News', last_name: 'Reader' });
		expect(items[0].json).toMatchObject({ registration: { how: 'registered' } });
	});

	it('a person without any first name is their own error item (Continue On Fail), sent to no one; the others go on', async () => {
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), {
			typeVersion: 1.2,
			continueOnFail: true,
			inputItems: [{ json: { email: 'nameless@nowhere.example' } }, ...people(2)],
		});
		expect(result.error).toBeUndefined();
		expect(items[0].json).toMatchObject({ email: 'nameless@nowhere.example', reason: 'invalid', error: 'Zoom requires a first name, and this person has none' });
		expect(batchEmails()).toEqual([['lead.0@prospects.example', 'lead.1@prospects.example']]);
		expect(items.slice(1).map((item) => (item.json.registration as { how: string }).how)).toEqual(['registered', 'registered']);
	});

	it("Continue (using error output): the people not registered leave by n8n's error output with the reason; the registered by the first", async () => {
		const { outputs, result } = await runZoomToBrevo(sim, registerForWebinar(), {
			typeVersion: 1.2,
			onError: 'continueErrorOutput',
			inputItems: [{ json: { email: 'nameless@nowhere.example' } }, ...people(2)],
		});
		expect(result.error).toBeUndefined();
		const [registered, skipped, errors] = outputs;
		expect(registered.map((item) => item.json.email)).toEqual(['lead.0@prospects.example', 'lead.1@prospects.example']);
		expect(skipped).toEqual([]);
		// What failed, and the rest under details (n8n adds the input item's fields when a node
		// precedes this one: the e2e test in real n8n shows it).
		expect(errors.map((item) => item.json)).toEqual([
			{
				error: 'Zoom requires a first name, and this person has none',
				details: { email: 'nameless@nowhere.example', reason: 'invalid', hint: expect.any(String) },
			},
		]);
	});

	it('without Continue On Fail a refusal stops the node with the count and the reason, after the others were written', async () => {
		const { result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: [...people(2), { json: { email: 'nameless@nowhere.example' } }] });
		expect(result.error?.message).toBe('1 of 3 people were not registered: nameless@nowhere.example: Zoom requires a first name, and this person has none');
		expect(result.error?.description).toMatch(/Done before this stopped: 2 registered in Zoom/);
		expect(sim.brevo.contacts.get('lead.0@prospects.example')?.attributes.ZOOM_JOIN_URL).toEqual(expect.any(String));
	});

	it('manual approval: pending without a join link or registered event; once approved, the next run sends the event with the link, once', async () => {
		zoomWebinar().registration = { approval_type: 1, registrants_restrict_number: 0 };
		const store = new ProcessedDataStore();
		const register = () => runZoomToBrevo(sim, registerForWebinar({ sendEvent: true }), { typeVersion: 1.2, inputItems: people(2), processedData: store });
		const { items, result } = await register();
		expect(result.error).toBeUndefined();
		expect(items[0].json).toMatchObject({ registration: { status: 'pending', how: 'registered' } });
		const attributes = sim.brevo.contacts.get('lead.0@prospects.example')!.attributes;
		expect(attributes).toMatchObject({ ZOOM_REGISTRATION_STATUS: 'pending', ZOOM_REGISTRANT_ID: registrantOf('lead.0@prospects.example')!.id });
		expect(attributes).not.toHaveProperty('ZOOM_JOIN_URL');
		// Before: a linkless zoom_webinar_registered went now, and the approval never sent another.
		expect(sim.brevo.events).toHaveLength(0);
		expect(items[0].json.event).toMatchObject({ status: 'not sent', reason: expect.stringMatching(/awaiting the host's approval/) });
		expect(hint(result)).toContain("2 awaiting the host's approval");

		// The host approves one of them in Zoom; Zoom gives them their link.
		const approved = registrantOf('lead.0@prospects.example')!;
		approved.status = 'approved';
		approved.join_url = approved.join_url || `https://zoom.example/w/${webinarId()}?tk=${approved.id}`;
		const later = await register();
		expect(later.result.error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(sim.brevo.events).toHaveLength(1);
		expect(sim.brevo.events[0]).toMatchObject({ event_name: 'zoom_webinar_registered', identifiers: { email_id: 'lead.0@prospects.example' } });
		expect(sim.brevo.events[0].event_properties).toMatchObject({ status: 'approved', join_url: approved.join_url });
		expect(sim.brevo.contacts.get('lead.0@prospects.example')!.attributes).toMatchObject({ ZOOM_JOIN_URL: approved.join_url, ZOOM_REGISTRATION_STATUS: 'approved' });
		expect(later.items[1].json.event).toMatchObject({ status: 'not sent' });
		// Once: a third run sends nothing more.
		await register();
		expect(sim.brevo.events).toHaveLength(1);
	});

	it('registration turned off: everyone refused with the reason, nobody sent to Zoom', async () => {
		zoomWebinar().registration = { approval_type: 2, registrants_restrict_number: 0 };
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, continueOnFail: true, inputItems: people(3) });
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(0);
		expect(items.map((item) => item.json.reason)).toEqual(['registration_off', 'registration_off', 'registration_off']);
		expect(String(items[0].json.hint)).toMatch(/turn on Registration/);
	});

	it('a full webinar: those who fit are registered, the rest refused as full, and not sent once Zoom said it is full', async () => {
		const room = zoomWebinar().registrants.filter((r) => r.status !== 'denied').length + 2;
		zoomWebinar().registration = { approval_type: 0, registrants_restrict_number: room };
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, continueOnFail: true, inputItems: people(5) });
		expect(result.error).toBeUndefined();
		expect(items.map((item) => item.json.reason ?? (item.json.registration as { how: string }).how)).toEqual(['registered', 'registered', 'full', 'full', 'full']);
		// The batch of 5 did not fit (refused whole), so they went one by one, as without batches:
		// the third was refused by Zoom; the fourth and fifth were not sent (their daily requests kept).
		expect(batches().map((r) => r.status)).toEqual([404]);
		expect(posts()).toHaveLength(3);
		expect(String(items[2].json.hint)).toContain('Webinar has reached maximum attendee capacity.');
		expect(sim.brevo.contacts.get('lead.2@prospects.example')).toBeUndefined();
	});

	it("Zoom's 3 registrations a day for one person: refused at once (no retry), and found in Zoom's list when already registered", async () => {
		const token = await s2sToken(sim);
		const email = 'lead.0@prospects.example';
		for (let i = 0; i < 3; i++) {
			const reply = await zoomCall(sim, `/webinars/${webinarId()}/registrants`, token, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email, first_name: 'First0' }),
			});
			expect(reply.status).toBe(201);
		}
		sim.clearRequests();
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: people(1) });
		expect(result.error).toBeUndefined();
		// One 429 (the batch, naming the person), not retried nor sent one by one: a retry would only
		// be refused again (and counted).
		expect(batches().map((r) => r.status)).toEqual([429]);
		expect(posts()).toHaveLength(0);
		expect(items[0].json).toMatchObject({ registration: { how: 'found', joinUrl: registrantOf(email)!.join_url } });
	});

	it('a lost answer (one by one) is not sent again: the next run finds the registration instead of registering twice', async () => {
		const processedData = new ProcessedDataStore();
		sim.inject({ kind: 'lost-reply', status: 502, match: { service: 'zoom', method: 'POST', path: '/registrants' } });
		// A city: the batch body has no field for it, so this person goes one by one.
		const withCity = registerForWebinar({ registrantFields: { city: 'Lyon' } });
		const first = await runZoomToBrevo(sim, withCity, { typeVersion: 1.2, continueOnFail: true, inputItems: people(1), processedData, workflowId: 'lost' });
		expect(first.items[0].json).toMatchObject({ reason: 'unconfirmed' });
		expect(posts()).toHaveLength(1);
		// Zoom did register the person: the reply was lost.
		expect(registrantOf('lead.0@prospects.example')).toBeDefined();
		sim.clearRequests();
		const again = await runZoomToBrevo(sim, withCity, { typeVersion: 1.2, inputItems: people(1), processedData, workflowId: 'lost' });
		expect(again.result.error).toBeUndefined();
		expect(posts()).toHaveLength(0);
		expect(again.items[0].json).toMatchObject({ registration: { how: 'found' } });
	});

	it('Dry Run: tells who would be registered and who is already, sends nothing to Zoom or Brevo', async () => {
		const existing = zoomWebinar().registrants.find((r) => r.status === 'approved')!;
		const contactsBefore = JSON.stringify([...sim.brevo.contacts.values()]);
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar({ options: { dryRun: true } }), {
			typeVersion: 1.2,
			inputItems: [...people(2), { json: { email: existing.email, attributes: { FIRSTNAME: 'X' } } }],
		});
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(0);
		expect(items.map((item) => (item.json.registration as { how: string }).how)).toEqual(['would register', 'would register', 'registered already']);
		expect(JSON.stringify([...sim.brevo.contacts.values()])).toBe(contactsBefore);
		expect(hint(result)).toContain('dry run: would register 2 in Zoom, 1 registered already');
	});
});

describe('Meeting → Register Contacts', () => {
	it('registers for chosen sessions of a recurring meeting; the start written is that session, in the meeting time zone', async () => {
		const [, second] = sim.fixture.ids.registrationMeetingOccurrenceIds;
		const meeting = zoomMeeting();
		const { items, result } = await runZoomToBrevo(
			sim,
			{
				resource: 'meeting',
				operation: 'registerContacts',
				registrationMeetingId: { __rl: true, mode: 'id', value: String(meeting.id) },
				registrationOccurrenceIds: [second], // as the 1.2 dropdown saves it
				writeMode: 'upsert',
			},
			{ typeVersion: 1.2, inputItems: people(2, 'meet') },
		);
		expect(result.error).toBeUndefined();
		expect(posts('meetings')).toHaveLength(2);
		expect(posts('meetings')[0].path).not.toContain('occurrence_ids');
		const registrant = meeting.registrants!.find((r) => r.email === 'meet.0@prospects.example')!;
		expect(registrant.occurrence_ids).toEqual([second]);
		const session = meeting.occurrences!.find((o) => o.occurrence_id === second)!;
		const attributes = sim.brevo.contacts.get('meet.0@prospects.example')!.attributes;
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: meeting.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.parse(session.start_time));
		expect(attributes).toMatchObject({ MEETING_NAME: meeting.topic, MEETING_START: day, ZOOM_JOIN_URL: registrant.join_url });
		expect(attributes.MEETING_START_TIME).toMatch(new RegExp(`^${day} \\d\\d:\\d\\d \\(${meeting.timezone.replace('/', '\\/')}\\)$`));
		expect(items[0].json).toMatchObject({ registration: { how: 'registered' }, brevo: { mode: 'upsert' } });
	});

	it('checks its own fields first: an occurrence ID that is no number, an item without email', async () => {
		const base = { resource: 'meeting', operation: 'registerContacts', registrationMeetingId: { __rl: true, mode: 'id', value: String(zoomMeeting().id) } };
		const bad = await runZoomToBrevo(sim, { ...base, registrationOccurrenceIds: 'next week' }, { typeVersion: 1.2, inputItems: people(1) });
		expect(bad.result.error?.message).toBe('"next week" is not a Zoom occurrence ID');
		const noEmail = await runZoomToBrevo(sim, base, { typeVersion: 1.2, inputItems: [{ json: { name: 'No Email' } }] });
		expect(noEmail.result.error?.message).toBe('This item has no email to register');
		expect(sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('oauth'))).toHaveLength(0);
	});
});

describe('batch registration (issue #25): plain people 30 a request, the rest one by one, each exactly once', () => {
	it('sends at most 30 a request, only email and names, never approving for the host; each person gets their own link', async () => {
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar({ sendEvent: true }), { typeVersion: 1.2, inputItems: people(61) });
		expect(result.error).toBeUndefined();
		expect(batchEmails()).toEqual([0, 30, 60].map((from) => people(61).slice(from, from + 30).map((p) => p.json.email)));
		for (const request of batches()) {
			const body = request.body as BatchBody;
			expect(body.auto_approve).toBe(false);
			// A webinar's batch body has no confirmation-email field (Rivet; zoom/registrants.ts [K]).
			expect(body).not.toHaveProperty('registrants_confirmation_email');
			for (const person of body.registrants) expect(Object.keys(person).sort()).toEqual(['email', 'first_name', 'last_name']);
		}
		const links = new Set<string>();
		for (const [i, item] of items.entries()) {
			const registrant = registrantOf(`lead.${i}@prospects.example`)!;
			expect(item.json).toMatchObject({ registration: { status: 'approved', how: 'registered', registrantId: registrant.id, joinUrl: registrant.join_url } });
			expect(sim.brevo.contacts.get(`lead.${i}@prospects.example`)!.attributes.ZOOM_JOIN_URL).toBe(registrant.join_url);
			links.add(String(registrant.join_url));
		}
		expect(links.size).toBe(61);
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered');
		expect(events).toHaveLength(61);
		for (const event of events) expect(event.event_properties!.join_url).toBe(registrantOf(String(event.identifiers.email_id))!.join_url);
		expect(hint(result)).toMatch(/^61 registered in Zoom, 0 registered already \(reused\)/);
	});

	it("matches each join link to its person by email, whatever the order and case of Zoom's answer; one missing from it is looked up, not sent again", async () => {
		const three = people(3);
		// Zoom's answer in another order and case than the request, and without lead.2.
		const answer = { registrants: [1, 0].map((i) => ({ email: `LEAD.${i}@Prospects.Example`, registrant_id: `r${i}`, join_url: `https://us02web.zoom.us/w/1?tk=link-of-${i}` })) };
		sim.inject({ kind: 'status', status: 201, body: answer, match: { service: 'zoom', method: 'POST', path: '/batch_registrants' } });
		const store = new ProcessedDataStore();
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, continueOnFail: true, inputItems: three, processedData: store, workflowId: 'order' });
		expect(result.error).toBeUndefined();
		expect(items[0].json).toMatchObject({ registration: { how: 'registered', registrantId: 'r0', joinUrl: 'https://us02web.zoom.us/w/1?tk=link-of-0' } });
		expect(items[1].json).toMatchObject({ registration: { how: 'registered', registrantId: 'r1', joinUrl: 'https://us02web.zoom.us/w/1?tk=link-of-1' } });
		expect(sim.brevo.contacts.get('lead.1@prospects.example')!.attributes.ZOOM_JOIN_URL).toBe('https://us02web.zoom.us/w/1?tk=link-of-1');
		// lead.2: not in the answer, not in Zoom's list (the forced answer registered nobody): unconfirmed, not re-sent.
		expect(items[2].json).toMatchObject({ email: 'lead.2@prospects.example', reason: 'unconfirmed' });
		expect(batches()).toHaveLength(1);
		expect(posts()).toHaveLength(0);
		expect(listings().length).toBeGreaterThan(0);
		expect(listings().length).toBeLessThanOrEqual(3);
		// Its key stays recorded: the next run looks lead.2 up, and registers them (one by one) as Zoom has no registration.
		sim.clearRequests();
		const again = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: [three[2]], processedData: store, workflowId: 'order' });
		expect(again.result.error).toBeUndefined();
		expect(batches()).toHaveLength(0);
		expect(posts()).toHaveLength(1);
		expect(again.items[0].json).toMatchObject({ registration: { how: 'registered', joinUrl: registrantOf('lead.2@prospects.example')!.join_url } });
	});

	it('a batch whose answer is lost is never sent again: one listing finds its people (how: found), the other batches go on', async () => {
		// The first batch reaches Zoom, then the connection drops before the answer.
		sim.inject({ kind: 'lost-reply', match: { service: 'zoom', method: 'POST', path: '/batch_registrants' } });
		const store = new ProcessedDataStore();
		const run = async () => await runZoomToBrevo(sim, registerForWebinar({ sendEvent: true }), { typeVersion: 1.2, inputItems: people(35), processedData: store, workflowId: 'lost-batch' });
		const { items, result } = await run();
		expect(result.error).toBeUndefined();
		expect(batches().map((r) => [(r.body as BatchBody).registrants.length, r.replyLost === true])).toEqual([
			[30, true],
			[5, false],
		]);
		expect(posts()).toHaveLength(0);
		// One registrant listing (one page per status) for the 30 unanswered.
		expect(listings().length).toBeLessThanOrEqual(3);
		for (const [i, item] of items.entries()) {
			const registrant = registrantOf(`lead.${i}@prospects.example`)!;
			expect(item.json).toMatchObject({ registration: { how: i < 30 ? 'found' : 'registered', joinUrl: registrant.join_url, registrantId: registrant.id } });
			expect(sim.brevo.contacts.get(`lead.${i}@prospects.example`)!.attributes.ZOOM_JOIN_URL).toBe(registrant.join_url);
		}
		expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered')).toHaveLength(35);
		expect(zoomWebinar().registrants.filter((r) => r.email.startsWith('lead.'))).toHaveLength(35);

		// Re-run: everyone is looked up, nothing is sent to Zoom, no event goes twice.
		sim.clearRequests();
		const again = await run();
		expect(again.result.error).toBeUndefined();
		expect(batches()).toHaveLength(0);
		expect(posts()).toHaveLength(0);
		expect(again.items.every((item) => (item.json.registration as { how: string }).how === 'found')).toBe(true);
		expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered')).toHaveLength(35);
	});

	it('a batch lost before Zoom took it: its people stay unconfirmed (keys kept), and the next run registers them once', async () => {
		sim.inject({ kind: 'reset', match: { service: 'zoom', method: 'POST', path: '/batch_registrants' } });
		const store = new ProcessedDataStore();
		const run = async () => await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, continueOnFail: true, inputItems: people(3), processedData: store, workflowId: 'reset-batch' });
		const first = await run();
		expect(first.items.map((item) => item.json.reason)).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed']);
		expect(batches()).toHaveLength(1);
		expect(posts()).toHaveLength(0);
		sim.clearRequests();
		const again = await run();
		expect(again.result.error).toBeUndefined();
		expect(batches()).toHaveLength(0);
		expect(posts()).toHaveLength(3);
		expect(again.items.map((item) => (item.json.registration as { how: string }).how)).toEqual(['registered', 'registered', 'registered']);
		expect(zoomWebinar().registrants.filter((r) => r.email.startsWith('lead.'))).toHaveLength(3);
	});

	it('plain people and people with a custom answer in one run: the plain in a batch, the others one by one with their answers', async () => {
		const mix = [...people(4), ...people(2, 'asked').map((p) => ({ json: { ...p.json, why: 'Brevo' } }))];
		const parameters = registerForWebinar({ registrantFields: { customQuestions: { answers: [{ title: 'Why do you come?', value: '={{ $json.why }}' }] } } });
		const { items, result } = await runZoomToBrevo(sim, parameters, { typeVersion: 1.2, inputItems: mix });
		expect(result.error).toBeUndefined();
		expect(batchEmails()).toEqual([people(4).map((p) => p.json.email)]);
		expect(posts().map((r) => (r.body as { email: string }).email)).toEqual(['asked.0@prospects.example', 'asked.1@prospects.example']);
		expect(registrantOf('asked.0@prospects.example')!.custom_questions).toEqual([{ title: 'Why do you come?', value: 'Brevo' }]);
		expect(registrantOf('lead.0@prospects.example')!.custom_questions).toEqual([]);
		expect(items.map((item) => (item.json.registration as { how: string }).how)).toEqual(Array(6).fill('registered'));
		for (const item of items) expect((item.json.registration as { joinUrl: string }).joinUrl).toBe(registrantOf(String(item.json.email))!.join_url);
	});

	it('manual approval: no batch (it would say nothing of who waits), nobody approved for the host; everyone pending', async () => {
		zoomWebinar().registration = { approval_type: 1, registrants_restrict_number: 0 };
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: people(3) });
		expect(result.error).toBeUndefined();
		expect(batches()).toHaveLength(0);
		expect(posts()).toHaveLength(3);
		for (const request of posts()) expect((request.body as { auto_approve?: unknown }).auto_approve).toBeUndefined();
		expect(items.map((item) => (item.json.registration as { status: string }).status)).toEqual(['pending', 'pending', 'pending']);
		expect(zoomWebinar().registrants.filter((r) => r.email.startsWith('lead.')).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
	});

	it("a scheduled meeting (type 2) takes batches and asks for Zoom's confirmation email; a recurring one (type 8) goes one by one", async () => {
		const scheduled = sim.zoom.meetings.find((m) => m.type === 2)!;
		scheduled.registration = { approval_type: 0, registrants_restrict_number: 0 };
		const forMeeting = (id: number): INodeParameters => ({ resource: 'meeting', operation: 'registerContacts', registrationMeetingId: { __rl: true, mode: 'id', value: String(id) }, writeMode: 'upsert' });
		const { items, result } = await runZoomToBrevo(sim, forMeeting(scheduled.id), { typeVersion: 1.2, inputItems: people(3, 'meet') });
		expect(result.error).toBeUndefined();
		expect(batches('meetings')).toHaveLength(1);
		expect(batches('meetings')[0].body).toMatchObject({ auto_approve: false, registrants_confirmation_email: true });
		expect(posts('meetings')).toHaveLength(0);
		const registrant = scheduled.registrants!.find((r) => r.email === 'meet.1@prospects.example')!;
		expect(items[1].json).toMatchObject({ registration: { how: 'registered', joinUrl: registrant.join_url } });
		expect(sim.brevo.contacts.get('meet.1@prospects.example')!.attributes).toMatchObject({ ZOOM_JOIN_URL: registrant.join_url, MEETING_NAME: scheduled.topic });

		sim.clearRequests();
		const recurring = await runZoomToBrevo(sim, forMeeting(zoomMeeting().id), { typeVersion: 1.2, inputItems: people(2, 'series') });
		expect(recurring.result.error).toBeUndefined();
		expect(batches('meetings')).toHaveLength(0);
		expect(posts('meetings')).toHaveLength(2);
	});

	it('a batch Zoom does not take for this target (400, "Batch registration is not supported") goes one by one; nothing lost', async () => {
		sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 300, message: 'This API can only be used for scheduled webinars (type 5). Batch registration is not supported for other webinar types.' },
			match: { service: 'zoom', method: 'POST', path: '/batch_registrants' },
		});
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: people(3) });
		expect(result.error).toBeUndefined();
		expect(batches().map((r) => r.status)).toEqual([400]);
		expect(posts()).toHaveLength(3);
		expect(items.map((item) => (item.json.registration as { how: string }).how)).toEqual(['registered', 'registered', 'registered']);
	});

	it('an app without the batch scopes (set up before batching) still registers everyone, one by one', async () => {
		await sim.close();
		sim = await startSimulator({ zoom: { grantedScopes: DEFAULT_GRANTED_SCOPES.filter((s) => !s.includes('batch_registrants')) }, brevo: { importProcessingMs: 50 } });
		const { items, result } = await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, inputItems: people(3) });
		expect(result.error).toBeUndefined();
		expect(batches().map((r) => r.status)).toEqual([400]);
		expect(posts()).toHaveLength(3);
		expect(items.map((item) => (item.json.registration as { how: string }).how)).toEqual(['registered', 'registered', 'registered']);
	});

	it('a batch refused for a reason every person shares (the webinar is over) is each person\'s refusal; keys released, no one-by-one requests', async () => {
		sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 3038, message: 'The webinar is over. You cannot register now. If you have any questions, contact the Webinar host.' },
			match: { service: 'zoom', method: 'POST', path: '/batch_registrants' },
		});
		const store = new ProcessedDataStore();
		const run = async () => await runZoomToBrevo(sim, registerForWebinar(), { typeVersion: 1.2, continueOnFail: true, inputItems: people(2), processedData: store, workflowId: 'over' });
		const { items } = await run();
		expect(items.map((item) => item.json.reason)).toEqual(['closed', 'closed']);
		expect(posts()).toHaveLength(0);
		// Provably not registered: the next run sends them (once the fault is gone, Zoom takes them).
		sim.clearRequests();
		const again = await run();
		expect(batches()).toHaveLength(1);
		expect(again.items.map((item) => (item.json.registration as { how: string }).how)).toEqual(['registered', 'registered']);
	});
});
