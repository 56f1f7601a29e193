/**
 * An event's cursor in the node's static data, as one poll uses it: where its reads start, and
 * what is new, decided against the cursor as it is when the poll emits.
 *
 * Deciding at emission, not when the poll began: the reads take long (many hosts, pages, a
 * backoff), and the cursor may have moved meanwhile (a poll that overlapped: n8n's durable
 * cursors, or one the in-flight guard stopped waiting for). So the cursor is read again after the
 * reads, advanced and written back with no await in between: a row another poll emitted meanwhile
 * is in its `seen` or below its horizon, and a cursor is never written back older than the one
 * it replaces.
 *
 * Detail reads (Recording Completed, New Webinar Registrant) come before that step, for the rows
 * it would emit; should the cursor have moved while they ran and a row now lack its details, they
 * are read and the step is taken again. A failed detail read throws before the cursor is written,
 * so the next poll finds the same rows new: nothing is marked emitted that was not.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { startsAfresh } from './activation';
import { advance, backfillFrom, carryHandled, isEndedCursor, readFrom, type EndedCursor, type EndedRow } from './cursor';

/** Where each event keeps its cursor in the node's static data (names of earlier versions kept). */
export type CursorName = 'cursor' | 'webinarCursor' | 'registrantCursor' | 'recordingCursor';

export interface CursorRules {
	name: CursorName;
	lookbackMs: number;
	/** The cursor of a poll that finds none, from Zoom's now and Start From. */
	first(zoomNowMs: number, startFromMs: number | undefined): EndedCursor;
}

/** Reads done only for rows about to be emitted, so their items carry what Zoom's webhook does. */
export interface RowDetails<T> {
	/** The rows among `fresh` whose details are not read yet. */
	lacking(fresh: T[]): T[];
	read(rows: T[]): Promise<void>;
}

export interface PollCursor {
	/** Where this poll's reads start: the cursor's, or `withoutCursorMs` when there is none. */
	readFromMs(withoutCursorMs: number): number;
	/** The rows to emit, each once, oldest first; the cursor is advanced past them. */
	settle<T extends EndedRow>(rows: T[], zoomNowMs: number, details?: RowDetails<T>): Promise<T[]>;
}

export function openCursor(context: IPollFunctions, rules: CursorRules, startFromMs: number | undefined): PollCursor {
	const staticData = context.getWorkflowStaticData('node');
	const stored = (): EndedCursor | undefined => {
		const value: unknown = staticData[rules.name];
		return isEndedCursor(value) ? value : undefined;
	};
	// Published again after being unpublished: what happened meanwhile is not emitted (Start From
	// empty), or is, from Start From on, but nothing the earlier activation emitted (activation.ts).
	let previous: EndedCursor | undefined;
	if (startsAfresh(context, staticData)) {
		previous = stored();
		delete staticData[rules.name];
	}
	const atStart = stored();
	const backfill = previous && startFromMs !== undefined ? previous : undefined;

	return {
		readFromMs(withoutCursorMs) {
			if (atStart) return readFrom(atStart);
			if (backfill && startFromMs !== undefined) return backfillFrom(backfill, startFromMs);
			return withoutCursorMs;
		},
		async settle(rows, zoomNowMs, details) {
			// Each round reads the details of rows that lacked them; rows are finite, so are rounds.
			for (let round = 0; round <= rows.length; round++) {
				// From reading the cursor to writing it back: no await.
				const current = stored();
				let cursor = current ?? rules.first(zoomNowMs, startFromMs);
				if (!current && backfill) cursor = carryHandled(cursor, backfill, rows);
				const { fresh, cursor: next } = advance(cursor, rows, zoomNowMs, !current && startFromMs === undefined, rules.lookbackMs);
				const lacking = details ? details.lacking(fresh) : [];
				if (!details || lacking.length === 0) {
					staticData[rules.name] = next as unknown as IDataObject;
					return fresh;
				}
				await details.read(lacking);
			}
			throw new UnexpectedError('The poll trigger read the details of new rows and still lacked them');
		},
	};
}
