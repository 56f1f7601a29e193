import { NodeHelpers } from 'n8n-workflow';
/**
 * The lead score and the engagement tally (issue #13), pure: the documented defaults, caps,
 * unknown signals that earn nothing, thresholds; polls counted per poll, anonymous rows counted,
 * people who answered without being contacts kept apart, emails matched case-blind.
 */
import {
	DEFAULT_THRESHOLDS,
	DEFAULT_WEIGHTS,
	highestScore,
	leadLevel,
	leadScore,
	unreachableLevels,
	type EngagementSignals,
} from '../../nodes/ZoomToBrevo/contacts/engagementScore';
import { engagementProperties } from '../../nodes/ZoomToBrevo/description/engagement';
import { tallyEngagement, type EngagementRow } from '../../nodes/ZoomToBrevo/contacts/engagementTally';

describe('leadScore', () => {
	const everything: EngagementSignals = {
		attendancePercent: 100,
		minutesAttended: 60,
		attendedLive: true,
		sessions: 1,
		pollsAnswered: 3,
		questionsAsked: 2,
		surveyAnswered: true,
		daysRegisteredBefore: 5,
	};

	it('someone who did everything scores 100 with the default weights', () => {
		expect(leadScore(everything)).toEqual({
			score: 100,
			parts: { attendancePercent: 40, minutesAttended: 0, attendedLive: 10, sessions: 0, pollsAnswered: 15, questionsAsked: 20, surveyAnswered: 10, daysRegisteredBefore: 5 },
			unknown: [],
		});
	});

	it('caps each counted signal: ten polls, five questions and a month early earn no more than the caps', () => {
		const { parts } = leadScore({ ...everything, pollsAnswered: 10, questionsAsked: 5, daysRegisteredBefore: 30 });
		expect(parts).toMatchObject({ pollsAnswered: DEFAULT_WEIGHTS.pollCap, questionsAsked: DEFAULT_WEIGHTS.questionCap, daysRegisteredBefore: DEFAULT_WEIGHTS.registeredEarlyCap });
	});

	it('attendance counts in proportion and out-of-range figures are held to 0–100 %', () => {
		expect(leadScore({ attendancePercent: 50 }).parts.attendancePercent).toBe(20);
		expect(leadScore({ attendancePercent: 140 }).parts.attendancePercent).toBe(40);
		expect(leadScore({ attendancePercent: -5 }).parts.attendancePercent).toBe(0);
	});

	it('a signal Zoom did not give earns nothing and is named, unlike a known zero', () => {
		const partial = leadScore({ attendancePercent: 80, attendedLive: true });
		expect(partial.score).toBe(42);
		expect(partial.unknown).toEqual(['minutesAttended', 'sessions', 'pollsAnswered', 'questionsAsked', 'surveyAnswered', 'daysRegisteredBefore']);
		const zeros = leadScore({ attendancePercent: 80, attendedLive: true, pollsAnswered: 0, questionsAsked: 0 });
		expect(zeros.unknown).not.toContain('pollsAnswered');
		expect(zeros.parts.pollsAnswered).toBe(0);
	});

	it('editable weights change the score: rejoins count when the user gives them points', () => {
		const weights = { ...DEFAULT_WEIGHTS, extraSession: 2, extraSessionCap: 6 };
		expect(leadScore({ sessions: 3 }, weights).parts.sessions).toBe(4);
		expect(leadScore({ sessions: 9 }, weights).parts.sessions).toBe(6);
		expect(leadScore({ sessions: 3 }).parts.sessions).toBe(0);
	});

	it('minutes can score instead of the share: points per minute up to a cap', () => {
		const weights = { ...DEFAULT_WEIGHTS, attendance: 0, minuteAttended: 0.5, minuteCap: 30 };
		expect(leadScore({ minutesAttended: 40 }, weights).parts.minutesAttended).toBe(20);
		expect(leadScore({ minutesAttended: 90 }, weights).parts.minutesAttended).toBe(30);
		expect(leadScore({ minutesAttended: 90 }).parts.minutesAttended).toBe(0);
	});

	it('levels: hot from 60, warm from 30 by default; thresholds editable', () => {
		expect([leadLevel(60), leadLevel(59), leadLevel(30), leadLevel(29)]).toEqual(['hot', 'warm', 'warm', 'cold']);
		expect(leadLevel(59, { ...DEFAULT_THRESHOLDS, hot: 50 })).toBe('hot');
	});
});

describe('tallyEngagement', () => {
	const rows: EngagementRow[] = [
		// Ann answers two questions of poll 1 and one of poll 2: two polls, with her email's case varying.
		{ kind: 'poll', email: 'Ann@Example.com', pollId: 'p1' },
		{ kind: 'poll', email: 'ann@example.com', pollId: 'p1' },
		{ kind: 'poll', email: 'ann@example.com ', pollId: 'p2' },
		{ kind: 'question', email: 'ann@example.com' },
		{ kind: 'question', email: 'ANN@example.com' },
		{ kind: 'survey', email: 'ann@example.com' },
		// Ben answers a poll only.
		{ kind: 'poll', email: 'ben@example.com', pollId: 'p1' },
		// Anonymous: a question and a poll answer without an email.
		{ kind: 'question' },
		{ kind: 'poll', email: '  ', pollId: 'p1' },
		// Dial-in Cleo answered a poll but has no participant row.
		{ kind: 'poll', email: 'cleo@example.com', pollId: 'p2' },
	];

	it('counts distinct polls, every question and the survey per contact, case-blind', () => {
		const { byContact } = tallyEngagement(rows, ['ann@example.com', 'BEN@example.com', 'dan@example.com']);
		expect(byContact.get('ann@example.com')).toEqual({ pollsAnswered: 2, questionsAsked: 2, surveyAnswered: true });
		expect(byContact.get('ben@example.com')).toEqual({ pollsAnswered: 1, questionsAsked: 0, surveyAnswered: false });
		// A contact who did nothing has no tally: the node gives them zeros only when the report was read.
		expect(byContact.has('dan@example.com')).toBe(false);
	});

	it('counts rows without an email instead of dropping them, and keeps people who are no contact apart', () => {
		const { anonymous, notContacts, byContact } = tallyEngagement(rows, ['ann@example.com', 'ben@example.com']);
		expect(anonymous).toEqual({ poll: 1, question: 1, survey: 0 });
		expect([...notContacts.keys()]).toEqual(['cleo@example.com']);
		expect(notContacts.get('cleo@example.com')).toEqual({ pollsAnswered: 1, questionsAsked: 0, surveyAnswered: false });
		expect(byContact.has('cleo@example.com')).toBe(false);
	});
});

describe('thresholds nobody can reach', () => {
	const none = { polls: false, questions: false, survey: false, registrations: false };
	const all = { polls: true, questions: true, survey: true, registrations: true };

	it('the highest score from the signals read: 100 with everything, 55 for a webinar and 50 for a meeting from attendance alone', () => {
		expect(highestScore(DEFAULT_WEIGHTS, all)).toBe(100);
		expect(highestScore(DEFAULT_WEIGHTS, { ...none, registrations: true })).toBe(55);
		expect(highestScore(DEFAULT_WEIGHTS, none)).toBe(50);
		expect(highestScore(DEFAULT_WEIGHTS, { ...none, questions: true })).toBe(70);
		// A weight of 0 per unit earns nothing, whatever its cap.
		expect(highestScore({ ...DEFAULT_WEIGHTS, pollAnswered: 0 }, { ...none, polls: true })).toBe(50);
	});

	it('names the levels out of reach and what to do; nothing when the hot threshold is reachable', () => {
		const warning = unreachableLevels(55, DEFAULT_THRESHOLDS, 'webinar');
		expect(warning).toMatch(/reaches at most 55, so nobody can be a hot \(from 60\) lead, and no zoom_webinar_hot_lead event can fire/);
		expect(warning).toMatch(/Add Engagement From Zoom/);
		expect(unreachableLevels(20, DEFAULT_THRESHOLDS, 'meeting')).toMatch(/hot \(from 60\) or warm \(from 30\)/);
		expect(unreachableLevels(100, DEFAULT_THRESHOLDS, 'webinar')).toBeUndefined();
		expect(unreachableLevels(60, DEFAULT_THRESHOLDS, 'webinar')).toBeUndefined();
	});

	it("the panel's notice states the figures the defaults give", () => {
		const notice = engagementProperties.find((p) => p.name === 'scoreReachNotice')!.displayName;
		expect(notice).toContain(`at most ${highestScore(DEFAULT_WEIGHTS, { ...none, registrations: true })} for a webinar`);
		expect(notice).toContain(`(${highestScore(DEFAULT_WEIGHTS, none)} for a meeting)`);
		expect(notice).toContain(`threshold of ${DEFAULT_THRESHOLDS.hot}`);
	});

	it('the notice shows while attendance is the only signal, and is gone once one is added', () => {
		const notice = engagementProperties.find((p) => p.name === 'scoreReachNotice')!;
		const shown = (parameters: Record<string, unknown>) => NodeHelpers.displayParameter({ operation: 'syncAttendees', scoreLeads: true, ...parameters } as never, notice, { typeVersion: 1.2 } as never, null);
		expect(shown({ webinarEngagement: [] })).toBe(true);
		expect(shown({ webinarEngagement: ['survey'] })).toBe(false);
		expect(shown({ operation: 'syncParticipants', meetingEngagement: ['polls', 'questions'] })).toBe(false);
		expect(shown({ operation: 'syncParticipants', meetingEngagement: [] })).toBe(true);
	});
});
