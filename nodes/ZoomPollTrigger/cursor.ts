/**
 * Which ended meetings are new: a pure cursor kept in the poll's static data. Every time in it is
 * Zoom's (end times from Zoom's rows, "now" from Zoom's `Date` header), never n8n's clock, so a
 * host whose clock is off by minutes neither misses nor repeats a meeting.
 *
 * - `floor`: nothing that ended before it is ever emitted (activation time, or Start From).
 * - `horizon`: `seen` holds every emitted instance that ended at or after it; older entries are
 *   dropped, and rows older than it are no longer looked at, so the record stays small.
 * - Each poll reads from max(floor, horizon). A report lags the meeting's end, so the horizon
 *   trails Zoom's "now" by LOOKBACK_MS: an instance Zoom reports up to that late is still caught.
 *
 * Rows may be ordered by another time than their end (webinar instances: their start, as Zoom
 * lists no end for them); the caller then passes a lookback that covers the longest instance.
 *
 * Only a poll that emits is saved by n8n 2.41 (its default, non-durable cursors); a cursor lost
 * with an empty poll is an older one, which rereads more and emits nothing twice.
 */

export const LOOKBACK_MS = 24 * 60 * 60 * 1000;

export interface EndedCursor {
	version: 1;
	floor: number;
	horizon: number;
	/** Instance key (UUID) → its end time. */
	seen: Record<string, number>;
}

export interface EndedRow {
	key: string;
	endMs: number;
}

export function isEndedCursor(value: unknown): value is EndedCursor {
	const c = value as Partial<EndedCursor> | undefined;
	return !!c && c.version === 1 && typeof c.floor === 'number' && typeof c.horizon === 'number' && !!c.seen && typeof c.seen === 'object';
}

/** A new cursor: from Zoom's now (nothing older is emitted), or from Start From (a backfill). */
export function firstCursor(zoomNowMs: number, startFromMs?: number, lookbackMs = LOOKBACK_MS): EndedCursor {
	const floor = startFromMs ?? zoomNowMs;
	return { version: 1, floor, horizon: Math.min(floor, zoomNowMs - lookbackMs), seen: {} };
}

/** The earliest end time a read must cover. */
export function readFrom(cursor: EndedCursor): number {
	return Math.max(cursor.floor, cursor.horizon);
}

/**
 * What a poll found: the rows to emit (each instance once, oldest end first) and the next cursor.
 * `baseline` (the first poll without Start From) records what already ended and emits nothing.
 * Pure: the cursor given is not changed.
 */
export function advance<T extends EndedRow>(
	cursor: EndedCursor,
	rows: T[],
	zoomNowMs: number,
	baseline = false,
	lookbackMs = LOOKBACK_MS,
): { fresh: T[]; cursor: EndedCursor } {
	const from = readFrom(cursor);
	const seen: Record<string, number> = { ...cursor.seen };
	const fresh: T[] = [];
	for (const row of rows) {
		// Already emitted, older than what the cursor still tracks, or a repeat on a page boundary.
		if (row.endMs < from || row.key in seen) continue;
		seen[row.key] = row.endMs;
		if (!baseline) fresh.push(row);
	}
	fresh.sort((a, b) => a.endMs - b.endMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const horizon = Math.max(cursor.horizon, zoomNowMs - lookbackMs);
	for (const [key, endMs] of Object.entries(seen)) if (endMs < horizon) delete seen[key];
	return { fresh, cursor: { version: 1, floor: cursor.floor, horizon, seen } };
}

/** Whether `previous` (the cursor of an earlier activation) already handled this row. */
export function handledBy(previous: EndedCursor, row: EndedRow): boolean {
	return row.key in previous.seen || (row.endMs >= previous.floor && row.endMs < readFrom(previous));
}

/**
 * A new activation with Start From: its first cursor, plus what the previous activation's cursor
 * handled (everything from its floor to where it read from, and what it saw), so the backfill
 * from Start From emits nothing that activation emitted. Pure.
 */
export function carryHandled<T extends EndedRow>(cursor: EndedCursor, previous: EndedCursor, rows: T[]): EndedCursor {
	const seen: Record<string, number> = { ...previous.seen, ...cursor.seen };
	for (const row of rows) if (handledBy(previous, row)) seen[row.key] = row.endMs;
	return { ...cursor, seen };
}

/**
 * Where a new activation with Start From reads from, when an earlier activation left a cursor:
 * what that cursor handled needs no reading again, unless Start From goes further back than it.
 */
export function backfillFrom(previous: EndedCursor, startFromMs: number): number {
	return startFromMs >= previous.floor ? Math.max(startFromMs, readFrom(previous)) : startFromMs;
}
