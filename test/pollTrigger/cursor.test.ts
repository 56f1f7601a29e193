/** The poll cursor alone (pure): repeats on a page boundary, the floor, the horizon. */
import { LOOKBACK_MS, advance, backfillFrom, carryHandled, firstCursor, readFrom } from '../../nodes/ZoomPollTrigger/cursor';

const T = Date.parse('2026-11-30T12:00:00Z');
const row = (key: string, endMs: number) => ({ key, endMs });

describe('poll cursor', () => {
	it('a row repeated on a page boundary is emitted once', () => {
		const { fresh } = advance(firstCursor(T), [row('a', T + 5), row('b', T + 9), row('b', T + 9)], T + 10);
		expect(fresh.map((r) => r.key)).toEqual(['a', 'b']);
	});

	it('never emits what ended before the floor; Start From moves the floor back', () => {
		expect(advance(firstCursor(T), [row('old', T - 1)], T + 10).fresh).toEqual([]);
		expect(advance(firstCursor(T, T - 5_000), [row('old', T - 1)], T + 10).fresh.map((r) => r.key)).toEqual(['old']);
	});

	it('forgets only what is older than the horizon, and reads no further back than it', () => {
		let { cursor } = advance(firstCursor(T), [row('a', T + 1)], T + 2);
		({ cursor } = advance(cursor, [row('a', T + 1)], T + LOOKBACK_MS + 10));
		expect(cursor.seen).toEqual({});
		expect(readFrom(cursor)).toBe(T + 10);
		expect(advance(cursor, [row('a', T + 1)], T + LOOKBACK_MS + 20).fresh).toEqual([]);
	});

	describe('a new activation with Start From, after an earlier one', () => {
		const DAY = 24 * 60 * 60 * 1000;
		// The earlier activation: Start From T − 2 days, polled until T + 3 days.
		let earlier = advance(firstCursor(T, T - 2 * DAY), [row('backfilled', T - DAY)], T).cursor;
		earlier = advance(earlier, [row('live', T + 2 * DAY)], T + 3 * DAY).cursor;

		it('emits what the earlier one did not handle, from Start From on', () => {
			const rows = [row('older', T - 4 * DAY), row('backfilled', T - DAY), row('live', T + 2 * DAY), row('paused', T + 4 * DAY)];
			const first = carryHandled(firstCursor(T + 5 * DAY, T - 5 * DAY), earlier, rows);
			expect(advance(first, rows, T + 5 * DAY).fresh.map((r) => r.key)).toEqual(['older', 'paused']);
		});

		it('reads from Start From only where it goes further back than the earlier floor', () => {
			expect(backfillFrom(earlier, T - 5 * DAY)).toBe(T - 5 * DAY);
			expect(backfillFrom(earlier, T - 2 * DAY)).toBe(readFrom(earlier));
			expect(backfillFrom(earlier, T + 4 * DAY)).toBe(T + 4 * DAY);
		});
	});
});
