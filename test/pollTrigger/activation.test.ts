/**
 * Zoom Scheduled Trigger: what an activation means, through n8n-core's PollContext and
 * PollTriggerExecutor as n8n 2.41.1 runs them (test/harness/run-poll.ts: every tick of an
 * activation reuses its poll functions, so it reports the activation's mode too).
 * - Unpublished and published again ('activate'): Start From empty → nothing from the pause; set →
 *   what happened since then, but nothing emitted before.
 * - n8n down while the workflow stays published ('init'): what happened meanwhile comes once.
 * - Start From is read in the workflow's time zone.
 * - Fetch Test Event's cost per event.
 */
import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { DAY, HOUR, MINUTE } from '../simulator/clock';
import type { ZoomMeetingInstance, ZoomUser } from '../simulator/fixture/types';
import { addHost, endMeeting, endWebinar, recordingCompletes, register, scheduleWebinar } from '../simulator/timeline';
import { zoomClock } from './zoomClock';

describe('Zoom Scheduled Trigger: activation', () => {
	const { clock, now, reset } = zoomClock();
	let sim: Simulator;
	let owner: ZoomUser;
	let host: ZoomUser;
	beforeEach(async () => {
		reset();
		sim = await startSimulator({ now, zoom: { rateLimits: { light: 1000, medium: 1000, heavy: 1000 } } });
		owner = sim.zoom.users[0];
		host = addHost(sim.zoom, 'Second Host');
	});
	afterEach(() => sim.close());

	const session = (parameters: Record<string, unknown> = {}, more: { staticData?: PollSession['stored']; timezone?: string } = {}) =>
		new PollSession({
			...more,
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'meeting.ended', zoomPlan: 'business', ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	/** A meeting of the owner from `start` to `end` (offsets from Zoom's now). */
	const end = (start: number, endAt: number, reportedAt?: number): ZoomMeetingInstance =>
		endMeeting(sim.zoom, { host: owner, start: clock.iso(start), end: clock.iso(endAt), reportedAt: reportedAt === undefined ? undefined : clock.iso(reportedAt) }).instance;
	const uuids = (items: { json: { uuid?: unknown } }[]) => items.map((i) => i.json.uuid);
	const zoomApi = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/') && r.status !== 401).map((r) => decodeURIComponent(r.path));

	describe('Meeting Ended, Start From empty', () => {
		it('unpublished, then published again: nothing from the pause, not even a meeting reported after; what ends after comes once', async () => {
			const poller = session();
			await poller.activate();
			const before = end(MINUTE, 10 * MINUTE);
			clock.advance(20 * MINUTE);
			expect(uuids((await poller.poll()).items)).toEqual([before.uuid]);

			poller.deactivate();
			end(HOUR, 2 * HOUR);
			const lateReport = end(3 * HOUR, 4 * HOUR, 30 * HOUR);
			clock.advance(DAY);
			expect(await poller.activate()).toEqual({ items: [], error: undefined });
			// The ticks of this activation report 'activate' too: they go on from its cursor.
			const after = end(MINUTE, 10 * MINUTE);
			clock.advance(20 * MINUTE);
			expect(uuids((await poller.poll()).items)).toEqual([after.uuid]);
			clock.advance(7 * HOUR); // Zoom now reports the pause's last meeting (30 hours after it began): still not emitted
			expect(uuids((await poller.poll()).items)).not.toContain(lateReport.uuid);
		});

		it('n8n down while published (n8n starts: "init"): what ended meanwhile comes once', async () => {
			const poller = session();
			await poller.activate();
			poller.deactivate(); // n8n stops
			const a = end(HOUR, 2 * HOUR);
			const b = end(3 * HOUR, 4 * HOUR);
			clock.advance(5 * HOUR);
			expect(uuids((await poller.activate('init')).items)).toEqual([a.uuid, b.uuid]);
			clock.advance(MINUTE);
			expect((await poller.poll()).items).toEqual([]);
		});

		it('re-published while published ("update"): goes on from the saved cursor', async () => {
			const poller = session();
			await poller.activate();
			const a = end(MINUTE, 10 * MINUTE);
			clock.advance(20 * MINUTE);
			expect(uuids((await poller.activate('update')).items)).toEqual([a.uuid]);
		});
	});

	describe('Meeting Ended, Start From set', () => {
		it('published again: what the pause brought, nothing the first activation emitted; Start From moved earlier or later is honoured, still nothing twice', async () => {
			const backfilled = end(-DAY - HOUR, -DAY);
			const first = session({ startFrom: clock.iso(-2 * DAY) });
			expect(uuids((await first.activate()).items)).toEqual([backfilled.uuid]);
			const live = end(MINUTE, 10 * MINUTE);
			clock.advance(20 * MINUTE);
			expect(uuids((await first.poll()).items)).toEqual([live.uuid]);

			first.deactivate();
			const paused = end(HOUR, 2 * HOUR);
			clock.advance(3 * HOUR);
			expect(uuids((await first.activate()).items)).toEqual([paused.uuid]);
			clock.advance(MINUTE);
			expect((await first.poll()).items).toEqual([]);

			// Unpublished again; Start From moved before the first one: only what it adds, and the pause.
			first.deactivate();
			const older = end(-4 * DAY, -4 * DAY + HOUR);
			const paused2 = end(MINUTE, 10 * MINUTE);
			clock.advance(HOUR);
			const earlier = session({ startFrom: clock.iso(-5 * DAY) }, { staticData: first.stored });
			expect(uuids((await earlier.activate()).items)).toEqual([older.uuid, paused2.uuid]);

			// Once more, Start From moved to within the pause: only what ended since then.
			earlier.deactivate();
			end(MINUTE, 10 * MINUTE);
			const sinceStart = end(2 * HOUR, 3 * HOUR);
			clock.advance(4 * HOUR);
			const later = session({ startFrom: clock.iso(-2 * HOUR - 30 * MINUTE) }, { staticData: earlier.stored });
			expect(uuids((await later.activate()).items)).toEqual([sinceStart.uuid]);
			clock.advance(MINUTE);
			expect((await later.poll()).items).toEqual([]);
		});
	});

	it('Recording Completed, Start From empty: published again, no recording from the pause; one completing after comes once', async () => {
		const poller = session({ event: 'recording.completed' });
		await poller.activate();
		poller.deactivate();
		const paused = endMeeting(sim.zoom, { host: owner, start: clock.iso(HOUR), end: clock.iso(2 * HOUR) });
		recordingCompletes(sim.zoom, { ...paused, at: clock.iso(2 * HOUR + 10 * MINUTE) });
		clock.advance(3 * HOUR);
		expect((await poller.activate()).items).toEqual([]);
		const after = endMeeting(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(10 * MINUTE) });
		recordingCompletes(sim.zoom, { ...after, at: clock.iso(15 * MINUTE) });
		clock.advance(20 * MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([after.instance.uuid]);
	});

	it('Webinar Ended, Start From empty: published again, no webinar from the pause', async () => {
		const poller = session({ event: 'webinar.ended' });
		await poller.activate();
		poller.deactivate();
		endWebinar(sim.zoom, { host: owner, start: clock.iso(HOUR), end: clock.iso(2 * HOUR) });
		clock.advance(3 * HOUR);
		expect((await poller.activate()).items).toEqual([]);
		const after = endWebinar(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(10 * MINUTE) });
		clock.advance(20 * MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([after.instance.uuid]);
	});

	describe("Start From in the workflow's time zone", () => {
		// This machine runs in UTC (checked below); the workflow in Tokyo (UTC+9, no summer time).
		const zone = 'Asia/Tokyo';
		const wallTime = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

		it("a time without offset, as n8n's date picker writes it, is the workflow's local time", async () => {
			const startMs = clock.now() - 6 * HOUR;
			const startFrom = wallTime(startMs);
			// The same text read in this machine's zone is hours off: the test tells them apart.
			expect(Math.abs(new Date(startFrom).getTime() - startMs)).toBeGreaterThanOrEqual(HOUR);
			end(-7 * HOUR, -6 * HOUR - 30 * MINUTE); // ended before Start From
			const since = end(-6 * HOUR + 10 * MINUTE, -5 * HOUR);
			const poller = session({ startFrom }, { timezone: zone });
			expect(uuids((await poller.activate()).items)).toEqual([since.uuid]);
		});

		it('a time with an offset or Z keeps it', async () => {
			const startMs = clock.now() - 6 * HOUR;
			const before = end(-7 * HOUR, -6 * HOUR - 30 * MINUTE);
			const since = end(-6 * HOUR + 10 * MINUTE, -5 * HOUR);
			for (const startFrom of [new Date(startMs).toISOString(), DateTime.fromMillis(startMs, { zone: 'America/New_York' }).toISO()]) {
				const poller = session({ startFrom }, { timezone: zone });
				const { items } = await poller.activate();
				expect(uuids(items)).toEqual([since.uuid]);
				expect(uuids(items)).not.toContain(before.uuid);
			}
		});

		it('what is not a date is refused before any Zoom call, naming the field and the time zone', async () => {
			sim.clearRequests();
			const { error } = await session({ startFrom: 'next tuesday' }, { timezone: zone }).activate();
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toBe('Start From is not a date');
			expect((error as NodeOperationError).description).toContain(zone);
			expect(zoomApi()).toEqual([]);
		});
	});

	describe('Fetch Test Event: one host, and its calls', () => {
		const chosen = () => ({ scope: 'chosenHosts', hostList: `${owner.email}, ${host.email}` });

		it('Meeting Ended: one Heavy call, for the first host of the list', async () => {
			const latest = end(-HOUR, -MINUTE);
			endMeeting(sim.zoom, { host, start: clock.iso(-30 * MINUTE), end: clock.iso(-MINUTE / 2) });
			sim.clearRequests();
			expect(uuids((await session(chosen()).fetchTestEvent()).items)).toEqual([latest.uuid]);
			expect(zoomApi()).toEqual([`/zoom/v2/report/users/${owner.email}/meetings`]);
		});

		it('Webinar Ended: no Heavy call; one Medium call for the host, one per webinar it lists', async () => {
			const { instance } = endWebinar(sim.zoom, { host: owner, start: clock.iso(-2 * HOUR), end: clock.iso(-HOUR) });
			endWebinar(sim.zoom, { host, start: clock.iso(-HOUR), end: clock.iso(-MINUTE) });
			sim.clearRequests();
			expect(uuids((await session({ event: 'webinar.ended', ...chosen() }).fetchTestEvent()).items)).toEqual([instance.uuid]);
			const webinars = sim.zoom.webinars.filter((w) => w.host_id === owner.id);
			expect(zoomApi()).toEqual([`/zoom/v2/users/${owner.email}/webinars`, ...webinars.map((w) => `/zoom/v2/past_webinars/${w.id}/instances`)]);
		});

		it('Recording Completed: no Heavy call; one or two Medium lists (the month in ranges) for the host, one Light read', async () => {
			const recorded = endMeeting(sim.zoom, { host: owner, start: clock.iso(-2 * HOUR), end: clock.iso(-HOUR) });
			recordingCompletes(sim.zoom, { ...recorded, at: clock.iso(-30 * MINUTE) });
			sim.clearRequests();
			expect(uuids((await session({ event: 'recording.completed', ...chosen() }).fetchTestEvent()).items)).toEqual([recorded.instance.uuid]);
			const calls = zoomApi();
			expect(calls.filter((p) => p.includes('/report/'))).toEqual([]);
			expect(calls.filter((p) => p === `/zoom/v2/users/${owner.email}/recordings`).length).toBeLessThanOrEqual(2);
			expect(calls.filter((p) => p !== `/zoom/v2/users/${owner.email}/recordings`)).toEqual([`/zoom/v2/meetings/${recorded.instance.uuid}/recordings`]);
		});

		it('New Webinar Registrant, Every User of the Account: the owner only, no user listing, no Heavy call', async () => {
			for (let i = 0; i < 5; i++) addHost(sim.zoom, `Other User${i}`);
			const webinar = scheduleWebinar(sim.zoom, { host: owner, start: clock.iso(3 * DAY) });
			const person = register({ webinar, at: clock.iso(-MINUTE) });
			sim.clearRequests();
			const { items, error } = await session({ event: 'webinar.registration_created', scope: 'allUsers' }).fetchTestEvent();
			expect(error).toBeUndefined();
			expect(items.map((i) => (i.json.person as { email?: string }).email)).toEqual([person.email]);
			const calls = zoomApi();
			expect(calls.filter((p) => p === '/zoom/v2/users' || p.includes('/report/'))).toEqual([]);
			expect(calls[0]).toBe('/zoom/v2/users/me/webinars');
			expect(calls.filter((p) => /^\/zoom\/v2\/users\//.test(p))).toEqual(['/zoom/v2/users/me/webinars']);
		});
	});
});
