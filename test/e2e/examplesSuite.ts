/**
 * Every example workflow in examples/ imported into a real n8n, activated, and fed the Zoom event it
 * listens to (signed by the simulator; for the polling example, a meeting that ends in the
 * simulator's Zoom); the results are asserted in the simulator's Brevo. Shared by
 * the test files that run it under different n8n settings (one n8n per file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { productionWebhookUrl, removeTempDirs, stopAllN8n, waitForWebhook, type N8nInstance, type RestClient } from './harness';
import { SIM_DEFAULTS, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';
import { zoomEventPayloads } from '../simulator';
import { endMeeting } from '../simulator/timeline';
import { nodeOutputJson } from './harness';
import { pickOnSimulator } from '../examplePicks';

let n8n: N8nInstance;
let client: RestClient;
let sim: Simulator;
let credentialIds: Record<string, { id: string; name: string }>;

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

/** The example as a user would import it, with the credentials and lists they would pick. */
function loadExample(file: string, tweak?: (node: ExampleNode) => void) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { name: string; nodes: ExampleNode[]; connections: object };
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials![type] = credentialIds[type];
		pickOnSimulator(node, sim);
		tweak?.(node);
	}
	return workflow;
}

/** Every example file: the suite below must have a test for each (the last test checks). */
const EXAMPLE_FILES = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const tested = new Set<string>();

async function activate(file: string, tweak?: (node: ExampleNode) => void) {
	tested.add(file);
	const workflow = await client.createWorkflow(loadExample(file, tweak) as never);
	await client.activateWorkflow(workflow.id);
	const hook = loadExample(file).nodes.find((n) => n.webhookId)!.webhookId!;
	const url = productionWebhookUrl(n8n.baseUrl, `${hook}/webhook`);
	await waitForWebhook(url);
	return { id: workflow.id, url };
}

async function deliver(url: string, event: { event: string; payload: Record<string, unknown> }, workflowId: string, trackingId?: string) {
	const answer = await sim.sendWebhook(url, { ...event, secretToken: SIM_DEFAULTS.zoom.webhookSecretToken, trackingId });
	expect(answer.status).toBe(200);
	const [execution] = await client.waitForExecutions(workflowId, 1, 90_000);
	expect(execution.status).toBe('success');
}

const listMembers = (listId: number) => [...sim.brevo.contacts.values()].filter((c) => c.listIds.includes(listId)).map((c) => c.email);
const eventsNamed = (name: string) => sim.brevo.events.filter((e) => e.event_name === name).map((e) => String(e.identifiers.email_id));

/** Defines the examples suite on one n8n started with `n8nEnv` (added to the harness's settings). */
export function describeExamples(title: string, n8nEnv?: Record<string, string>): void {
	beforeAll(async () => {
		sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
		({ n8n, client } = await startN8nWithPackage(n8nEnv));
		const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret', simCredentials.webhookSecret());
		const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom Server-to-Server', simCredentials.zoomS2S(sim));
		const brevo = await client.createCredential('brevoV3Api', 'Brevo', simCredentials.brevo(sim));
		// n8n's own Brevo credential, for its Brevo Trigger: never called here (the trigger's list
		// event is pinned), since n8n's Brevo credential always talks to api.brevo.com.
		const n8nBrevo = await client.createCredential('sendInBlueApi', 'Brevo account', { apiKey: 'xkeysib-unused-in-tests' });
		credentialIds = {
			sendInBlueApi: { id: n8nBrevo.id, name: n8nBrevo.name },
			zoomWebhookSecretApi: { id: secret.id, name: secret.name },
			zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name },
			brevoV3Api: { id: brevo.id, name: brevo.name },
		};
	});

	afterAll(async () => {
		await sim?.close();
		await stopAllN8n();
		removeTempDirs();
	});

	describe(title, () => {
		it('(a) webinar ended → attendees and no-shows on their lists with attended / no-show events', async () => {
			const { id, url } = await activate('webinar-ended-follow-ups.json');
			const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
			const instance = webinar.instances[webinar.instances.length - 1];
			const ended = zoomEventPayloads.webinarEnded(sim.credentials.zoom.accountId, webinar, instance);
			await deliver(url, ended, id, 'trk-webinar-ended');

			const attended = eventsNamed('zoom_webinar_attended');
			const noShows = eventsNamed('zoom_webinar_no_show');
			expect(attended.length).toBeGreaterThan(0);
			expect(noShows.length).toBeGreaterThan(0);
			expect(attended.filter((email) => noShows.includes(email))).toEqual([]);
			for (const email of attended) expect(listMembers(16)).toContain(email);
			for (const email of noShows) expect(listMembers(18)).toContain(email);

			// Zoom re-sends the same delivery twice (+5 and +20 minutes, after the first run): no
			// Remove Duplicates in the workflow, yet no import and no event happens again.
			const imports = () => sim.requests.filter((r) => r.path.endsWith('/contacts/import')).length;
			const importsAfterFirst = imports();
			expect(importsAfterFirst).toBe(2); // one per Zoom to Brevo node
			for (let resend = 1; resend <= 2; resend++) {
				const resent = await sim.sendWebhook(url, { ...ended, secretToken: SIM_DEFAULTS.zoom.webhookSecretToken, trackingId: 'trk-webinar-ended' });
				expect(resent.status).toBe(200);
				const executions = await client.waitForExecutions(id, 1 + resend, 90_000);
				expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
			}
			expect(imports()).toBe(importsAfterFirst);
			const once = (emails: string[]) => new Set(emails).size === emails.length;
			expect(eventsNamed('zoom_webinar_attended')).toHaveLength(attended.length);
			expect(eventsNamed('zoom_webinar_no_show')).toHaveLength(noShows.length);
			expect(once(attended) && once(noShows)).toBe(true);
		});

		it('(b) meeting ended → participants with engagement on list 15', async () => {
			const { id, url } = await activate('meeting-ended-engagement.json');
			const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
			const instance = meeting.instances[meeting.instances.length - 1];
			await deliver(url, zoomEventPayloads.meetingEnded(sim.credentials.zoom.accountId, meeting, instance), id);

			const withEmail = new Set<string>();
			for (let i = 0; i < instance.participants.length; i++) {
				const row = instance.participants.at(i)!;
				if (row.user_email) withEmail.add(row.user_email.toLowerCase());
			}
			for (const email of withEmail) {
				const contact = sim.brevo.contacts.get(email)!;
				expect(contact.listIds).toContain(15);
				expect(contact.attributes).toHaveProperty('MEETING_DURATION');
				expect(contact.attributes).toHaveProperty('ZOOM_ATTENDANCE_PERCENT');
				expect(contact.attributes.MEETING_NAME).toBe(meeting.topic);
			}
		});

		it('(c) recording completed → the recording link by Brevo template email to each participant', async () => {
			const { id, url } = await activate('recording-completed-email.json', (node) => {
				if (node.parameters.shareMode === 'email') node.parameters.templateId = sim.fixture.ids.brevoTemplateId;
			});
			const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
			const recording = meeting.instances[meeting.instances.length - 1].recording!;
			const emailsBefore = sim.brevo.emails.length;
			await deliver(url, zoomEventPayloads.recordingCompleted(sim.credentials.zoom.accountId, recording, sim.url), id);
			const sent = sim.brevo.emails.slice(emailsBefore);
			expect(sent.length).toBeGreaterThan(0);
			for (const email of sent) {
				expect(email.templateId).toBe(sim.fixture.ids.brevoTemplateId);
				expect(email.params).toMatchObject({ RECORDING_URL: `${sim.url}${recording.share_url}`, RECORDING_PASSCODE: recording.password });
			}
		});

		it('(d) webinar registration → the registrant on list 17 with the UTM source', async () => {
			const { id, url } = await activate('webinar-registration-utm.json');
			const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
			const registrant = webinar.registrants.find((r) => r.tracking_source && !sim.brevo.contacts.has(r.email.toLowerCase()))!;
			await deliver(url, zoomEventPayloads.webinarRegistrationCreated(sim.credentials.zoom.accountId, webinar, registrant), id);
			const contact = sim.brevo.contacts.get(registrant.email.toLowerCase());
			expect(contact?.listIds).toContain(17);
			expect(contact?.attributes).toMatchObject({ UTM_SOURCE: registrant.tracking_source!.source_name, FIRSTNAME: registrant.first_name, ATTENDANCE_STATUS: 'registered' });
		});

		it('(e) meeting ended, by polling (no webhook) → participants on list 15 with attended events', async () => {
			// Start From a few minutes back: the activation poll emits the meeting at once, instead of
			// the test waiting for the first scheduled poll (test/e2e/pollTrigger.e2e.test.ts does).
			const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
			const { instance } = endMeeting(sim.zoom, { host: sim.zoom.users[0], start: minutesAgo(40), end: minutesAgo(5) });
			tested.add('meeting-ended-polling.json');
			const workflow = await client.createWorkflow(
				loadExample('meeting-ended-polling.json', (node) => {
					if (node.type.endsWith('.zoomPollTrigger')) node.parameters.startFrom = minutesAgo(10);
				}) as never,
			);
			await client.activateWorkflow(workflow.id);
			const [execution] = await client.waitForExecutions(workflow.id, 1, 90_000);
			expect(execution.status).toBe('success');
			expect(nodeOutputJson(execution.data, 'Meeting ended (polling)').map((item) => item.uuid)).toContain(instance.uuid);
			for (let i = 0; i < instance.participants.length; i++) {
				const email = instance.participants.at(i)!.user_email.toLowerCase();
				expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
				expect(eventsNamed('zoom_meeting_attended')).toContain(email);
			}
			await client.deactivateWorkflow(workflow.id);
		});

		it('(f) webinar ended → attendees with polls, Q&A, survey and lead scores; zoom_webinar_hot_lead once per hot lead', async () => {
			const { id, url } = await activate('webinar-hot-leads.json');
			const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
			const instance = webinar.instances[webinar.instances.length - 1];
			const ended = zoomEventPayloads.webinarEnded(sim.credentials.zoom.accountId, webinar, instance);
			await deliver(url, ended, id, 'trk-hot-leads');

			const attendees = new Set<string>();
			for (let i = 0; i < instance.attendees.length; i++) {
				const email = instance.attendees.at(i)!.user_email?.toLowerCase();
				if (email) attendees.add(email);
			}
			const polled = new Set((instance.polls ?? []).filter((p) => p.email).map((p) => p.email.toLowerCase()));
			const hot: string[] = [];
			for (const email of attendees) {
				const attributes = sim.brevo.contacts.get(email)!.attributes;
				expect(attributes.ZOOM_POLLS_ANSWERED).toBe(polled.has(email) ? 2 : 0);
				expect(typeof attributes.ZOOM_QUESTIONS_ASKED).toBe('number');
				expect(typeof attributes.ZOOM_SURVEY_ANSWERED).toBe('boolean');
				const score = Number(attributes.ZOOM_ENGAGEMENT_SCORE);
				expect(attributes.ZOOM_LEAD_LEVEL).toBe(score >= 60 ? 'hot' : score >= 30 ? 'warm' : 'cold');
				if (attributes.ZOOM_LEAD_LEVEL === 'hot') hot.push(email);
			}
			expect(hot.length).toBeGreaterThan(0);
			expect(eventsNamed('zoom_webinar_hot_lead').sort()).toEqual(hot.sort());
			for (const event of sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_hot_lead')) {
				const attributes = sim.brevo.contacts.get(String(event.identifiers.email_id))!.attributes;
				expect(event.event_properties).toMatchObject({ engagement_score: attributes.ZOOM_ENGAGEMENT_SCORE, lead_level: 'hot', polls_answered: attributes.ZOOM_POLLS_ANSWERED });
			}
			// Include Answers (on in the example): a respondent's hot-lead event carries their poll answers.
			const respondent = (instance.polls ?? []).find((p) => p.email && hot.includes(p.email.toLowerCase()))!;
			const withAnswers = sim.brevo.events.find((e) => e.event_name === 'zoom_webinar_hot_lead' && e.identifiers.email_id === respondent.email.toLowerCase())!;
			expect((withAnswers.event_properties?.answers as { polls: unknown[] }).polls).toEqual(
				respondent.question_details.map((d) => ({ question: d.question, answer: d.answer, poll: d.polling_id })),
			);

			// The same webinar delivered again under another tracking ID (a manual re-run, a second
			// subscription): the sync runs again, but nobody gets a second hot-lead event.
			await sim.sendWebhook(url, { ...ended, secretToken: SIM_DEFAULTS.zoom.webhookSecretToken, trackingId: 'trk-hot-leads-2' });
			const executions = await client.waitForExecutions(id, 2, 90_000);
			expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
			expect(eventsNamed('zoom_webinar_hot_lead').sort()).toEqual(hot.sort());
		});

		it('(g) contacts added to a Brevo list → registered for the webinar, each with their own join link in Brevo; a second run registers nobody twice', async () => {
			tested.add('brevo-list-webinar-registration.json');
			const webinar = sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
			// 50 contacts of the Brevo account, added to list 17: what the Brevo Trigger's list event
			// carries is the email alone (the names are the contact's, read from Brevo).
			const emails = Array.from({ length: 50 }, (_v, i) => `prospect.${i}@leads.example`);
			for (const [i, email] of emails.entries()) {
				// Brevo's contacts limit is 10 requests a second.
				await new Promise((resolve) => setTimeout(resolve, 110));
				const created = await fetch(`${sim.url}/brevo/v3/contacts`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'api-key': simCredentials.brevo(sim).apiKey as string },
					body: JSON.stringify({ email, attributes: { FIRSTNAME: `Prospect${i}`, LASTNAME: 'Lead' }, listIds: [17] }),
				});
				expect(created.status).toBe(201);
			}
			const trigger = 'Contact added to the list';
			const pinData = { [trigger]: emails.map((email, i) => ({ json: { id: 1000 + i, email, event: 'list_addition', list_id: [17], key: 'sim', ts: 1764500000 + i } })) };
			const workflow = await client.createWorkflow({ ...loadExample('brevo-list-webinar-registration.json', (node) => {
				if (node.type.endsWith('.zoomToBrevo')) node.parameters.registrationWebinarId = { __rl: true, mode: 'id', value: String(webinar.id) };
			}), pinData } as never);
			const registeredBefore = webinar.registrants.length;

			const first = await client.runWorkflowManually(workflow.id, { triggerNodeName: trigger, timeoutMs: 90_000 });
			expect(first.status).toBe('success');
			expect(webinar.registrants).toHaveLength(registeredBefore + 50);
			for (const [i, email] of emails.entries()) {
				const registrant = webinar.registrants.find((r) => r.email === email)!;
				expect(registrant).toMatchObject({ first_name: `Prospect${i}`, last_name: 'Lead' });
				expect(sim.brevo.contacts.get(email)?.attributes).toMatchObject({ ZOOM_JOIN_URL: registrant.join_url, ZOOM_REGISTRANT_ID: registrant.id, WEBINAR_NAME: webinar.topic });
			}
			expect(eventsNamed('zoom_webinar_registered').filter((email) => emails.includes(email)).sort()).toEqual([...emails].sort());

			// Batch registrations (`/batch_registrants`) and one-by-one ones (`/registrants`) alike.
			const postsBefore = sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('registrants')).length;
			const again = await client.runWorkflowManually(workflow.id, { triggerNodeName: trigger, timeoutMs: 90_000 });
			expect(again.status).toBe('success');
			expect(webinar.registrants).toHaveLength(registeredBefore + 50);
			expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('registrants')).length).toBe(postsBefore);
			expect(eventsNamed('zoom_webinar_registered').filter((email) => emails.includes(email))).toHaveLength(50);
			expect(nodeOutputJson(again.data, 'Register for the webinar').map((item) => (item.registration as { how: string }).how)).toEqual(emails.map(() => 'found'));
		});

		it('(h) meeting ended, by webhook and by polling in one workflow → participants on list 15, zoom_meeting_attended once each though the meeting came twice', async () => {
			// Start From a few minutes back: the activation poll brings the meeting at once (the wait
			// for n8n's minute schedule is test/e2e/webhookAndPoll.e2e.test.ts's); then its webhook.
			const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
			const { meeting, instance } = endMeeting(sim.zoom, { host: sim.zoom.users[0], start: minutesAgo(40), end: minutesAgo(5) });
			const { id, url } = await activate('meeting-ended-webhook-and-poll.json', (node) => {
				if (node.type.endsWith('.zoomPollTrigger')) node.parameters.startFrom = minutesAgo(10);
			});
			const [polled] = await client.waitForExecutions(id, 1, 90_000);
			expect(polled.status).toBe('success');
			expect(nodeOutputJson(polled.data, 'Meeting ended (polling)').map((item) => item.uuid)).toContain(instance.uuid);
			await deliver(url, zoomEventPayloads.meetingEnded(sim.credentials.zoom.accountId, meeting, instance), id, 'trk-webhook-and-poll');
			const executions = await client.waitForExecutions(id, 2, 90_000);
			expect(executions.map((e) => [e.mode, e.status])).toEqual([['trigger', 'success'], ['webhook', 'success']]);
			const attended = sim.brevo.events.filter((e) => e.event_name === 'zoom_meeting_attended' && e.event_properties?.zoom_uuid === instance.uuid).map((e) => String(e.identifiers.email_id));
			const people = Array.from({ length: instance.participants.length }, (_v, i) => instance.participants.at(i)!.user_email.toLowerCase());
			expect(attended.sort()).toEqual([...people].sort());
			for (const email of people) expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
			await client.deactivateWorkflow(id);
		});

		it('has a test above for every file in examples/', () => {
			expect([...tested].sort()).toEqual([...EXAMPLE_FILES].sort());
		});
	});
}
