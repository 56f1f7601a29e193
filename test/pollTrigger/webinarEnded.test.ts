/**
 * Zoom Scheduled Trigger, Webinar Ended, through n8n-core's PollContext and PollTriggerExecutor with
 * n8n 2.41.1's saving rules (test/harness/run-poll.ts), against the simulator's clock.
 */
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { DAY, HOUR, MINUTE, SimClock } from '../simulator/clock';
import type { ZoomUser, ZoomWebinar } from '../simulator/fixture/types';
import { addHost, endMeeting, endWebinar } from '../simulator/timeline';

describe('Zoom Scheduled Trigger: Webinar Ended', () => {
	// Zoom's clock, three hours ahead of this machine's: the trigger must go by Zoom's alone.
	const clock = new SimClock(Date.now() + 3 * HOUR);
	let sim: Simulator;
	let host: ZoomUser;
	let owner: ZoomUser;
	beforeEach(async () => {
		clock.set(Math.floor(Date.now() / 1000) * 1000 + 3 * HOUR);
		sim = await startSimulator({ now: clock.now, zoom: { rateLimits: { medium: 1000, heavy: 1000 } } });
		owner = sim.zoom.users[0];
		host = addHost(sim.zoom, 'Webinar Host');
	});
	afterEach(() => sim.close());

	const session = (parameters: Record<string, unknown> = {}, staticData?: PollSession['stored']) =>
		new PollSession({
			staticData,
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'webinar.ended', ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const end = (startOffset: number, endOffset: number, who = owner, webinar?: ZoomWebinar) =>
		endWebinar(sim.zoom, { host: who, webinar, start: clock.iso(startOffset), end: clock.iso(endOffset) });
	const uuids = (items: { json: { uuid?: unknown } }[]) => items.map((i) => i.json.uuid);

	it("first run emits nothing that ended before activation; an instance that ends later comes once, shaped like the Zoom Trigger's", async () => {
		end(-3 * HOUR, -2 * HOUR);
		const poller = session();
		expect((await poller.activate()).items).toEqual([]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);

		const { webinar, instance } = end(MINUTE, 2 * MINUTE);
		clock.advance(MINUTE); // started, not ended: not a past instance yet
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(2 * MINUTE);
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event: 'webinar.ended',
			kind: 'webinar',
			id: String(webinar.id),
			uuid: instance.uuid,
			topic: webinar.topic,
			startTime: instance.start_time,
			trackingId: `poll:webinar.ended:${instance.uuid}`,
		});
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('a webinar live at activation that ends after it is emitted (it started before the cursor began)', async () => {
		const live = end(-5 * HOUR, HOUR).instance;
		const poller = session();
		await poller.activate();
		clock.advance(2 * HOUR);
		expect(uuids((await poller.poll()).items)).toEqual([live.uuid]);
	});

	it('each instance of a recurring webinar comes once; after a restart, what ended meanwhile comes once', async () => {
		const poller = session({ scope: 'chosenHosts', hostList: `${owner.email}, ${host.id}` });
		await poller.activate();
		const { webinar, instance: first } = end(MINUTE, HOUR, host);
		clock.advance(2 * HOUR);
		expect(uuids((await poller.poll()).items)).toEqual([first.uuid]);
		clock.advance(MINUTE);
		await poller.poll(); // empty: n8n saves nothing for it

		const second = end(DAY, DAY + HOUR, host, webinar).instance;
		const other = end(DAY + 2 * HOUR, DAY + 3 * HOUR).instance;
		clock.advance(2 * DAY); // n8n is down meanwhile
		expect(uuids((await poller.restart()).items)).toEqual([second.uuid, other.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('Webinar Ended keeps its own cursor: switching the event from Meeting Ended neither replays nor skips', async () => {
		const meetings = session({ event: 'meeting.ended' });
		await meetings.activate();
		endMeeting(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(10 * MINUTE) });
		end(-2 * HOUR, -HOUR); // already over when the webinar event is chosen
		clock.advance(20 * MINUTE);
		expect((await meetings.poll()).items).toHaveLength(1);

		const webinars = session({}, meetings.stored);
		expect((await webinars.activate()).items).toEqual([]);
		const later = end(MINUTE, 5 * MINUTE).instance;
		clock.advance(10 * MINUTE);
		expect(uuids((await webinars.poll()).items)).toEqual([later.uuid]);
	});

	it('Fetch Test Event returns the latest ended instance and leaves the cursor alone', async () => {
		const poller = session();
		await poller.activate();
		const storedBefore = JSON.stringify(poller.stored);
		end(-5 * HOUR, -4 * HOUR);
		const latest = end(-2 * HOUR, -MINUTE).instance;
		const { items } = await poller.fetchTestEvent();
		expect(uuids(items)).toEqual([latest.uuid]);
		expect(JSON.stringify(poller.stored)).toBe(storedBefore);
	});

	it('costs one list call per host and one per listed webinar (both Medium), no usage report', async () => {
		end(-3 * HOUR, -2 * HOUR, host);
		end(-3 * HOUR, -2 * HOUR, host);
		const poller = session({ scope: 'chosenHosts', hostList: host.email });
		await poller.activate();
		sim.clearRequests();
		clock.advance(MINUTE);
		await poller.poll();
		const calls = sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/'));
		expect(calls.map((r) => r.path.replace(/\d{6,}/, 'ID'))).toEqual([`/zoom/v2/users/${encodeURIComponent(host.email)}/webinars`, '/zoom/v2/past_webinars/ID/instances', '/zoom/v2/past_webinars/ID/instances']);
	});
});
