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
	/** The kinds the sync asked Zoom for (Add Engagement From Zoom); default: those read. */
	asked?: EngagementKind[];
}

const LABELS: Record<EngagementKind, string> = { polls: 'poll answers', questions: 'Q&A questions', survey: 'survey answers' };

/**
 * Why no score is given this time, or nothing: a kind that was asked for and could not be read
 * (Zoom refused it, the daily limit, a 5xx) would lower a score an earlier, complete sync wrote,
 * so the score and level are left as they are in Brevo until a sync reads everything again.
 * A kind never asked for is no loss: the score is the same at every sync.
 */
export function scoreHeldBack(engagement: EngagementRead): string | undefined {
	const missing = (engagement.asked ?? []).filter((kind) => !engagement.read.has(kind));
	if (missing.length === 0) return undefined;
	return `no lead score or level this time: ${missing.map((kind) => LABELS[kind]).join(', ')} could not be read from Zoom, so the score and level already in Brevo are left as they are (the next sync that reads them scores again; or remove them from Add Engagement From Zoom to score without them)`;
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
	const heldBack = scoring ? scoreHeldBack(engagement) : undefined;
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
		if (heldBack) {
			next.engagement.scoreKept = heldBack;
		} else if (scoring) {
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
