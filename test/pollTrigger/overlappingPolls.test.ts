/**
 * Zoom Scheduled Trigger: polls that overlap. n8n 2.41.1 starts each Poll Times tick without waiting
 * for the previous poll of the node (test/harness/run-poll.ts: `poll()` again before the previous
 * one settled, on the same Workflow and poll functions, as n8n's cron does). A slow Zoom (the
 * simulator's latency fault, real time) makes one poll outlast the start of the next.
 */
import type { IDataObject } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import type { EndedCursor } from '../../nodes/ZoomPollTrigger/cursor';
import { pollEndedMeetings } from '../../nodes/ZoomPollTrigger/pollEndedMeetings';
import { pollRecordings } from '../../nodes/ZoomPollTrigger/pollRecordings';
import { readPollSettings } from '../../nodes/ZoomPollTrigger/pollSettings';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { ZoomPacer } from '../../nodes/shared/zoomPacer';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { HOUR, MINUTE } from '../simulator/clock';
import type { ZoomMeetingInstance, ZoomUser } from '../simulator/fixture/types';
import { addHost, endMeeting, recordingCompletes } from '../simulator/timeline';
import { zoomClock } from './zoomClock';

/** How long the slow Zoom answer takes: far longer than the rest of a poll against the simulator. */
const SLOW_MS = 1_500;

describe('Zoom Scheduled Trigger: polls that overlap', () => {
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

	const session = (parameters: Record<string, unknown> = {}, more: { pollBudgetMs?: number } = {}) =>
		new PollSession({
			...more,
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'meeting.ended', scope: 'chosenHosts', hostList: `${owner.email}, ${host.email}`, ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const end = (startOffset: number, endOffset: number, who = owner): ZoomMeetingInstance => endMeeting(sim.zoom, { host: who, start: clock.iso(startOffset), end: clock.iso(endOffset) }).instance;
	const uuids = (items: { json: { uuid?: unknown } }[]) => items.map((i) => i.json.uuid);
	// Reads of Zoom's API; a 401 for a token that expired as the simulated hour passed is not one
	// (the credential fetches a new token and the same read is sent again).
	const zoomApi = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/') && r.status !== 401);
	const reportOf = (who: ZoomUser) => `/zoom/v2/report/users/${encodeURIComponent(who.email)}/meetings`;
	/** The second host's report answers slowly, once. */
	const slowReport = () => sim.inject({ kind: 'latency', ms: SLOW_MS, match: { path: reportOf(host) } });
	/** Until the simulator received a request on `path` (it then sleeps through the latency). */
	const reached = async (path: string) => {
		for (let waited = 0; !sim.requests.some((r) => r.path === path); waited += 10) {
			if (waited > 10_000) throw new Error(`no request on ${path}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	};
	const cursorIn = (data: IDataObject | undefined, name = 'cursor') => data?.[name] as unknown as EndedCursor;

	it('a tick that starts while the previous poll is still reading Zoom makes no Zoom call, emits nothing and ends after it; each meeting comes once', async () => {
		const poller = session();
		await poller.activate();
		const meetings = [end(MINUTE, 10 * MINUTE), end(2 * MINUTE, 20 * MINUTE, host), end(3 * MINUTE, 30 * MINUTE)];
		clock.advance(HOUR);
		const horizonBefore = cursorIn(poller.memory).horizon;
		slowReport();
		sim.clearRequests();

		const settledAt: Record<string, number> = {};
		const slow = poller.poll().then((outcome) => ((settledAt.slow = Date.now()), outcome));
		await reached(reportOf(host));
		const callsBefore = zoomApi().length;
		const overlapping = poller.poll().then((outcome) => ((settledAt.overlapping = Date.now()), outcome));
		const [first, second] = await Promise.all([slow, overlapping]);

		expect(first.error).toBeUndefined();
		expect(uuids(first.items)).toEqual(meetings.map((m) => m.uuid));
		expect(second).toEqual({ items: [], error: undefined });
		// Only the slow poll's calls: its two reports (one per host), none by the overlapping tick.
		expect(zoomApi().length).toBe(callsBefore);
		expect(zoomApi().map((r) => r.path)).toEqual([reportOf(owner), reportOf(host)]);
		// The overlapping tick waited for the slow poll (n8n releases the isolate when a tick ends).
		expect(settledAt.overlapping).toBeGreaterThanOrEqual(settledAt.slow);
		expect(cursorIn(poller.memory).horizon).toBeGreaterThanOrEqual(horizonBefore);

		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
		// Saved with the emission: after a restart nothing comes again either.
		clock.advance(MINUTE);
		expect((await poller.restart()).items).toEqual([]);
	});

	it("the wait is bounded by n8n's poll budget: past it the tick gives up, still without a Zoom call, and the slow poll emits once", async () => {
		const poller = session({}, { pollBudgetMs: 200 });
		await poller.activate();
		const meeting = end(MINUTE, 10 * MINUTE, host);
		clock.advance(HOUR);
		slowReport();
		sim.clearRequests();

		const slow = poller.poll();
		await reached(reportOf(host));
		const startedAt = Date.now();
		const gaveUp = await poller.poll();
		expect(Date.now() - startedAt).toBeLessThan(SLOW_MS);
		expect(gaveUp).toEqual({ items: [], error: undefined });
		expect(uuids((await slow).items)).toEqual([meeting.uuid]);
		expect(zoomApi().map((r) => r.path)).toEqual([reportOf(owner), reportOf(host)]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('after the slow poll, the next tick polls again (the guard lets go)', async () => {
		const poller = session();
		await poller.activate();
		clock.advance(HOUR);
		slowReport();
		const slow = poller.poll();
		await reached(reportOf(host));
		await Promise.all([slow, poller.poll()]);
		const later = end(MINUTE, 10 * MINUTE);
		clock.advance(HOUR);
		sim.clearRequests();
		expect(uuids((await poller.poll()).items)).toEqual([later.uuid]);
		expect(zoomApi()).toHaveLength(2);
	});

	it('Fetch Test Event is not held by a poll in flight', async () => {
		const poller = session();
		await poller.activate();
		const meeting = end(-HOUR, -MINUTE);
		slowReport();
		const slow = poller.poll();
		await reached(reportOf(host));
		const startedAt = Date.now();
		expect(uuids((await poller.fetchTestEvent()).items)).toEqual([meeting.uuid]);
		expect(Date.now() - startedAt).toBeLessThan(SLOW_MS);
		await slow;
	});

	describe('polls that did overlap (no guard between them: n8n durable cursors, or a guard that stopped waiting)', () => {
		// The node's own poll step, twice at once on one activation's poll functions and in-memory
		// static data: what the guard otherwise keeps from happening.
		const meetingPoll = (poller: PollSession) => {
			const context = poller.pollFunctions;
			const settings = readPollSettings(context);
			return pollEndedMeetings(context, settings, new ZoomPacer(settings.zoomPlan));
		};

		it('decide at emission: the slower poll emits nothing the other emitted, and does not write back a cursor without what the other saw', async () => {
			const poller = session();
			await poller.activate();
			const a = end(MINUTE, 10 * MINUTE);
			const b = end(2 * MINUTE, 20 * MINUTE, host);
			clock.advance(HOUR);
			slowReport();
			const slow = meetingPoll(poller);
			await reached(reportOf(host)); // the owner's report already read, the host's answer pending
			clock.advance(10 * MINUTE);
			const c = end(-5 * MINUTE, -2 * MINUTE); // the owner's, after the slow poll read the owner
			const fast = await meetingPoll(poller);
			expect(fast?.[0].map((i) => i.json.uuid)).toEqual([a.uuid, b.uuid, c.uuid]);
			const afterFast = structuredClone(cursorIn(poller.memory));

			expect(await slow).toBeNull();
			const cursor = cursorIn(poller.memory);
			expect(cursor.horizon).toBeGreaterThanOrEqual(afterFast.horizon);
			expect(Object.keys(cursor.seen)).toEqual(expect.arrayContaining([a.uuid, b.uuid, c.uuid]));
			// The meeting only the fast poll saw stays emitted: the next tick does not bring it again.
			clock.advance(MINUTE);
			expect((await poller.poll()).items).toEqual([]);
		});

		it('Recording Completed: a recording the other poll emitted while this one read its details is not emitted again', async () => {
			const poller = session({ event: 'recording.completed', scope: 'me', zoomPlan: 'business' });
			await poller.activate();
			const { meeting, instance } = endMeeting(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(10 * MINUTE) });
			recordingCompletes(sim.zoom, { meeting, instance, at: clock.iso(20 * MINUTE) });
			clock.advance(HOUR);
			sim.inject({ kind: 'latency', ms: SLOW_MS, match: { path: /\/meetings\/.+\/recordings$/ } });
			const context = poller.pollFunctions;
			const settings = readPollSettings(context);
			const slow = pollRecordings(context, settings, new ZoomPacer(settings.zoomPlan));
			for (let waited = 0; !sim.requests.some((r) => /\/meetings\/.+\/recordings$/.test(r.path)); waited += 10) {
				if (waited > 10_000) throw new Error('no detail read');
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			const fast = await pollRecordings(context, settings, new ZoomPacer(settings.zoomPlan));
			expect(fast?.[0].map((i) => i.json.uuid)).toEqual([instance.uuid]);
			expect(await slow).toBeNull();
			clock.advance(MINUTE);
			expect((await poller.poll()).items).toEqual([]);
		});
	});

	it('Recording Completed: a detail read that fails loses nothing: the recording stays new and comes once at the next poll', async () => {
		const poller = session({ event: 'recording.completed', scope: 'me', zoomPlan: 'business' });
		await poller.activate();
		const { meeting, instance } = endMeeting(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(10 * MINUTE) });
		recordingCompletes(sim.zoom, { meeting, instance, at: clock.iso(20 * MINUTE) });
		clock.advance(HOUR);
		sim.inject({ kind: 'status', status: 404, body: { code: 3301, message: 'This recording does not exist.' }, match: { path: /\/meetings\/.+\/recordings$/ } });
		const failed = await poller.poll();
		expect(failed.error).toBeDefined();
		expect(failed.items).toEqual([]);
		expect(Object.keys(cursorIn(poller.memory, 'recordingCursor')?.seen ?? {})).not.toContain(instance.uuid);
		clock.advance(MINUTE);
		expect(uuids((await poller.poll()).items)).toEqual([instance.uuid]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});
});
