/**
 * POST /webinars/{id}/batch_registrants and POST /meetings/{id}/batch_registrants over HTTP. The
 * behaviours and their sources ([K], [D5]) are listed in zoom/registrants.ts.
 */
import { makeFixture, startSimulator, type Simulator, type ZoomMeeting, type ZoomWebinar } from './index';
import { manualClock, s2sToken, zoom } from './testClient';

describe('Zoom batch registration', () => {
	let sim: Simulator;
	let token: string;
	const clock = manualClock(Date.parse('2026-03-02T12:00:00Z'));
	const fixture = makeFixture();
	const { webinarId, recurringWebinarId, registrationMeetingId } = fixture.ids;
	const webinar = (id = webinarId) => sim.zoom.webinars.find((w) => w.id === id) as ZoomWebinar;
	const scheduledMeeting = () => sim.zoom.meetings.find((m) => m.type === 2) as ZoomMeeting;
	let n = 0;
	const people = (count: number) => Array.from({ length: count }, () => ({ email: `batch${++n}@customer.example`, first_name: `Batch${n}`, last_name: 'Person' }));
	// Heavy: 10 a second on Pro; a second passes between requests, so none meets that limit (same UTC day).
	const post = (path: string, body: unknown) => {
		clock.advance(1_100);
		return zoom(sim, path, token, { method: 'POST', body: JSON.stringify(body) });
	};

	beforeAll(async () => {
		sim = await startSimulator({ fixture, now: clock.now });
		token = await s2sToken(sim);
		scheduledMeeting().registration = { approval_type: 0, registrants_restrict_number: 0 };
	});
	afterAll(() => sim.close());

	it('registers up to 30 at once: 201, Heavy, one row per person with their own link, then listed', async () => {
		const batch = people(30);
		const reply = await post(`/webinars/${webinarId}/batch_registrants`, { auto_approve: false, registrants: batch });
		expect(reply.status).toBe(201);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Heavy');
		expect(reply.body.registrants.map((r: { email: string }) => r.email)).toEqual(batch.map((p) => p.email));
		expect(new Set(reply.body.registrants.map((r: { join_url: string }) => r.join_url)).size).toBe(30);
		const stored = webinar().registrants.find((r) => r.email === batch[0].email)!;
		expect(reply.body.registrants[0]).toEqual({ email: batch[0].email, join_url: stored.join_url, registrant_id: stored.id });
		expect(stored).toMatchObject({ first_name: batch[0].first_name, last_name: 'Person', status: 'approved' });
	});

	it('31 or none: 400 / 300 Validation Failed, nobody registered', async () => {
		const before = webinar().registrants.length;
		for (const registrants of [people(31), []]) {
			const reply = await post(`/webinars/${webinarId}/batch_registrants`, { registrants });
			expect(reply.status).toBe(400);
			expect(reply.body).toMatchObject({ code: 300, message: 'Validation Failed.', errors: [{ field: 'registrants' }] });
		}
		expect(webinar().registrants).toHaveLength(before);
	});

	it('only scheduled webinars (type 5) and scheduled meetings (type 2)', async () => {
		const recurring = await post(`/webinars/${recurringWebinarId}/batch_registrants`, { registrants: people(1) });
		expect(recurring.status).toBe(400);
		expect(recurring.body).toMatchObject({ code: 300, message: expect.stringContaining('Batch registration is not supported for other webinar types') });
		const series = await post(`/meetings/${registrationMeetingId}/batch_registrants`, { registrants: people(1) });
		expect(series.status).toBe(400);
		expect(series.body).toMatchObject({ code: 303, message: expect.stringContaining('Batch registration is not supported for other meeting types') });
		const meeting = await post(`/meetings/${scheduledMeeting().id}/batch_registrants`, { registrants: people(2), registrants_confirmation_email: true });
		expect(meeting.status).toBe(201);
		expect(meeting.body.registrants).toHaveLength(2);
	});

	it('registration off: webinar 400 / 3000, meeting 404 / 404; unknown: 404 / 3001', async () => {
		webinar().registration = { approval_type: 2, registrants_restrict_number: 0 };
		const off = await post(`/webinars/${webinarId}/batch_registrants`, { registrants: people(1) });
		expect([off.status, off.body.code, off.body.message]).toEqual([400, 3000, `Registration not enabled for this webinar: ${webinarId}`]);
		webinar().registration = undefined;
		const other = sim.zoom.meetings.find((m) => m.type === 2 && m.id !== scheduledMeeting().id);
		if (other) {
			const meetingOff = await post(`/meetings/${other.id}/batch_registrants`, { registrants: people(1) });
			expect([meetingOff.status, meetingOff.body.code]).toEqual([404, 404]);
		}
		const unknown = await post('/webinars/99999999999/batch_registrants', { registrants: people(1) });
		expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([404, 3001, 'Webinar does not exist: 99999999999.']);
	});

	it('manual approval: pending without join_url unless auto_approve is true', async () => {
		webinar().registration = { approval_type: 1, registrants_restrict_number: 0 };
		const held = await post(`/webinars/${webinarId}/batch_registrants`, { auto_approve: false, registrants: people(1) });
		expect(held.body.registrants[0]).not.toHaveProperty('join_url');
		expect(webinar().registrants.find((r) => r.email === held.body.registrants[0].email)!.status).toBe('pending');
		const approved = await post(`/webinars/${webinarId}/batch_registrants`, { auto_approve: true, registrants: people(1) });
		expect(approved.body.registrants[0].join_url).toEqual(expect.any(String));
		webinar().registration = undefined;
	});

	it("a repeat answers the stored registrant; one person's fourth request today refuses the whole batch with 429", async () => {
		const [ada] = people(1);
		const first = await post(`/webinars/${webinarId}/batch_registrants`, { registrants: [ada] });
		const again = await post(`/webinars/${webinarId}/batch_registrants`, { registrants: [ada, { ...ada, email: ada.email.toUpperCase() }] });
		expect(again.body.registrants.map((r: { registrant_id: string }) => r.registrant_id)).toEqual([first.body.registrants[0].registrant_id, first.body.registrants[0].registrant_id]);
		// Twice in one body counts once: that was ada's second request today; the third is fine.
		expect((await post(`/webinars/${webinarId}/batch_registrants`, { registrants: [ada] })).status).toBe(201);
		const count = webinar().registrants.length;
		const [bob] = people(1);
		const refused = await post(`/webinars/${webinarId}/batch_registrants`, { registrants: [bob, ada] });
		expect(refused.status).toBe(429);
		expect(refused.body.message).toBe(
			`You have exceeded the daily rate limit (3) of Webinar Batch Registration API requests permitted for (${ada.email}) this particular registrant. You may resume these requests at GMT 00:00:00.`,
		);
		expect(webinar().registrants).toHaveLength(count);
	});

	it('a batch that does not fit is refused whole: 404 / 3043', async () => {
		const taken = webinar().registrants.filter((r) => r.status !== 'denied').length;
		webinar().registration = { approval_type: 0, registrants_restrict_number: taken + 1 };
		const reply = await post(`/webinars/${webinarId}/batch_registrants`, { registrants: people(2) });
		expect([reply.status, reply.body.code]).toEqual([404, 3043]);
		expect(webinar().registrants.filter((r) => r.status !== 'denied')).toHaveLength(taken);
		webinar().registration = undefined;
	});
});
