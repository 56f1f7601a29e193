/**
 * Polls, Q&A and survey answers (issue #13), tallied per person and matched to the contacts of a
 * sync by email, lower-cased (Zoom writes the case people typed). Pure: rows in, counts out.
 *
 * Nothing is dropped without a count: rows without an email (anonymous questions, guests outside
 * the account) are counted as anonymous, and people who answered but are not among the sync's
 * contacts (no participant row: a dial-in, another device's email) are returned apart, so the node
 * can show them and decide what to do with them.
 */

import type { Answer, PersonAnswers } from './types';

/** One answer or question as the node reads it from Zoom's poll, Q&A and survey reports. */
export interface EngagementRow {
	kind: 'poll' | 'question' | 'survey';
	email?: string;
	/** Polls: which poll the answer belongs to (several questions of one poll count as one poll). */
	pollId?: string;
	question?: string;
	/** A poll's or survey's choice(s), or the host's answer to a Q&A question. */
	answer?: string;
}

export interface EngagementTally {
	pollsAnswered: number;
	questionsAsked: number;
	surveyAnswered: boolean;
}

export interface EngagementMatch {
	/** Per email (contacts and others): the answers themselves, for event properties. */
	answers: Map<string, PersonAnswers>;
	/** Per contact email (lower-cased): what that contact did. */
	byContact: Map<string, EngagementTally>;
	/** Per email that is no contact of this sync. */
	notContacts: Map<string, EngagementTally>;
	/** Rows without an email, by kind (poll answers, questions, survey answers). */
	anonymous: Record<EngagementRow['kind'], number>;
}

const definedOnly = (answer: Answer): Answer => Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== undefined)) as unknown as Answer;

const emailKey = (email: string | undefined): string | undefined => {
	const key = email?.trim().toLowerCase();
	return key ? key : undefined;
};

/** Tallies the rows per email (keeping each person's answers, unless told not to: tens of
 *  thousands of small objects nobody asked for), and splits the emails into the sync's contacts and the others. */
export function tallyEngagement(rows: Iterable<EngagementRow>, contactEmails: Iterable<string>, { keepAnswers = true } = {}): EngagementMatch {
	const contacts = new Set([...contactEmails].map((email) => email.toLowerCase()));
	const anonymous: EngagementMatch['anonymous'] = { poll: 0, question: 0, survey: 0 };
	const polls = new Map<string, Set<string>>();
	const tallies = new Map<string, EngagementTally>();
	const answers = new Map<string, PersonAnswers>();
	const LIST: Record<EngagementRow['kind'], keyof PersonAnswers> = { poll: 'polls', question: 'questions', survey: 'survey' };
	const tallyOf = (email: string) => {
		let tally = tallies.get(email);
		if (!tally) tallies.set(email, (tally = { pollsAnswered: 0, questionsAsked: 0, surveyAnswered: false }));
		return tally;
	};
	for (const row of rows) {
		const email = emailKey(row.email);
		if (!email) {
			anonymous[row.kind]++;
			continue;
		}
		const tally = tallyOf(email);
		if (keepAnswers && row.question) {
			const own = answers.get(email) ?? {};
			answers.set(email, own);
			(own[LIST[row.kind]] ??= []).push(definedOnly({ question: row.question, answer: row.answer || undefined, poll: row.pollId }));
		}
		if (row.kind === 'question') tally.questionsAsked++;
		else if (row.kind === 'survey') tally.surveyAnswered = true;
		else {
			// A poll answered twice (two devices, a re-vote) is still one poll answered.
			const answered = polls.get(email) ?? new Set<string>();
			answered.add(row.pollId ?? '');
			polls.set(email, answered);
			tally.pollsAnswered = answered.size;
		}
	}
	const byContact = new Map<string, EngagementTally>();
	const notContacts = new Map<string, EngagementTally>();
	for (const [email, tally] of tallies) (contacts.has(email) ? byContact : notContacts).set(email, tally);
	return { byContact, notContacts, anonymous, answers };
}
