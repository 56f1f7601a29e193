/**
 * Polls, Q&A and survey of one meeting or webinar instance, read from Zoom (issue #13): one call
 * per kind, none paged (Zoom's poll, Q&A and survey endpoints take no page parameters), each paced
 * by the run's one pacer in its own rate category. A read Zoom refuses (the plan, a missing scope,
 * the feature off) leaves its kind unread and says why: the sync goes on without it.
 */
import type { EngagementKind, EngagementRead } from '../contacts/engagementDepth';
import { pollRows, questionRows, surveyRows, type PollsOrQuestions, type SurveyReport } from '../contacts/engagementRows';
import { tallyEngagement, type EngagementRow } from '../contacts/engagementTally';
import type { ZoomSource } from '../contacts/types';
import type { ZoomRateCategory } from '../../shared/zoomPacer';
import type { ZoomClient } from './zoomClient';

interface KindRead {
	path: (kind: ZoomSource['kind'], instance: string) => string;
	category: ZoomRateCategory;
	what: string;
	/** What the summary calls it. */
	label: string;
	rows: (body: PollsOrQuestions & SurveyReport) => EngagementRow[];
}

/**
 * The past_* lists are Medium and need only the meeting or webinar read scope; the survey exists
 * only as a report (Heavy, Pro plan or higher, report scope). Paths and categories: Zoom API
 * reference ("List past meeting polls", "List past meetings' Q&A", "List past webinar poll
 * results", "List Q&As of a past webinar", "Get a meeting survey report", "Get a webinar survey
 * report"). Meetings have had Q&A and surveys since 2023, with the same shapes as webinars.
 */
const READS: Record<EngagementKind, KindRead> = {
	polls: {
		path: (kind, instance) => `/${kind === 'meeting' ? 'past_meetings' : 'past_webinars'}/${instance}/polls`,
		category: 'medium',
		what: 'read the poll answers',
		label: 'poll answers',
		rows: pollRows,
	},
	questions: {
		path: (kind, instance) => `/${kind === 'meeting' ? 'past_meetings' : 'past_webinars'}/${instance}/qa`,
		category: 'medium',
		what: 'read the Q&A questions',
		label: 'Q&A questions',
		rows: questionRows,
	},
	survey: {
		path: (kind, instance) => `/report/${kind === 'meeting' ? 'meetings' : 'webinars'}/${instance}/survey`,
		category: 'heavy',
		what: 'read the survey report',
		label: 'survey answers',
		rows: surveyRows,
	},
};

export interface EngagementReadResult extends EngagementRead {
	/** One line per kind that was not read, with Zoom's reason. */
	warnings: string[];
}

/**
 * `instance`: the path segment naming the instance (a UUID already encoded as Zoom wants it, or
 * the ID for the latest instance), as the attendee read used it.
 */
export async function readEngagement(
	zoom: ZoomClient,
	source: ZoomSource,
	instance: string,
	kinds: EngagementKind[],
	contactEmails: string[],
	{ keepAnswers }: { keepAnswers: boolean },
): Promise<EngagementReadResult> {
	const read = new Set<EngagementKind>();
	const rows: EngagementRow[] = [];
	const warnings: string[] = [];
	for (const kind of kinds) {
		const how = READS[kind];
		try {
			const body = await zoom.get<PollsOrQuestions & SurveyReport>(how.path(source.kind, instance), how.category, how.what);
			rows.push(...how.rows(body ?? {}));
			read.add(kind);
		} catch (error) {
			const failure = error as Error & { description?: string | null };
			warnings.push(
				`${how.label[0].toUpperCase()}${how.label.slice(1)} were not read, so they are not counted, and no lead score or level is written this time (Brevo keeps the last one): ${failure.message}. ${failure.description ?? ''}`.trim(),
			);
		}
	}
	return { read, match: read.size > 0 ? tallyEngagement(rows, contactEmails, { keepAnswers }) : undefined, warnings };
}

/** "anonymous (no email, counted for no one): 2 Q&A questions, 1 poll answer" — or nothing. */
export function anonymousNote(result: EngagementRead): string | undefined {
	const anonymous = result.match?.anonymous;
	if (!anonymous) return undefined;
	const words: Array<[number, string, string]> = [
		[anonymous.poll, 'poll answer', 'poll answers'],
		[anonymous.question, 'Q&A question', 'Q&A questions'],
		[anonymous.survey, 'survey answer', 'survey answers'],
	];
	const parts = words.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
	return parts.length > 0 ? `anonymous, counted for no one: ${parts.join(', ')}` : undefined;
}
