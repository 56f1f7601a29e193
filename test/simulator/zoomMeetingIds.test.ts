import { makeFixture, startSimulator, type Simulator } from './index';
import { encodeTwice, s2sToken, zoom } from './testClient';

describe('Zoom meeting ids and instance UUIDs', () => {
	let sim: Simulator;
	let token: string;
	const ids = makeFixture().ids;
	const u = ids.recurringMeetingUuids;
	beforeAll(async () => {
		sim = await startSimulator();
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	const participantsOf = (segment: string) => zoom(sim, `/past_meetings/${segment}/participants?page_size=300`, token);
	const instanceOf = (segment: string) => zoom(sim, `/past_meetings/${segment}`, token);

	it('fixture UUIDs have the shapes that matter', () => {
		expect(u.leadingSlash.startsWith('/')).toBe(true);
		expect(u.doubleSlash).toContain('//');
		expect(u.slashInside).toMatch(/^[^/].*\/.*$/);
		expect(u.slashInside).not.toContain('//');
		expect(u.slashInside).toContain('+');
	});

	it('a numeric id means the latest instance', async () => {
		const reply = await instanceOf(String(ids.recurringMeetingId));
		expect(reply.status).toBe(200);
		expect(reply.body.uuid).toBe(u.latest);
		const rows = (await participantsOf(String(ids.recurringMeetingId))).body;
		expect(rows.total_records).toBe(sim.zoom.meetings[0].instances[3].stats.rows);
	});

	it('an ordinary UUID (even with / and + inside) works encoded once or twice', async () => {
		for (const segment of [encodeURIComponent(u.slashInside), encodeTwice(u.slashInside), encodeURIComponent(u.latest)]) {
			const reply = await instanceOf(segment);
			expect(reply.status).toBe(200);
			expect([u.slashInside, u.latest]).toContain(reply.body.uuid);
		}
	});

	it.each([
		['starts with /', u.leadingSlash],
		['contains //', u.doubleSlash],
	])('a UUID that %s is found only when encoded twice', async (_label, uuid) => {
		const once = await participantsOf(encodeURIComponent(uuid));
		expect(once.status).toBe(404);
		expect(once.body.code).toBe(3001);
		expect(once.body.message).toMatch(/^Meeting does not exist/);

		const twice = await participantsOf(encodeTwice(uuid));
		expect(twice.status).toBe(200);
		expect(twice.body.total_records).toBeGreaterThan(0);
		expect((await instanceOf(encodeTwice(uuid))).body.uuid).toBe(uuid);
	});

	it('an unencoded slash splits the path: not an API at all', async () => {
		const reply = await zoom(sim, `/past_meetings/${u.slashInside}/participants`, token);
		expect(reply.status).toBe(404);
	});

	it('lists past instances, UUIDs as they are', async () => {
		const reply = await zoom(sim, `/past_meetings/${ids.recurringMeetingId}/instances`, token);
		expect(reply.status).toBe(200);
		expect(reply.body.meetings.map((m: { uuid: string }) => m.uuid)).toEqual([u.slashInside, u.leadingSlash, u.doubleSlash, u.latest]);
	});

	it('unknown meetings answer 404 code 3001', async () => {
		for (const segment of ['12345678901', encodeURIComponent('nosuchuuid0000000000ab==')]) {
			const reply = await participantsOf(segment);
			expect(reply.status).toBe(404);
			expect(reply.body.code).toBe(3001);
		}
		const meeting = await zoom(sim, '/meetings/12345678901', token);
		expect(meeting.body.code).toBe(3001);
	});

	it('a meeting older than a year answers 400 code 12702', async () => {
		for (const path of [`/past_meetings/${ids.oldMeetingId}/participants`, `/report/meetings/${ids.oldMeetingId}/participants`]) {
			const reply = await zoom(sim, path, token);
			expect(reply.status).toBe(400);
			expect(reply.body.code).toBe(12702);
		}
	});

	it('GET /meetings/{id} describes the meeting, with occurrences for a recurring one', async () => {
		const reply = await zoom(sim, `/meetings/${ids.recurringMeetingId}`, token);
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ id: ids.recurringMeetingId, type: 8, topic: 'Weekly Product Demo', host_email: ids.ownerEmail });
		expect(reply.body.occurrences).toHaveLength(4);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Light');
	});
});
