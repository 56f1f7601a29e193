/**
 * POST /webinars/{id}/registrants, POST /meetings/{id}/registrants and GET /meetings/{id}/registrants
 * over HTTP. The behaviours and their sources are listed in zoom/registrants.ts.
 */
import { makeFixture, startSimulator, type Simulator, type ZoomMeeting, type ZoomRegistrant, type ZoomWebinar } from './index';
import { manualClock, s2sToken, zoom } from './testClient';

const DAY = 86_400_000;

describe('Zoom registrant creation', () => {
	let sim: Simulator;
	let token: string;
	const clock = manualClock(Date.parse('2026-03-02T12:00:00Z'));
	const fixture = makeFixture();
	const { webinarId, recurringWebinarId, recurringWebinarOccurrenceIds: webinarOccurrences, registrationMeetingId, registrationMeetingOccurrenceIds: meetingOccurrences, recurringMeetingId } =
		fixture.ids;
	const webinar = (id = webinarId) => sim.zoom.webinars.find((w) => w.id === id) as ZoomWebinar;
	const meeting = (id = registrationMeetingId) => sim.zoom.meetings.find((m) => m.id === id) as ZoomMeeting;
	let n = 0;
	/** A new person each time, so the per-registrant daily limit of one test does not touch another. */
	const person = (extra: Record<string, unknown> = {}) => ({ email: `reg${++n}.person@customer.example`, first_name: `Reg${n}`, last_name: 'Person', ...extra });
	const post = (path: string, body: unknown) => zoom(sim, path, token, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
	const list = (path: string) => zoom(sim, path, token);

	beforeAll(async () => {
		sim = await startSimulator({ fixture, now: clock.now });
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	it('registers a person for a webinar: 201 with Zoom’s body, Light, then listed with the personal join_url', async () => {
		const source = webinar().tracking_sources[1];
		const countBefore = source.registration_count;
		const body = person({ org: 'Customer GmbH', job_title: 'CTO', custom_questions: [{ title: 'What do you hope to learn?', value: 'Brevo sync' }], source_id: source.id, language: 'de-DE' });
		const reply = await post(`/webinars/${webinarId}/registrants`, body);
		expect(reply.status).toBe(201);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Light');
		expect(reply.body).toEqual({
			id: webinarId,
			join_url: expect.stringMatching(new RegExp(`^https://us02web\\.zoom\\.us/w/${webinarId}\\?tk=[A-Za-z0-9]{43}$`)),
			registrant_id: expect.stringMatching(/^[A-Za-z0-9]{22}$/),
			start_time: webinar().start_time,
			topic: webinar().topic,
			// Zoom's changelog of 2026-09-21 added `status` to this answer (webinars only).
			status: 'approved',
		});

		const listed = await list(`/webinars/${webinarId}/registrants?page_size=300`);
		const mine = listed.body.registrants.find((r: ZoomRegistrant) => r.id === reply.body.registrant_id);
		expect(mine).toMatchObject({
			email: body.email,
			first_name: body.first_name,
			last_name: 'Person',
			org: 'Customer GmbH',
			job_title: 'CTO',
			status: 'approved',
			join_url: reply.body.join_url,
			create_time: '2026-03-02T12:00:00Z',
			custom_questions: [{ title: 'What do you hope to learn?', value: 'Brevo sync' }],
		});
		// The tracking link counts the registration, and the source filter finds the person.
		expect(source.registration_count).toBe(countBefore + 1);
		const bySource = await list(`/webinars/${webinarId}/registrants?page_size=300&tracking_source_id=${source.id}`);
		expect(bySource.body.registrants.map((r: ZoomRegistrant) => r.id)).toContain(reply.body.registrant_id);
		// A second person gets a different personal link.
		const other = await post(`/webinars/${webinarId}/registrants`, person());
		expect(other.body.join_url).not.toBe(reply.body.join_url);
		expect(other.body.registrant_id).not.toBe(reply.body.registrant_id);
	});

	it('answers a duplicate (same email, any case) with the existing registrant, adding nobody', async () => {
		const body = person();
		const first = await post(`/webinars/${webinarId}/registrants`, body);
		const countAfterFirst = webinar().registrants.length;
		const again = await post(`/webinars/${webinarId}/registrants`, { ...body, email: body.email.toUpperCase(), first_name: 'Changed' });
		expect(again.status).toBe(201);
		expect(again.body.registrant_id).toBe(first.body.registrant_id);
		expect(again.body.join_url).toBe(first.body.join_url);
		expect(webinar().registrants).toHaveLength(countAfterFirst);
		expect(webinar().registrants.find((r) => r.id === first.body.registrant_id)?.first_name).toBe(body.first_name);
	});

	it('creates a pending registrant without join_url when the webinar needs manual approval', async () => {
		webinar().registration = { approval_type: 1, registrants_restrict_number: 0 };
		try {
			const details = await list(`/webinars/${webinarId}`);
			expect(details.body.settings.approval_type).toBe(1);
			const reply = await post(`/webinars/${webinarId}/registrants`, person());
			expect(reply.status).toBe(201);
			expect(reply.body.registrant_id).toEqual(expect.any(String));
			expect(reply.body).not.toHaveProperty('join_url');
			const pending = await list(`/webinars/${webinarId}/registrants?status=pending&page_size=300`);
			expect(pending.body.registrants.map((r: ZoomRegistrant) => r.id)).toContain(reply.body.registrant_id);
			const approved = await list(`/webinars/${webinarId}/registrants?page_size=300`);
			expect(approved.body.registrants.map((r: ZoomRegistrant) => r.id)).not.toContain(reply.body.registrant_id);
		} finally {
			webinar().registration = undefined;
		}
		expect((await list(`/webinars/${webinarId}`)).body.settings.approval_type).toBe(0);
	});

	it('refuses when registration is off: webinar 400 / 3000, meeting 404 / 404 (also its list)', async () => {
		webinar().registration = { approval_type: 2, registrants_restrict_number: 0 };
		try {
			const reply = await post(`/webinars/${webinarId}/registrants`, person());
			expect(reply.status).toBe(400);
			expect(reply.body).toEqual({ code: 3000, message: `This webinar does not have registration as required: ${webinarId}.` });
		} finally {
			webinar().registration = undefined;
		}
		// Fixture meetings other than the registration meeting need no registration.
		const refused = { code: 404, message: `Registration has not been enabled for this meeting: ${recurringMeetingId}.` };
		const meetingReply = await post(`/meetings/${recurringMeetingId}/registrants`, person());
		expect(meetingReply.status).toBe(404);
		expect(meetingReply.body).toEqual(refused);
		const listReply = await list(`/meetings/${recurringMeetingId}/registrants`);
		expect(listReply.status).toBe(404);
		expect(listReply.body).toEqual(refused);
		expect((await list(`/meetings/${recurringMeetingId}`)).body.settings.approval_type).toBe(2);
	});

	it('refuses a full webinar (400 / 3035) and a full meeting (400 / 3043); a duplicate still answers', async () => {
		const known = person();
		await post(`/webinars/${webinarId}/registrants`, known);
		const taken = webinar().registrants.filter((r) => r.status !== 'denied').length;
		webinar().registration = { approval_type: 0, registrants_restrict_number: taken };
		try {
			const full = await post(`/webinars/${webinarId}/registrants`, person());
			expect(full.status).toBe(400);
			expect(full.body).toEqual({ code: 3035, message: 'Webinar has reached maximum attendee capacity.' });
			expect((await post(`/webinars/${webinarId}/registrants`, known)).status).toBe(201);
			webinar().registration = { approval_type: 0, registrants_restrict_number: taken + 1 };
			expect((await post(`/webinars/${webinarId}/registrants`, person())).status).toBe(201);
		} finally {
			webinar().registration = undefined;
		}

		const m = meeting();
		const saved = m.registration;
		await post(`/meetings/${registrationMeetingId}/registrants`, person());
		m.registration = { approval_type: 0, registrants_restrict_number: (m.registrants ?? []).length };
		try {
			const full = await post(`/meetings/${registrationMeetingId}/registrants`, person());
			expect(full.status).toBe(400);
			expect(full.body).toEqual({ code: 3043, message: 'Meeting has reached maximum attendee capacity.' });
		} finally {
			m.registration = saved;
		}
	});

	it('allows three add requests per registrant, webinar and UTC day, then answers 429 until midnight', async () => {
		const body = person();
		for (let i = 0; i < 3; i++) expect((await post(`/webinars/${webinarId}/registrants`, body)).status).toBe(201);
		const limited = await post(`/webinars/${webinarId}/registrants`, body);
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			code: 429,
			message: `You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests for the registrant (${body.email}). You can resume these API requests at GMT 00:00:00.`,
		});
		expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
		// Letter case does not make another registrant; another webinar or person is not limited.
		expect((await post(`/webinars/${webinarId}/registrants`, { ...body, email: body.email.toUpperCase() })).status).toBe(429);
		expect((await post(`/webinars/${recurringWebinarId}/registrants`, body)).status).toBe(201);
		expect((await post(`/webinars/${webinarId}/registrants`, person())).status).toBe(201);
		// Still the same UTC day at 23:59:59.
		const start = clock.t;
		clock.t = Date.parse('2026-03-02T23:59:59Z');
		// Tokens live an hour: take one for the moved clock.
		token = await s2sToken(sim);
		try {
			expect((await post(`/webinars/${webinarId}/registrants`, body)).status).toBe(429);
			clock.t = Date.parse('2026-03-03T00:00:00Z');
			token = await s2sToken(sim);
			expect((await post(`/webinars/${webinarId}/registrants`, body)).status).toBe(201);
		} finally {
			clock.t = start;
			token = await s2sToken(sim);
		}

		// Meetings have the same limit, worded for meetings.
		const meetingBody = person();
		for (let i = 0; i < 3; i++) expect((await post(`/meetings/${registrationMeetingId}/registrants`, meetingBody)).status).toBe(201);
		const meetingLimited = await post(`/meetings/${registrationMeetingId}/registrants`, meetingBody);
		expect(meetingLimited.status).toBe(429);
		expect(meetingLimited.body.message).toBe(
			`You have exceeded the daily rate limit of (3) for Add a meeting registrant API requests for the registrant (${meetingBody.email}). You can resume these API requests at GMT 00:00:00.`,
		);
	});

	it('validates the body: 400 / 300 "Validation Failed." naming the fields', async () => {
		const badEmail = await post(`/webinars/${webinarId}/registrants`, { email: 'not-an-email', first_name: 'Ann' });
		expect(badEmail.status).toBe(400);
		expect(badEmail.body).toEqual({ code: 300, message: 'Validation Failed.', errors: [{ field: 'email', message: 'Invalid field.' }] });
		const noFirstName = await post(`/meetings/${registrationMeetingId}/registrants`, { email: 'ann@customer.example', last_name: 'Smith' });
		expect(noFirstName.status).toBe(400);
		expect(noFirstName.body).toEqual({ code: 300, message: 'Validation Failed.', errors: [{ field: 'first_name', message: 'Invalid field.' }] });
		const neither = await post(`/webinars/${webinarId}/registrants`, {});
		expect(neither.body.errors.map((e: { field: string }) => e.field)).toEqual(['email', 'first_name']);
		const tooLong = await post(`/webinars/${webinarId}/registrants`, { email: `${'a'.repeat(120)}@customer.example`, first_name: 'Ann' });
		expect(tooLong.body.errors).toEqual([{ field: 'email', message: 'Invalid field.' }]);
		// The fixed questions take Zoom's own choices only (Rivet's add-registrant body types).
		const offList = await post(`/webinars/${webinarId}/registrants`, { email: 'ann@customer.example', first_name: 'Ann', no_of_employees: 'lots', role_in_purchase_process: 'Influencer' });
		expect(offList.body.errors).toEqual([{ field: 'no_of_employees', message: 'Invalid field.' }]);
		const notJson = await post(`/webinars/${webinarId}/registrants`, '{"email": ');
		expect(notJson.status).toBe(400);
		expect(notJson.body).toEqual({ code: 300, message: 'Request Body should be a valid JSON object.' });
		expect(webinar().registrants.some((r) => r.first_name === 'Ann')).toBe(false);
	});

	it('answers 404 / 3001 for unknown webinars and meetings', async () => {
		const w = await post('/webinars/99999999999/registrants', person());
		expect(w.status).toBe(404);
		expect(w.body).toEqual({ code: 3001, message: 'Webinar "99999999999" not found or has expired.' });
		const m = await post('/meetings/88888888888/registrants', person());
		expect(m.status).toBe(404);
		expect(m.body).toEqual({ code: 3001, message: 'Meeting does not exist: 88888888888.' });
		expect((await list('/meetings/88888888888/registrants')).body.code).toBe(3001);
	});

	it('registers for chosen occurrences of a recurring webinar and refuses unknown occurrence ids', async () => {
		const chosen = webinarOccurrences[2];
		const reply = await post(`/webinars/${recurringWebinarId}/registrants?occurrence_ids=${chosen}`, person());
		expect(reply.status).toBe(201);
		expect(reply.body.occurrences).toEqual([webinar(recurringWebinarId).occurrences[2]]);
		const forChosen = await list(`/webinars/${recurringWebinarId}/registrants?page_size=300&occurrence_id=${chosen}`);
		expect(forChosen.body.registrants.map((r: ZoomRegistrant) => r.id)).toContain(reply.body.registrant_id);
		const forOther = await list(`/webinars/${recurringWebinarId}/registrants?page_size=300&occurrence_id=${webinarOccurrences[0]}`);
		expect(forOther.body.registrants.map((r: ZoomRegistrant) => r.id)).not.toContain(reply.body.registrant_id);

		// Without occurrence_ids: every occurrence.
		const all = await post(`/webinars/${recurringWebinarId}/registrants`, person());
		expect(all.body.occurrences).toHaveLength(3);

		const invalid = { code: 3000, message: 'Invalid occurrence_id.' };
		const unknown = await post(`/webinars/${recurringWebinarId}/registrants?occurrence_ids=${chosen},1234567890000`, person());
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual(invalid);
		const notRecurring = await post(`/webinars/${webinarId}/registrants?occurrence_ids=${chosen}`, person());
		expect(notRecurring.status).toBe(400);
		expect(notRecurring.body).toEqual(invalid);
	});

	it('registers for a meeting: 201 with Zoom’s body, listed by GET /meetings/{id}/registrants (Medium, paged, filtered)', async () => {
		const chosen = meetingOccurrences[1];
		const a = await post(`/meetings/${registrationMeetingId}/registrants?occurrence_ids=${chosen}`, person({ city: 'Lyon' }));
		expect(a.status).toBe(201);
		expect(a.headers.get('x-ratelimit-category')).toBe('Light');
		expect(a.body).toEqual({
			id: registrationMeetingId,
			join_url: expect.stringMatching(new RegExp(`^https://us02web\\.zoom\\.us/w/${registrationMeetingId}\\?tk=[A-Za-z0-9]{43}&pwd=`)),
			registrant_id: expect.any(String),
			start_time: meeting().occurrences?.[0].start_time,
			topic: meeting().topic,
			occurrences: [meeting().occurrences?.[1]],
		});
		clock.advance(60_000);
		const b = await post(`/meetings/${registrationMeetingId}/registrants`, person());
		expect(b.status).toBe(201);

		const page1 = await list(`/meetings/${registrationMeetingId}/registrants?page_size=1`);
		expect(page1.status).toBe(200);
		expect(page1.headers.get('x-ratelimit-category')).toBe('Medium');
		const total = meeting().registrants?.filter((r) => r.status === 'approved').length;
		expect(page1.body).toMatchObject({ page_size: 1, total_records: total, next_page_token: expect.stringMatching(/.+/) });
		const everyone = await list(`/meetings/${registrationMeetingId}/registrants?page_size=300`);
		const ids = everyone.body.registrants.map((r: ZoomRegistrant) => r.id);
		expect(ids).toEqual(expect.arrayContaining([a.body.registrant_id, b.body.registrant_id]));
		expect(ids.indexOf(a.body.registrant_id)).toBeLessThan(ids.indexOf(b.body.registrant_id));
		const listedA = everyone.body.registrants.find((r: ZoomRegistrant) => r.id === a.body.registrant_id);
		expect(listedA).toMatchObject({ city: 'Lyon', join_url: a.body.join_url, status: 'approved' });
		expect(listedA).not.toHaveProperty('occurrence_ids');

		const otherOccurrence = await list(`/meetings/${registrationMeetingId}/registrants?page_size=300&occurrence_id=${meetingOccurrences[0]}`);
		const otherIds = otherOccurrence.body.registrants.map((r: ZoomRegistrant) => r.id);
		expect(otherIds).toContain(b.body.registrant_id);
		expect(otherIds).not.toContain(a.body.registrant_id);
		expect((await list(`/meetings/${registrationMeetingId}/registrants?status=maybe`)).status).toBe(400);
	});

	it('meetings with manual approval create pending registrants, unless auto_approve is true', async () => {
		const m = meeting();
		const saved = m.registration;
		m.registration = { approval_type: 1, registrants_restrict_number: 0 };
		try {
			const pending = await post(`/meetings/${registrationMeetingId}/registrants`, person());
			expect(pending.status).toBe(201);
			expect(pending.body).not.toHaveProperty('join_url');
			const auto = await post(`/meetings/${registrationMeetingId}/registrants`, person({ auto_approve: true }));
			expect(auto.body.join_url).toEqual(expect.any(String));
			const listed = await list(`/meetings/${registrationMeetingId}/registrants?status=pending&page_size=300`);
			const ids = listed.body.registrants.map((r: ZoomRegistrant) => r.id);
			expect(ids).toContain(pending.body.registrant_id);
			expect(ids).not.toContain(auto.body.registrant_id);
		} finally {
			m.registration = saved;
		}
	});

	it('needs the write scopes, granular or classic', async () => {
		const scoped = await startSimulator({ fixture: makeFixture(), now: clock.now, zoom: { grantedScopes: ['webinar:read:list_registrants:admin', 'meeting:write:admin'] } });
		try {
			const t = await s2sToken(scoped);
			const w = await zoom(scoped, `/webinars/${webinarId}/registrants`, t, { method: 'POST', body: JSON.stringify(person()) });
			expect(w.status).toBe(400);
			expect(w.body).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[webinar:write:registrant:admin].' });
			const m = await zoom(scoped, `/meetings/${registrationMeetingId}/registrants`, t, { method: 'POST', body: JSON.stringify(person()) });
			expect(m.status).toBe(201);
			const l = await zoom(scoped, `/meetings/${registrationMeetingId}/registrants`, t);
			expect(l.body.code).toBe(4711);
		} finally {
			await scoped.close();
		}
	});

	it('stamps create_time with the simulator clock, as the list shows it', async () => {
		clock.advance(3 * DAY);
		token = await s2sToken(sim);
		const reply = await post(`/meetings/${registrationMeetingId}/registrants`, person());
		const listed = await list(`/meetings/${registrationMeetingId}/registrants?page_size=300`);
		const r = listed.body.registrants.find((x: ZoomRegistrant) => x.id === reply.body.registrant_id);
		expect(r?.create_time).toBe(new Date(clock.t).toISOString().replace('.000Z', 'Z'));
	});
});
