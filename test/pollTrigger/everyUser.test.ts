/**
 * Zoom Scheduled Trigger, Hosts: Every User of the Account, through n8n-core's PollContext and
 * PollTriggerExecutor with n8n 2.41.1's saving rules (test/harness/run-poll.ts), against the
 * simulator's clock: the account's active users are listed at each poll (`GET /users`, pages of
 * 300). Meeting Ended then reads one listing of the account's ended meetings
 * (`GET /report/history_meetings`, issue #25: before, one usage report per user), keeping the
 * active users' meetings, each with its host's user ID; the other events read each user as a chosen
 * host, and the daily Heavy budget is checked before any Heavy call.
 */
import { NodeOperationError } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { HOUR, MINUTE, SimClock } from '../simulator/clock';
import type { ZoomUser } from '../simulator/fixture/types';
import { addHost, endMeeting, endWebinar } from '../simulator/timeline';

describe('Zoom Scheduled Trigger: Hosts = Every User of the Account', () => {
	const clock = new SimClock(Date.now() + 3 * HOUR);
	let sim: Simulator;
	let owner: ZoomUser;
	beforeEach(async () => {
		clock.set(Math.floor(Date.now() / 1000) * 1000 + 3 * HOUR);
		sim = await startSimulator({ now: clock.now, zoom: { rateLimits: { medium: 1000, heavy: 1000 }, dailyLimit: 10_000_000 } });
		owner = sim.zoom.users[0];
	});
	afterEach(() => sim.close());

	const hourly = { item: [{ mode: 'everyHour', minute: 0 }] };
	const session = (parameters: Record<string, unknown> = {}) =>
		new PollSession({
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'meeting.ended', scope: 'allUsers', pollTimes: hourly, ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const end = (who: ZoomUser, startOffset: number, endOffset: number) => endMeeting(sim.zoom, { host: who, start: clock.iso(startOffset), end: clock.iso(endOffset) }).instance;
	const uuids = (items: { json: { uuid?: unknown } }[]) => items.map((i) => i.json.uuid);
	const zoomApi = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/'));
	const userPages = () => zoomApi().filter((r) => /\/users$/.test(r.path));
	/** The user ID of each usage report read, in order. */
	const reportsRead = () => zoomApi().flatMap((r) => /\/report\/users\/([^/]+)\/meetings$/.exec(r.path)?.[1] ?? []).map(decodeURIComponent);
	/** The pages of the account's history listing read. */
	const listings = () => zoomApi().filter((r) => r.path.endsWith('/report/history_meetings'));
	const activeIds = () => sim.zoom.users.filter((u) => u.status === 'active').map((u) => u.id);

	it("Meeting Ended finds every user's meetings across two pages of users in one poll: ⌈U / 300⌉ user pages + one account listing, no report per user", async () => {
		// The fixture's 3 active users and 300 more: 303 users, pages of 300 and 3.
		const added = Array.from({ length: 300 }, (_, i) => addHost(sim.zoom, `Account User${i}`));
		const last = added[added.length - 1];
		const inactive = sim.zoom.users.find((u) => u.status !== 'active') as ZoomUser;
		const onFirstPage = end(owner, -50 * MINUTE, -40 * MINUTE);
		const onSecondPage = end(last, -30 * MINUTE, -20 * MINUTE);
		end(inactive, -30 * MINUTE, -25 * MINUTE); // a deactivated user's meeting is not emitted
		const poller = session({ startFrom: clock.iso(-HOUR) });
		sim.clearRequests();
		const { items, error } = await poller.activate();
		expect(error).toBeUndefined();
		expect(uuids(items)).toEqual([onFirstPage.uuid, onSecondPage.uuid]);
		// The item's host is the user's ID, as when the user's own report was read.
		expect(items.map((i) => i.json.hostId)).toEqual([owner.id, last.id]);

		expect(activeIds()).toHaveLength(303);
		const pages = userPages();
		expect(pages).toHaveLength(2);
		expect(pages.map((r) => [r.query.status, r.query.page_size])).toEqual([['active', '300'], ['active', '300']]);
		expect(pages[1].query.next_page_token).toBeTruthy();
		// One listing of the account's meetings that ended, by end day; no report per user.
		expect(reportsRead()).toEqual([]);
		expect(listings().map((r) => [r.query.date_type, r.query.meeting_type, r.query.page_size])).toEqual([['end_time', 'meeting', '300']]);
		expect(zoomApi()).toHaveLength(2 + 1);
	});

	it('a user added between polls is emitted for from the next poll on; a user deactivated is no longer', async () => {
		const poller = session();
		expect((await poller.activate()).error).toBeUndefined();
		const newcomer = addHost(sim.zoom, 'New Colleague');
		clock.advance(MINUTE);
		const theirs = end(newcomer, -MINUTE + 10_000, -10_000);
		const ownersToo = end(owner, -MINUTE + 20_000, -5_000);
		sim.clearRequests();
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(uuids(items)).toEqual([theirs.uuid, ownersToo.uuid]);
		expect(items[0].json.hostId).toBe(newcomer.id);
		expect(listings()).toHaveLength(1);

		newcomer.status = 'inactive';
		clock.advance(MINUTE);
		end(newcomer, -MINUTE + 10_000, -10_000);
		sim.clearRequests();
		expect((await poller.poll()).items).toEqual([]);
		expect(reportsRead()).toEqual([]);
		expect(listings()).toHaveLength(1);
	});

	describe('the daily Heavy limit', () => {
		const everyMinute = { item: [{ mode: 'everyMinute' }] };

		it('500 users every minute on Pro fit (was: refused from 21 users): 1 440 listings a day, one listing per poll whatever the user count', async () => {
			for (let i = 0; i < 497; i++) addHost(sim.zoom, `Budget User${i}`);
			expect(activeIds()).toHaveLength(500);
			const poller = session({ pollTimes: everyMinute });
			expect((await poller.activate()).error).toBeUndefined();
			const host = sim.zoom.users[sim.zoom.users.length - 1];
			const meeting = end(host, 0, 30_000);
			clock.advance(MINUTE);
			sim.clearRequests();
			const { items, error } = await poller.poll();
			expect(error).toBeUndefined();
			expect(uuids(items)).toEqual([meeting.uuid]);
			// 2 user pages (Medium) + 1 listing (Heavy): 3 calls, not 2 + 500.
			expect(userPages()).toHaveLength(2);
			expect(listings()).toHaveLength(1);
			expect(reportsRead()).toEqual([]);
			expect(zoomApi()).toHaveLength(3);
		});

		it("a schedule whose one listing a poll is over the daily limit is refused before any Zoom call, naming the listing and the interval that fits", async () => {
			sim.clearRequests();
			const { error } = await session({ pollTimes: everyMinute, zoomPlan: 'free' }).activate();
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toBe(
				"This schedule would use 1440 of Zoom's 1000 Heavy calls a day (Free plan): 1440 polls a day × at least 1 call per poll (one listing of the account's ended meetings, for every host)",
			);
			expect((error as NodeOperationError).description).toContain('every 2 minutes or longer');
			expect(zoomApi()).toEqual([]);
		});

		it('Webinar Ended makes no Heavy call: 21 users every minute poll, one user page + one webinar list per user', async () => {
			for (let i = 0; i < 18; i++) addHost(sim.zoom, `Webinar User${i}`);
			const host = sim.zoom.users[sim.zoom.users.length - 1];
			const poller = session({ event: 'webinar.ended', pollTimes: everyMinute });
			expect((await poller.activate()).error).toBeUndefined();
			const { instance } = endWebinar(sim.zoom, { host, start: clock.iso(0), end: clock.iso(MINUTE) });
			clock.advance(2 * MINUTE);
			sim.clearRequests();
			const { items, error } = await poller.poll();
			expect(error).toBeUndefined();
			expect(uuids(items)).toEqual([instance.uuid]);
			const webinarLists = zoomApi().flatMap((r) => /\/users\/([^/]+)\/webinars$/.exec(r.path)?.[1] ?? []);
			expect(userPages()).toHaveLength(1);
			expect(webinarLists.sort()).toEqual(activeIds().sort());
			expect(zoomApi().filter((r) => r.path.includes('/report/'))).toEqual([]);
		});
	});

	it("Fetch Test Event shows the app owner's latest meeting in one Heavy call, listing no user (was one or two Heavy calls per user)", async () => {
		for (let i = 0; i < 18; i++) addHost(sim.zoom, `Test User${i}`);
		const last = sim.zoom.users[sim.zoom.users.length - 1];
		end(owner, -5 * HOUR, -4 * HOUR);
		const ownersLatest = end(owner, -3 * HOUR, -2 * HOUR);
		end(last, -HOUR, -MINUTE);
		sim.clearRequests();
		const { items, error } = await session({ pollTimes: { item: [{ mode: 'everyMinute' }] } }).fetchTestEvent();
		expect(error).toBeUndefined();
		expect(uuids(items)).toEqual([ownersLatest.uuid]);
		expect(zoomApi().map((r) => r.path)).toEqual(['/zoom/v2/report/users/me/meetings']);
	});

	it('New Webinar Registrant with chosen webinars reads no host, so lists no user', async () => {
		sim.clearRequests();
		const { error } = await session({ event: 'webinar.registration_created', webinarIds: String(sim.zoom.webinars[0].id) }).activate();
		expect(error).toBeUndefined();
		expect(userPages()).toEqual([]);
		expect(zoomApi().length).toBeGreaterThan(0);
	});

	it('is a Server-to-Server choice: an unknown Hosts value is refused before any Zoom call, naming the setting', async () => {
		sim.clearRequests();
		const { error } = await session({ scope: 'everyone' }).activate();
		expect(error?.message).toBe('Hosts must be one of: me, chosenHosts, allUsers');
		expect(zoomApi()).toEqual([]);
	});
});
