/**
 * Polls, Q&A, survey and the lead score added to the people of an attendee or participant sync
 * (issue #13). Pure: people and tallied answers in, people with their counts, answers and score
 * out, plus those who answered without being among them.
 */
import { leadLevel, leadScore, type EngagementSignals, type LeadThresholds, type ScoreWeights } from './engagementScore';
import type { EngagementMatch } from './engagementTally';
import { skipped } from './people';
import type { Person, SkippedPerson, ZoomSource } from './types';

export type EngagementKind = 'polls' | 'questions' | 'survey';

export interface Scoring {
	weights: ScoreWeights;
	thresholds: LeadThresholds;
}

/** What the sync read: which kinds Zoom gave (a refused read leaves its kind out) and the tally. */
export interface EngagementRead {
	read: Set<EngagementKind>;
	match?: EngagementMatch;
}

const DAY_MS = 86_400_000;

/** Whole days between registering and the start; unknown when either time is. */
function daysRegisteredBefore(person: Person, source: ZoomSource): number | undefined {
	const registered = person.registeredAt ? Date.parse(person.registeredAt) : NaN;
	const start = source.startTime ? Date.parse(source.startTime) : NaN;
	if (Number.isNaN(registered) || Number.isNaN(start)) return undefined;
	return Math.max(0, Math.floor((start - registered) / DAY_MS));
}

/** The score's inputs for one person: what was not read stays undefined (earns nothing, listed). */
export function signalsOf(person: Person, source: ZoomSource, engagement: EngagementRead): EngagementSignals {
	const tally = engagement.match?.byContact.get(person.email);
	const counted = <T>(kind: EngagementKind, value: T | undefined, none: T) => (engagement.read.has(kind) ? (value ?? none) : undefined);
	const { engagement: e } = person;
	return {
		attendancePercent: e.attendancePercent,
		minutesAttended: e.attendedSeconds === undefined ? undefined : e.attendedSeconds / 60,
		sessions: e.sessions,
		attendedLive: e.status === 'attended' || e.status === 'waiting_room_only' ? e.status === 'attended' : undefined,
		pollsAnswered: counted('polls', tally?.pollsAnswered, 0),
		questionsAsked: counted('questions', tally?.questionsAsked, 0),
		surveyAnswered: counted('survey', tally?.surveyAnswered, false),
		daysRegisteredBefore: daysRegisteredBefore(person, source),
	};
}

export interface DepthResult {
	people: Person[];
	/** Emails that answered or asked but are none of the people: shown, not made contacts. */
	notAttendees: SkippedPerson[];
}

/** Adds the counts (for the kinds read), the answers and, with `scoring`, the score and level. */
export function withEngagementDepth(people: Person[], source: ZoomSource, engagement: EngagementRead, scoring?: Scoring): DepthResult {
	const { match } = engagement;
	const enriched = people.map((person): Person => {
		const signals = signalsOf(person, source, engagement);
		const answers = match?.answers.get(person.email);
		const next: Person = {
			...person,
			...(answers ? { answers } : {}),
			engagement: {
				...person.engagement,
				pollsAnswered: signals.pollsAnswered,
				questionsAsked: signals.questionsAsked,
				surveyAnswered: signals.surveyAnswered,
			},
		};
		if (scoring) {
			const { score, unknown } = leadScore(signals, scoring.weights);
			next.engagement.score = score;
			next.engagement.leadLevel = leadLevel(score, scoring.thresholds);
			if (unknown.length > 0) next.engagement.scoreWithout = unknown;
		}
		return next;
	});
	const notAttendees = [...(match?.notContacts.keys() ?? [])].map((email) => skipped('not_an_attendee', undefined, 0, email));
	return { people: enriched, notAttendees };
}
