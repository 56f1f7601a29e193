/**
 * Zoom Scheduled Trigger, Meeting Ended, through n8n-core's PollContext and PollTriggerExecutor with
 * n8n 2.41.1's saving rules (test/harness/run-poll.ts), against the simulator's clock.
 */
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { DAY, HOUR, MINUTE, SimClock } from '../simulator/clock';
import type { ZoomUser } from '../simulator/fixture/types';
import { addHost, endMeeting } from '../simulator/timeline';

describe('Zoom Scheduled Trigger: Meeting Ended', () => {
	// Zoom's clock, three hours ahead of this machine's: the trigger must go by Zoom's alone.
	const clock = new SimClock(Date.now() + 3 * HOUR);
	let sim: Simulator;
	let host: ZoomUser;
	let owner: ZoomUser;
	beforeEach(async () => {
		clock.set(Math.floor(Date.now() / 1000) * 1000 + 3 * HOUR);
		sim = await startSimulator({ now: clock.now, zoom: { rateLimits: { heavy: 1000 } } });
		owner = sim.zoom.users[0];
		host = addHost(sim.zoom, 'Second Host');
	});
	afterEach(() => sim.close());

	const session = (parameters: Record<string, unknown> = {}) =>
		new PollSession({
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'meeting.ended', ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const end = (startOffset: number, endOffset: number, who = owner) => endMeeting(sim.zoom, { host: who, start: clock.iso(startOffset), end: clock.iso(endOffset) }).instance;
	const uuids = (items: { json: { uuid?: unknown } }[]) => items.map((i) => i.json.uuid);

	it('first run emits nothing that ended before activation; a meeting that ends later comes once, shaped like the Zoom Trigger\'s', async () => {
		end(-2 * HOUR, -HOUR);
		const poller = session();
		expect((await poller.activate()).items).toEqual([]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);

		const meeting = end(-30 * MINUTE, 2 * MINUTE);
		clock.advance(3 * MINUTE);
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event: 'meeting.ended',
			kind: 'meeting',
			uuid: meeting.uuid,
			trackingId: `poll:meeting.ended:${meeting.uuid}`,
			endTime: meeting.end_time,
			startTime: meeting.start_time,
			eventTime: new Date(meeting.end_time).toISOString(),
		});
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('restart: what was emitted is not emitted again, and what ended while n8n was down comes once', async () => {
		const poller = session();
		await poller.activate();
		const first = end(0, MINUTE);
		clock.advance(2 * MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([first.uuid]);
		clock.advance(MINUTE);
		await poller.poll(); // empty: n8n saves nothing for it

		const a = end(5 * MINUTE, 10 * MINUTE);
		const b = end(20 * MINUTE, 40 * MINUTE);
		clock.advance(HOUR); // n8n is down meanwhile
		expect(uuids((await poller.restart()).items)).toEqual([a.uuid, b.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(MINUTE);
		expect((await poller.restart()).items).toEqual([]);
	});

	it('a gap of three days (n8n down, reports late) still yields every meeting once', async () => {
		const poller = session({ scope: 'chosenHosts', hostList: `${owner.email}, ${host.id}` });
		await poller.activate();
		poller.deactivate(); // n8n stops
		const late = endMeeting(sim.zoom, { host, start: clock.iso(HOUR), end: clock.iso(2 * HOUR), reportedAt: clock.iso(20 * HOUR) }).instance;
		const next = end(DAY, DAY + HOUR);
		const third = end(2 * DAY, 2 * DAY + HOUR, host);
		clock.advance(3 * DAY);
		expect(uuids((await poller.activate('init')).items)).toEqual([late.uuid, next.uuid, third.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('a report that lists a meeting hours after it ended: emitted when it appears, once', async () => {
		const poller = session();
		await poller.activate();
		const lagging = endMeeting(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(10 * MINUTE), reportedAt: clock.iso(5 * HOUR) }).instance;
		clock.advance(HOUR);
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(5 * HOUR);
		expect(uuids((await poller.poll()).items)).toEqual([lagging.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('meetings that end in the same second, one reported later: each emitted once', async () => {
		const poller = session();
		await poller.activate();
		const x = end(MINUTE, 10 * MINUTE);
		const y = end(2 * MINUTE, 10 * MINUTE);
		const z = endMeeting(sim.zoom, { host: owner, start: clock.iso(3 * MINUTE), end: clock.iso(10 * MINUTE), reportedAt: clock.iso(30 * MINUTE) }).instance;
		clock.advance(11 * MINUTE);
		expect(new Set(uuids((await poller.poll()).items))).toEqual(new Set([x.uuid, y.uuid]));
		clock.advance(30 * MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([z.uuid]);
	});

	it('Start From backfills on the first poll, through Zoom\'s paging (more than one page of 300)', async () => {
		for (let i = 0; i < 305; i++) end(-10 * DAY + i * 10 * MINUTE, -10 * DAY + i * 10 * MINUTE + 5 * MINUTE);
		end(-20 * DAY, -20 * DAY + HOUR); // before Start From
		const poller = session({ startFrom: clock.iso(-11 * DAY) });
		const { items } = await poller.activate();
		expect(items).toHaveLength(305);
		expect(new Set(uuids(items)).size).toBe(305);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it("names the host: a host chosen by user ID is the item's hostId (Zoom's report has no host_id), one chosen by email its host email", async () => {
		const poller = session({ scope: 'chosenHosts', hostList: `${owner.email}, ${host.id}` });
		await poller.activate();
		const byId = end(-30 * MINUTE, 2 * MINUTE, host);
		const byEmail = end(-20 * MINUTE, 2 * MINUTE, owner);
		clock.advance(3 * MINUTE);
		const { items } = await poller.poll();
		const item = (uuid: string) => items.find((i) => i.json.uuid === uuid)!.json;
		expect(item(byId.uuid)).toMatchObject({ hostId: host.id });
		expect(item(byEmail.uuid).hostId).toBeUndefined();
		expect(item(byEmail.uuid).object).toMatchObject({ host_email: owner.email });
	});

	it('Fetch Test Event returns the latest ended meeting and leaves the cursor alone', async () => {
		const poller = session();
		await poller.activate();
		const storedBefore = JSON.stringify(poller.stored);
		end(-3 * HOUR, -2 * HOUR);
		const latest = end(-90 * MINUTE, -MINUTE);
		const { items } = await poller.fetchTestEvent();
		expect(uuids(items)).toEqual([latest.uuid]);
		expect(JSON.stringify(poller.stored)).toBe(storedBefore);
	});

	it("one Heavy report per host and poll when Zoom's date is already tomorrow and n8n's is not (n8n at 21:30 UTC, Zoom 3 hours ahead)", async () => {
		// n8n's clock moved to 21:30 UTC today (still running); Zoom's 3 hours ahead, past midnight.
		const realNow = Date.now.bind(Date);
		const evening = new Date(realNow()).setUTCHours(21, 30, 0, 0);
		const offset = evening - realNow();
		const nowSpy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
		try {
			clock.set(Math.floor(Date.now() / 1000) * 1000 + 3 * HOUR);
			const reports = () => sim.requests.filter((r) => r.service === 'zoom' && r.path.includes('/report/users/'));
			const poller = session({ scope: 'chosenHosts', hostList: `${owner.email}, ${host.email}` });
			await poller.activate();
			sim.clearRequests();
			clock.advance(MINUTE);
			expect((await poller.poll()).error).toBeUndefined();
			// Reading Zoom's clock from the first answer must not add a range for a date that has
			// begun nowhere yet (Zoom 00:31 UTC: 14:31 at the latest, in UTC+14).
			expect(reports().map((r) => decodeURIComponent(r.path))).toEqual([`/zoom/v2/report/users/${owner.email}/meetings`, `/zoom/v2/report/users/${host.email}/meetings`]);
			expect(new Set(reports().map((r) => r.query.to)).size).toBe(1);
		} finally {
			nowSpy.mockRestore();
		}
	});

	it('refuses an empty host list before any Zoom call', async () => {
		const poller = session({ scope: 'chosenHosts', hostList: ' , ' });
		sim.clearRequests();
		const { error } = await poller.activate();
		expect(error?.message).toBe('Host List is empty');
		expect(sim.requests.filter((r) => r.service === 'zoom')).toHaveLength(0);
	});
});
