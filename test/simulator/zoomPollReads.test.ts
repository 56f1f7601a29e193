/**
 * What a poll trigger reads, with time moving: the simulator's clock, the meeting report by date
 * range (history window, one-month range, paging while meetings keep ending), past instances
 * that exist only once ended, registrants listed from when they registered, recordings listed
 * once ended and completed once processed, the account's users. Formats: see the sources cited in
 * zoom/reports.ts, zoom/webinars.ts, zoom/userRecordings.ts and zoom/users.ts.
 */
import { DAY, HOUR, MINUTE, SimClock } from './clock';
import { startSimulator, type Simulator } from './index';
import { addHost, endMeeting, endWebinar, recordingCompletes, register, scheduleWebinar } from './timeline';
import { s2sToken, zoom } from './testClient';
import type { ZoomUser } from './fixture/types';

describe('Zoom reads for polling, on a controllable clock', () => {
	const clock = new SimClock('2026-11-30T12:00:00Z');
	let sim: Simulator;
	let token: string;
	let host: ZoomUser;
	// Tokens live an hour of simulated time: a test that moves the clock takes a new one.
	const later = async (ms: number) => {
		clock.advance(ms);
		token = await s2sToken(sim);
	};
	// A simulator per test: the clock starts over, and rate windows must not see earlier tests'
	// requests from a later time.
	beforeEach(async () => {
		clock.set('2026-11-30T12:00:00Z');
		sim = await startSimulator({ now: clock.now });
		token = await s2sToken(sim);
		host = addHost(sim.zoom, 'Poll Host');
	});
	afterEach(() => sim.close());

	const report = (query: string, user = host.id) => zoom(sim, `/report/users/${user}/meetings?${query}`, token);

	it('stamps answers with the simulated time in the Date header', async () => {
		clock.set('2026-07-01T08:09:10Z');
		const reply = await zoom(sim, '/users/me', token);
		expect(reply.headers.get('date')).toBe('Wed, 01 Jul 2026 08:09:10 GMT');
	});

	it("lists the account's active users (Every User of the Account): Medium, pages of 300 by next_page_token, a user who joins listed from then on", async () => {
		// The fixture's 3 active users (and 1 inactive), the host above, and 300 more: 304 active.
		for (let i = 0; i < 300; i++) addHost(sim.zoom, `Listed User${i}`);
		const first = await zoom(sim, '/users?status=active&page_size=300', token);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-ratelimit-category')).toBe('Medium');
		expect(first.body).toMatchObject({ page_size: 300, total_records: 304 });
		expect(first.body.users).toHaveLength(300);
		const second = await zoom(sim, `/users?status=active&page_size=300&next_page_token=${first.body.next_page_token}`, token);
		expect(second.body.users).toHaveLength(4);
		expect(second.body.next_page_token).toBe('');
		const ids = [...first.body.users, ...second.body.users].map((u: { id: string; status: string }) => u.id);
		expect(new Set(ids).size).toBe(304);
		expect(ids).not.toContain(sim.zoom.users.find((u) => u.status === 'inactive')?.id);
		const joined = addHost(sim.zoom, 'New Joiner');
		const again = await zoom(sim, '/users?page_size=300', token);
		expect(again.body.total_records).toBe(305);
		expect(again.body.users.map((u: { id: string }) => u.id)).not.toContain(joined.id); // on the second page
	});

	describe("the account's history listing (GET /report/history_meetings, zoom/reports.ts)", () => {
		const history = (query: string) => zoom(sim, `/report/history_meetings?${query}`, token);

		it("lists every host's reported meetings by end day, Heavy, named by host email, no host ID, with the participant count", async () => {
			const other = addHost(sim.zoom, 'Other Host');
			const a = endMeeting(sim.zoom, { host, start: '2026-11-29T23:30:00Z', end: '2026-11-30T00:30:00Z' }).instance;
			const b = endMeeting(sim.zoom, { host: other, start: '2026-11-30T09:00:00Z', end: '2026-11-30T10:00:00Z', people: 1 }).instance;
			const lagging = endMeeting(sim.zoom, { host, start: '2026-11-30T10:00:00Z', end: '2026-11-30T11:00:00Z', reportedAt: '2026-11-30T13:00:00Z' }).instance;
			const byEnd = await history('from=2026-11-30&to=2026-11-30&date_type=end_time&meeting_type=meeting');
			expect(byEnd.status).toBe(200);
			expect(byEnd.headers.get('x-ratelimit-category')).toBe('Heavy');
			const rows = byEnd.body.history_meetings as Array<Record<string, unknown>>;
			expect(rows.map((r) => r.meeting_uuid)).toEqual([b.uuid, a.uuid]); // newest first; the lagging one not yet
			expect(rows[1]).toMatchObject({ meeting_uuid: a.uuid, type: 'Meeting', host_email: host.email, host_display_name: host.display_name, end_time: '2026-11-30T00:30:00Z', participants: 3, duration: 60 });
			expect(rows[0]).toMatchObject({ host_email: other.email, participants: 1 });
			expect(rows[1]).not.toHaveProperty('host_id');
			expect(byEnd.body).toMatchObject({ next_page_token: '' });
			// By start day (the default), the meeting that started the day before is not in the day.
			const byStart = await history('from=2026-11-30&to=2026-11-30&meeting_type=meeting');
			expect(byStart.body.history_meetings.map((r: { meeting_uuid: string }) => r.meeting_uuid)).toEqual([b.uuid]);
			await later(2 * HOUR);
			const after = await history('from=2026-11-30&to=2026-11-30&date_type=end_time&meeting_type=meeting');
			expect(after.body.history_meetings.map((r: { meeting_uuid: string }) => r.meeting_uuid)).toContain(lagging.uuid);
		});

		it('pages of at most 300 by next_page_token; a range over a month, older than six months or an unknown date_type is refused with code 300', async () => {
			for (let i = 0; i < 301; i++) endMeeting(sim.zoom, { host, start: '2026-11-30T08:00:00Z', end: `2026-11-30T09:${String(i % 60).padStart(2, '0')}:00Z` });
			const first = await history('from=2026-11-30&to=2026-11-30&date_type=end_time&page_size=1000');
			expect(first.body.history_meetings).toHaveLength(300);
			expect(first.body.page_size).toBe(300);
			const second = await history(`from=2026-11-30&to=2026-11-30&date_type=end_time&page_size=300&next_page_token=${first.body.next_page_token}`);
			expect(second.body.history_meetings).toHaveLength(1);
			expect(second.body.next_page_token).toBe('');
			const refused = async (query: string) => {
				const reply = await history(query);
				expect(reply.status).toBe(400);
				expect(reply.body.code).toBe(300);
				return reply.body.message as string;
			};
			expect(await refused('from=2026-10-01&to=2026-11-30')).toMatch(/one month/);
			expect(await refused('from=2026-04-01&to=2026-04-20')).toMatch(/six months/);
			expect(await refused('from=2026-11-30&to=2026-11-30&date_type=ended')).toMatch(/date_type/);
		});
	});

	it('lists a meeting once it has ended, not before', async () => {
		const { instance } = endMeeting(sim.zoom, { host, start: '2026-11-30T12:10:00Z', end: '2026-11-30T12:50:00Z' });
		const before = await report('from=2026-11-30&to=2026-11-30');
		expect(before.body.meetings.map((m: { uuid: string }) => m.uuid)).not.toContain(instance.uuid);
		await later(50 * MINUTE);
		const after = await report('from=2026-11-30&to=2026-11-30');
		expect(after.status).toBe(200);
		const row = after.body.meetings.find((m: { uuid: string }) => m.uuid === instance.uuid);
		expect(row).toMatchObject({ uuid: instance.uuid, start_time: '2026-11-30T12:10:00Z', end_time: '2026-11-30T12:50:00Z', participants_count: 3, user_email: host.email });
		expect(after.body).toMatchObject({ from: '2026-11-30', to: '2026-11-30', next_page_token: '' });
	});

	it('a report that lags lists the instance only from its reportedAt', async () => {
		const { instance } = endMeeting(sim.zoom, { host, start: '2026-11-29T09:00:00Z', end: '2026-11-29T10:00:00Z', reportedAt: '2026-11-30T13:00:00Z' });
		const uuids = async () => (await report('from=2026-11-29&to=2026-11-30')).body.meetings.map((m: { uuid: string }) => m.uuid);
		expect(await uuids()).not.toContain(instance.uuid);
		await later(HOUR);
		expect(await uuids()).toContain(instance.uuid);
	});

	it('leaves out instances with fewer than two people', async () => {
		const { instance } = endMeeting(sim.zoom, { host, start: '2026-11-28T09:00:00Z', end: '2026-11-28T10:00:00Z', people: 1 });
		const reply = await report('from=2026-11-28&to=2026-11-28');
		expect(reply.body.meetings.map((m: { uuid: string }) => m.uuid)).not.toContain(instance.uuid);
	});

	it('refuses a missing date, a range over a month and a range beyond the past six months', async () => {
		expect((await report('to=2026-11-30')).body.code).toBe(300);
		expect((await report('from=2026-10-01&to=2026-11-30')).status).toBe(400);
		expect((await report('from=2026-05-01&to=2026-05-20')).status).toBe(400);
		expect((await report('from=2026-06-01&to=2026-06-30')).status).toBe(200);
	});

	it('is Heavy: the answer carries the Heavy rate-limit category', async () => {
		const reply = await report('from=2026-11-30&to=2026-11-30');
		expect(reply.headers.get('x-ratelimit-category')).toBe('Heavy');
	});

	it('pages newest first; a meeting that ends between two page reads repeats a row at the page boundary', async () => {
		const pager = addHost(sim.zoom, 'Paging Host');
		for (let i = 0; i < 5; i++) {
			endMeeting(sim.zoom, { host: pager, start: clock.iso(-(10 - i) * HOUR), end: clock.iso(-(10 - i) * HOUR + 30 * MINUTE) });
		}
		const first = await report('from=2026-11-30&to=2026-11-30&page_size=2', pager.id);
		expect(first.body.total_records).toBe(5);
		const firstUuids = first.body.meetings.map((m: { uuid: string }) => m.uuid);
		endMeeting(sim.zoom, { host: pager, start: clock.iso(-20 * MINUTE), end: clock.iso(-MINUTE) });
		const second = await report(`from=2026-11-30&to=2026-11-30&page_size=2&next_page_token=${first.body.next_page_token}`, pager.id);
		expect(second.body.meetings[0].uuid).toBe(firstUuids[1]);
	});

	it('clamps page_size to 300 and walks a long report with next_page_token', async () => {
		const busy = addHost(sim.zoom, 'Busy Host');
		for (let i = 0; i < 310; i++) endMeeting(sim.zoom, { host: busy, start: clock.iso(-DAY + i * MINUTE), end: clock.iso(-DAY + i * MINUTE + 30_000) });
		const first = await report('from=2026-11-29&to=2026-11-30&page_size=1000', busy.id);
		expect(first.body.page_size).toBe(300);
		expect(first.body.meetings).toHaveLength(300);
		clock.advance(1_100); // Heavy is 10 a second on Pro and the clock stands still otherwise
		const second = await report(`from=2026-11-29&to=2026-11-30&page_size=1000&next_page_token=${first.body.next_page_token}`, busy.id);
		expect(second.body.meetings).toHaveLength(10);
		expect(second.body.next_page_token).toBe('');
	});

	it('past instances of meetings and webinars are the ended ones only', async () => {
		const { meeting } = endMeeting(sim.zoom, { host, start: clock.iso(-2 * HOUR), end: clock.iso(-HOUR) });
		endMeeting(sim.zoom, { host, meeting, start: clock.iso(HOUR), end: clock.iso(2 * HOUR) });
		const { webinar } = endWebinar(sim.zoom, { host, start: clock.iso(-2 * HOUR), end: clock.iso(-HOUR) });
		endWebinar(sim.zoom, { host, webinar, start: clock.iso(HOUR), end: clock.iso(2 * HOUR) });
		expect((await zoom(sim, `/past_meetings/${meeting.id}/instances`, token)).body.meetings).toHaveLength(1);
		expect((await zoom(sim, `/past_webinars/${webinar.id}/instances`, token)).body.webinars).toHaveLength(1);
		await later(2 * HOUR);
		expect((await zoom(sim, `/past_meetings/${meeting.id}/instances`, token)).body.meetings).toHaveLength(2);
		expect((await zoom(sim, `/past_webinars/${webinar.id}/instances`, token)).body.webinars).toHaveLength(2);
	});

	it('answers free accounts that reports are for paid plans', async () => {
		const free = await startSimulator({ now: clock.now, zoom: { plan: 'free' } });
		try {
			const reply = await zoom(free, '/report/users/me/meetings?from=2026-11-30&to=2026-11-30', await s2sToken(free));
			expect(reply.body.code).toBe(200);
		} finally {
			await free.close();
		}
	});

	it('lists a registrant from the time they registered, in registration order, once approved', async () => {
		const webinar = scheduleWebinar(sim.zoom, { host, start: '2026-12-07T15:00:00Z' });
		const early = register({ webinar, at: '2026-11-30T12:05:00Z' });
		const held = register({ webinar, at: '2026-11-30T12:10:00Z', status: 'pending' });
		const late = register({ webinar, at: '2026-11-30T12:20:00Z', source: 'Newsletter' });
		const listed = async () => (await zoom(sim, `/webinars/${webinar.id}/registrants?page_size=300`, token)).body.registrants.map((r: { id: string }) => r.id);
		expect(await listed()).toEqual([]);
		await later(15 * MINUTE);
		expect(await listed()).toEqual([early.id]);
		held.status = 'approved';
		await later(10 * MINUTE);
		expect(await listed()).toEqual([early.id, held.id, late.id]);
		const reply = await zoom(sim, `/webinars/${webinar.id}/registrants?page_size=300`, token);
		expect(reply.body.registrants[2]).toMatchObject({ id: late.id, email: late.email, status: 'approved', create_time: '2026-11-30T12:20:00Z', join_url: late.join_url });
		expect(reply.body.registrants[2]).not.toHaveProperty('tracking_source');
		const source = webinar.tracking_sources.find((s) => s.source_name === 'Newsletter');
		const bySource = await zoom(sim, `/webinars/${webinar.id}/registrants?tracking_source_id=${source?.id}`, token);
		expect(bySource.body.registrants.map((r: { id: string }) => r.id)).toEqual([late.id]);
	});

	it("lists a host's recordings by start day once the instance ended, files processing until completed; Medium, a month at most", async () => {
		const { meeting, instance } = endMeeting(sim.zoom, { host, start: '2026-11-30T12:10:00Z', end: '2026-11-30T12:40:00Z' });
		const recording = recordingCompletes(sim.zoom, { meeting, instance, at: '2026-11-30T13:00:00Z' });
		const list = (query = 'from=2026-11-30&to=2026-12-01') => zoom(sim, `/users/${host.id}/recordings?${query}`, token);
		await later(35 * MINUTE); // still in the meeting
		expect((await list()).body.meetings).toEqual([]);
		await later(10 * MINUTE);
		const processing = await list();
		expect(processing.headers.get('x-ratelimit-category')).toBe('Medium');
		expect(processing.body).toMatchObject({ from: '2026-11-30', to: '2026-12-01', total_records: 1, next_page_token: '' });
		expect(processing.body.meetings[0]).toMatchObject({ uuid: instance.uuid, id: meeting.id, start_time: instance.start_time, recording_count: 4 });
		expect(processing.body.meetings[0].recording_files.map((f: { status: string }) => f.status)).toEqual(['processing', 'processing', 'processing', 'processing']);
		expect(processing.body.meetings[0]).not.toHaveProperty('download_access_token');
		await later(20 * MINUTE);
		const done = await list();
		expect(done.body.meetings[0].recording_files.map((f: { status: string }) => f.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
		expect(done.body.meetings[0].recording_files[0].download_url).toBe(`${sim.url}${recording.recording_files[0].download_url}`);
		// Without from/to: today only (Zoom's default), which holds it.
		expect((await list('')).body.meetings).toHaveLength(1);
		expect((await list('from=2026-12-01&to=2026-12-02')).body.meetings).toEqual([]);
		expect((await list('from=2026-10-01&to=2026-11-30')).status).toBe(400);
		expect((await list('from=2026-03-01&to=2026-03-20')).status).toBe(400);
	});
});
