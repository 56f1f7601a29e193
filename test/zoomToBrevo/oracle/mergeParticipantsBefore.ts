/**
 * The merge as it was before rows were folded page by page (issue #25), kept as the oracle for
 * test/zoomToBrevo/mergeStreaming.test.ts: the streaming merge must give exactly what this gave.
 * Do not change it to make that test pass.
 */
import type { Engagement, ParticipantRow, PeopleResult, Person, ZoomSource } from '../../../nodes/ZoomToBrevo/contacts/types';
import { isValidEmail, normalizeEmail, skipped, splitName } from '../../../nodes/ZoomToBrevo/contacts/people';

/**
 * All rows of one person become one person with engagement figures. Zoom writes a row per join
 * (rejoins, a second device, the waiting room), so time is the union of the rows' intervals:
 * two devices in parallel do not count twice.
 */

type Interval = [number, number];

const time = (iso: string | undefined): number | undefined => {
	if (!iso) return undefined;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? undefined : ms;
};

function unionSeconds(intervals: Interval[]): number {
	const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
	let total = 0;
	let current: Interval | undefined;
	for (const interval of sorted) {
		if (current && interval[0] <= current[1]) {
			current[1] = Math.max(current[1], interval[1]);
		} else {
			if (current) total += current[1] - current[0];
			current = [interval[0], interval[1]];
		}
	}
	if (current) total += current[1] - current[0];
	return Math.round(total / 1000);
}

const inWaitingRoom = (row: ParticipantRow) => row.status === 'in_waiting_room';

/**
 * A row's time in the meeting as an interval: join to leave, or join plus its duration when Zoom
 * gave no leave time (a row still open, or a report row). A row with neither is not counted.
 */
function intervalOf(row: ParticipantRow): Interval | undefined {
	const join = time(row.join_time);
	if (join === undefined) return undefined;
	const leave = time(row.leave_time);
	if (leave !== undefined) return [join, leave];
	const seconds = Number(row.duration);
	return Number.isFinite(seconds) && seconds > 0 ? [join, join + seconds * 1000] : undefined;
}

export function engagementOf(rows: ParticipantRow[], source: Pick<ZoomSource, 'durationMinutes'>): Engagement {
	const inMeeting = rows.filter((row) => !inWaitingRoom(row));
	const intervals = inMeeting.map(intervalOf).filter((interval): interval is Interval => interval !== undefined);
	// Rows without a join time are rare (old reports): their duration is all Zoom says.
	const untimedSeconds = inMeeting
		.filter((row) => time(row.join_time) === undefined)
		.reduce((sum, row) => sum + Math.max(0, Number(row.duration) || 0), 0);
	const attendedSeconds = unionSeconds(intervals) + untimedSeconds;
	// A session is a row with time in the meeting: a zero-length row (a dropped reconnect) is not.
	const sessions = intervals.filter(([a, b]) => b > a).length + inMeeting.filter((row) => time(row.join_time) === undefined && Number(row.duration) > 0).length;

	const pool = inMeeting.length > 0 ? inMeeting : rows;
	// By time, not by string: Zoom's timestamps may carry different offsets.
	const joins = pool.map((r) => time(r.join_time)).filter((t): t is number => t !== undefined);
	const leaves = pool
		.map((r) => intervalOf(r)?.[1] ?? time(r.leave_time))
		.filter((t): t is number => t !== undefined);
	const isoOf = (ms: number, from: 'join_time' | 'leave_time') =>
		pool.find((r) => time(r[from]) === ms)?.[from] ?? new Date(ms).toISOString();

	const lengthSeconds = (source.durationMinutes ?? 0) * 60;
	return {
		status: inMeeting.length > 0 ? 'attended' : 'waiting_room_only',
		attendedSeconds,
		sessions,
		firstJoin: joins.length ? isoOf(Math.min(...joins), 'join_time') : undefined,
		lastLeave: leaves.length ? isoOf(Math.max(...leaves), 'leave_time') : undefined,
		attendancePercent:
			lengthSeconds > 0 ? Math.min(100, Math.round((attendedSeconds / lengthSeconds) * 1000) / 10) : undefined,
	};
}

/** The fullest display name among a person's rows (a rejoin from the phone may say "iPhone"). */
function bestName(rows: ParticipantRow[]): string | undefined {
	return rows
		.map((row) => row.name?.trim())
		.filter((name): name is string => !!name)
		.sort((a, b) => b.length - a.length)[0];
}

export function mergeParticipants(rows: ParticipantRow[], source: ZoomSource): PeopleResult {
	const byEmail = new Map<string, ParticipantRow[]>();
	const withoutEmail = new Map<string, ParticipantRow[]>();

	for (const row of rows) {
		// Zoom sends user_email as "" for people outside the account: then the row's email, if any.
		const email = normalizeEmail(row.user_email || row.email);
		if (email) {
			const list = byEmail.get(email);
			if (list) list.push(row);
			else byEmail.set(email, [row]);
		} else {
			// Guests have no stable ID across rejoins; their registrant ID or name is the best key.
			const key = row.registrant_id || (row.name ?? '').trim().toLowerCase() || row.user_id || row.id || '?';
			const list = withoutEmail.get(key);
			if (list) list.push(row);
			else withoutEmail.set(key, [row]);
		}
	}

	const result: PeopleResult = { people: [], skipped: [] };
	for (const [email, personRows] of byEmail) {
		if (!isValidEmail(email)) {
			result.skipped.push(skipped('invalid_email', bestName(personRows), personRows.length, email));
			continue;
		}
		const name = bestName(personRows);
		const person: Person = {
			email,
			name,
			...splitName(name),
			registrantId: personRows.find((r) => r.registrant_id)?.registrant_id,
			engagement: engagementOf(personRows, source),
			rows: personRows.length,
		};
		result.people.push(person);
	}
	for (const personRows of withoutEmail.values()) {
		result.skipped.push(skipped('no_email', bestName(personRows), personRows.length));
	}
	return result;
}
