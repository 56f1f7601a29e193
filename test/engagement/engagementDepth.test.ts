/**
 * Zoom's poll, Q&A and survey shapes as rows, the answers kept per person, the counts and score
 * added to people (a kind not read stays unknown, a kind read and not answered is 0), people who
 * answered without an attendee row, and answers cut to Brevo's 50 KB per event. Pure.
 */
import { withEngagementDepth, type EngagementKind } from '../../nodes/ZoomToBrevo/contacts/engagementDepth';
import { pollRows, questionRows, surveyRows } from '../../nodes/ZoomToBrevo/contacts/engagementRows';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS } from '../../nodes/ZoomToBrevo/contacts/engagementScore';
import { tallyEngagement } from '../../nodes/ZoomToBrevo/contacts/engagementTally';
import { EVENT_PROPERTIES_MAX_BYTES, leadEventName, withAnswers } from '../../nodes/ZoomToBrevo/contacts/followUpEvents';
import type { Person, ZoomSource } from '../../nodes/ZoomToBrevo/contacts/types';
import { jsonBytes } from '../../nodes/shared/brevo/bytes';

const polls = {
	questions: [
		{ name: 'Ann', email: 'ANN@example.com', question_details: [
			{ question: 'Topic?', answer: 'Pricing', polling_id: 'p1' },
			{ question: 'Tools?', answer: 'Zoom;Brevo', polling_id: 'p2' },
		] },
		{ name: 'Anonymous Attendee', email: '', question_details: [{ question: 'Topic?', answer: 'Security', polling_id: 'p1' }] },
		{ name: 'Dial-in', email: 'dial@elsewhere.example', question_details: [{ question: 'Topic?', answer: 'Roadmap', polling_id: 'p1' }] },
	],
};
const qa = { questions: [{ name: 'Ben', email: 'ben@example.com', question_details: [{ question: 'Free trial?', answer: 'live answered' }, { question: 'CRM?', answer: '' }] }] };
const survey = { survey_answers: [{ email: 'ann@example.com', name: 'Ann', answer_details: [{ question: 'Rate us', answer: '5' }] }, { email: 'ben@example.com', name: 'Ben' }] };

const source: ZoomSource = { kind: 'webinar', id: '9', startTime: '2026-11-20T15:00:00Z', durationMinutes: 60 };
const person = (email: string, extra: Partial<Person> = {}): Person => ({
	email,
	engagement: { status: 'attended', attendedSeconds: 3600, attendancePercent: 100, sessions: 1 },
	rows: 1,
	...extra,
});

describe("Zoom's shapes as rows", () => {
	it('polls: one row per answer with its poll; anonymous rows keep no email', () => {
		expect(pollRows(polls)).toEqual([
			{ kind: 'poll', email: 'ANN@example.com', pollId: 'p1', question: 'Topic?', answer: 'Pricing' },
			{ kind: 'poll', email: 'ANN@example.com', pollId: 'p2', question: 'Tools?', answer: 'Zoom;Brevo' },
			{ kind: 'poll', email: undefined, pollId: 'p1', question: 'Topic?', answer: 'Security' },
			{ kind: 'poll', email: 'dial@elsewhere.example', pollId: 'p1', question: 'Topic?', answer: 'Roadmap' },
		]);
	});

	it('Q&A: one row per question asked; survey: a respondent without details still answered', () => {
		expect(questionRows(qa).map((r) => [r.email, r.question])).toEqual([['ben@example.com', 'Free trial?'], ['ben@example.com', 'CRM?']]);
		expect(surveyRows(survey).map((r) => r.email)).toEqual(['ann@example.com', 'ben@example.com']);
		expect(pollRows({})).toEqual([]);
	});
});

describe('withEngagementDepth', () => {
	const rows = [...pollRows(polls), ...questionRows(qa), ...surveyRows(survey)];
	const people = [person('ann@example.com', { registeredAt: '2026-11-10T09:00:00Z' }), person('ben@example.com'), person('cleo@example.com')];
	const match = tallyEngagement(rows, people.map((p) => p.email));

	it('counts what was read, 0 for a contact who did not answer, unknown for a kind not read', () => {
		const read = new Set<EngagementKind>(['polls', 'questions']);
		const { people: out } = withEngagementDepth(people, source, { read, match });
		const [ann, ben, cleo] = out.map((p) => p.engagement);
		expect(ann).toMatchObject({ pollsAnswered: 2, questionsAsked: 0 });
		expect(ben).toMatchObject({ pollsAnswered: 0, questionsAsked: 2 });
		expect(cleo).toMatchObject({ pollsAnswered: 0, questionsAsked: 0 });
		// The survey was not read: nobody gets a survey figure, not even false.
		for (const e of [ann, ben, cleo]) expect(e).not.toHaveProperty('surveyAnswered', expect.anything());
	});

	it('keeps each person their own answers (with the host reply for Q&A)', () => {
		const { people: out } = withEngagementDepth(people, source, { read: new Set(['polls', 'questions', 'survey']), match });
		expect(out[0].answers?.polls).toEqual([
			{ question: 'Topic?', answer: 'Pricing', poll: 'p1' },
			{ question: 'Tools?', answer: 'Zoom;Brevo', poll: 'p2' },
		]);
		expect(out[1].answers?.questions).toEqual([{ question: 'Free trial?', answer: 'live answered' }, { question: 'CRM?' }]);
		expect(out[2].answers).toBeUndefined();
	});

	it('scores with the weights and days registered early; names what the score lacks', () => {
		const scoring = { weights: DEFAULT_WEIGHTS, thresholds: DEFAULT_THRESHOLDS };
		const { people: out } = withEngagementDepth(people, source, { read: new Set(['polls', 'questions', 'survey']), match }, scoring);
		// Ann: 40 + 10 live + 2 polls 10 + 0 questions + survey 10 + 10 days early → 5.
		expect(out[0].engagement).toMatchObject({ score: 75, leadLevel: 'hot' });
		expect(out[0].engagement.scoreWithout).toBeUndefined();
		// Ben: 40 + 10 + 0 + 2 questions 20 + survey 10; no registration date known.
		expect(out[1].engagement).toMatchObject({ score: 80, scoreWithout: ['daysRegisteredBefore'] });
		const unread = withEngagementDepth(people, source, { read: new Set() }, scoring).people[2].engagement;
		expect(unread).toMatchObject({ score: 50, leadLevel: 'warm' });
		expect(unread.scoreWithout).toEqual(['pollsAnswered', 'questionsAsked', 'surveyAnswered', 'daysRegisteredBefore']);
	});

	it('a kind that was asked for and not read gives no score or level, and says why; one never asked for does not', () => {
		const scoring = { weights: DEFAULT_WEIGHTS, thresholds: DEFAULT_THRESHOLDS };
		const refused = withEngagementDepth(people, source, { read: new Set(['polls', 'questions']), match, asked: ['polls', 'questions', 'survey'] }, scoring).people;
		for (const person of refused) {
			expect(person.engagement.score).toBeUndefined();
			expect(person.engagement.leadLevel).toBeUndefined();
			expect(person.engagement.scoreKept).toMatch(/^no lead score or level this time: survey answers could not be read/);
		}
		// The counts that were read are still given.
		expect(refused[0].engagement.pollsAnswered).toBe(2);
		const notAsked = withEngagementDepth(people, source, { read: new Set(['polls', 'questions']), match, asked: ['polls', 'questions'] }, scoring).people;
		expect(notAsked[0].engagement.score).toEqual(expect.any(Number));
		expect(notAsked[0].engagement.scoreKept).toBeUndefined();
	});

	it('people who answered without being among the people are returned as not_an_attendee; anonymous rows are only counted', () => {
		const { notAttendees } = withEngagementDepth(people, source, { read: new Set(['polls']), match });
		expect(notAttendees.map((s) => [s.reason, s.email])).toEqual([['not_an_attendee', 'dial@elsewhere.example']]);
		expect(match.anonymous).toEqual({ poll: 1, question: 0, survey: 0 });
	});
});

describe('answers in event properties', () => {
	it("drops answers from the longest list until the properties fit Brevo's 50 KB, and says so", () => {
		const long = (n: number) => Array.from({ length: n }, (_v, i) => ({ question: `Question ${i} ${'x'.repeat(200)}`, answer: 'y'.repeat(200) }));
		const answers = { polls: long(10), survey: long(300) };
		const fitted = withAnswers({ topic: 'Launch' }, answers);
		expect(jsonBytes(fitted)).toBeLessThanOrEqual(EVENT_PROPERTIES_MAX_BYTES);
		expect(fitted.answers_truncated).toBe(true);
		const kept = fitted.answers as { polls: unknown[]; survey: unknown[] };
		expect(kept.polls).toHaveLength(10);
		expect(kept.survey.length).toBeGreaterThan(50);
		expect(kept.survey.length).toBeLessThan(300);
		// Small enough: everything is kept, nothing is marked.
		expect(withAnswers({ topic: 'Launch' }, { polls: long(2) })).toEqual({ topic: 'Launch', answers: { polls: long(2) } });
	});

	it('lead events are named per kind and level', () => {
		expect([leadEventName('webinar', 'hot'), leadEventName('meeting', 'warm')]).toEqual(['zoom_webinar_hot_lead', 'zoom_meeting_warm_lead']);
	});
});
