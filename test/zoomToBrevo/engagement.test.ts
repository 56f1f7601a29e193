/**
 * Polls, Q&A, survey and the lead score (issue #13), through n8n-core's engine against the
 * simulator: counts per contact from Zoom's answers (matched case-blind), the score from the
 * documented default weights, the attributes and hot-lead events in Brevo (once per person and
 * session), the Zoom calls it adds, and reads Zoom refuses (plan, scope) that leave the sync going.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ProcessedDataStore } from '../harness';
import { rowsToArray, startSimulator, type Simulator, type ZoomWebinar, type ZoomWebinarInstance } from '../simulator';
import { DEFAULT_GRANTED_SCOPES } from '../simulator/zoom/scopes';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
afterEach(async () => sim?.close());

const start = async (zoom: Parameters<typeof startSimulator>[0] extends infer O ? (O extends { zoom?: infer Z } ? Z : never) : never = {}) => {
	sim = await startSimulator({ zoom, brevo: { importProcessingMs: 50 } });
};

const webinar = () => sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId) as ZoomWebinar;
/** The session the webinar's ID stands for (its latest). */
const session = () => webinar().instances[webinar().instances.length - 1];

const attendees = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'webinar',
	operation: 'syncAttendees',
	webinarId: String(sim.fixture.ids.webinarId),
	writeMode: 'import',
	listIds: [15],
	webinarEngagement: ['polls', 'questions', 'survey'],
	...parameters,
});

const hintsOf = (result: Awaited<ReturnType<typeof runZoomToBrevo>>['result']) => result.run.data.resultData.runData['Zoom to Brevo'][0].hints ?? [];
const zoomPaths = () => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth')).map((r) => decodeURIComponent(r.path).replace(/^\/zoom\/v2/, ''));

/** What Zoom's answers say per email (lower-cased), counted straight from the fixture's rows. */
function zoomSays(instance: ZoomWebinarInstance) {
	const polls = new Map<string, Set<string>>();
	for (const person of instance.polls ?? []) {
		if (!person.email) continue;
		const set = polls.get(person.email.toLowerCase()) ?? new Set<string>();
		for (const detail of person.question_details) set.add(detail.polling_id);
		polls.set(person.email.toLowerCase(), set);
	}
	const questions = new Map<string, number>();
	for (const person of instance.qa ?? []) {
		if (person.email) questions.set(person.email.toLowerCase(), (questions.get(person.email.toLowerCase()) ?? 0) + person.question_details.length);
	}
	const survey = new Set((instance.survey?.survey_answers ?? []).filter((a) => a.email).map((a) => a.email.toLowerCase()));
	const attendeeEmails = new Set(rowsToArray(instance.attendees).map((row) => row.user_email?.toLowerCase()).filter(Boolean) as string[]);
	return { polls, questions, survey, attendeeEmails };
}

describe('webinar attendees with polls, Q&A and survey', () => {
	it('each contact gets its polls answered, questions asked and survey answered, matched case-blind, in the item and in Brevo', async () => {
		await start();
		const zoom = zoomSays(session());
		const { contacts, result } = await runZoomToBrevo(sim, attendees(), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(5);
		// The fixture upper-cases some respondents' emails: they still count for their contact.
		expect(session().engagementStats!.upperCasedPollEmails).toBeGreaterThan(0);
		let answeredSomething = 0;
		for (const contact of contacts) {
			const email = String(contact.email);
			const expected = {
				pollsAnswered: zoom.polls.get(email)?.size ?? 0,
				questionsAsked: zoom.questions.get(email) ?? 0,
				surveyAnswered: zoom.survey.has(email),
			};
			if (expected.pollsAnswered || expected.questionsAsked || expected.surveyAnswered) answeredSomething++;
			expect(contact.engagement).toMatchObject(expected);
			expect(sim.brevo.contacts.get(email)?.attributes).toMatchObject({
				ZOOM_POLLS_ANSWERED: expected.pollsAnswered,
				ZOOM_QUESTIONS_ASKED: expected.questionsAsked,
				ZOOM_SURVEY_ANSWERED: expected.surveyAnswered,
			});
		}
		expect(answeredSomething).toBeGreaterThan(2);
		// Not scoring: no score is written, and no lead event goes out.
		expect(contacts.every((c) => (c.engagement as { score?: number }).score === undefined)).toBe(true);
		expect(sim.brevo.events.filter((e) => e.event_name.endsWith('_lead'))).toHaveLength(0);
	});

	it('adds three Zoom calls per webinar (polls, Q&A, survey), none paged', async () => {
		await start();
		await runZoomToBrevo(sim, attendees({ webinarEngagement: [] }), { typeVersion: 1.2 });
		const without = zoomPaths();
		sim.requests.length = 0;
		await runZoomToBrevo(sim, attendees(), { typeVersion: 1.2 });
		const added = zoomPaths().filter((path) => !without.includes(path));
		const id = sim.fixture.ids.webinarId;
		expect(added.sort()).toEqual([`/past_webinars/${id}/polls`, `/past_webinars/${id}/qa`, `/report/webinars/${id}/survey`]);
		expect(zoomPaths()).toHaveLength(without.length + 3);
	});

	it('people who answered but have no attendee row go to the Skipped output as not_an_attendee; anonymous answers are counted in the summary', async () => {
		await start();
		const stats = session().engagementStats!;
		const zoom = zoomSays(session());
		const outsiders = new Set([...zoom.polls.keys(), ...zoom.questions.keys(), ...zoom.survey].filter((email) => !zoom.attendeeEmails.has(email)));
		expect(outsiders.size).toBeGreaterThanOrEqual(stats.pollRespondentsWithoutAttendeeRow);
		const { skipped, contacts, result, outputs } = await runZoomToBrevo(sim, attendees(), { typeVersion: 1.2 });
		const notAttendees = skipped.filter((s) => s.reason === 'not_an_attendee');
		expect(new Set(notAttendees.map((s) => s.email))).toEqual(outsiders);
		// Not made contacts: neither in the output nor in Brevo.
		for (const email of outsiders) {
			expect(contacts.some((c) => c.email === email)).toBe(false);
			expect(sim.brevo.contacts.get(email)).toBeUndefined();
		}
		// Version 1.2: skipped people have their own output.
		expect(outputs[1].map((item) => item.json.reason)).toContain('not_an_attendee');
		const summary = hintsOf(result).find((h) => h.type !== 'warning')?.message ?? '';
		expect(summary).toContain(`not an attendee: ${outsiders.size}`);
		// Anonymous rows: one poll respondent (two polls), two questions, one survey respondent (two answers).
		expect(summary).toContain(
			`anonymous, counted for no one: ${stats.anonymousPollRespondents * stats.pollCount} poll answers, ${stats.anonymousQuestions} Q&A questions, 2 survey answers`,
		);
	});

	it('on the Free plan the survey report is refused: the sync goes on, says why, and writes no survey figure', async () => {
		await start({ plan: 'free' });
		const { contacts, result } = await runZoomToBrevo(sim, attendees({ scoreLeads: true }), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(5);
		const warning = hintsOf(result).find((h) => h.type === 'warning')?.message ?? '';
		expect(warning).toMatch(/^Survey answers were not read/);
		expect(warning).toMatch(/Paid/);
		for (const contact of contacts) {
			expect(contact.engagement).not.toHaveProperty('surveyAnswered');
			// No score from an incomplete read: it would pass for complete, and lower a complete one.
			expect(contact.engagement).not.toHaveProperty('score');
			expect(contact.engagement).not.toHaveProperty('leadLevel');
			expect((contact.engagement as { scoreKept?: string }).scoreKept).toMatch(/survey answers could not be read/);
			expect(sim.brevo.contacts.get(String(contact.email))?.attributes).not.toHaveProperty('ZOOM_SURVEY_ANSWERED');
			expect(sim.brevo.contacts.get(String(contact.email))?.attributes).not.toHaveProperty('ZOOM_ENGAGEMENT_SCORE');
			expect(sim.brevo.contacts.get(String(contact.email))?.attributes).toHaveProperty('ZOOM_POLLS_ANSWERED');
		}
	});

	it('a later sync whose survey read is refused (the daily limit) lowers nothing a complete sync wrote: score, level and counts stay, no lead event', async () => {
		await start();
		const processedData = new ProcessedDataStore();
		const run = async () => await runZoomToBrevo(sim, attendees({ scoreLeads: true, leadEvents: 'hotAndWarm' }), { typeVersion: 1.2, processedData, workflowId: 'no-signal' });
		const complete = await run();
		expect(complete.result.error).toBeUndefined();
		const written = new Map(complete.contacts.map((c) => [String(c.email), { ...sim.brevo.contacts.get(String(c.email))!.attributes }]));
		expect([...written.values()].every((a) => typeof a.ZOOM_ENGAGEMENT_SCORE === 'number' && typeof a.ZOOM_SURVEY_ANSWERED === 'boolean')).toBe(true);
		const leadEvents = sim.brevo.events.length;

		// Zoom's daily limit on the Heavy survey report: the read is refused, the sync goes on.
		sim.inject({ kind: 'rate-limit', scope: 'daily', match: { service: 'zoom', path: '/survey' } });
		const partial = await run();
		expect(partial.result.error).toBeUndefined();
		// Before: the score was computed without the survey and written over the complete one
		// (a survey respondent's score and level dropped).
		const figures = ['ZOOM_ENGAGEMENT_SCORE', 'ZOOM_LEAD_LEVEL', 'ZOOM_SURVEY_ANSWERED', 'ZOOM_POLLS_ANSWERED', 'ZOOM_QUESTIONS_ASKED'];
		const changed = partial.contacts.flatMap((contact) => {
			const email = String(contact.email);
			const now = sim.brevo.contacts.get(email)!.attributes;
			return figures.filter((name) => now[name] !== written.get(email)![name]).map((name) => `${email} ${name}: ${String(written.get(email)![name])} → ${String(now[name])}`);
		});
		expect(changed).toEqual([]);
		for (const contact of partial.contacts) expect((contact.engagement as { scoreKept?: string }).scoreKept).toMatch(/left as they are/);
		expect(sim.brevo.events).toHaveLength(leadEvents);
		expect(partial.hints.join('\n')).toMatch(/Survey answers were not read, so they are not counted, and no lead score or level is written this time/);
	});

	it('without a report scope the survey is skipped the same way; polls and Q&A (webinar scope) still count', async () => {
		await start({ grantedScopes: DEFAULT_GRANTED_SCOPES.filter((scope) => !scope.startsWith('report:')) });
		const { contacts, result } = await runZoomToBrevo(sim, attendees(), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(hintsOf(result).find((h) => h.type === 'warning')?.message).toMatch(/^Survey answers were not read.*scope/is);
		expect(contacts.some((c) => Number((c.engagement as { pollsAnswered?: number }).pollsAnswered) > 0)).toBe(true);
		expect(contacts.every((c) => typeof (c.engagement as { questionsAsked?: number }).questionsAsked === 'number')).toBe(true);
	});
});

describe('lead score and lead events', () => {
	/** docs/zoom-to-brevo.md's default weights, restated: 40 × share attended, 10 live, 5 per poll (≤ 15),
	 *  10 per question (≤ 20), 10 survey, 1 per day registered early (≤ 5). */
	const byDefaults = (e: { attendancePercent?: number; pollsAnswered: number; questionsAsked: number; surveyAnswered: boolean }, days: number) =>
		Math.round(
			(Math.min(e.attendancePercent ?? 0, 100) / 100) * 40 + 10 + Math.min(e.pollsAnswered * 5, 15) + Math.min(e.questionsAsked * 10, 20) + (e.surveyAnswered ? 10 : 0) + Math.min(days, 5),
		);

	it('scores each attendee by the default weights and writes ZOOM_ENGAGEMENT_SCORE and ZOOM_LEAD_LEVEL', async () => {
		await start();
		const registeredAt = new Map(webinar().registrants.map((r) => [r.email.toLowerCase(), r.create_time]));
		const { contacts, result } = await runZoomToBrevo(sim, attendees({ scoreLeads: true, leadEvents: 'none' }), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		const levels = new Set<string>();
		for (const contact of contacts) {
			const e = contact.engagement as { attendancePercent?: number; pollsAnswered: number; questionsAsked: number; surveyAnswered: boolean; score: number; leadLevel: string };
			const registered = registeredAt.get(String(contact.email));
			const days = registered ? Math.floor((Date.parse(session().start_time) - Date.parse(registered)) / 86_400_000) : 0;
			expect(e.score).toBe(byDefaults(e, Math.max(0, days)));
			expect(e.leadLevel).toBe(e.score >= 60 ? 'hot' : e.score >= 30 ? 'warm' : 'cold');
			levels.add(e.leadLevel);
			expect(sim.brevo.contacts.get(String(contact.email))?.attributes).toMatchObject({ ZOOM_ENGAGEMENT_SCORE: e.score, ZOOM_LEAD_LEVEL: e.leadLevel });
		}
		// The fixture spreads people over levels, so the thresholds are exercised.
		expect(levels.size).toBeGreaterThan(1);
		expect(sim.brevo.events).toHaveLength(0);
	});

	it('Score Leads without any engagement signal warns that no one can be a hot lead (55 at most, below 60); with them, no warning', async () => {
		await start();
		const plain = await runZoomToBrevo(sim, attendees({ webinarEngagement: [], scoreLeads: true }), { typeVersion: 1.2 });
		expect(plain.result.error).toBeUndefined();
		expect(Math.max(...plain.contacts.map((c) => (c.engagement as { score: number }).score))).toBeLessThanOrEqual(55);
		expect(hintsOf(plain.result).filter((h) => h.type === 'warning').map((h) => h.message)).toEqual([
			expect.stringMatching(/^Score Leads: with the signals this sync reads, a score reaches at most 55, so nobody can be a hot \(from 60\) lead/),
		]);
		sim.clearRequests();
		const full = await runZoomToBrevo(sim, attendees({ scoreLeads: true }), { typeVersion: 1.2 });
		expect(hintsOf(full.result).some((h) => /Score Leads: with the signals/.test(h.message))).toBe(false);
	});

	it('fires zoom_webinar_hot_lead for each hot lead, with the score in its properties, once across re-runs', async () => {
		await start();
		const processedData = new ProcessedDataStore();
		const run = async () => await runZoomToBrevo(sim, attendees({ scoreLeads: true, sendEvent: true }), { typeVersion: 1.2, processedData, workflowId: 'hot-leads' });
		const first = await run();
		expect(first.result.error).toBeUndefined();
		const hot = first.contacts.filter((c) => (c.engagement as { leadLevel?: string }).leadLevel === 'hot');
		expect(hot.length).toBeGreaterThan(0);
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_hot_lead');
		expect(events.map((e) => e.identifiers.email_id).sort()).toEqual(hot.map((c) => c.email).sort());
		for (const event of events) {
			const contact = hot.find((c) => c.email === event.identifiers.email_id)!;
			expect(event.event_properties).toMatchObject({ engagement_score: (contact.engagement as { score: number }).score, lead_level: 'hot', zoom_kind: 'webinar' });
			expect(Number(event.event_properties?.engagement_score)).toBeGreaterThanOrEqual(60);
		}
		expect(first.contacts.filter((c) => c.leadEvent).map((c) => (c.leadEvent as { status: string }).status)).toEqual(hot.map(() => 'accepted'));
		// Who, status, score and level lead each item (they were nested in engagement and attributes).
		for (const contact of hot) {
			expect(Object.keys(contact).slice(0, 4)).toEqual(['email', 'status', 'score', 'leadLevel']);
			expect(contact).toMatchObject({ status: 'attended', score: (contact.engagement as { score: number }).score, leadLevel: 'hot' });
		}
		// No warm-lead events unless asked.
		expect(sim.brevo.events.some((e) => e.event_name === 'zoom_webinar_warm_lead')).toBe(false);

		const again = await run();
		expect(again.result.error).toBeUndefined();
		expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_hot_lead')).toHaveLength(events.length);
		expect(again.contacts.filter((c) => c.leadEvent).map((c) => (c.leadEvent as { status: string }).status)).toEqual(hot.map(() => 'already sent'));
	});

	it('Lead Events follow Send Brevo Event (1.2): off, a scored sync sends no lead event; 1.1 workflows keep sending them', async () => {
		await start();
		const scored = await runZoomToBrevo(sim, attendees({ scoreLeads: true, leadEvents: 'hot' }), { typeVersion: 1.2 });
		expect(scored.result.error).toBeUndefined();
		expect(scored.contacts.some((c) => (c.engagement as { leadLevel?: string }).leadLevel === 'hot')).toBe(true);
		// Before: "would send 143 zoom_webinar_hot_lead" with Send Brevo Event off.
		expect(sim.brevo.events).toHaveLength(0);
		expect(scored.contacts.some((c) => c.leadEvent)).toBe(false);
		const older = await runZoomToBrevo(sim, attendees({ scoreLeads: true, leadEvents: 'hot' }), { typeVersion: 1.1 });
		expect(older.result.error).toBeUndefined();
		expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_hot_lead').length).toBeGreaterThan(0);
	});

	it('Hot and Warm Leads with a raised hot threshold: each level gets its own event, and the editable threshold decides who is hot', async () => {
		await start();
		const { contacts, result } = await runZoomToBrevo(sim, attendees({ scoreLeads: true, sendEvent: true, leadEvents: 'hotAndWarm', scoreSettings: { hot: 75, warm: 40 } }), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		const at = (level: string) => contacts.filter((c) => (c.engagement as { leadLevel: string }).leadLevel === level);
		for (const c of at('hot')) expect((c.engagement as { score: number }).score).toBeGreaterThanOrEqual(75);
		for (const c of at('warm')) expect((c.engagement as { score: number }).score).toBeGreaterThanOrEqual(40);
		const sentTo = (name: string) => sim.brevo.events.filter((e) => e.event_name === name).map((e) => e.identifiers.email_id).sort();
		expect(sentTo('zoom_webinar_hot_lead')).toEqual(at('hot').map((c) => c.email).sort());
		expect(sentTo('zoom_webinar_warm_lead')).toEqual(at('warm').map((c) => c.email).sort());
		expect(at('warm').length).toBeGreaterThan(0);
	});

	it('Include Answers: the item and the attended event carry what the person answered, question by question; without it neither does', async () => {
		await start();
		const { contacts, result } = await runZoomToBrevo(sim, attendees({ sendEvent: true, options: { includeAnswers: true } }), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		const zoom = session();
		const respondent = (zoom.polls ?? []).find((p) => p.email && contacts.some((c) => c.email === p.email.toLowerCase()))!;
		const event = sim.brevo.events.find((e) => e.identifiers.email_id === respondent.email.toLowerCase())!;
		const expected = respondent.question_details.map((d) => ({ question: d.question, answer: d.answer, poll: d.polling_id }));
		expect((event.event_properties?.answers as { polls: unknown[] }).polls).toEqual(expected);
		expect((contacts.find((c) => c.email === respondent.email.toLowerCase())!.answers as { polls: unknown[] }).polls).toEqual(expected);

		sim.brevo.events.length = 0;
		const plain = await runZoomToBrevo(sim, attendees({ sendEvent: true, options: { repeatFollowUps: true } }), { typeVersion: 1.2 });
		expect(plain.contacts.some((c) => 'answers' in c)).toBe(false);
		expect(sim.brevo.events.length).toBeGreaterThan(0);
		expect(sim.brevo.events.some((e) => 'answers' in (e.event_properties ?? {}))).toBe(false);
	});

	it('Dry Run: reads Zoom, tells which lead events would go out, sends none', async () => {
		await start();
		const before = JSON.stringify([...sim.brevo.contacts.values()]);
		const { contacts, result } = await runZoomToBrevo(sim, attendees({ scoreLeads: true, sendEvent: true, options: { dryRun: true } }), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		const hot = contacts.filter((c) => (c.engagement as { leadLevel?: string }).leadLevel === 'hot');
		expect(hot.length).toBeGreaterThan(0);
		expect(hintsOf(result).map((h) => h.message).join(' ')).toContain(`would send ${hot.length} zoom_webinar_hot_lead`);
		expect(sim.brevo.events).toHaveLength(0);
		expect(JSON.stringify([...sim.brevo.contacts.values()])).toBe(before);
	});
});

describe('meeting participants with poll answers', () => {
	it('counts polls per participant from /past_meetings/{id}/polls and fires zoom_meeting_hot_lead through the same rules', async () => {
		await start();
		const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
		const latest = meeting.instances[meeting.instances.length - 1];
		const { contacts, result } = await runZoomToBrevo(
			sim,
			{ resource: 'meeting', operation: 'syncParticipants', meetingId: String(meeting.id), writeMode: 'import', listIds: [15], meetingEngagement: ['polls'], scoreLeads: true, sendEvent: true, scoreSettings: { hot: 50 } },
			{ typeVersion: 1.2 },
		);
		expect(result.error).toBeUndefined();
		expect(zoomPaths()).toContain(`/past_meetings/${meeting.id}/polls`);
		const answered = new Set((latest.polls ?? []).filter((p) => p.email).map((p) => p.email.toLowerCase()));
		expect(contacts.filter((c) => Number((c.engagement as { pollsAnswered: number }).pollsAnswered) > 0).map((c) => c.email).sort()).toEqual(
			contacts.map((c) => String(c.email)).filter((email) => answered.has(email)).sort(),
		);
		// Q&A and survey were not asked for: those signals are unknown, not zero.
		expect(contacts[0].engagement).not.toHaveProperty('questionsAsked');
		const hot = contacts.filter((c) => (c.engagement as { leadLevel: string }).leadLevel === 'hot').map((c) => c.email).sort();
		expect(sim.brevo.events.filter((e) => e.event_name === 'zoom_meeting_hot_lead').map((e) => e.identifiers.email_id).sort()).toEqual(hot);
	});
});

describe("meeting participants with the meeting's Q&A and survey", () => {
	const meetingSync = (meetingId: string): INodeParameters => ({
		resource: 'meeting',
		operation: 'syncParticipants',
		meetingId,
		writeMode: 'import',
		listIds: [15],
		meetingEngagement: ['polls', 'questions', 'survey'],
	});

	it('reads /past_meetings/{id}/qa and /report/meetings/{id}/survey: each contact its questions asked and survey answered, in the item and in Brevo', async () => {
		await start();
		const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
		const latest = meeting.instances[meeting.instances.length - 1];
		const { contacts, result } = await runZoomToBrevo(sim, meetingSync(String(meeting.id)), { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(zoomPaths()).toEqual(expect.arrayContaining([`/past_meetings/${meeting.id}/qa`, `/report/meetings/${meeting.id}/survey`]));
		const asked = new Map<string, number>();
		for (const person of latest.qa ?? []) if (person.email) asked.set(person.email.toLowerCase(), (asked.get(person.email.toLowerCase()) ?? 0) + person.question_details.length);
		const surveyed = new Set((latest.survey?.survey_answers ?? []).filter((a) => a.email).map((a) => a.email.toLowerCase()));
		expect(asked.size).toBeGreaterThan(0);
		expect(surveyed.size).toBeGreaterThan(0);
		for (const contact of contacts) {
			const email = String(contact.email);
			expect(contact.engagement).toMatchObject({ questionsAsked: asked.get(email) ?? 0, surveyAnswered: surveyed.has(email) });
			expect(sim.brevo.contacts.get(email)?.attributes).toMatchObject({ ZOOM_QUESTIONS_ASKED: asked.get(email) ?? 0, ZOOM_SURVEY_ANSWERED: surveyed.has(email) });
		}
	});

	it('without a report scope the survey report is refused: the sync goes on with Q&A (meeting scope), and the output says the survey was not read', async () => {
		await start({ grantedScopes: DEFAULT_GRANTED_SCOPES.filter((scope) => !scope.startsWith('report:')) });
		const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
		const { contacts, result } = await runZoomToBrevo(sim, { ...meetingSync(String(meeting.id)), meetingEngagement: ['questions', 'survey'] }, { typeVersion: 1.2 });
		expect(result.error).toBeUndefined();
		expect(contacts.length).toBeGreaterThan(0);
		expect(contacts[0].engagement).toHaveProperty('questionsAsked');
		expect(contacts[0].engagement).not.toHaveProperty('surveyAnswered');
		expect(hintsOf(result).find((h) => h.type === 'warning')?.message).toMatch(/^Survey answers were not read.*scope/is);
	});
});

describe('settings are checked before the first call', () => {
	it.each([
		[{ webinarEngagement: ['polls', 'chat'] }, /"chat" is not a value of Add Engagement From Zoom/],
		[{ scoreLeads: true, scoreSettings: { hot: 20, warm: 40 } }, /Warm Lead From Score \(40\) is above Hot Lead From Score \(20\)/],
		[{ scoreLeads: true, scoreSettings: { pollAnswered: 'lots' } }, /Points per Poll Answered must be a number/],
		[{ scoreLeads: true, sendEvent: true, leadEvents: 'lukewarm' }, /"lukewarm" is not a value of Lead Events/],
	])('%j stops with an error naming the setting', async (parameters, message) => {
		await start();
		const { result } = await runZoomToBrevo(sim, attendees(parameters as INodeParameters), { typeVersion: 1.2 });
		expect(result.error?.message).toMatch(message);
		expect(zoomPaths()).toHaveLength(0);
	});
});
