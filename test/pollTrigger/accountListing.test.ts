/**
 * Zoom Scheduled Trigger, Meeting Ended from one listing of the account's ended meetings
 * (`GET /report/history_meetings`, issue #25) instead of one usage report per host: with Chosen
 * Hosts from ACCOUNT_LISTING_FROM_HOSTS hosts on (Every User of the Account: everyUser.test.ts).
 * Through n8n-core's PollContext and PollTriggerExecutor (test/harness/run-poll.ts), against the
 * simulator's clock; each test asserts on the requests the simulator recorded.
 */
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import type { EndedCursor } from '../../nodes/ZoomPollTrigger/cursor';
import { ACCOUNT_LISTING_FROM_HOSTS } from '../../nodes/ZoomPollTrigger/pollBudget';
import { pollEndedMeetings } from '../../nodes/ZoomPollTrigger/pollEndedMeetings';
import { readPollSettings } from '../../nodes/ZoomPollTrigger/pollSettings';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { ZoomPacer } from '../../nodes/shared/zoomPacer';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { HOUR, MINUTE } from '../simulator/clock';
import { DEFAULT_GRANTED_SCOPES } from '../simulator/zoom/scopes';
import type { ZoomMeetingInstance, ZoomUser } from '../simulator/fixture/types';
import type { SimulatorOptions } from '../simulator/types';
import { addHost, endMeeting } from '../simulator/timeline';
import { zoomClock } from './zoomClock';

describe('Zoom Scheduled Trigger: Meeting Ended from the account listing', () => {
	const { clock, now, reset, meanwhile, meanwhileRan } = zoomClock();
	let sim: Simulator;
	let hosts: ZoomUser[];
	let other: ZoomUser;
	const start = async (zoom: SimulatorOptions['zoom'] = {}) => {
		sim = await startSimulator({ now, zoom: { rateLimits: { light: 1000, medium: 1000, heavy: 1000 }, dailyLimit: 10_000_000, ...zoom } });
		hosts = [addHost(sim.zoom, 'Ana Host'), addHost(sim.zoom, 'Ben Host'), addHost(sim.zoom, 'Cleo Host')];
		other = addHost(sim.zoom, 'Not Chosen');
	};
	beforeEach(async () => {
		reset();
		await start();
	});
	afterEach(() => sim.close());

	const session = (hostList: string, parameters: Record<string, unknown> = {}) =>
		new PollSession({
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'meeting.ended', scope: 'chosenHosts', hostList, pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const end = (who: ZoomUser, startOffset: number, endOffset: number, people = 3): ZoomMeetingInstance =>
		endMeeting(sim.zoom, { host: who, start: clock.iso(startOffset), end: clock.iso(endOffset), people }).instance;
	const uuids = (items: Array<{ json: { uuid?: unknown } }>) => items.map((i) => i.json.uuid);
	const zoomApi = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/') && r.status !== 401);
	const listings = () => zoomApi().filter((r) => r.path.endsWith('/report/history_meetings'));
	const reports = () => zoomApi().filter((r) => /\/report\/users\/[^/]+\/meetings$/.test(r.path));
	const userPages = () => zoomApi().filter((r) => r.path.endsWith('/users'));
	const cursorOf = (poller: PollSession) => poller.memory?.cursor as unknown as EndedCursor | undefined;

	it(`break-even: ${ACCOUNT_LISTING_FROM_HOSTS - 1} chosen hosts read one report each; ${ACCOUNT_LISTING_FROM_HOSTS} read one listing, whatever their count`, async () => {
		expect(ACCOUNT_LISTING_FROM_HOSTS).toBe(3);
		const two = session(`${hosts[0].email}, ${hosts[1].email}`);
		expect((await two.activate()).error).toBeUndefined();
		const a = end(hosts[0], 0, 30_000);
		clock.advance(MINUTE);
		sim.clearRequests();
		expect(uuids((await two.poll()).items)).toEqual([a.uuid]);
		expect(reports()).toHaveLength(2);
		expect(listings()).toEqual([]);

		const three = session(hosts.map((h) => h.email).join(', '));
		expect((await three.activate()).error).toBeUndefined();
		const b = end(hosts[2], 0, 30_000);
		clock.advance(MINUTE);
		sim.clearRequests();
		expect(uuids((await three.poll()).items)).toEqual([b.uuid]);
		expect(reports()).toEqual([]);
		expect(listings()).toHaveLength(1);
		// Chosen by email: no user list is needed to find them.
		expect(userPages()).toEqual([]);
		expect(zoomApi()).toHaveLength(1);
	});

	it("keeps the chosen hosts' meetings only; a host chosen by ID carries its ID (found in one user page), one chosen by email its email only, as the per-host read did", async () => {
		const poller = session(`${hosts[0].id}, ${hosts[1].email.toUpperCase()}, ${hosts[2].id}`);
		expect((await poller.activate()).error).toBeUndefined();
		const byId = end(hosts[0], 0, 20_000);
		const byEmail = end(hosts[1], 0, 30_000);
		end(other, 0, 40_000); // not chosen
		end(hosts[2], 0, 45_000, 1); // alone: Zoom's per-host report would not list it either
		clock.advance(MINUTE);
		sim.clearRequests();
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(uuids(items)).toEqual([byId.uuid, byEmail.uuid]);
		expect(items.map((i) => [i.json.hostId, (i.json.object as IDataObject).host_email])).toEqual([
			[hosts[0].id, hosts[0].email],
			[undefined, hosts[1].email],
		]);
		expect(userPages()).toHaveLength(1);
		expect(listings()).toHaveLength(1);
		expect(reports()).toEqual([]);
	});

	it('a chosen user ID that is no active user of the account is refused, naming it, before the listing', async () => {
		const poller = session(`${hosts[0].id}, ${hosts[1].id}, nobody-such-id`);
		const { error } = await poller.activate();
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Host List: "nobody-such-id" is not an active user of the Zoom account');
		expect(listings()).toEqual([]);
	});

	it('pages past 300 meetings: every one comes once, also the one a meeting that ends between two pages pushes across the page boundary', async () => {
		const poller = session(hosts.map((h) => h.email).join(', '));
		expect((await poller.activate()).error).toBeUndefined();
		const ended = Array.from({ length: 305 }, (_, i) => end(hosts[i % 3], i * 100, 30_000 + i * 1000));
		clock.advance(10 * MINUTE);
		let late: ZoomMeetingInstance | undefined;
		// Once the first page was answered, one more meeting ends: it is listed first (newest), so the
		// last row of the first page moves to the second and is read twice.
		meanwhile({ when: () => listings().length === 1, then: () => (late = end(hosts[0], -MINUTE, 0)) });
		sim.clearRequests();
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(meanwhileRan()).toBe(true);
		expect(listings()).toHaveLength(2);
		expect(listings()[1].query.next_page_token).toBeTruthy();
		const emitted = uuids(items);
		expect(new Set(emitted).size).toBe(emitted.length);
		// What the listing read of this poll: the 305 and, if its page came after, the late one.
		const expected = ended.map((m) => m.uuid);
		expect(emitted.filter((u) => u !== late?.uuid)).toEqual(expected);
		clock.advance(MINUTE);
		sim.clearRequests();
		const next = await poller.poll();
		expect(uuids(next.items)).toEqual(emitted.includes(late?.uuid) ? [] : [late?.uuid]);
		expect(listings()).toHaveLength(2);
	});

	it('polls that overlap (no guard: durable cursors) emit each meeting once', async () => {
		const poller = session(hosts.map((h) => h.email).join(', '));
		expect((await poller.activate()).error).toBeUndefined();
		const a = end(hosts[0], MINUTE, 10 * MINUTE);
		const b = end(hosts[1], 2 * MINUTE, 20 * MINUTE);
		clock.advance(HOUR);
		const context = poller.pollFunctions;
		const settings = readPollSettings(context);
		sim.inject({ kind: 'latency', ms: 1_500, match: { path: /\/report\/history_meetings$/ } });
		const slow = pollEndedMeetings(context, settings, new ZoomPacer(settings.zoomPlan));
		for (let waited = 0; listings().length === 0; waited += 10) {
			if (waited > 10_000) throw new Error('no listing');
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		clock.advance(10 * MINUTE);
		const c = end(hosts[2], -5 * MINUTE, -2 * MINUTE);
		const fast = await pollEndedMeetings(context, settings, new ZoomPacer(settings.zoomPlan));
		expect(fast?.[0].map((i) => i.json.uuid)).toEqual([a.uuid, b.uuid, c.uuid]);
		expect(await slow).toBeNull();
		expect(Object.keys(cursorOf(poller)?.seen ?? {})).toEqual(expect.arrayContaining([a.uuid, b.uuid, c.uuid]));
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('a refused listing (missing scope) fails the poll naming the scope, moves no cursor, and the meeting comes once at the next poll', async () => {
		const poller = session(hosts.map((h) => h.email).join(', '));
		expect((await poller.activate()).error).toBeUndefined();
		const meeting = end(hosts[1], 0, 30_000);
		clock.advance(MINUTE);
		const before = structuredClone(cursorOf(poller) as unknown as IDataObject);
		sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 4711, message: 'Invalid access token, does not contain scopes:[report:read:list_history_meetings:admin].' },
			match: { path: /\/report\/history_meetings$/ },
		});
		sim.clearRequests();
		const failed = await poller.poll();
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error?.message).toContain('The Zoom app lacks a scope needed to list the account');
		expect(failed.error?.message).toContain('report:read:list_history_meetings:admin');
		expect(failed.items).toEqual([]);
		// No per-host fallback: one refused listing, no report.
		expect(reports()).toEqual([]);
		expect(cursorOf(poller)).toEqual(before);
		clock.advance(MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([meeting.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it("an app without the history report's scope (granular or classic) is refused by the simulator as Zoom does, and the error says which scope", async () => {
		await sim.close();
		await start({ grantedScopes: DEFAULT_GRANTED_SCOPES.filter((s) => s !== 'report:read:list_history_meetings:admin' && s !== 'report:read:admin') });
		const { error } = await session(hosts.map((h) => h.id).join(', ')).activate();
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toContain('report:read:list_history_meetings:admin');
		expect(JSON.stringify((error as NodeApiError).description)).toContain('report:read:list_history_meetings:admin');
		expect(listings()).toHaveLength(1);
		expect(reports()).toEqual([]);
	});
});
