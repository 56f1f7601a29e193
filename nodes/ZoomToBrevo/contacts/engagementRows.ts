/**
 * Zoom's poll, Q&A and survey answers as rows the tally counts (issue #13). Pure.
 *
 * Shapes (Zoom API reference, "List past meeting polls" / "List past webinar poll results",
 * "List past meetings' Q&A" / "List Q&As of a past webinar", "Get a meeting survey report" /
 * "Get a webinar survey report"; meetings and webinars alike): polls and Q&A list one entry per
 * person, `{ name, email, question_details: [{ question, answer, polling_id?, date_time }] }`,
 * where each Q&A detail is one question asked and `answer` is the host's reply; the survey lists
 * `survey_answers: [{ email, name, answer_details: [{ question, question_id, answer }] }]`.
 * Anonymous entries have the name "Anonymous Attendee" and an empty email.
 */
import type { EngagementRow } from './engagementTally';

interface Detail {
	question?: string;
	answer?: string;
	polling_id?: string;
}

export interface PollsOrQuestions {
	questions?: Array<{ name?: string; email?: string; question_details?: Detail[] }>;
}

export interface SurveyReport {
	survey_answers?: Array<{ email?: string; name?: string; answer_details?: Detail[] }>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** One row per poll answer (a person answering both questions of a poll answered one poll). */
export function pollRows(body: PollsOrQuestions): EngagementRow[] {
	return (body.questions ?? []).flatMap((person) =>
		(person.question_details ?? []).map((detail) => ({
			kind: 'poll' as const,
			email: text(person.email),
			pollId: text(detail.polling_id) ?? '',
			question: text(detail.question),
			answer: text(detail.answer),
		})),
	);
}

/** One row per question asked. Zoom writes "live answered" when the host answered aloud. */
export function questionRows(body: PollsOrQuestions): EngagementRow[] {
	return (body.questions ?? []).flatMap((person) =>
		(person.question_details ?? []).map((detail) => ({
			kind: 'question' as const,
			email: text(person.email),
			question: text(detail.question),
			answer: text(detail.answer),
		})),
	);
}

/** One row per survey answer; a person with any answer answered the survey. */
export function surveyRows(body: SurveyReport): EngagementRow[] {
	return (body.survey_answers ?? []).flatMap((person) => {
		const details = person.answer_details ?? [];
		// A respondent Zoom lists without details still answered: count the person once.
		if (details.length === 0) return [{ kind: 'survey' as const, email: text(person.email) }];
		return details.map((detail) => ({ kind: 'survey' as const, email: text(person.email), question: text(detail.question), answer: text(detail.answer) }));
	});
}
