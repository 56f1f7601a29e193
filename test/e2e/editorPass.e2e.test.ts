/**
 * The editor, second pass (issue #23), in a real n8n 2.41.1 with the packed package and the
 * Zoom/Brevo simulator — what a marketer building a workflow from empty meets:
 * - another webinar picked while the session UUID still comes from the trigger item stops with a
 *   clear error instead of writing one webinar's people under the other's name;
 * - two tests in a row on the same pinned delivery both do what the panel says, and nobody gets a
 *   follow-up twice;
 * - Score Leads sends no lead event with Send Brevo Event off;
 * - the nodes are found by searching "webinar" (codex aliases) and the scheduled trigger is named
 *   so it does not read like Zoom's in-meeting polls;
 * - a sample event from docs/sample-events.md, pinned on the Zoom Webhook Trigger as that page
 *   says, runs the workflow at once without any Zoom delivery.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { rowsToArray } from '../simulator/fixture';
import { nodeOutputJson, type RestClient } from './harness';
import { manualTrigger, simCredentials, startSyncSuite, stopSyncSuite, type Simulator } from './support';

let client: RestClient;
let sim: Simulator;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	({ sim, client, credentials } = await startSyncSuite('editor pass'));
});

afterAll(async () => await stopSyncSuite(sim));

const SYNC = 'Zoom to Brevo';

/** Start with the Zoom Trigger's item pinned (as after "Listen for test event") → Zoom to Brevo 1.2. */
async function createWorkflow(name: string, parameters: Record<string, unknown>, delivery: Record<string, unknown>) {
	return await client.createWorkflow({
		name,
		nodes: [manualTrigger, { id: 'node-sync', name: SYNC, type: 'n8n-nodes-zoom-brevo.zoomToBrevo', typeVersion: 1.2, position: [220, 0], parameters, credentials }],
		connections: { Start: { main: [[{ node: SYNC, type: 'main', index: 0 }]] } },
		pinData: { Start: [{ json: delivery }] },
	} as never);
}

const webinar = () => sim.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
const webinarEnded = (trackingId: string) => ({ event: 'webinar.ended', trackingId, id: String(webinar().id), uuid: webinar().instances[webinar().instances.length - 1].uuid, topic: webinar().topic });
const hintsOf = (data: Parameters<typeof nodeOutputJson>[0]) => ((data.resultData.runData[SYNC]?.[0]?.hints ?? []) as Array<{ message: string }>).map((h) => h.message).join(' | ');

it('another webinar picked in the list, the UUID still from the trigger item: the run stops naming both webinars, and nobody is written', async () => {
	const workflow = await createWorkflow(
		'Attendees: webinar changed by hand',
		{ resource: 'webinar', operation: 'syncAttendees', webinarId: { __rl: true, mode: 'id', value: String(sim.fixture.ids.recurringWebinarId) }, writeMode: 'import', listIds: [16], sendEvent: true },
		webinarEnded('editor-mismatch'),
	);
	const before = sim.brevo.contacts.size;
	const execution = await client.runWorkflowManually(workflow.id, { timeoutMs: 90_000 });
	expect(execution.status).toBe('error');
	expect(execution.data.resultData.error?.message).toBe(`Webinar Instance UUID ${webinarEnded('x').uuid} is not a session of webinar ${sim.fixture.ids.recurringWebinarId}`);
	expect(String((execution.data.resultData.error as { description?: string } | undefined)?.description)).toMatch(/Clear Webinar Instance UUID/);
	expect(sim.brevo.contacts.size).toBe(before);
	expect(sim.brevo.events).toHaveLength(0);
});

it('two tests in a row on the same pinned delivery: the second syncs again as the panel says, and no person gets a follow-up twice', async () => {
	const workflow = await createWorkflow(
		'Attendees: tested twice',
		{ resource: 'webinar', operation: 'syncAttendees', webinarId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, writeMode: 'import', listIds: [16], sendEvent: true },
		webinarEnded('editor-twice'),
	);
	const attended = () => sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_attended');
	const first = await client.runWorkflowManually(workflow.id, { timeoutMs: 90_000 });
	expect(first.status).toBe('success');
	const people = nodeOutputJson(first.data, SYNC);
	expect(people.length).toBeGreaterThan(0);
	const sent = attended().length;
	expect(sent).toBe(people.length);
	expect(hintsOf(first.data)).toMatch(/Test run: the Zoom delivery is synced again at every test/);

	sim.clearRequests();
	const second = await client.runWorkflowManually(workflow.id, { timeoutMs: 90_000 });
	expect(second.status).toBe('success');
	const again = nodeOutputJson(second.data, SYNC);
	// Before: one "already processed … skipped" item and nothing else.
	expect(again.map((c) => c.email)).toEqual(people.map((c) => c.email));
	expect(sim.requests.some((r) => r.service === 'zoom' && r.path.includes('/participants'))).toBe(true);
	for (const contact of again) expect(contact.event).toMatchObject({ status: 'already sent' });
	expect(attended()).toHaveLength(sent);
	expect(new Set(attended().map((e) => e.identifiers.email_id)).size).toBe(sent);
});

it('Score Leads with Send Brevo Event off sends no lead event (Lead Events is not even shown)', async () => {
	const workflow = await createWorkflow(
		'Scored, events off',
		{ resource: 'webinar', operation: 'syncAttendees', webinarId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, writeMode: 'import', listIds: [15], webinarEngagement: ['polls', 'questions', 'survey'], scoreLeads: true },
		webinarEnded('editor-scored'),
	);
	const before = sim.brevo.events.length;
	const execution = await client.runWorkflowManually(workflow.id, { timeoutMs: 90_000 });
	expect(execution.status).toBe('success');
	const contacts = nodeOutputJson(execution.data, SYNC);
	expect(contacts.some((c) => (c.engagement as { leadLevel?: string }).leadLevel === 'hot')).toBe(true);
	expect(sim.brevo.events.length).toBe(before);
});

it('searching "webinar" finds all three nodes (codex aliases), and the scheduled trigger is named for what it does', async () => {
	const types = await client.getNodeTypes();
	// (n8n adds an AI-tool twin of Zoom to Brevo, zoomToBrevoTool: not a node the creator lists for workflows.)
	const ours = types.filter((t) => t.name.startsWith('n8n-nodes-zoom-brevo.') && !t.name.endsWith('Tool'));
	expect(ours.map((t) => t.name).sort()).toEqual(['n8n-nodes-zoom-brevo.zoomPollTrigger', 'n8n-nodes-zoom-brevo.zoomToBrevo', 'n8n-nodes-zoom-brevo.zoomTrigger']);
	for (const type of ours) expect((type as { codex?: { alias?: string[] } }).codex?.alias).toEqual(expect.arrayContaining(['webinar', 'meeting']));
	expect(ours.find((t) => t.name.endsWith('zoomPollTrigger'))?.displayName).toBe('Zoom Scheduled Trigger');
});

it('a sample event from docs/sample-events.md pinned on the Zoom Webhook Trigger (its id changed, its uuid deleted, as the page says) runs the sync at once', async () => {
	const page = readFileSync(join(__dirname, '..', '..', 'docs', 'sample-events.md'), 'utf8');
	const section = page.slice(page.indexOf('`meeting.ended`'));
	const [sample] = JSON.parse(section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7))) as Array<Record<string, unknown>>;
	const meetingId = String(sim.fixture.ids.recurringMeetingId);
	sample.id = meetingId;
	delete sample.uuid;
	sim.clearRequests();
	const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret sample', simCredentials.webhookSecret());
	const trigger = 'Zoom Trigger';
	const workflow = await client.createWorkflow({
		name: 'Participants from a pinned sample event',
		nodes: [
			{ id: 'node-trigger', name: trigger, type: 'n8n-nodes-zoom-brevo.zoomTrigger', typeVersion: 1.2, position: [0, 0], webhookId: 'zb-sample-event', parameters: { events: ['meeting.ended'] }, credentials: { zoomWebhookSecretApi: { id: secret.id, name: secret.name } } },
			{ id: 'node-sync', name: SYNC, type: 'n8n-nodes-zoom-brevo.zoomToBrevo', typeVersion: 1.2, position: [220, 0], parameters: { resource: 'meeting', operation: 'syncParticipants', writeMode: 'import', listIds: [15] }, credentials },
		],
		connections: { [trigger]: { main: [[{ node: SYNC, type: 'main', index: 0 }]] } },
		pinData: { [trigger]: [{ json: sample }] },
	} as never);
	const execution = await client.runWorkflowManually(workflow.id, { triggerNodeName: trigger, timeoutMs: 90_000 });
	expect(execution.status).toBe('success');
	const people = nodeOutputJson(execution.data, SYNC);
	expect(people.length).toBeGreaterThan(0);
	// Read by the meeting ID alone (no UUID): Zoom answers with the meeting's latest session.
	expect(sim.requests.some((r) => r.service === 'zoom' && r.path.endsWith(`/${meetingId}/participants`))).toBe(true);
	const latest = sim.zoom.meetings.find((m) => String(m.id) === meetingId)!.instances.at(-1)!;
	const emails = new Set(rowsToArray(latest.participants).map((row) => row.user_email.toLowerCase()));
	expect(people.every((p) => emails.has(String(p.email)))).toBe(true);
});
