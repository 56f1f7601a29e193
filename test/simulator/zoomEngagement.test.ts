/**
 * Past meetings' and webinars' polls, Q&A and survey (zoom/engagement.ts, sources cited
 * there): each endpoint's shape, that they do not page, their rate categories (the reports Heavy,
 * counted against the daily budget), the free-plan and missing-scope refusals, and the fixture's
 * edge cases (fixture/engagement.ts).
 */
import { makeFixture, rowsToArray, startSimulator, type Simulator } from './index';
import { encodeTwice, manualClock, s2sToken, zoom } from './testClient';

describe('Zoom polls, Q&A and survey', () => {
	let sim: Simulator;
	let token: string;
	const fixture = makeFixture();
	const { webinarId, webinarUuid, recurringWebinarId, recurringWebinarUuids, recurringMeetingId, recurringMeetingUuids } = fixture.ids;
	const instance = fixture.zoom.webinars[0].instances[0];
	const stats = instance.engagementStats!;
	beforeAll(async () => {
		sim = await startSimulator({ fixture });
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	it.each([
		['/past_webinars/%s/polls', 'Medium'],
		['/report/webinars/%s/polls', 'Heavy'],
	])('%s answers id, uuid, start_time and every respondent with name, email and question_details (%s), unpaged', async (path, category) => {
		const reply = await zoom(sim, `${path.replace('%s', String(webinarId))}?page_size=1`, token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe(category);
		expect(Object.keys(reply.body)).toEqual(['id', 'uuid', 'start_time', 'questions']);
		expect(reply.body).toMatchObject({ id: webinarId, uuid: webinarUuid, start_time: instance.start_time });
		// Zoom's poll lists carry no paging: page_size is not a parameter, every respondent comes at once.
		expect(reply.body.questions).toHaveLength(stats.pollRespondents);
		for (const q of reply.body.questions) {
			expect(Object.keys(q)).toEqual(['name', 'email', 'question_details']);
			expect(q.question_details).toHaveLength(stats.pollCount);
			for (const d of q.question_details) {
				expect(Object.keys(d)).toEqual(['question', 'answer', 'polling_id', 'date_time']);
				expect(d.date_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			}
		}
		expect(new Set(reply.body.questions.flatMap((q: any) => q.question_details.map((d: any) => d.polling_id))).size).toBe(stats.pollCount);
	});

	it.each([
		['/past_webinars/%s/qa', 'Medium'],
		['/report/webinars/%s/qa', 'Heavy'],
	])('%s answers each asker with question_details [{question, answer}] (%s), anonymous ones without email', async (path, category) => {
		const reply = await zoom(sim, path.replace('%s', String(webinarId)), token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe(category);
		expect(Object.keys(reply.body)).toEqual(['id', 'uuid', 'start_time', 'questions']);
		expect(reply.body.questions).toHaveLength(stats.qaAskers);
		for (const q of reply.body.questions) {
			expect(Object.keys(q)).toEqual(['name', 'email', 'question_details']);
			for (const d of q.question_details) expect(Object.keys(d)).toEqual(['question', 'answer']);
		}
		const anonymous = reply.body.questions.filter((q: any) => q.email === '');
		expect(anonymous).toHaveLength(stats.anonymousQuestions);
		expect(anonymous.every((q: any) => q.name === 'Anonymous Attendee')).toBe(true);
		expect(reply.body.questions.some((q: any) => q.question_details[0].answer === 'live answered')).toBe(true);
	});

	it('reads an instance by UUID (encoded twice works too) and each recurring instance has its own answers', async () => {
		const byUuid = await zoom(sim, `/past_webinars/${encodeTwice(webinarUuid)}/polls`, token);
		expect(byUuid.body.uuid).toBe(webinarUuid);
		const [first, second] = await Promise.all(recurringWebinarUuids.map((u) => zoom(sim, `/report/webinars/${encodeURIComponent(u)}/qa`, token)));
		expect(first.body.uuid).toBe(recurringWebinarUuids[0]);
		expect(second.body.uuid).toBe(recurringWebinarUuids[1]);
		expect(first.body.questions).not.toEqual(second.body.questions);
		const latest = await zoom(sim, `/past_webinars/${recurringWebinarId}/qa`, token);
		expect(latest.body.uuid).toBe(recurringWebinarUuids[1]);
	});

	it.each([
		['/past_meetings/%s/polls', 'Medium'],
		['/report/meetings/%s/polls', 'Heavy'],
	])('%s answers the latest instance\'s respondents (%s), unpaged; an instance without polls lists none', async (path, category) => {
		const latest = fixture.zoom.meetings[0].instances[3];
		const reply = await zoom(sim, `${path.replace('%s', String(recurringMeetingId))}?page_size=1`, token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe(category);
		expect(Object.keys(reply.body)).toEqual(['id', 'uuid', 'start_time', 'questions']);
		expect(reply.body).toMatchObject({ id: recurringMeetingId, uuid: recurringMeetingUuids.latest, start_time: latest.start_time });
		expect(reply.body.questions).toHaveLength(latest.engagementStats!.pollRespondents);
		for (const q of reply.body.questions) {
			expect(Object.keys(q)).toEqual(['name', 'email', 'question_details']);
			for (const d of q.question_details) expect(Object.keys(d)).toEqual(['question', 'answer', 'polling_id', 'date_time']);
		}
		const older = await zoom(sim, path.replace('%s', encodeURIComponent(recurringMeetingUuids.slashInside)), token);
		expect(older.status).toBe(200);
		expect(older.body.questions).toEqual([]);
	});

	it('/report/webinars/{id}/survey answers each respondent with answer_details (Heavy), unpaged, one anonymous', async () => {
		const reply = await zoom(sim, `/report/webinars/${webinarId}/survey?page_size=1`, token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Heavy');
		expect(Object.keys(reply.body)).toEqual(['webinar_id', 'webinar_uuid', 'start_time', 'survey_id', 'survey_name', 'survey_answers']);
		expect(reply.body).toMatchObject({ webinar_id: webinarId, webinar_uuid: webinarUuid, start_time: instance.start_time });
		expect(reply.body.survey_answers).toHaveLength(stats.surveyRespondents);
		for (const a of reply.body.survey_answers) {
			expect(Object.keys(a)).toEqual(['email', 'name', 'first_name', 'last_name', 'answer_details']);
			for (const d of a.answer_details) {
				expect(Object.keys(d)).toEqual(['question', 'question_id', 'answer', 'date_time']);
				expect(Date.parse(d.date_time)).toBeGreaterThan(Date.parse(instance.end_time));
			}
		}
		const anonymous = reply.body.survey_answers.filter((a: any) => a.email === '');
		expect(anonymous).toHaveLength(stats.anonymousSurveyRespondents);
		expect(anonymous[0]).toMatchObject({ name: 'Anonymous Attendee', first_name: 'Anonymous Attendee', last_name: 'Anonymous Attendee' });
		expect(reply.body.survey_answers.some((a: any) => a.answer_details.some((d: any) => d.answer.includes(';')))).toBe(true);
	});

	it.each([
		['/past_meetings/%s/qa', 'Medium'],
		['/report/meetings/%s/qa', 'Heavy'],
	])("%s answers the latest meeting instance's askers as for webinars (%s), anonymous ones without email", async (path, category) => {
		const latest = fixture.zoom.meetings[0].instances[3];
		const reply = await zoom(sim, path.replace('%s', String(recurringMeetingId)), token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe(category);
		expect(Object.keys(reply.body)).toEqual(['id', 'uuid', 'start_time', 'questions']);
		expect(reply.body).toMatchObject({ id: recurringMeetingId, uuid: recurringMeetingUuids.latest });
		expect(reply.body.questions).toHaveLength(latest.engagementStats!.qaAskers);
		for (const q of reply.body.questions) expect(Object.keys(q)).toEqual(['name', 'email', 'question_details']);
		expect(reply.body.questions.filter((q: any) => q.email === '')).toHaveLength(latest.engagementStats!.anonymousQuestions);
	});

	it("/report/meetings/{id}/survey answers meeting_id, meeting_uuid and each respondent's answer_details (Heavy)", async () => {
		const latest = fixture.zoom.meetings[0].instances[3];
		const reply = await zoom(sim, `/report/meetings/${recurringMeetingId}/survey`, token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Heavy');
		expect(Object.keys(reply.body)).toEqual(['meeting_id', 'meeting_uuid', 'start_time', 'survey_id', 'survey_name', 'survey_answers']);
		expect(reply.body).toMatchObject({ meeting_id: recurringMeetingId, meeting_uuid: recurringMeetingUuids.latest, survey_name: 'Post-meeting feedback' });
		expect(reply.body.survey_answers).toHaveLength(latest.engagementStats!.surveyRespondents);
		for (const a of reply.body.survey_answers) expect(Object.keys(a)).toEqual(['email', 'name', 'first_name', 'last_name', 'answer_details']);
	});

	it('answers 404 / 3001 for an unknown webinar', async () => {
		const reply = await zoom(sim, '/report/webinars/99999999999/polls', token);
		expect(reply.status).toBe(404);
		expect(reply.body.code).toBe(3001);
	});

	it('fixture: multiple-choice answers joined by ";", anonymous respondents, respondents without attendee row, emails matching only case-blind', () => {
		const attendeeEmails = rowsToArray(instance.attendees).map((r) => r.user_email).filter(Boolean);
		const exact = new Set(attendeeEmails);
		const caseBlind = new Set(attendeeEmails.map((e) => e.toLowerCase()));
		const rows = instance.polls!;
		expect(rows.some((r) => r.question_details.some((d) => d.answer.split(';').length > 1))).toBe(true);
		expect(rows.filter((r) => r.email === '' && r.name === 'Anonymous Attendee')).toHaveLength(stats.anonymousPollRespondents);
		expect(rows.filter((r) => r.email && !caseBlind.has(r.email.toLowerCase()))).toHaveLength(stats.pollRespondentsWithoutAttendeeRow);
		const onlyCaseBlind = rows.filter((r) => r.email && !exact.has(r.email) && caseBlind.has(r.email.toLowerCase()));
		expect(onlyCaseBlind).toHaveLength(stats.upperCasedPollEmails);
		expect(stats.upperCasedPollEmails).toBeGreaterThan(0);
		expect(stats.pollRespondentsWithoutAttendeeRow).toBeGreaterThan(0);
		expect(instance.qa!.filter((r) => r.email && !caseBlind.has(r.email.toLowerCase()))).toHaveLength(stats.qaAskersWithoutAttendeeRow);
		// The meeting instance's polls have the same edge cases, against its participant rows.
		const meeting = fixture.zoom.meetings[0].instances[3];
		const mStats = meeting.engagementStats!;
		const participantEmails = new Set(rowsToArray(meeting.participants).map((r) => r.user_email.toLowerCase()).filter(Boolean));
		expect(meeting.polls!.filter((r) => r.email && !participantEmails.has(r.email.toLowerCase()))).toHaveLength(mStats.pollRespondentsWithoutAttendeeRow);
		expect(meeting.polls!.filter((r) => r.name === 'Anonymous Attendee' && r.email === '')).toHaveLength(mStats.anonymousPollRespondents);
		expect(mStats.pollRespondentsWithoutAttendeeRow).toBeGreaterThan(0);
		// Deterministic: the same seed gives the same answers, another seed others.
		expect(makeFixture().zoom.webinars[0].instances[0].polls).toEqual(rows);
		expect(makeFixture({ seed: 7 }).zoom.webinars[0].instances[0].polls).not.toEqual(rows);
	});

	it('the reports are refused on the free plan (400, code 200); the past_webinars lists are not', async () => {
		// The free plan allows one Heavy call a second: the clock moves between the two reports.
		const clock = manualClock(Date.parse('2026-03-02T22:00:00Z'));
		const free = await startSimulator({ now: clock.now, zoom: { plan: 'free' } });
		try {
			const freeToken = await s2sToken(free);
			for (const path of [`webinars/${webinarId}/polls`, `webinars/${webinarId}/qa`, `webinars/${webinarId}/survey`, `meetings/${recurringMeetingId}/polls`, `meetings/${recurringMeetingId}/qa`, `meetings/${recurringMeetingId}/survey`]) {
				clock.advance(1_000);
				const reply = await zoom(free, `/report/${path}`, freeToken);
				expect(reply.status).toBe(400);
				expect(reply.body).toEqual({ code: 200, message: `Only available for Paid or ZMP account: ${free.credentials.zoom.accountId}.` });
				expect((await zoom(free, `/past_${path}`, freeToken)).status).toBe(path.endsWith('survey') ? 404 : 200);
			}
		} finally {
			await free.close();
		}
	});

	it('the reports need report:read:admin (4711 naming it), the past lists webinar:read:admin / meeting:read:admin', async () => {
		const limited = await startSimulator({ zoom: { grantedScopes: ['webinar:read:admin', 'meeting:read:admin'] } });
		try {
			const t = await s2sToken(limited);
			for (const path of [`webinars/${webinarId}/polls`, `webinars/${webinarId}/qa`, `webinars/${webinarId}/survey`, `meetings/${recurringMeetingId}/polls`, `meetings/${recurringMeetingId}/qa`, `meetings/${recurringMeetingId}/survey`]) {
				const reply = await zoom(limited, `/report/${path}`, t);
				expect(reply.status).toBe(400);
				expect(reply.body).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[report:read:admin].' });
				if (!path.endsWith('survey')) expect((await zoom(limited, `/past_${path}`, t)).status).toBe(200);
			}
		} finally {
			await limited.close();
		}
		const reportOnly = await startSimulator({ zoom: { grantedScopes: ['report:read:admin'] } });
		try {
			const t = await s2sToken(reportOnly);
			const reply = await zoom(reportOnly, `/past_webinars/${webinarId}/qa`, t);
			expect(reply.body.code).toBe(4711);
			expect(reply.body.message).toContain('webinar:read:admin');
			expect((await zoom(reportOnly, `/past_meetings/${recurringMeetingId}/polls`, t)).body.message).toContain('meeting:read:admin');
		} finally {
			await reportOnly.close();
		}
	});

	it('the reports spend the Heavy budget (daily count and per-second window); the past lists do not', async () => {
		const clock = manualClock(Date.parse('2026-03-02T22:00:00Z'));
		const limited = await startSimulator({ now: clock.now, zoom: { rateLimits: { heavy: 2 }, dailyLimit: 3 } });
		try {
			const t = await s2sToken(limited);
			const report = () => zoom(limited, `/report/webinars/${webinarId}/polls`, t);
			const first = await report();
			expect(first.headers.get('x-ratelimit-type')).toBe('Daily-limit');
			expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
			expect((await zoom(limited, `/past_webinars/${webinarId}/polls`, t)).status).toBe(200);
			expect(limited.zoom.dailyUsage.count).toBe(1);
			expect((await zoom(limited, `/report/webinars/${webinarId}/qa`, t)).status).toBe(200);
			expect((await report()).status).toBe(429); // third Heavy call in one second
			clock.advance(1_000);
			expect((await report()).status).toBe(200);
			clock.advance(1_000);
			const daily = await report();
			expect(daily.status).toBe(429);
			expect(daily.body.message).toContain('daily');
		} finally {
			await limited.close();
		}
	});
});
