/**
 * The lead score (issue #13): points for what a person did around a meeting or webinar, from
 * editable weights. Pure: signals in, a score and its parts out. A signal Zoom did not give (an
 * enrichment the plan or scope did not allow) earns nothing and is listed as unknown, so the node
 * can say the score is partial instead of presenting it as complete.
 */

/** What Zoom tells about one person for one meeting or webinar instance. */
export interface EngagementSignals {
	/** Share of the instance's length attended, 0–100. */
	attendancePercent?: number;
	/** Minutes in the instance (for scoring by time rather than share, e.g. open-ended meetings). */
	minutesAttended?: number;
	/** Joins with time in the instance (a rejoin is a second session). */
	sessions?: number;
	/** Whether the person joined the live session (absentees: false). */
	attendedLive?: boolean;
	/** Distinct polls the person answered. */
	pollsAnswered?: number;
	/** Questions the person asked in Q&A (anonymous ones cannot be counted for anyone). */
	questionsAsked?: number;
	surveyAnswered?: boolean;
	/** Whole days between registering and the instance's start. */
	daysRegisteredBefore?: number;
}

/** Points per signal, each with a cap where it counts per unit. Editable in the node. */
export interface ScoreWeights {
	/** Points at 100 % attendance (proportional below). */
	attendance: number;
	/** Points per minute attended, up to minuteCap (0 by default: the percentage counts instead). */
	minuteAttended: number;
	minuteCap: number;
	attendedLive: number;
	/** Points per session after the first. */
	extraSession: number;
	extraSessionCap: number;
	pollAnswered: number;
	pollCap: number;
	questionAsked: number;
	questionCap: number;
	surveyAnswered: number;
	/** Points per day registered before the start. */
	registeredEarlyDay: number;
	registeredEarlyCap: number;
}

/**
 * Defaults that add up to 100 for someone who did everything: staying is worth most (40), then
 * asking (up to 20: a question is the clearest sign of interest), polls (up to 15), showing up
 * live and answering the survey (10 each), and registering early (up to 5). A rejoin alone says
 * little, so it counts nothing unless the user says otherwise.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
	attendance: 40,
	minuteAttended: 0,
	minuteCap: 0,
	attendedLive: 10,
	extraSession: 0,
	extraSessionCap: 0,
	pollAnswered: 5,
	pollCap: 15,
	questionAsked: 10,
	questionCap: 20,
	surveyAnswered: 10,
	registeredEarlyDay: 1,
	registeredEarlyCap: 5,
};

export type SignalName = keyof EngagementSignals;

export interface LeadScore {
	/** Rounded to a whole point. */
	score: number;
	/** Points per signal that was known. */
	parts: Partial<Record<SignalName, number>>;
	/** Signals Zoom did not give: they earned nothing. */
	unknown: SignalName[];
}

const capped = (units: number, each: number, cap: number) => Math.min(Math.max(units, 0) * each, cap);

export function leadScore(signals: EngagementSignals, weights: ScoreWeights = DEFAULT_WEIGHTS): LeadScore {
	const parts: Partial<Record<SignalName, number>> = {};
	const unknown: SignalName[] = [];
	const add = <K extends SignalName>(name: K, points: (value: NonNullable<EngagementSignals[K]>) => number) => {
		const value = signals[name];
		if (value === undefined || value === null) unknown.push(name);
		else parts[name] = points(value as NonNullable<EngagementSignals[K]>);
	};
	add('attendancePercent', (p) => (Math.min(Math.max(p, 0), 100) / 100) * weights.attendance);
	add('minutesAttended', (minutes) => capped(minutes, weights.minuteAttended, weights.minuteCap));
	add('attendedLive', (live) => (live ? weights.attendedLive : 0));
	add('sessions', (n) => capped(n - 1, weights.extraSession, weights.extraSessionCap));
	add('pollsAnswered', (n) => capped(n, weights.pollAnswered, weights.pollCap));
	add('questionsAsked', (n) => capped(n, weights.questionAsked, weights.questionCap));
	add('surveyAnswered', (answered) => (answered ? weights.surveyAnswered : 0));
	add('daysRegisteredBefore', (days) => capped(Math.floor(days), weights.registeredEarlyDay, weights.registeredEarlyCap));
	const score = Math.round(Object.values(parts).reduce((sum, points) => sum + (points ?? 0), 0));
	return { score, parts, unknown };
}

/** Score thresholds that fire their own Brevo events (e.g. zoom_webinar_hot_lead). */
export interface LeadThresholds {
	hot: number;
	warm: number;
}

export const DEFAULT_THRESHOLDS: LeadThresholds = { hot: 60, warm: 30 };

export type LeadLevel = 'hot' | 'warm' | 'cold';

export function leadLevel(score: number, thresholds: LeadThresholds = DEFAULT_THRESHOLDS): LeadLevel {
	if (score >= thresholds.hot) return 'hot';
	if (score >= thresholds.warm) return 'warm';
	return 'cold';
}

/** Which signals a sync can give at all: the engagement kinds it reads, and registration dates
 *  (webinars read with their registration details). Attendance, minutes, sessions and live are
 *  always there. */
export interface SignalsAvailable {
	polls: boolean;
	questions: boolean;
	survey: boolean;
	registrations: boolean;
}

/** The best score anyone can get from these signals with these weights (someone who did everything). */
export function highestScore(weights: ScoreWeights, available: SignalsAvailable): number {
	const most = (each: number, cap: number) => (each > 0 ? Math.max(cap, 0) : 0);
	return Math.round(
		Math.max(weights.attendance, 0) +
			most(weights.minuteAttended, weights.minuteCap) +
			Math.max(weights.attendedLive, 0) +
			most(weights.extraSession, weights.extraSessionCap) +
			(available.polls ? most(weights.pollAnswered, weights.pollCap) : 0) +
			(available.questions ? most(weights.questionAsked, weights.questionCap) : 0) +
			(available.survey ? Math.max(weights.surveyAnswered, 0) : 0) +
			(available.registrations ? most(weights.registeredEarlyDay, weights.registeredEarlyCap) : 0),
	);
}

/**
 * The warning for thresholds no one can reach with the signals a sync reads (e.g. Score Leads
 * without Add Engagement From Zoom: 55 at most for a webinar, 50 for a meeting, below the default
 * hot lead from 60), or nothing.
 */
export function unreachableLevels(highest: number, thresholds: LeadThresholds, kind: 'meeting' | 'webinar'): string | undefined {
	const levels = (['hot', 'warm'] as const).filter((level) => thresholds[level] > highest);
	if (levels.length === 0) return undefined;
	const names = levels.map((level) => `${level} (from ${thresholds[level]})`).join(' or ');
	return `Score Leads: with the signals this sync reads, a score reaches at most ${highest}, so nobody can be a ${names} lead, and no zoom_${kind}_${levels[0]}_lead event can fire. Add Poll Answers, Q&A Questions or Survey Answers under Add Engagement From Zoom, or lower the threshold in Score Weights and Thresholds.`;
}
