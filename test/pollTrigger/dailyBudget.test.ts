/**
 * Zoom Scheduled Trigger: a schedule whose Heavy calls would exceed the plan's daily limit is refused
 * before any Zoom call (n8n then refuses the activation), through n8n-core's PollContext and
 * PollTriggerExecutor (test/harness/run-poll.ts) against the simulator.
 */
import { NodeOperationError } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ACCOUNT_LISTING_FROM_HOSTS, DAILY_HEAVY_LIMIT, pollsPerDay } from '../../nodes/ZoomPollTrigger/pollBudget';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { HOUR, SimClock } from '../simulator/clock';
import { addHost } from '../simulator/timeline';

describe('pollsPerDay: the most polls n8n runs in a day on Poll Times', () => {
	it.each([
		[[{ mode: 'everyMinute' }], 1440],
		[[{ mode: 'everyHour' }], 24],
		[[{ mode: 'everyDay' }], 1],
		[[{ mode: 'everyWeek' }], 1],
		// n8n writes */7 into the minute field: minutes 0, 7, ..., 56 of each hour.
		[[{ mode: 'everyX', value: 7, unit: 'minutes' }], 24 * 9],
		[[{ mode: 'everyX', value: 5, unit: 'hours' }], 5],
		[[{ mode: 'custom', cronExpression: '0 */15 * * * *' }], 96],
		[[{ mode: 'custom', cronExpression: '*/30 9-17 * * 1-5' }], 18],
		[[{ mode: 'custom', cronExpression: '0 0,30 8,20 * * *' }], 4],
		[[{ mode: 'everyMinute' }, { mode: 'everyHour' }], 1464],
		[[{ mode: 'custom', cronExpression: '0 0 L * *' }, { mode: 'everyMinute' }], 1440 + 1],
	])('%j → %i', (items, expected) => {
		expect(pollsPerDay(items)).toBe(expected);
	});

	it('is undefined for what it cannot read (nothing is refused then)', () => {
		expect(pollsPerDay([{ mode: 'custom', cronExpression: '0 0 MON-FRI * *' }])).toBe(1);
		expect(pollsPerDay([{ mode: 'custom', cronExpression: '@hourly' }])).toBeUndefined();
		expect(pollsPerDay([{ mode: 'custom', cronExpression: '0 noon * * *' }])).toBeUndefined();
		expect(pollsPerDay([{ mode: 'everyX', value: 0, unit: 'minutes' }])).toBeUndefined();
	});
});

describe("Zoom Scheduled Trigger: the schedule within Zoom's daily limit", () => {
	const clock = new SimClock(Date.now() + 3 * HOUR);
	let sim: Simulator;
	let hostEmails: string[];
	beforeEach(async () => {
		clock.set(Math.floor(Date.now() / 1000) * 1000 + 3 * HOUR);
		sim = await startSimulator({ now: clock.now, zoom: { rateLimits: { medium: 1000, heavy: 1000 } } });
		hostEmails = Array.from({ length: 42 }, (_, i) => addHost(sim.zoom, `Budget Host${i}`).email);
	});
	afterEach(() => sim.close());

	const session = (hosts: number, parameters: Record<string, unknown> = {}) =>
		new PollSession({
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'meeting.ended', scope: 'chosenHosts', hostList: hostEmails.slice(0, hosts).join(', '), ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const zoomCalls = () => sim.requests.filter((r) => r.service === 'zoom').length;
	const everyMinute = { item: [{ mode: 'everyMinute' }] };

	const listings = () => sim.requests.filter((r) => r.path.endsWith('/report/history_meetings')).length;
	const reports = () => sim.requests.filter((r) => r.path.includes('/report/users/')).length;

	it('21 hosts every minute on Pro now fit and poll: one listing of the account per poll, 1 440 Heavy calls a day (was 30 240, refused); 42 on Business too', async () => {
		const poller = session(21, { pollTimes: everyMinute });
		expect((await poller.activate()).error).toBeUndefined();
		expect((await poller.poll()).error).toBeUndefined();
		expect(listings()).toBe(2);
		expect(reports()).toBe(0);
		expect((await session(42, { pollTimes: everyMinute, zoomPlan: 'business' }).activate()).error).toBeUndefined();
	});

	it("Free plan (1 000 a day): even one listing every minute is over, refused before any Zoom call, with the interval that fits", async () => {
		const { error } = await session(21, { pollTimes: everyMinute, zoomPlan: 'free' }).activate();
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(
			"This schedule would use 1440 of Zoom's 1000 Heavy calls a day (Free plan): 1440 polls a day × at least 1 call per poll (one listing of the account's ended meetings, for every host)",
		);
		const { description } = error as NodeOperationError;
		expect(description).toContain('every 2 minutes or longer');
		expect(description).toContain('set Zoom Plan to the higher plan');
		expect(description).not.toContain('hosts or fewer');
		expect(zoomCalls()).toBe(0);
	});

	it('without Poll Times set, n8n polls every minute: the same refusal', async () => {
		const { error } = await session(21, { zoomPlan: 'free' }).activate();
		expect(error?.message).toContain('1440 polls a day × at least 1 call per poll');
		expect(zoomCalls()).toBe(0);
	});

	it('below the break-even, one report per host: 2 hosts every 2 minutes on Free (1 440 a day of 1 000) refused with the per-host numbers and fixes; 1 host fits and polls', async () => {
		const every2 = { item: [{ mode: 'everyX', value: 2, unit: 'minutes' }] };
		const { error } = await session(2, { pollTimes: every2, zoomPlan: 'free' }).activate();
		expect(error?.message).toBe("This schedule would use 1440 of Zoom's 1000 Heavy calls a day (Free plan): 720 polls a day × 2 report calls per poll (one per host, 2 hosts)");
		const { description } = error as NodeOperationError;
		expect(description).toContain('poll 1 host or fewer on this schedule');
		expect(description).toContain('every 3 minutes or longer');
		expect(zoomCalls()).toBe(0);
		const one = session(1, { pollTimes: every2, zoomPlan: 'business' });
		expect((await one.activate()).error).toBeUndefined();
		expect((await one.poll()).error).toBeUndefined();
		expect(reports()).toBe(2);
		expect(listings()).toBe(0);
	});

	it('several Poll Times add up: one listing every 2 minutes and every hour (744) fit Free, twice every 2 minutes (1 440) does not', async () => {
		const twice = { item: [{ mode: 'everyX', value: 2, unit: 'minutes' }, { mode: 'everyHour', minute: 5 }] };
		expect((await session(21, { pollTimes: twice, zoomPlan: 'free' }).activate()).error).toBeUndefined();
		const { error } = await session(21, { pollTimes: { item: [{ mode: 'everyX', value: 2, unit: 'minutes' }, { mode: 'custom', cronExpression: '30 */2 * * * *' }] }, zoomPlan: 'free' }).activate();
		expect(error?.message).toContain('1440 polls a day × at least 1 call');
	});

	it.each(['webinar.ended', 'webinar.registration_created'])('%s makes no Heavy calls: 42 hosts every minute are not refused, on Free either', async (event) => {
		const { error } = await session(42, { event, pollTimes: everyMinute, zoomPlan: 'free' }).activate();
		expect(error).toBeUndefined();
		expect(sim.requests.filter((r) => r.path.includes('/report/')).length).toBe(0);
	});

	const heavyCalls = () => sim.requests.filter((r) => r.path.includes('/report/users/')).map((r) => decodeURIComponent(r.path));

	it('Fetch Test Event: one Heavy call, for the first host of the list, whatever the number of hosts (was two per host)', async () => {
		const { error } = await session(20, { pollTimes: everyMinute }).fetchTestEvent();
		expect(error).toBeUndefined();
		expect(heavyCalls()).toEqual([`/zoom/v2/report/users/${hostEmails[0]}/meetings`]);
	});

	it('Fetch Test Event is refused before any Zoom call when the schedule does not fit the daily limit', async () => {
		const { error } = await session(21, { pollTimes: everyMinute, zoomPlan: 'free' }).fetchTestEvent();
		expect(error?.message).toContain("This schedule would use 1440 of Zoom's 1000 Heavy calls a day");
		expect(zoomCalls()).toBe(0);
	});

	it("Fetch Test Event is refused when the schedule plans exactly the whole daily limit: its one call does not fit", async () => {
		// Free plan, 1 000 a day: 25 minutes × 20 hours = 500 polls a day × 2 hosts.
		const exactly = { pollTimes: { item: [{ mode: 'custom', cronExpression: '0-24 0-19 * * *' }] }, zoomPlan: 'free' };
		expect((await session(2, exactly).activate()).error).toBeUndefined();
		sim.clearRequests();
		const { error } = await session(2, exactly).fetchTestEvent();
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe("Fetch Test Event needs 1 Heavy Zoom call, and this schedule already plans all of Zoom's 1000 a day (Free plan)");
		expect(zoomCalls()).toBe(0);
	});
});

it("the panel's notice states the limits the publish check applies", () => {
	const notice = new ZoomPollTrigger().description.properties.find((p) => p.name === 'dailyLimitNotice')!;
	const grouped = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
	expect(notice.displayName).toContain(`${grouped(DAILY_HEAVY_LIMIT.pro)} such calls a day on Pro`);
	expect(notice.displayName).toContain(`${grouped(DAILY_HEAVY_LIMIT.business)} on Business`);
	const everyMinute = pollsPerDay([{ mode: 'everyMinute' }]) as number;
	expect(notice.displayName).toContain(`from ${ACCOUNT_LISTING_FROM_HOSTS} hosts or Every User of the Account on`);
	expect(notice.displayName).toContain(`polled every minute, one listing is ${grouped(everyMinute)} a day`);
});
