/** The poll cursor alone (pure): repeats on a page boundary, the floor, the horizon. */
import { LOOKBACK_MS, advance, firstCursor, readFrom } from '../../nodes/ZoomPollTrigger/cursor';

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
});
