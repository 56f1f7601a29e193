/**
 * Zoom Scheduled Trigger, New Webinar Registrant, through n8n-core's PollContext and PollTriggerExecutor
 * with n8n 2.41.1's saving rules (test/harness/run-poll.ts), against the simulator's clock.
 */
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { DAY, HOUR, MINUTE } from '../simulator/clock';
import type { ZoomRegistrant, ZoomUser, ZoomWebinar } from '../simulator/fixture/types';
import { addHost, endWebinar, register, scheduleWebinar } from '../simulator/timeline';
import { zoomClock } from './zoomClock';

describe('Zoom Scheduled Trigger: New Webinar Registrant', () => {
	const { clock, now, meanwhile, meanwhileRan, reset } = zoomClock();
	let sim: Simulator;
	let owner: ZoomUser;
	let host: ZoomUser;
	let webinar: ZoomWebinar;
	beforeEach(async () => {
		reset();
		sim = await startSimulator({ now, zoom: { rateLimits: { light: 1000, medium: 1000, heavy: 1000 } } });
		owner = sim.zoom.users[0];
		host = addHost(sim.zoom, 'Webinar Host');
		webinar = scheduleWebinar(sim.zoom, { host: owner, start: clock.iso(7 * DAY), topic: 'Launch Day' });
	});
	afterEach(() => sim.close());

	const session = (parameters: Record<string, unknown> = {}, staticData?: PollSession['stored']) =>
		new PollSession({
			staticData,
			nodeType: new ZoomPollTrigger(),
			parameters: { authentication: 'serverToServer', event: 'webinar.registration_created', ...parameters },
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
	const registers = (offset: number, more: { webinar?: ZoomWebinar; status?: ZoomRegistrant['status']; source?: string } = {}) =>
		register({ webinar: more.webinar ?? webinar, at: clock.iso(offset), status: more.status, source: more.source });
	const emails = (items: { json: { person?: unknown } }[]) => items.map((i) => (i.json.person as { email?: string } | undefined)?.email);
	const zoomCalls = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth/')).map((r) => r.path.replace(/\/\d{9,}/g, '/ID'));

	it("first run emits nobody who registered before activation; a new registrant comes once, shaped like the Zoom Trigger's", async () => {
		registers(-2 * HOUR);
		registers(-MINUTE);
		const poller = session();
		expect((await poller.activate()).items).toEqual([]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);

		const ana = registers(30 * 1000, { source: 'LinkedIn' });
		clock.advance(MINUTE);
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event: 'webinar.registration_created',
			kind: 'webinar',
			id: String(webinar.id),
			topic: 'Launch Day',
			startTime: webinar.start_time,
			hostId: owner.id,
			eventTime: new Date(ana.create_time).toISOString(),
			trackingId: `poll:webinar.registration_created:${webinar.id}:${ana.id}`,
			person: { email: ana.email, firstName: ana.first_name, lastName: ana.last_name, registrantId: ana.id, status: 'approved', joinUrl: ana.join_url, trackingSource: 'LinkedIn' },
		});
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('Start From: the first poll also emits who registered since then, oldest first', async () => {
		registers(-3 * DAY);
		const b = registers(-2 * HOUR);
		const a = registers(-5 * HOUR);
		const poller = session({ startFrom: clock.iso(-DAY) });
		expect(emails((await poller.activate()).items)).toEqual([a.email, b.email]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('restart: what was emitted is not emitted again, and who registered while n8n was down comes once', async () => {
		const poller = session();
		await poller.activate();
		const first = registers(10 * 1000);
		clock.advance(MINUTE);
		expect(emails((await poller.poll()).items)).toEqual([first.email]);
		clock.advance(MINUTE);
		await poller.poll(); // empty: n8n saves nothing for it

		const other = scheduleWebinar(sim.zoom, { host: owner, start: clock.iso(3 * DAY) });
		const a = registers(10 * MINUTE);
		const b = registers(2 * HOUR, { webinar: other });
		clock.advance(5 * HOUR); // n8n is down meanwhile
		expect(emails((await poller.restart()).items)).toEqual([a.email, b.email]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
		clock.advance(MINUTE);
		expect((await poller.restart()).items).toEqual([]);
	});

	it('a registrant approved while the list is read pushes a row across the page boundary: every registrant comes once, the approved one at the next poll', async () => {
		const poller = session();
		await poller.activate();
		const held = registers(10 * 1000, { status: 'pending' });
		const crowd = Array.from({ length: 305 }, (_, i) => registers(20 * 1000 + i * 1000));
		clock.advance(10 * MINUTE);
		// Zoom approves the held registrant after the first page of 300 was read.
		meanwhile({
			when: () => sim.requests.some((r) => r.path.endsWith('/registrants') && r.query.next_page_token),
			then: () => {
				held.status = 'approved';
			},
		});
		const { items, error } = await poller.poll();
		expect(error).toBeUndefined();
		expect(meanwhileRan()).toBe(true);
		expect(emails(items)).toEqual(crowd.map((r) => r.email));
		clock.advance(MINUTE);
		expect(emails((await poller.poll()).items)).toEqual([held.email]);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('Fetch Test Event returns the latest registrant and leaves the cursor alone', async () => {
		const poller = session();
		await poller.activate();
		const storedBefore = JSON.stringify(poller.stored);
		registers(-3 * HOUR);
		const latest = registers(-MINUTE);
		registers(-2 * HOUR);
		const { items, error } = await poller.fetchTestEvent();
		expect(error).toBeUndefined();
		expect(emails(items)).toEqual([latest.email]);
		expect(JSON.stringify(poller.stored)).toBe(storedBefore);
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('reads the hosts\' upcoming webinars only; a quiet poll costs one Medium list per host and per webinar', async () => {
		endWebinar(sim.zoom, { host, start: clock.iso(-3 * DAY), end: clock.iso(-3 * DAY + HOUR) }); // over: not read
		const upcoming = scheduleWebinar(sim.zoom, { host, start: clock.iso(2 * DAY) });
		const poller = session({ scope: 'chosenHosts', hostList: host.email });
		await poller.activate();
		sim.clearRequests();
		clock.advance(MINUTE);
		await poller.poll();
		expect(zoomCalls()).toEqual([`/zoom/v2/users/${encodeURIComponent(host.email)}/webinars`, '/zoom/v2/webinars/ID/registrants']);

		const newcomer = registers(10 * 1000, { webinar: upcoming });
		clock.advance(MINUTE);
		sim.clearRequests();
		expect(emails((await poller.poll()).items)).toEqual([newcomer.email]);
		// The webinar with a new registrant: its tracking sources, and the registrants of each used one (none here).
		expect(zoomCalls()).toEqual([`/zoom/v2/users/${encodeURIComponent(host.email)}/webinars`, '/zoom/v2/webinars/ID/registrants', '/zoom/v2/webinars/ID/tracking_sources']);
	});

	it('chosen webinars: no webinar list; the webinar is read only when it has a new registrant', async () => {
		const other = scheduleWebinar(sim.zoom, { host, start: clock.iso(2 * DAY) });
		const spaced = String(webinar.id).replace(/^(\d{3})(\d{4})/, '$1 $2 ');
		const poller = session({ webinarIds: spaced });
		await poller.activate();
		sim.clearRequests();
		registers(10 * 1000, { webinar: other });
		clock.advance(MINUTE);
		expect((await poller.poll()).items).toEqual([]);
		expect(zoomCalls()).toEqual(['/zoom/v2/webinars/ID/registrants']);

		const mine = registers(10 * 1000, { source: 'Newsletter' });
		clock.advance(MINUTE);
		sim.clearRequests();
		const { items } = await poller.poll();
		expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ id: String(webinar.id), topic: 'Launch Day', person: expect.objectContaining({ email: mine.email, trackingSource: 'Newsletter' }) })]);
		expect(zoomCalls()).toEqual(['/zoom/v2/webinars/ID/registrants', '/zoom/v2/webinars/ID', '/zoom/v2/webinars/ID/tracking_sources', '/zoom/v2/webinars/ID/registrants']);
	});

	it('refuses a Webinars entry that is not a webinar ID before any Zoom call', async () => {
		const poller = session({ webinarIds: `${webinar.id}, https://zoom.us/w/123` });
		sim.clearRequests();
		const { error } = await poller.activate();
		expect(error?.message).toBe('Webinars: "https://zoom.us/w/123" is not a webinar ID');
		expect(sim.requests.filter((r) => r.service === 'zoom' || r.service === 'zoom-oauth')).toHaveLength(0);
	});
});
