import { makeFixture, startSimulator, type Simulator, type ZoomRegistrant } from './index';
import { encodeTwice, s2sToken, zoom } from './testClient';

describe('Zoom webinars', () => {
	let sim: Simulator;
	let token: string;
	const fixture = makeFixture();
	const { webinarId, webinarUuid, recurringWebinarId, recurringWebinarOccurrenceIds: occurrences } = fixture.ids;
	const webinar = fixture.zoom.webinars[0];
	beforeAll(async () => {
		sim = await startSimulator({ fixture });
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	it('lists approved registrants by default, others by status', async () => {
		const approved = await zoom(sim, `/webinars/${webinarId}/registrants?page_size=300`, token);
		expect(approved.status).toBe(200);
		expect(approved.headers.get('x-ratelimit-category')).toBe('Medium');
		expect(approved.body.total_records).toBe(webinar.registrants.filter((r) => r.status === 'approved').length);
		expect(approved.body.registrants.every((r: ZoomRegistrant) => r.status === 'approved')).toBe(true);
		for (const status of ['pending', 'denied']) {
			const reply = await zoom(sim, `/webinars/${webinarId}/registrants?status=${status}`, token);
			expect(reply.body.total_records).toBeGreaterThan(0);
			expect(reply.body.registrants.every((r: ZoomRegistrant) => r.status === status)).toBe(true);
		}
		expect((await zoom(sim, `/webinars/${webinarId}/registrants?status=maybe`, token)).status).toBe(400);
	});

	it('registrants carry Zoom fields but not the simulator bookkeeping', async () => {
		const reply = await zoom(sim, `/webinars/${webinarId}/registrants`, token);
		const r = reply.body.registrants[0];
		expect(r).toMatchObject({ id: expect.any(String), email: expect.any(String), first_name: expect.any(String), org: expect.any(String), job_title: expect.any(String) });
		expect(r.custom_questions[0]).toEqual({ title: expect.any(String), value: expect.any(String) });
		expect(r).not.toHaveProperty('tracking_source');
		expect(r).not.toHaveProperty('occurrence_ids');
	});

	it('filters by tracking source (UTM) and lists the sources', async () => {
		const sources = await zoom(sim, `/webinars/${webinarId}/tracking_sources`, token);
		expect(sources.body.total_records).toBe(2);
		const linkedIn = sources.body.tracking_sources[0];
		expect(linkedIn.tracking_url).toContain('utm_source=linkedin');
		const reply = await zoom(sim, `/webinars/${webinarId}/registrants?tracking_source_id=${linkedIn.id}&page_size=300`, token);
		const expected = webinar.registrants.filter((r) => r.status === 'approved' && r.tracking_source?.id === linkedIn.id);
		expect(reply.body.registrants.map((r: ZoomRegistrant) => r.id)).toEqual(expected.map((r) => r.id));
		expect(expected.length).toBeGreaterThan(0);
	});

	it('filters registrants of a recurring webinar by occurrence', async () => {
		const all = await zoom(sim, `/webinars/${recurringWebinarId}/registrants?page_size=300`, token);
		const first = await zoom(sim, `/webinars/${recurringWebinarId}/registrants?page_size=300&occurrence_id=${occurrences[0]}`, token);
		const second = await zoom(sim, `/webinars/${recurringWebinarId}/registrants?page_size=300&occurrence_id=${occurrences[1]}`, token);
		expect(first.body.total_records).toBeLessThan(all.body.total_records);
		expect(second.body.total_records).toBeLessThan(all.body.total_records);
		expect(first.body.total_records + second.body.total_records).toBeGreaterThan(all.body.total_records);
	});

	it('lists attendees (Medium) and absentees (Heavy) that together cover the approved registrants', async () => {
		const attendees = await zoom(sim, `/past_webinars/${webinarId}/participants?page_size=300`, token);
		expect(attendees.status).toBe(200);
		expect(attendees.headers.get('x-ratelimit-category')).toBe('Medium');
		const absentees = await zoom(sim, `/past_webinars/${encodeURIComponent(webinarUuid)}/absentees?page_size=300`, token);
		expect(absentees.status).toBe(200);
		expect(absentees.headers.get('x-ratelimit-category')).toBe('Heavy');

		const attendedIds = new Set(attendees.body.participants.map((p: { registrant_id: string }) => p.registrant_id).filter(Boolean));
		const absentIds = new Set(absentees.body.registrants.map((r: ZoomRegistrant) => r.id));
		const approved = webinar.registrants.filter((r) => r.status === 'approved');
		expect(absentIds.size).toBeGreaterThan(0);
		expect(attendedIds.size + absentIds.size).toBe(approved.length);
		for (const r of approved) expect(attendedIds.has(r.id) !== absentIds.has(r.id)).toBe(true);
		// Attendees who rejoined appear twice.
		expect(attendees.body.participants.length).toBeGreaterThan(attendedIds.size + 1);
	});

	it('picks the instance by occurrence_id for absentees of a recurring webinar', async () => {
		const a = await zoom(sim, `/past_webinars/${recurringWebinarId}/absentees?occurrence_id=${occurrences[0]}`, token);
		const b = await zoom(sim, `/past_webinars/${recurringWebinarId}/absentees?occurrence_id=${occurrences[1]}`, token);
		expect(a.status).toBe(200);
		expect(b.status).toBe(200);
		expect(a.body.registrants).not.toEqual(b.body.registrants);
		const byUuid = await zoom(sim, `/past_webinars/${encodeTwice(fixture.ids.recurringWebinarUuids[0])}/absentees`, token);
		expect(byUuid.body.registrants).toEqual(a.body.registrants);
		const future = await zoom(sim, `/past_webinars/${recurringWebinarId}/absentees?occurrence_id=${occurrences[2]}`, token);
		expect(future.status).toBe(404);
	});

	it('lists the host’s webinars and a webinar’s past instances; unknown webinars are 3001', async () => {
		const list = await zoom(sim, '/users/me/webinars', token);
		expect(list.body.webinars.map((w: { id: number }) => w.id)).toEqual([webinarId, recurringWebinarId]);
		const instances = await zoom(sim, `/past_webinars/${recurringWebinarId}/instances`, token);
		expect(instances.body.webinars).toHaveLength(2);
		const details = await zoom(sim, `/webinars/${recurringWebinarId}`, token);
		expect(details.body.occurrences).toHaveLength(3);
		const missing = await zoom(sim, '/past_webinars/99999999999/participants', token);
		expect(missing.status).toBe(404);
		expect(missing.body.code).toBe(3001);
	});
});
