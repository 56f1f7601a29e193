/**
 * Register Contacts in a real n8n 2.41.1, beyond the example's webinar run (examplesSuite (g)):
 * a meeting's chosen session, a person Zoom cannot take on n8n's error output ("Continue (using
 * error output)"), a full webinar stopping the execution with what was done before, registration
 * turned off with "Continue" (the reason on the first output), a dry run that sends nothing, and 40
 * plain people registered by Zoom's batch registration in two requests (issue #25). n8n's own error-output routing and hints are what is tested here: the
 * n8n-core harness has no node before Zoom to Brevo, so n8n adds no input fields there.
 */
import { nodeError, nodeOutputJson, type RestClient, type RunExecutionData } from './harness';
import type { ZoomRegistrationSettings } from '../simulator/fixture/types';
import { startSyncSuite, stopSyncSuite, type Simulator } from './support';

let client: RestClient;
let sim: Simulator;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	({ sim, client, credentials } = await startSyncSuite('registration'));
});

afterAll(async () => await stopSyncSuite(sim));

const SYNC = 'Register';
const noOp = (name: string, y: number) => ({ id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, y], parameters: {} });

/** Start (with `people` pinned, as a form or a Brevo Trigger would hand them on) → Register
 *  Contacts → one node per output: Registered, Skipped and, with the error output, Not Registered. */
async function runRegistration(name: string, parameters: Record<string, unknown>, people: Array<Record<string, unknown>>, onError?: 'continueErrorOutput' | 'continueRegularOutput') {
	const outputs = ['Registered', 'Skipped', ...(onError === 'continueErrorOutput' ? ['Not Registered'] : [])];
	const workflow = await client.createWorkflow({
		name,
		nodes: [
			{ id: 'node-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'node-register', name: SYNC, type: 'n8n-nodes-zoom-brevo.zoomToBrevo', typeVersion: 1.2, position: [220, 0], parameters, credentials, ...(onError ? { onError } : {}) },
			...outputs.map((output, i) => noOp(output, i * 150 - 150)),
		],
		connections: {
			Start: { main: [[{ node: SYNC, type: 'main', index: 0 }]] },
			[SYNC]: { main: outputs.map((output) => [{ node: output, type: 'main', index: 0 }]) },
		},
		pinData: { Start: people.map((json) => ({ json })) },
	} as never);
	return await client.runWorkflowManually(workflow.id, { timeoutMs: 90_000 });
}

/** Runs `test` with the webinar's registration settings changed in the simulated Zoom, then puts them back. */
async function withWebinarRegistration(registration: ZoomRegistrationSettings, test: () => Promise<void>) {
	const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	const saved = webinar.registration;
	webinar.registration = registration;
	try {
		await test();
	} finally {
		webinar.registration = saved;
	}
}

const summaryOf = (data: RunExecutionData) => (data.resultData.runData[SYNC]?.[0]?.hints as Array<{ message: string }> | undefined)?.map((h) => h.message).join(' | ') ?? '';
const registrationPosts = (kind: 'meetings' | 'webinars') => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST' && r.path.includes(`/${kind}/`) && r.path.endsWith('/registrants'));

it("a meeting's chosen session: people registered with their own links in Brevo; a person Zoom cannot take leaves by n8n's error output with the reason and the input item", async () => {
	const meeting = sim.zoom.meetings.find((m) => m.id === sim.fixture.ids.registrationMeetingId)!;
	const [, session] = sim.fixture.ids.registrationMeetingOccurrenceIds;
	const execution = await runRegistration(
		'Register for a meeting session',
		{
			resource: 'meeting',
			operation: 'registerContacts',
			registrationMeetingId: { __rl: true, mode: 'id', value: String(meeting.id) },
			registrationOccurrenceIds: [session], // as the 1.2 dropdown saves it
			writeMode: 'upsert',
			listIds: [17],
		},
		[
			{ email: 'ines@clinic.example', firstName: 'Ines', lastName: 'Moreau', form: 'open day' },
			{ email: 'no.name@clinic.example', form: 'open day' },
			{ email: 'paul@clinic.example', firstName: 'Paul', form: 'open day' },
		],
		'continueErrorOutput',
	);
	expect(execution.status).toBe('success');

	const registered = nodeOutputJson(execution.data, 'Registered');
	expect(registered.map((item) => item.email)).toEqual(['ines@clinic.example', 'paul@clinic.example']);
	for (const item of registered) {
		const registrant = meeting.registrants!.find((r) => r.email === item.email)!;
		expect(registrant.occurrence_ids).toEqual([session]);
		expect(item).toMatchObject({ registration: { how: 'registered', joinUrl: registrant.join_url } });
		const contact = sim.brevo.contacts.get(String(item.email))!;
		expect(contact.attributes).toMatchObject({ ZOOM_JOIN_URL: registrant.join_url, ZOOM_REGISTRANT_ID: registrant.id, MEETING_NAME: meeting.topic });
		expect(contact.listIds).toContain(17);
	}
	// n8n's error output: the input item (with the form it came from), what failed and why.
	expect(nodeOutputJson(execution.data, 'Not Registered')).toEqual([
		{
			email: 'no.name@clinic.example',
			form: 'open day',
			error: 'Zoom requires a first name, and this person has none',
			details: { email: 'no.name@clinic.example', reason: 'invalid', hint: expect.any(String) },
		},
	]);
	expect(execution.data.resultData.runData.Skipped).toBeUndefined();
	expect(meeting.registrants!.some((r) => r.email === 'no.name@clinic.example')).toBe(false);
	expect(summaryOf(execution.data)).toMatch(/^2 registered in Zoom, 0 registered already \(reused\), 1 not registered \(invalid: 1\)/);
});

it('a full webinar without Continue: the execution fails naming who was not registered, after writing those who were', async () => {
	const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	await withWebinarRegistration({ approval_type: 0, registrants_restrict_number: webinar.registrants.filter((r) => r.status !== 'denied').length + 2 }, async () => {
		const people = ['ana', 'ben', 'cleo'].map((first) => ({ email: `${first}@agency.example`, firstName: first }));
		const execution = await runRegistration(
			'Register for a full webinar',
			{ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: { __rl: true, mode: 'id', value: String(webinar.id) }, writeMode: 'import', listIds: [17] },
			people,
		);
		expect(execution.status).toBe('error');
		const error = nodeError(execution.data, SYNC);
		expect(error?.message).toBe('1 of 3 people were not registered: cleo@agency.example: The webinar is full');
		expect(error?.description).toContain('Webinar has reached maximum attendee capacity.');
		expect(error?.description).toMatch(/Done before this stopped: 2 registered in Zoom.*2 contacts written to Brevo/);
		for (const email of ['ana@agency.example', 'ben@agency.example']) {
			expect(sim.brevo.contacts.get(email)?.attributes.ZOOM_JOIN_URL).toBe(webinar.registrants.find((r) => r.email === email)!.join_url);
		}
		expect(sim.brevo.contacts.get('cleo@agency.example')).toBeUndefined();
	});
});

it("registration turned off, with Continue: each person is an item on the first output with the reason, and nobody is sent to Zoom", async () => {
	const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	await withWebinarRegistration({ approval_type: 2, registrants_restrict_number: 0 }, async () => {
		const postsBefore = registrationPosts('webinars').length;
		const execution = await runRegistration(
			'Register while registration is off',
			{ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: { __rl: true, mode: 'id', value: String(webinar.id) }, writeMode: 'import' },
			[
				{ email: 'eve@agency.example', firstName: 'Eve' },
				{ email: 'finn@agency.example', firstName: 'Finn' },
			],
			'continueRegularOutput',
		);
		expect(execution.status).toBe('success');
		expect(nodeOutputJson(execution.data, 'Registered')).toEqual([
			{ email: 'eve@agency.example', error: 'Registration is not turned on for this webinar', reason: 'registration_off', hint: expect.stringMatching(/turn on Registration/) },
			{ email: 'finn@agency.example', error: 'Registration is not turned on for this webinar', reason: 'registration_off', hint: expect.stringMatching(/turn on Registration/) },
		]);
		expect(registrationPosts('webinars')).toHaveLength(postsBefore);
	});
});

it('a dry run sends nothing to Zoom or Brevo; its items and summary say who would be registered and who is already', async () => {
	const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	const existing = webinar.registrants.find((r) => r.status === 'approved')!;
	const postsBefore = registrationPosts('webinars').length;
	const brevoWritesBefore = sim.requests.filter((r) => r.service === 'brevo' && r.method !== 'GET').length;
	const execution = await runRegistration(
		'Register for a webinar, dry run',
		{
			resource: 'webinar',
			operation: 'registerContacts',
			registrationWebinarId: { __rl: true, mode: 'id', value: String(webinar.id) },
			sendEvent: true,
			options: { dryRun: true },
		},
		[
			{ email: 'dora@agency.example', firstName: 'Dora' },
			{ email: existing.email, firstName: existing.first_name },
		],
	);
	expect(execution.status).toBe('success');
	expect(nodeOutputJson(execution.data, 'Registered').map((item) => (item.registration as { how: string }).how)).toEqual(['would register', 'registered already']);
	expect(registrationPosts('webinars')).toHaveLength(postsBefore);
	expect(sim.requests.filter((r) => r.service === 'brevo' && r.method !== 'GET')).toHaveLength(brevoWritesBefore);
	expect(summaryOf(execution.data)).toContain('dry run: would register 1 in Zoom, 1 registered already');
});

it("40 people with only email and names: two batch registrations (30 and 10), each person's own join link on their Brevo contact and item", async () => {
	const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
	const batchPosts = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST' && r.path.endsWith(`/webinars/${webinar.id}/batch_registrants`));
	const batchesBefore = batchPosts().length;
	const postsBefore = registrationPosts('webinars').length;
	const people = Array.from({ length: 40 }, (_v, i) => ({ email: `batch.${i}@leads.example`, firstName: `Batch${i}`, lastName: 'Lead' }));
	const execution = await runRegistration(
		'Register 40 people in batches',
		{ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: { __rl: true, mode: 'id', value: String(webinar.id) }, writeMode: 'import', listIds: [17], sendEvent: true },
		people,
	);
	expect(execution.status).toBe('success');
	const sent = batchPosts().slice(batchesBefore);
	expect(sent.map((r) => (r.body as { registrants: unknown[] }).registrants.length)).toEqual([30, 10]);
	expect(sent.map((r) => r.status)).toEqual([201, 201]);
	expect(registrationPosts('webinars')).toHaveLength(postsBefore);
	const registered = nodeOutputJson(execution.data, 'Registered');
	expect(registered.map((item) => item.email)).toEqual(people.map((p) => p.email));
	const links = new Set<string>();
	for (const item of registered) {
		const registrant = webinar.registrants.find((r) => r.email === item.email)!;
		expect(item).toMatchObject({ registration: { how: 'registered', status: 'approved', joinUrl: registrant.join_url, registrantId: registrant.id } });
		expect(sim.brevo.contacts.get(String(item.email))?.attributes).toMatchObject({ ZOOM_JOIN_URL: registrant.join_url, ZOOM_REGISTRANT_ID: registrant.id, WEBINAR_NAME: webinar.topic });
		links.add(String(registrant.join_url));
	}
	expect(links.size).toBe(40);
	const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered' && String(e.identifiers.email_id).startsWith('batch.'));
	expect(events).toHaveLength(40);
	expect(summaryOf(execution.data)).toMatch(/^40 registered in Zoom, 0 registered already \(reused\)/);
});
