import { seenBefore, type DeliveryRecord } from '../../nodes/ZoomTrigger/deliveryRecord';

const limits = { maxEntries: 3, retentionMs: 60_000 };

describe('delivery record (re-sent deliveries)', () => {
	it('sees a tracking ID again within the retention window', () => {
		const record: DeliveryRecord = {};
		expect(seenBefore(record, 'a', 1_000, limits)).toBe(false);
		expect(seenBefore(record, 'a', 50_000, limits)).toBe(true);
		expect(seenBefore(record, 'b', 50_000, limits)).toBe(false);
	});

	it('forgets IDs older than the retention window', () => {
		const record: DeliveryRecord = {};
		seenBefore(record, 'a', 0, limits);
		expect(seenBefore(record, 'a', 61_000, limits)).toBe(false);
		expect(Object.keys(record.seen ?? {})).toEqual(['a']);
	});

	it('keeps at most maxEntries, dropping the oldest first', () => {
		const record: DeliveryRecord = {};
		for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) seenBefore(record, id, i, limits);
		expect(Object.keys(record.seen ?? {})).toEqual(['b', 'c', 'd']);
		expect(seenBefore(record, 'a', 10, limits)).toBe(false);
		expect(seenBefore(record, 'd', 10, limits)).toBe(true);
	});

	it('survives a JSON round trip, as static data does', () => {
		const record: DeliveryRecord = {};
		seenBefore(record, 'x', 5, limits);
		const restored = JSON.parse(JSON.stringify(record)) as DeliveryRecord;
		expect(seenBefore(restored, 'x', 6, limits)).toBe(true);
	});
});
