/**
 * What a marketer gets on a new Zoom to Brevo node in real n8n 2.41.1: version 1.2, which writes
 * to Brevo by default and sends skipped people to a second output (n8n computes the outputs from
 * the node's version, through the expression in its description); and a list dropdown that loads
 * empty, not with an error, before a Brevo credential is chosen; a template dropdown for the
 * recording email; Attribute Mapping's rows loaded from the Brevo account through n8n's
 * dynamic-parameters API, as the editor's resource mapper asks for them; a meeting's polls, Q&A
 * and survey with the lead score.
 */
import type { ResourceMapperFields } from 'n8n-workflow';

import { nodeOutputJson, removeTempDirs, stopAllN8n, type RestClient } from './harness';
import { manualTrigger, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';

let client: RestClient;
let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
	({ client } = await startN8nWithPackage());
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

/** A Zoom and a Brevo credential on the simulator, named by `tag`, as a node refers to them. */
async function simCredentialsNamed(tag: string) {
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', `Zoom ${tag}`, simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', `Brevo ${tag}`, simCredentials.brevo(sim));
	return { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name }, brevoV3Api: { id: brevo.id, name: brevo.name } };
}

/** A new (1.2) Zoom to Brevo node after the manual trigger. */
const syncNode = (parameters: Record<string, unknown>, credentials: Record<string, unknown>) => ({
	id: 'node-sync',
	name: 'Zoom to Brevo',
	type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
	typeVersion: 1.2,
	position: [220, 0],
	parameters,
	credentials,
});

it('n8n gives new nodes version 1.2', async () => {
	const types = await client.getNodeTypes();
	const versions = types.filter((t) => t.name === 'n8n-nodes-zoom-brevo.zoomToBrevo').flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version]));
	expect(versions).toEqual(expect.arrayContaining([1, 1.1, 1.2]));
	expect(types.find((t) => t.name === 'n8n-nodes-zoom-brevo.zoomToBrevo')?.defaultVersion).toBe(1.2);
});

it("the nodes panel and the credential list name these nodes and credentials apart from n8n's own", async () => {
	const types = await client.getNodeTypes();
	expect(types.find((t) => t.name === 'n8n-nodes-zoom-brevo.zoomTrigger')?.displayName).toBe('Zoom Webhook Trigger');
	const credentials = (await client.getCredentialTypes()).filter((c) => ['zoomServerToServerOAuthApi', 'zoomUserOAuth2Api', 'zoomWebhookSecretApi', 'brevoV3Api'].includes(c.name));
	expect(credentials).toHaveLength(4);
	for (const credential of credentials) expect(credential.displayName).toMatch(/^Zoom to Brevo: /);
	// The Zoom Trigger's own test-panel text reaches the editor.
	const trigger = types.find((t) => t.name === 'n8n-nodes-zoom-brevo.zoomTrigger') as { triggerPanel?: { header?: string } } | undefined;
	expect(trigger?.triggerPanel?.header).toBe('Zoom sends events only to the URL saved in your Zoom app');
});

it('the list dropdown of a node without a Brevo credential loads empty instead of failing', async () => {
	const options = await client.rest<unknown[]>('POST', '/dynamic-node-parameters/options', {
		data: {
			nodeTypeAndVersion: { name: 'n8n-nodes-zoom-brevo.zoomToBrevo', version: 1.2 },
			path: 'listIds',
			methodName: 'getBrevoLists',
			currentNodeParameters: { resource: 'meeting', operation: 'syncParticipants' },
		},
	});
	expect(options).toEqual([]);
});

it("Share Recording's template dropdown lists the account's active Brevo templates", async () => {
	const brevo = await client.createCredential('brevoV3Api', 'Brevo templates', simCredentials.brevo(sim));
	const options = await client.rest<Array<{ name: string; value: number; description: string }>>('POST', '/dynamic-node-parameters/options', {
		data: {
			nodeTypeAndVersion: { name: 'n8n-nodes-zoom-brevo.zoomToBrevo', version: 1.2 },
			path: 'templateId',
			methodName: 'getBrevoTemplates',
			currentNodeParameters: { resource: 'recording', operation: 'shareRecording', shareMode: 'email' },
			credentials: { brevoV3Api: { id: brevo.id, name: brevo.name } },
		},
	});
	const active = [...sim.brevo.templates.values()].filter((t) => t.isActive);
	expect(options.map((o) => o.value).sort()).toEqual(active.map((t) => t.id).sort());
	expect(options).toContainEqual({ name: `${active[0].name} (#${active[0].id})`, value: active[0].id, description: active[0].subject });
});

it('1.2 writes to Brevo without being told to; contacts leave by the first output, skipped people by the second', async () => {
	const credentials = await simCredentialsNamed('defaults');
	const noOp = (name: string, y: number) => ({ id: `node-${name.toLowerCase()}`, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, y], parameters: {} });
	const workflow = await client.createWorkflow({
		name: 'Zoom to Brevo 1.2 defaults',
		nodes: [
			manualTrigger,
			// What a user sets on a new node: the meeting and a list. Write to Brevo stays at its default.
			syncNode(
				{ resource: 'meeting', operation: 'syncParticipants', meetingId: { __rl: true, mode: 'id', value: sim.fixture.ids.recurringMeetingUuids.latest }, listIds: [15] },
				credentials,
			),
			noOp('Contacts', -100),
			noOp('Skipped', 100),
		],
		connections: {
			Start: { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] },
			'Zoom to Brevo': { main: [[{ node: 'Contacts', type: 'main', index: 0 }], [{ node: 'Skipped', type: 'main', index: 0 }]] },
		},
	});
	const execution = await client.runWorkflowManually(workflow.id);
	expect(execution.status).toBe('success');

	const contacts = nodeOutputJson(execution.data, 'Contacts');
	const skipped = nodeOutputJson(execution.data, 'Skipped');
	expect(contacts.length).toBeGreaterThan(0);
	expect(skipped.length).toBeGreaterThan(0);
	for (const contact of contacts) expect(contact).toMatchObject({ email: expect.stringContaining('@'), brevo: { mode: 'import', status: 'completed' } });
	for (const person of skipped) expect(person).toMatchObject({ skipped: true, reason: expect.any(String) });
	for (const contact of contacts) expect(sim.brevo.contacts.get(String(contact.email).toLowerCase())?.listIds).toContain(15);
});

it("Attribute Mapping's rows come from the Brevo account through n8n's API, and a run writes what the saved rows map", async () => {
	const credentials = await simCredentialsNamed('mapper');
	const parameters = { resource: 'webinar', operation: 'syncAttendees', webinarId: { __rl: true, mode: 'id', value: String(sim.fixture.ids.webinarId) }, writeMode: 'upsert' };
	const { fields } = await client.rest<ResourceMapperFields>('POST', '/dynamic-node-parameters/resource-mapper-fields', {
		data: {
			nodeTypeAndVersion: { name: 'n8n-nodes-zoom-brevo.zoomToBrevo', version: 1.2 },
			path: 'parameters.attributes',
			methodName: 'getBrevoAttributeFields',
			currentNodeParameters: parameters,
			credentials,
		},
	});
	// The account's own attribute, typed as Brevo's interface names it; a webinar's defaults.
	expect(fields.find((f) => f.id === 'JOB_TITLE')).toMatchObject({ displayName: 'JOB_TITLE (Text)', removed: true });
	const shown = Object.fromEntries(fields.filter((f) => !f.removed).map((f) => [f.id, f.defaultValue]));
	expect(shown).toMatchObject({ FIRSTNAME: 'firstName', WEBINAR_DURATION: 'minutesAttended', UTM_SOURCE: 'utmSource' });
	expect(shown).not.toHaveProperty('MEETING_DURATION');
	// Identifier attributes are never offered (the simulated account has SMS, WHATSAPP, EXT_ID).
	for (const id of ['SMS', 'WHATSAPP', 'EXT_ID']) expect(fields.some((f) => f.id === id)).toBe(false);

	// A meeting's rows are its own (no UTM_SOURCE), and the editor reloads them when Resource
	// changes: n8n's node type carries the dependency the editor watches.
	const rowsFor = async (currentNodeParameters: Record<string, unknown>, withCredentials: boolean) =>
		(
			await client.rest<ResourceMapperFields>('POST', '/dynamic-node-parameters/resource-mapper-fields', {
				data: {
					nodeTypeAndVersion: { name: 'n8n-nodes-zoom-brevo.zoomToBrevo', version: 1.2 },
					path: 'parameters.attributes',
					methodName: 'getBrevoAttributeFields',
					currentNodeParameters,
					...(withCredentials ? { credentials } : {}),
				},
			})
		).fields;
	const meetingShown = (await rowsFor({ resource: 'meeting', operation: 'syncParticipants' }, true)).filter((f) => !f.removed).map((f) => f.id);
	expect(meetingShown).toEqual(expect.arrayContaining(['MEETING_NAME', 'MEETING_DURATION']));
	expect(meetingShown).not.toContain('UTM_SOURCE');
	const described = (await client.getNodeTypes()).find((t) => t.name === 'n8n-nodes-zoom-brevo.zoomToBrevo' && (Array.isArray(t.version) ? t.version.includes(1.2) : t.version === 1.2)) as
		| { properties: Array<{ name: string; typeOptions?: { loadOptionsDependsOn?: string[] } }> }
		| undefined;
	expect(described?.properties.find((p) => p.name === 'attributes')?.typeOptions?.loadOptionsDependsOn).toEqual(['resource']);
	// Without a Brevo credential: the suggested rows, no error.
	const suggested = await rowsFor(parameters, false);
	expect(suggested.filter((f) => !f.removed).map((f) => f.id)).toEqual(expect.arrayContaining(['FIRSTNAME', 'WEBINAR_DURATION']));
	expect(suggested.some((f) => f.id === 'JOB_TITLE')).toBe(false);

	// Saved as the editor saves it after the user dropped every row but two and added JOB_TITLE.
	const attributes = {
		mappingMode: 'defineBelow',
		value: { FIRSTNAME: 'firstName', WEBINAR_DURATION: 'minutesAttended', JOB_TITLE: 'topic' },
		matchingColumns: [],
		schema: fields.map((f) => ({ ...f, removed: !['FIRSTNAME', 'WEBINAR_DURATION', 'JOB_TITLE'].includes(f.id) })),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
	const workflow = await client.createWorkflow({
		name: 'Zoom to Brevo 1.2 attribute mapping',
		nodes: [
			manualTrigger,
			syncNode({ ...parameters, attributes }, credentials),
		],
		connections: { Start: { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } },
	});
	const execution = await client.runWorkflowManually(workflow.id);
	expect(execution.status).toBe('success');
	const contacts = nodeOutputJson(execution.data, 'Zoom to Brevo').filter((c) => !c.skipped);
	expect(contacts.length).toBeGreaterThan(0);
	for (const contact of contacts) {
		expect(Object.keys(contact.attributes as object).sort()).toEqual(expect.arrayContaining(['JOB_TITLE', 'WEBINAR_DURATION']));
		expect(Object.keys(contact.attributes as object).every((name) => ['FIRSTNAME', 'WEBINAR_DURATION', 'JOB_TITLE'].includes(name))).toBe(true);
		const stored = sim.brevo.contacts.get(String(contact.email).toLowerCase())?.attributes;
		expect(stored).toMatchObject({ JOB_TITLE: (contact.source as { topic: string }).topic, WEBINAR_DURATION: expect.any(Number) });
		expect(stored).not.toHaveProperty('WEBINAR_NAME');
	}
});

it("a meeting's participants with its polls, Q&A and survey, scored: the counts and score in Brevo and zoom_meeting_hot_lead for the hot leads", async () => {
	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	const latest = meeting.instances[meeting.instances.length - 1];
	const workflow = await client.createWorkflow({
		name: 'Meeting engagement and lead score',
		nodes: [
			manualTrigger,
			syncNode(
				{
					resource: 'meeting',
					operation: 'syncParticipants',
					meetingId: { __rl: true, mode: 'id', value: String(meeting.id) },
					listIds: [15],
					meetingEngagement: ['polls', 'questions', 'survey'],
					scoreLeads: true,
					// Lead events are Brevo events: sent with Send Brevo Event on (issue #23).
					sendEvent: true,
					scoreSettings: { hot: 50 },
				},
				await simCredentialsNamed('meeting engagement'),
			),
		],
		connections: { Start: { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } },
	});
	const execution = await client.runWorkflowManually(workflow.id);
	expect(execution.status).toBe('success');

	// What Zoom's answers say per email, counted from the simulator's own rows.
	const asked = new Map<string, number>();
	for (const person of latest.qa ?? []) if (person.email) asked.set(person.email.toLowerCase(), (asked.get(person.email.toLowerCase()) ?? 0) + person.question_details.length);
	const surveyed = new Set((latest.survey?.survey_answers ?? []).filter((a) => a.email).map((a) => a.email.toLowerCase()));
	const contacts = nodeOutputJson(execution.data, 'Zoom to Brevo');
	expect(contacts.length).toBeGreaterThan(0);
	for (const contact of contacts) {
		const email = String(contact.email);
		const engagement = contact.engagement as { questionsAsked: number; surveyAnswered: boolean; score: number; leadLevel: string };
		expect(engagement).toMatchObject({ questionsAsked: asked.get(email) ?? 0, surveyAnswered: surveyed.has(email) });
		expect(sim.brevo.contacts.get(email)?.attributes).toMatchObject({
			ZOOM_QUESTIONS_ASKED: asked.get(email) ?? 0,
			ZOOM_SURVEY_ANSWERED: surveyed.has(email),
			ZOOM_ENGAGEMENT_SCORE: engagement.score,
			ZOOM_LEAD_LEVEL: engagement.leadLevel,
		});
	}
	const hot = contacts.filter((c) => (c.engagement as { leadLevel: string }).leadLevel === 'hot').map((c) => String(c.email)).sort();
	expect(hot.length).toBeGreaterThan(0);
	expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_meeting_hot_lead').map((e) => e.identifiers.email_id).sort()).toEqual(hot);
});

it('an unknown meeting with On Error → Continue (using error output): the failed item leaves by the error output, with the input item', async () => {
	const workflow = await client.createWorkflow({
		name: 'Zoom to Brevo error output',
		nodes: [
			manualTrigger,
			{
				...syncNode(
					{ resource: 'meeting', operation: 'syncParticipants', meetingId: { __rl: true, mode: 'id', value: '={{ $json.meetingId }}' }, writeMode: 'emit' },
					await simCredentialsNamed('error output'),
				),
				onError: 'continueErrorOutput',
			},
			{ id: 'node-failed', name: 'Failed', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 150], parameters: {} },
		],
		connections: {
			Start: { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] },
			'Zoom to Brevo': { main: [[], [], [{ node: 'Failed', type: 'main', index: 0 }]] },
		},
		pinData: { Start: [{ json: { meetingId: '999000999', campaign: 'spring' } }] },
	} as never);
	const execution = await client.runWorkflowManually(workflow.id);
	expect(execution.status).toBe('success');
	expect(nodeOutputJson(execution.data, 'Failed')).toEqual([
		{ meetingId: '999000999', campaign: 'spring', error: 'Zoom: Meeting does not exist: 999000999', details: { description: expect.any(String) } },
	]);
});
