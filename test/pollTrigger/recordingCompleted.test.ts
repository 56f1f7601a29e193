/**
 * Zoom Scheduled Trigger, Recording Completed, through n8n-core's PollContext and PollTriggerExecutor
 * with n8n 2.41.1's saving rules (test/harness/run-poll.ts), against the simulator's clock.
 */
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { DAY, HOUR, MINUTE } from '../simulator/clock';
import type { ZoomMeetingInstance, ZoomUser } from '../simulator/fixture/types';
import { addHost, endMeeting, endWebinar, recordingCompletes } from '../simulator/timeline';
import { zoomClock } from './zoomClock';
import { runZoomToBrevo } from '../zoomToBrevo/nodeRunner';

describe('Zoom Scheduled Trigger: Recording Completed', () => {
	const { clock, now, meanwhile, reset } = zoomClock();
	let sim: Simulator;
	let owner: ZoomUser;
	let host: ZoomUser;
	beforeEach(async () => {
		reset();
		sim = await startSimulator({ now, zoom: { rateLimits: { light: 1000, medium: 1000, heavy: 1000 } } });
		owner = sim.zoom.users[0];
		host = addHost(sim.zoom, 'Recording Host');
	});
	afterEach(() => sim.close());

	const session = (parameters: Record<string, unknown> = {}, staticData?: PollSession['stored']) =>
		new PollSession({
			staticData,
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'recording.completed', zoomPlan: 'business', ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	/** A meeting from `start` to `end` (offsets from now), recorded; its recording completes `processing` after the end. */
	const recorded = (start: number, end: number, processing = 10 * MINUTE, who = owner): ZoomMeetingInstance => {
		const { meeting, instance } = endMeeting(sim.zoom, { host: who, start: clock.iso(start), end: clock.iso(end) });
		recordingCompletes(sim.zoom, { meeting, instance, at: clock.iso(end + processing) });
		return instance;
	};
	const uuids = (items: { json: { uuid?: unknown } }[]) => items.map((i) => i.json.uuid);
	const zoomCalls = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/')).map((r) => r.path);

	it("first run emits no recording completed before activation; a new one comes once it completes, shaped like the Zoom Trigger's", async () => {
		recorded(-3 * HOUR, -2 * HOUR);
		const poller = session();
		expect((await poller.activate()).items).toEqual([]);

		const instance = recorded(MINUTE, 30 * MINUTE, 20 * MINUTE);
		clock.advance(35 * MINUTE); // ended, files still processing
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(20 * MINUTE);
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const { recording } = instance;
		expect(items[0].json).toMatchObject({
			event: 'recording.completed',
			kind: 'recording',
			id: String(recording?.id),
			uuid: instance.uuid,
			topic: recording?.topic,
			startTime: instance.start_time,
			accountId: sim.credentials.zoom.accountId,
			trackingId: `poll:recording.completed:${instance.uuid}`,
			recording: { shareUrl: `${sim.url}${recording?.share_url}`, passcode: recording?.password, downloadToken: recording?.download_access_token },
		});
		expect((items[0].json.recording as { files: unknown[] }).files).toHaveLength(4);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('a recording still processing at activation is emitted when it completes', async () => {
		const processing = recorded(-2 * HOUR, -HOUR, 3 * HOUR);
		const poller = session();
		expect((await poller.activate()).items).toEqual([]);
		clock.advance(HOUR);
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(HOUR + MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([processing.uuid]);
	});

	it('Start From: the first poll also emits the completed recordings of meetings that started since then, oldest first', async () => {
		recorded(-4 * DAY, -4 * DAY + HOUR);
		const b = recorded(-3 * HOUR, -2 * HOUR);
		const a = recorded(-2 * DAY, -2 * DAY + HOUR);
		recorded(-HOUR, -10 * MINUTE, HOUR); // still processing
		const poller = session({ startFrom: clock.iso(-3 * DAY) });
		expect(uuids((await poller.activate()).items)).toEqual([a.uuid, b.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('restart: what was emitted is not emitted again, and what completed while n8n was down comes once', async () => {
		const poller = session({ scope: 'chosenHosts', hostList: `${owner.email}, ${host.id}` });
		await poller.activate();
		const first = recorded(0, 10 * MINUTE, MINUTE);
		clock.advance(15 * MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([first.uuid]);
		clock.advance(MINUTE);
		await poller.poll(); // empty: n8n saves nothing for it

		const a = recorded(HOUR, 2 * HOUR, 10 * MINUTE, host);
		const b = recorded(DAY, DAY + HOUR);
		clock.advance(2 * DAY); // n8n is down meanwhile
		expect(uuids((await poller.restart()).items)).toEqual([a.uuid, b.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(MINUTE);
		expect((await poller.restart()).items).toEqual([]);
	});

	it('a recording listed while the list is read pushes a row across the page boundary: every recording comes once, the new one at the next poll', async () => {
		const poller = session();
		await poller.activate();
		const crowd = Array.from({ length: 305 }, (_, i) => recorded(MINUTE + i * 1000, 2 * MINUTE + i * 1000, MINUTE));
		clock.advance(HOUR);
		let newest: ZoomMeetingInstance | undefined;
		// Zoom lists newest first: a meeting that ends after the first page was read goes on top.
		meanwhile({
			when: () => sim.requests.some((r) => r.path.endsWith('/recordings') && r.query.next_page_token),
			then: () => {
				newest = recorded(-30 * MINUTE, -20 * MINUTE, MINUTE);
			},
		});
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(newest).toBeDefined();
		expect(uuids(items)).toEqual(crowd.map((i) => i.uuid));
		clock.advance(MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([newest?.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it("a webinar's recording comes the same way, named by the webinar's ID and the session's UUID; Share Recording (1.2 defaults) emails its attendees", async () => {
		const poller = session();
		await poller.activate();
		const meetingRecording = recorded(0, 20 * MINUTE, MINUTE);
		const { webinar, instance } = endWebinar(sim.zoom, { host: owner, start: clock.iso(5 * MINUTE), end: clock.iso(HOUR) });
		recordingCompletes(sim.zoom, { meeting: webinar, instance, at: clock.iso(HOUR + 10 * MINUTE) });
		clock.advance(HOUR + 15 * MINUTE);
		const { items } = await poller.poll();
		expect(uuids(items)).toEqual([meetingRecording.uuid, instance.uuid]);
		expect(items[1].json).toMatchObject({ event: 'recording.completed', id: String(webinar.id), uuid: instance.uuid, topic: webinar.topic, object: { type: 5 } });
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);

		const share = { resource: 'recording', operation: 'shareRecording', recipients: 'webinarAttendees', shareMode: 'email', templateId: sim.fixture.ids.brevoTemplateId };
		const { result } = await runZoomToBrevo(sim, share, { inputItems: [items[1]], typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		const attendees = Array.from({ length: instance.attendees.length }, (_, i) => instance.attendees.at(i)?.user_email.toLowerCase());
		expect(sim.brevo.emails.flatMap((email) => email.to.map((to) => to.email.toLowerCase())).sort()).toEqual(attendees.sort());
		expect(sim.brevo.emails.every((email) => JSON.stringify(email).includes(`${sim.url}${instance.recording?.share_url}`))).toBe(true);
	});

	it('Fetch Test Event returns the latest completed recording and leaves the cursor alone', async () => {
		const poller = session();
		await poller.activate();
		const storedBefore = JSON.stringify(poller.stored);
		recorded(-5 * HOUR, -4 * HOUR);
		const latest = recorded(-3 * HOUR, -2 * HOUR);
		recorded(-HOUR, -10 * MINUTE, HOUR); // newer, still processing
		const { items, error } = await poller.fetchTestEvent();
		expect(error).toBeUndefined();
		expect(uuids(items)).toEqual([latest.uuid]);
		expect(JSON.stringify(poller.stored)).toBe(storedBefore);
	});

	it('costs one Medium list per host per poll, and one Light read per recording it emits', async () => {
		const poller = session({ scope: 'chosenHosts', hostList: host.email });
		await poller.activate();
		sim.clearRequests();
		clock.advance(MINUTE);
		await poller.poll();
		const list = `/zoom/v2/users/${encodeURIComponent(host.email)}/recordings`;
		expect(zoomCalls()).toEqual([list]);
		const instance = recorded(0, 10 * MINUTE, MINUTE, host);
		clock.advance(15 * MINUTE);
		sim.clearRequests();
		expect(uuids((await poller.poll()).items)).toEqual([instance.uuid]);
		expect(zoomCalls()).toEqual([list, `/zoom/v2/meetings/${encodeURIComponent(instance.uuid)}/recordings`]);
	});
});
