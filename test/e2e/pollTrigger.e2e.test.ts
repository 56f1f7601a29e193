/**
 * Zoom Scheduled Trigger in a real n8n 2.41.1: n8n's own scheduler polls (a cron every minute at a
 * random second, plus one poll at activation), n8n saves the cursor, and Zoom to Brevo syncs what
 * the poll emits (Recording Completed: shares the recording). Zoom's clock follows real time (n8n polls by its own clock) three hours ahead of
 * this machine's, and jumps two hours while n8n is stopped. Meeting Ended, Webinar Ended, New
 * Webinar Registrant, then Recording Completed on the same n8n (the workflows stay active; each test looks at its own
 * requests only).
 */
import { DateTime } from 'luxon';

import { makeTempDir, nodeOutputJson, removeTempDirs, sleep, stopAllN8n, waitFor, type Execution, type N8nInstance, type RestClient } from './harness';
import { createPollWorkflow, PACKAGE, simCredentials, startN8nWithPackage, startSimulator, type N8nPlace, type Simulator } from './support';
import { HOUR, LiveClock, MINUTE } from '../simulator/clock';
import type { ZoomMeetingInstance, ZoomUser, ZoomWebinarInstance } from '../simulator/fixture/types';
import { addHost, endMeeting, endWebinar, recordingCompletes, register, scheduleWebinar } from '../simulator/timeline';

const clock = new LiveClock(3 * HOUR);
let sim: Simulator;
let n8n: N8nInstance;
let client: RestClient;
let place: N8nPlace;
let owner: ZoomUser;

beforeAll(async () => {
	sim = await startSimulator({ now: clock.now, brevo: { importProcessingMs: 50 } });
	owner = sim.zoom.users[0];
	place = { userFolder: makeTempDir('e2e-poll-user'), runDir: makeTempDir('e2e-poll-run') };
	({ n8n, client } = await startN8nWithPackage(undefined, place));
});

afterAll(async () => {
	await sim?.close();
	await stopAllN8n();
	removeTempDirs();
});

/** Report reads of the owner's meetings: one per poll (a host with fewer than 300 meetings). */
const reportReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/report/users/me/meetings'));

/** A meeting of the owner with two guests, 30 minutes long, ending `endOffsetMs` from Zoom's now. */
const meetingEnded = (endOffsetMs: number): ZoomMeetingInstance =>
	endMeeting(sim.zoom, { host: owner, start: clock.iso(endOffsetMs - 30 * MINUTE), end: clock.iso(endOffsetMs) }).instance;

const emailsOf = (instance: ZoomMeetingInstance) => Array.from({ length: instance.participants.length }, (_, i) => instance.participants.at(i)!.user_email.toLowerCase());
/** The attendees' emails but the host's (the owner hosts the meetings too). */
const guestsOf = (instance: ZoomWebinarInstance) =>
	Array.from({ length: instance.attendees.length }, (_, i) => instance.attendees.at(i)!.user_email.toLowerCase()).filter((email) => email !== owner.email.toLowerCase());

/** How many times each email was sent to Brevo's import (every import body, JSON or CSV). */
function importedTimes(email: string): number {
	const bodies = sim.requests.filter((r) => r.service === 'brevo' && r.method === 'POST' && r.path.endsWith('/contacts/import')).map((r) => JSON.stringify(r.body).toLowerCase());
	return bodies.reduce((n, body) => n + body.split(email).length - 1, 0);
}

const triggerUuids = (execution: Execution) => nodeOutputJson(execution.data, 'Zoom Scheduled Trigger').map((item) => item.uuid);

it('an active Meeting Ended poll syncs a meeting that ends; after n8n was down, what ended meanwhile comes once', async () => {
	const workflow = await createPollWorkflow(client, sim, { tag: 'Meeting ended (polling) → Brevo', poll: { event: 'meeting.ended' }, sync: { typeVersion: 1.1, parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [15], writeMode: 'import' } } });

	// Already over before activation: never emitted (no Start From).
	const before = meetingEnded(-HOUR);
	await client.activateWorkflow(workflow.id);
	// n8n 2.41.1 activates through its publication outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE,
	// default on, read every 15 s): the activation poll comes shortly after the REST call returns.
	await waitFor(() => (reportReads().length >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	expect(await client.listExecutions(workflow.id)).toHaveLength(0);
	await sleep(1_100); // the next meeting ends in a later second than the activation poll's

	const first = meetingEnded(0);
	const [run1] = await client.waitForExecutions(workflow.id, 1, 150_000);
	expect(run1.status).toBe('success');
	expect(run1.mode).toBe('trigger');
	expect(triggerUuids(run1)).toEqual([first.uuid]);
	expect(nodeOutputJson(run1.data, 'Zoom Scheduled Trigger')[0]).toMatchObject({ event: 'meeting.ended', trackingId: `poll:meeting.ended:${first.uuid}` });
	for (const email of emailsOf(first)) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
		expect(importedTimes(email)).toBe(1);
	}
	for (const email of emailsOf(before)) if (email !== owner.email.toLowerCase()) expect(sim.brevo.contacts.has(email)).toBe(false);

	// n8n stops; on Zoom's clock two hours pass, in which two meetings end.
	await n8n.stop();
	clock.skip(2 * HOUR);
	const a = meetingEnded(-90 * MINUTE);
	const b = meetingEnded(-20 * MINUTE);
	const readsBeforeRestart = reportReads().length;
	({ n8n, client } = await startN8nWithPackage(undefined, place));
	// n8n's activation poll at startup emits both, from the cursor it saved before stopping.
	const runs = await client.waitForExecutions(workflow.id, 2, 60_000);
	expect(runs[1].status).toBe('success');
	expect(triggerUuids(runs[1])).toEqual([a.uuid, b.uuid]);

	// A scheduled poll after the restart emits nothing again.
	await waitFor(() => (reportReads().length >= readsBeforeRestart + 2 ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled poll after the restart' });
	await sleep(5_000);
	const all = await client.listExecutions(workflow.id);
	expect(all).toHaveLength(2);

	for (const email of [...emailsOf(first), ...emailsOf(a), ...emailsOf(b)]) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(15);
		// The owner hosted all three meetings; everyone else was in one and was imported once.
		expect(importedTimes(email)).toBe(email === owner.email.toLowerCase() ? 3 : 1);
	}
	// Each meeting's participants were read once, in the order the meetings ended.
	const participantReads = sim.requests.filter((r) => r.service === 'zoom' && /\/past_meetings\/.+\/participants$/.test(r.path));
	const readUuid = (path: string) => decodeURIComponent(decodeURIComponent(path.split('/past_meetings/')[1].replace(/\/participants$/, '')));
	expect(participantReads.map((r) => readUuid(r.path))).toEqual([first.uuid, a.uuid, b.uuid]);
});

it('an active Webinar Ended poll syncs the attendees of a webinar that ends into Brevo, once', async () => {
	const workflow = await createPollWorkflow(client, sim, { tag: 'Webinar ended (polling) → Brevo', poll: { event: 'webinar.ended' }, sync: { typeVersion: 1.2, parameters: { resource: 'webinar', operation: 'syncAttendees', listIds: [16], writeMode: 'import' } } });
	/** The owner's webinar list read by this workflow's polls (the meeting workflow reads reports only). */
	const webinarListReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/users/me/webinars'));
	const readsBefore = webinarListReads().length;

	// Over before activation: recorded by the activation poll, never emitted. Live at activation
	// (started an hour earlier, scheduled to run another hour): the host ends it right after the
	// activation poll, so the next scheduled poll emits it though it started before the cursor began.
	const before = endWebinar(sim.zoom, { host: owner, start: clock.iso(-2 * HOUR), end: clock.iso(-HOUR) }).instance;
	const live = endWebinar(sim.zoom, { host: owner, start: clock.iso(-HOUR), end: clock.iso(HOUR) });
	await client.activateWorkflow(workflow.id);
	await waitFor(() => (webinarListReads().length > readsBefore ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	await sleep(1_100);
	live.instance.end_time = clock.iso(0);
	const [run] = await client.waitForExecutions(workflow.id, 1, 150_000);
	expect(run.status).toBe('success');
	expect(run.mode).toBe('trigger');
	expect(triggerUuids(run)).toEqual([live.instance.uuid]);
	expect(nodeOutputJson(run.data, 'Zoom Scheduled Trigger')[0]).toMatchObject({ event: 'webinar.ended', id: String(live.webinar.id), trackingId: `poll:webinar.ended:${live.instance.uuid}` });

	// A later scheduled poll emits nothing again.
	const readsAfterRun = webinarListReads().length;
	await waitFor(() => (webinarListReads().length > readsAfterRun ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled poll after the sync' });
	await sleep(5_000);
	expect(await client.listExecutions(workflow.id)).toHaveLength(1);

	const guests = guestsOf(live.instance);
	expect(guests.length).toBeGreaterThan(0);
	for (const email of guests) {
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(16);
		expect(importedTimes(email)).toBe(1);
	}
	for (const email of guestsOf(before)) expect(sim.brevo.contacts.has(email)).toBe(false);
	// The attendees were read once, of the instance that ended (by its UUID, which the item carries).
	const attendeeReads = sim.requests.filter((r) => r.service === 'zoom' && /\/past_webinars\/.+\/participants$/.test(r.path));
	const readUuid = (path: string) => decodeURIComponent(decodeURIComponent(path.split('/past_webinars/')[1].replace(/\/participants$/, '')));
	expect(attendeeReads.map((r) => readUuid(r.path))).toEqual([live.instance.uuid]);
});

it('an active New Webinar Registrant poll writes a new registrant to Brevo with the UTM source (Sync One Registrant), once', async () => {
	const webinar = scheduleWebinar(sim.zoom, { host: owner, start: clock.iso(3 * 24 * HOUR), topic: 'Polling Launch' });
	const workflow = await createPollWorkflow(client, sim, { tag: 'New webinar registrant (polling) → Brevo', poll: { event: 'webinar.registration_created' }, sync: { typeVersion: 1.2, parameters: { resource: 'webinar', operation: 'syncRegistrantFromEvent', listIds: [17], writeMode: 'upsert' } } });
	/** This workflow's reads of the webinar's registrants (the other workflows read none). */
	const registrantReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith(`/webinars/${webinar.id}/registrants`) && !r.query.tracking_source_id);

	// Registered before activation: recorded by the activation poll, never emitted.
	const early = register({ webinar, at: clock.iso(-HOUR) });
	await client.activateWorkflow(workflow.id);
	await waitFor(() => (registrantReads().length >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	await sleep(1_100); // registers in a later second than the activation poll's
	const newcomer = register({ webinar, at: clock.iso(0), source: 'LinkedIn' });
	const [run] = await client.waitForExecutions(workflow.id, 1, 150_000);
	expect(run.status).toBe('success');
	expect(run.mode).toBe('trigger');
	const emitted = nodeOutputJson(run.data, 'Zoom Scheduled Trigger');
	expect(emitted).toHaveLength(1);
	expect(emitted[0]).toMatchObject({
		event: 'webinar.registration_created',
		id: String(webinar.id),
		trackingId: `poll:webinar.registration_created:${webinar.id}:${newcomer.id}`,
		person: { email: newcomer.email, trackingSource: 'LinkedIn' },
	});
	const contact = sim.brevo.contacts.get(newcomer.email);
	expect(contact?.listIds).toEqual([17]);
	expect(contact?.attributes).toMatchObject({ FIRSTNAME: newcomer.first_name, LASTNAME: newcomer.last_name, UTM_SOURCE: 'LinkedIn', ATTENDANCE_STATUS: 'registered', WEBINAR_NAME: 'Polling Launch' });
	expect(sim.brevo.contacts.has(early.email)).toBe(false);

	// A later scheduled poll emits nothing again.
	const readsAfterRun = registrantReads().length;
	await waitFor(() => (registrantReads().length > readsAfterRun ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled poll after the sync' });
	await sleep(5_000);
	expect(await client.listExecutions(workflow.id)).toHaveLength(1);
	const upserts = sim.requests.filter((r) => r.service === 'brevo' && r.method === 'POST' && r.path.endsWith('/contacts') && JSON.stringify(r.body).toLowerCase().includes(newcomer.email));
	expect(upserts).toHaveLength(1);
});

it("an active Recording Completed poll gives the meeting's participants the recording link in Brevo (Share Recording), once", async () => {
	const workflow = await createPollWorkflow(client, sim, {
		tag: 'Recording completed (polling) → Brevo',
		poll: { event: 'recording.completed' },
		sync: { typeVersion: 1.2, parameters: { resource: 'recording', operation: 'shareRecording', recipients: 'meetingParticipants', shareMode: 'attributes', recordingListIds: [15] } },
	});
	/** This workflow's reads of the owner's recordings (the other workflows read none). */
	const recordingReads = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/users/me/recordings'));

	// Completed before activation: recorded by the activation poll, never emitted.
	const early = endMeeting(sim.zoom, { host: owner, start: clock.iso(-3 * HOUR), end: clock.iso(-2 * HOUR) });
	recordingCompletes(sim.zoom, { ...early, at: clock.iso(-2 * HOUR + 10 * MINUTE) });
	// Ended half an hour ago; its files finish processing after the activation poll.
	const { meeting, instance } = endMeeting(sim.zoom, { host: owner, start: clock.iso(-HOUR), end: clock.iso(-30 * MINUTE) });
	await client.activateWorkflow(workflow.id);
	await waitFor(() => (recordingReads().length >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	await sleep(1_100);
	const recording = recordingCompletes(sim.zoom, { meeting, instance, at: clock.iso(0) });
	const [run] = await client.waitForExecutions(workflow.id, 1, 150_000);
	expect(run.status).toBe('success');
	expect(run.mode).toBe('trigger');
	expect(nodeOutputJson(run.data, 'Zoom Scheduled Trigger')).toEqual([
		expect.objectContaining({ event: 'recording.completed', uuid: instance.uuid, trackingId: `poll:recording.completed:${instance.uuid}` }),
	]);
	const link = `${sim.url}${recording.share_url}`;
	for (const email of emailsOf(instance).filter((e) => e !== owner.email.toLowerCase())) {
		const contact = sim.brevo.contacts.get(email);
		expect(contact?.attributes).toMatchObject({ ZOOM_RECORDING_URL: link, ZOOM_RECORDING_PASSCODE: recording.password });
		expect(contact?.listIds).toContain(15);
	}
	for (const email of emailsOf(early.instance)) expect(sim.brevo.contacts.get(email)?.attributes.ZOOM_RECORDING_URL).not.toBe(`${sim.url}${early.instance.recording?.share_url}`);

	// A later scheduled poll emits nothing again.
	const readsAfterRun = recordingReads().length;
	await waitFor(() => (recordingReads().length > readsAfterRun ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled poll after the sync' });
	await sleep(5_000);
	expect(await client.listExecutions(workflow.id)).toHaveLength(1);
});

it("n8n refuses to publish a Meeting Ended schedule over Zoom's daily Heavy limit, before any Zoom call", async () => {
	// Two hosts are read one report each (below the account listing's break-even): 2 × 1 440 a day.
	const hosts = Array.from({ length: 2 }, (_, i) => addHost(sim.zoom, `Budget Host${i}`));
	const workflow = await createPollWorkflow(client, sim, {
		tag: 'Meeting ended (polling), 2 hosts every minute, Free plan',
		poll: { event: 'meeting.ended', scope: 'chosenHosts', hostList: hosts.map((h) => h.email).join(', '), zoomPlan: 'free' },
	});
	// n8n 2.41.1 publishes through its outbox: the activation poll runs shortly after the REST call
	// returns, and its failure lands in the workflow's publication status (the editor's banner).
	await client.activateWorkflow(workflow.id);
	type PublicationStatus = { status: string; triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }> };
	const publication = await waitFor(
		async () => {
			const state = await client.rest<PublicationStatus>('GET', `/workflows/${workflow.id}/publication-status`);
			return state.status === 'failed' || state.status === 'partial' || state.status === 'published' ? state : undefined;
		},
		{ timeoutMs: 60_000, intervalMs: 500, what: "the workflow's publication status" },
	);
	expect(publication.status).toBe('failed');
	expect(publication.triggers).toEqual([
		expect.objectContaining({ nodeId: 'poll', status: 'failed', errorMessage: expect.stringContaining("This schedule would use 2880 of Zoom's 1000 Heavy calls a day (Free plan)") }),
	]);
	const hostPaths = new Set(hosts.map((h) => `/zoom/v2/report/users/${encodeURIComponent(h.email)}/meetings`));
	expect(sim.requests.filter((r) => hostPaths.has(r.path))).toEqual([]);
});

it('Every User of the Account, 500 users, every minute on Pro: published, each poll is 2 user pages + 1 listing of the account, and a meeting reaches the workflow once with its host ID', async () => {
	const listed = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/report/history_meetings'));
	const perHostReports = () => sim.requests.filter((r) => r.service === 'zoom' && /\/report\/users\/.+\/meetings$/.test(r.path) && !r.path.endsWith('/users/me/meetings'));
	const active = () => sim.zoom.users.filter((u) => u.status === 'active');
	const users = Array.from({ length: 500 - active().length }, (_, i) => addHost(sim.zoom, `Account User${i}`));
	expect(active()).toHaveLength(500);
	const host = users[users.length - 1];
	const workflow = await createPollWorkflow(client, sim, { tag: 'Meeting ended (polling), every user', poll: { event: 'meeting.ended', scope: 'allUsers' } });
	const reportsBefore = perHostReports().length;
	await client.activateWorkflow(workflow.id);
	await waitFor(() => (listed().length >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
	await sleep(1_100);
	const meeting = endMeeting(sim.zoom, { host, start: clock.iso(-30 * MINUTE), end: clock.iso(0) }).instance;
	const [run] = await client.waitForExecutions(workflow.id, 1, 150_000);
	expect(run.status).toBe('success');
	expect(triggerUuids(run)).toEqual([meeting.uuid]);
	expect(nodeOutputJson(run.data, 'Zoom Scheduled Trigger')[0]).toMatchObject({ event: 'meeting.ended', hostId: host.id });
	// Per poll: one listing (its answers pages of 300 meetings), no report per user.
	expect(perHostReports().length).toBe(reportsBefore);
	const polls = listed().length;
	expect(sim.requests.filter((r) => r.service === 'zoom' && r.path.endsWith('/users') && r.query.status === 'active').length).toBeGreaterThanOrEqual(2 * polls);
	await client.deactivateWorkflow(workflow.id);
});

describe('polls that overlap, and publishing again (issue #21)', () => {
	/** Meeting Ended on its own hosts (other workflows of this file read the owner only) → a No Operation node. */
	async function meetingWorkflow(tag: string, hosts: ZoomUser[], more: { startFrom?: string; timezone?: string } = {}) {
		const zoom = await client.createCredential('zoomServerToServerOAuthApi', `zoom ${tag}`, simCredentials.zoomS2S(sim));
		return await client.createWorkflow({
			name: tag,
			settings: { executionOrder: 'v1', ...(more.timezone ? { timezone: more.timezone } : {}) },
			nodes: [
				{
					id: 'poll',
					name: 'Zoom Scheduled Trigger',
					type: `${PACKAGE}.zoomPollTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						authentication: 'serverToServer',
						event: 'meeting.ended',
						scope: 'chosenHosts',
						hostList: hosts.map((h) => h.email).join(', '),
						pollTimes: { item: [{ mode: 'everyMinute' }] },
						...(more.startFrom ? { startFrom: more.startFrom } : {}),
					},
					credentials: { zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name } },
				},
				{ id: 'downstream', name: 'Downstream', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [250, 0], parameters: {} },
			],
			connections: { 'Zoom Scheduled Trigger': { main: [[{ node: 'Downstream', type: 'main', index: 0 }]] } },
		});
	}
	const reportOf = (who: ZoomUser) => `/zoom/v2/report/users/${encodeURIComponent(who.email)}/meetings`;
	const readsOf = (who: ZoomUser) => sim.requests.filter((r) => r.service === 'zoom' && r.path === reportOf(who) && r.status !== 401);
	const endedBy = (who: ZoomUser, endOffsetMs: number): ZoomMeetingInstance =>
		endMeeting(sim.zoom, { host: who, start: clock.iso(endOffsetMs - 30 * MINUTE), end: clock.iso(endOffsetMs) }).instance;
	const downstreamUuids = (execution: Execution) => nodeOutputJson(execution.data, 'Downstream').map((item) => item.uuid);

	it('a poll slower than the schedule (a Zoom answer of 75 s): the ticks meanwhile read nothing, the slow poll finishes, each meeting reaches the next node once', async () => {
		const first = addHost(sim.zoom, 'Slow Host');
		const second = addHost(sim.zoom, 'Quick Host');
		const workflow = await meetingWorkflow('Meeting ended (polling), slow Zoom', [first, second]);
		await client.activateWorkflow(workflow.id);
		await waitFor(() => (readsOf(second).length >= 1 ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what: 'the activation poll' });
		// The next poll's first report answers after 75 s: n8n's cron (every minute) starts another
		// poll of the node meanwhile. Its second report then needs the credential's expression: the
		// isolate an overlapping tick released would fail it ("No bridge acquired").
		sim.inject({ kind: 'latency', ms: 75_000, match: { path: reportOf(first) } });
		await sleep(1_100);
		const meetings = [endedBy(first, 0), endedBy(second, 0), endedBy(first, 0)];

		const [run] = await client.waitForExecutions(workflow.id, 1, 200_000);
		// A failed poll is recorded as an execution with the poll's error (e.g. "No bridge acquired").
		expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
		expect(downstreamUuids(run).sort()).toEqual(meetings.map((m) => m.uuid).sort());
		// The slow read, then the slow poll's second read at least 75 s later, nothing in between.
		const slow = readsOf(first)[1];
		const mine = sim.requests.filter((r) => r.path === reportOf(first) || r.path === reportOf(second));
		const next = mine[mine.indexOf(slow) + 1];
		expect(next.path).toBe(reportOf(second));
		expect(next.at - slow.at).toBeGreaterThanOrEqual(75_000);

		// A later tick polls again and emits nothing more; no poll failed (n8n records a failed poll as an execution).
		const readsAfter = readsOf(first).length;
		await waitFor(() => (readsOf(first).length > readsAfter ? true : undefined), { timeoutMs: 90_000, intervalMs: 500, what: 'a poll after the slow one' });
		await sleep(5_000);
		const all = await client.listExecutions(workflow.id);
		expect(all.map((e) => e.status)).toEqual(['success']);
		await client.deactivateWorkflow(workflow.id);
	});

	it('unpublished, meetings end, published again (Start From empty): nothing from the pause; a meeting that ends after comes once', async () => {
		const pausedHost = addHost(sim.zoom, 'Paused Host');
		const workflow = await meetingWorkflow('Meeting ended (polling), published again', [pausedHost]);
		const published = async (what: string) => {
			const before = readsOf(pausedHost).length;
			await client.activateWorkflow(workflow.id);
			await waitFor(() => (readsOf(pausedHost).length > before ? true : undefined), { timeoutMs: 60_000, intervalMs: 200, what });
			await sleep(1_100);
		};
		await published('the activation poll');
		const first = endedBy(pausedHost, 0);
		const [run1] = await client.waitForExecutions(workflow.id, 1, 150_000);
		expect(downstreamUuids(run1)).toEqual([first.uuid]);

		await client.deactivateWorkflow(workflow.id);
		type PublicationStatus = { status: string };
		await waitFor(async () => ((await client.rest<PublicationStatus>('GET', `/workflows/${workflow.id}/publication-status`)).status === 'not_published' ? true : undefined), {
			timeoutMs: 60_000,
			intervalMs: 500,
			what: 'the workflow unpublished',
		});
		const paused = [endedBy(pausedHost, -20 * MINUTE), endedBy(pausedHost, -MINUTE)];
		await published('the activation poll after publishing again');
		const second = endedBy(pausedHost, 0);
		const runs = await client.waitForExecutions(workflow.id, 2, 150_000);
		expect(downstreamUuids(runs[1])).toEqual([second.uuid]);
		const emitted = runs.flatMap(downstreamUuids);
		for (const meeting of paused) expect(emitted).not.toContain(meeting.uuid);
		await client.deactivateWorkflow(workflow.id);
	});

	it("Start From without an offset is the workflow's time zone (Tokyo), not the server's (UTC) nor n8n's default (New York)", async () => {
		const tokyoHost = addHost(sim.zoom, 'Tokyo Host');
		const startMs = clock.now() - 6 * HOUR;
		const startFrom = DateTime.fromMillis(startMs, { zone: 'Asia/Tokyo' }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
		const before = endedBy(tokyoHost, -6 * HOUR - 10 * MINUTE);
		const since = endedBy(tokyoHost, -5 * HOUR);
		const workflow = await meetingWorkflow('Meeting ended (polling), Start From in Tokyo', [tokyoHost], { startFrom, timezone: 'Asia/Tokyo' });
		await client.activateWorkflow(workflow.id);
		// The activation poll emits the backfill.
		const [run] = await client.waitForExecutions(workflow.id, 1, 90_000);
		expect(run.status).toBe('success');
		expect(downstreamUuids(run)).toEqual([since.uuid]);
		expect(downstreamUuids(run)).not.toContain(before.uuid);
		await client.deactivateWorkflow(workflow.id);
	});
});
