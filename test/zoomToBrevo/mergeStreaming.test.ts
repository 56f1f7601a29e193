import { ParticipantMerger, mergeParticipants } from '../../nodes/ZoomToBrevo/contacts/mergeParticipants';
import type { ParticipantRow, ZoomSource } from '../../nodes/ZoomToBrevo/contacts/types';
import { mergeParticipants as mergeBefore } from './oracle/mergeParticipantsBefore';

/** A small deterministic generator (mulberry32): the same rows on every run. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const source: ZoomSource = { kind: 'meeting', id: '811', uuid: 'u==', topic: 'Kick-off', startTime: '2026-11-02T09:00:00Z', durationMinutes: 60 };

/** Rows as Zoom writes them, with the awkward ones mixed in: rejoins, overlapping devices, the
 *  waiting room, no leave time, no join time, zero-length rows, other offsets, bad emails, guests. */
function rows(seed: number, count: number): ParticipantRow[] {
	const next = random(seed);
	const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)];
	const base = Date.UTC(2026, 10, 2, 9, 0, 0);
	const out: ParticipantRow[] = [];
	for (let i = 0; i < count; i++) {
		const joinMs = base + Math.floor(next() * 70) * 60_000 + Math.floor(next() * 60) * 1000;
		const leaveMs = joinMs + Math.floor(next() * 40) * 60_000;
		const iso = (ms: number) => (next() < 0.2 ? new Date(ms).toISOString().replace('Z', '+00:00') : new Date(ms).toISOString().replace('.000', ''));
		const person = Math.floor(next() * (count / 3 + 1));
		const kind = next();
		out.push({
			user_email: kind < 0.1 ? '' : kind < 0.13 ? `not-an-email-${person}` : pick([`p${person}@example.com`, ` P${person}@Example.com `]),
			...(kind < 0.05 ? { email: `guest${person}@example.com` } : {}),
			name: pick([`Person ${person}`, 'iPhone', `Person ${person} Longname`, '', undefined]),
			registrant_id: pick(['', `r${person}`, undefined]),
			user_id: String(1000 + i),
			join_time: next() < 0.05 ? undefined : iso(joinMs),
			leave_time: next() < 0.1 ? undefined : next() < 0.05 ? iso(joinMs) : iso(leaveMs),
			duration: pick([Math.round((leaveMs - joinMs) / 1000), 0, undefined, 125]),
			status: next() < 0.15 ? 'in_waiting_room' : 'in_meeting',
		});
		// A second device joining in the same second, its times written with another offset.
		const last = out[out.length - 1];
		if (next() < 0.15 && last.join_time) {
			const other = (text?: string) => (text ? new Date(Date.parse(text)).toISOString().replace('Z', '+00:00') : text);
			out.push({ ...last, user_id: `${last.user_id}b`, name: pick([last.name, 'iPad']), join_time: other(last.join_time), leave_time: other(last.leave_time) });
		}
	}
	return out;
}

describe('participants folded page by page (issue #25: memory) give exactly what the whole-array merge gave', () => {
	it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: 600 rows, the same people, skipped people and engagement', (seed) => {
		const all = rows(seed, 600);
		expect(mergeParticipants(all, source)).toEqual(mergeBefore(all, source));
		expect(mergeParticipants(all, { ...source, durationMinutes: undefined })).toEqual(mergeBefore(all, { ...source, durationMinutes: undefined }));
	});

	it('pages of 300 fed one by one equal one array; a listing that starts over counts no row twice', () => {
		const all = rows(9, 900);
		const merger = new ParticipantMerger(source);
		merger.restart();
		merger.add(all.slice(0, 300));
		// Zoom's page token expired: the listing starts over from the first page.
		merger.restart();
		for (let start = 0; start < all.length; start += 300) merger.add(all.slice(start, start + 300));
		expect(merger.result()).toEqual(mergeBefore(all, source));
	});
});
