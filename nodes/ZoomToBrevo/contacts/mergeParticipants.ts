import type { ZoomListSink } from '../../shared/zoomPaging';
import type { AttendanceStatus, ParticipantRow, PeopleResult, Person, ZoomSource } from './types';
import { isValidEmail, normalizeEmail, skipped as skippedPerson, splitName } from './people';

/**
 * All rows of one person become one person with engagement figures. Zoom writes a row per join
 * (rejoins, a second device, the waiting room), so time is the union of the rows' intervals:
 * two devices in parallel do not count twice.
 *
 * Rows are folded into each person as their page arrives and then dropped: a 150 000-row meeting
 * holds one small tally per person, not every row (issue #25: memory).
 */

const time = (iso: string | undefined): number | undefined => {
	if (!iso) return undefined;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? undefined : ms;
};

const inWaitingRoom = (row: ParticipantRow) => row.status === 'in_waiting_room';

/**
 * A row's time in the meeting as an interval: join to leave, or join plus its duration when Zoom
 * gave no leave time (a row still open, or a report row). A row with neither is not counted.
 */
function intervalOf(row: ParticipantRow): [number, number] | undefined {
	const join = time(row.join_time);
	if (join === undefined) return undefined;
	const leave = time(row.leave_time);
	if (leave !== undefined) return [join, leave];
	const seconds = Number(row.duration);
	return Number.isFinite(seconds) && seconds > 0 ? [join, join + seconds * 1000] : undefined;
}

/**
 * First join and last leave over some of a person's rows, with the text Zoom gave for them. Only
 * the texts and one time are kept (the other times are parsed again from the text when compared):
 * 100 000 people's tallies are held until the last page is in (issue #25: memory).
 */
class JoinLeave {
	private firstJoinText?: string;
	private lastLeaveMs?: number;
	/** The latest leave_time Zoom wrote (first row to have it): the last leave's own text when equal. */
	private leaveText?: string;

	add(row: ParticipantRow, interval: [number, number] | undefined): void {
		// By time, not by string: Zoom's timestamps may carry different offsets.
		const join = time(row.join_time);
		if (join !== undefined && (this.firstJoinText === undefined || join < time(this.firstJoinText)!)) this.firstJoinText = row.join_time;
		const leaveTime = time(row.leave_time);
		const leave = interval?.[1] ?? leaveTime;
		if (leave !== undefined && (this.lastLeaveMs === undefined || leave > this.lastLeaveMs)) this.lastLeaveMs = leave;
		if (leaveTime !== undefined && (this.leaveText === undefined || leaveTime > time(this.leaveText)!)) this.leaveText = row.leave_time;
	}

	get firstJoin(): string | undefined {
		return this.firstJoinText;
	}

	/** A last leave computed from a duration has no text of Zoom's: then it is written as ISO. */
	get lastLeave(): string | undefined {
		if (this.lastLeaveMs === undefined) return undefined;
		return this.leaveText !== undefined && time(this.leaveText) === this.lastLeaveMs ? this.leaveText : new Date(this.lastLeaveMs).toISOString();
	}
}

/** What one person's rows add up to, row by row. Parts most people do not need (a second
 *  interval, waiting-room times) are made when a row needs them: see JoinLeave on why. */
class PersonTally {
	rows = 0;
	/** The fullest display name among the rows (a rejoin from the phone may say "iPhone"). */
	name?: string;
	registrantId?: string;
	private inMeetingRows = 0;
	/** Intervals in the meeting with some length, flat: [start, end, start, end, ...]; made with
	 *  the first, at its size (an array grown from empty by push reserves room for 17 numbers). */
	private intervals?: number[];
	/** Rows without a join time are rare (old reports): their duration is all Zoom says. */
	private untimedSeconds = 0;
	private untimedSessions = 0;
	private inMeeting = new JoinLeave();
	/** Times over the waiting-room rows: the person's times when they never left the waiting room. */
	private waitingRoom?: JoinLeave;

	add(row: ParticipantRow): void {
		this.rows++;
		const name = row.name?.trim();
		if (name && (this.name === undefined || name.length > this.name.length)) this.name = name;
		if (!this.registrantId && row.registrant_id) this.registrantId = row.registrant_id;
		const interval = intervalOf(row);
		if (inWaitingRoom(row)) {
			(this.waitingRoom ??= new JoinLeave()).add(row, interval);
			return;
		}
		this.inMeetingRows++;
		this.inMeeting.add(row, interval);
		// A session is a row with time in the meeting: a zero-length row (a dropped reconnect) is not.
		if (interval && interval[1] > interval[0]) {
			// concat, not push: push grows an array by half plus 16 slots, 150 bytes for two more numbers.
			this.intervals = this.intervals ? this.intervals.concat(interval) : [interval[0], interval[1]];
		}
		if (time(row.join_time) === undefined) {
			this.untimedSeconds += Math.max(0, Number(row.duration) || 0);
			if (Number(row.duration) > 0) this.untimedSessions++;
		}
	}

	engagement(source: Pick<ZoomSource, 'durationMinutes'>) {
		const intervals = this.intervals ?? [];
		const attendedSeconds = unionSeconds(intervals) + this.untimedSeconds;
		// Waiting-room-only people: their times are those of the waiting room.
		const times = this.inMeetingRows > 0 ? this.inMeeting : (this.waitingRoom ?? this.inMeeting);
		const lengthSeconds = (source.durationMinutes ?? 0) * 60;
		return {
			status: (this.inMeetingRows > 0 ? 'attended' : 'waiting_room_only') as AttendanceStatus,
			attendedSeconds,
			sessions: intervals.length / 2 + this.untimedSessions,
			firstJoin: times.firstJoin,
			lastLeave: times.lastLeave,
			attendancePercent:
				lengthSeconds > 0 ? Math.min(100, Math.round((attendedSeconds / lengthSeconds) * 1000) / 10) : undefined,
		};
	}
}

/** Seconds covered by the flat [start, end, ...] intervals, overlaps counted once. */
function unionSeconds(flat: number[]): number {
	const intervals: Array<[number, number]> = [];
	for (let i = 0; i < flat.length; i += 2) intervals.push([flat[i], flat[i + 1]]);
	intervals.sort((x, y) => x[0] - y[0]);
	let total = 0;
	let current: [number, number] | undefined;
	for (const interval of intervals) {
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

/** Folds participant rows, page by page, into people: a sink for zoomListInto. */
export class ParticipantMerger implements ZoomListSink<ParticipantRow> {
	private byEmail = new Map<string, PersonTally>();
	private withoutEmail = new Map<string, PersonTally>();

	constructor(private readonly source: ZoomSource) {}

	restart(): void {
		this.byEmail.clear();
		this.withoutEmail.clear();
	}

	add(rows: ParticipantRow[]): void {
		for (const row of rows) {
			// Zoom sends user_email as "" for people outside the account: then the row's email, if any.
			const email = normalizeEmail(row.user_email || row.email);
			// Guests have no stable ID across rejoins; their registrant ID or name is the best key.
			const [people, key] = email
				? [this.byEmail, email]
				: [this.withoutEmail, row.registrant_id || (row.name ?? '').trim().toLowerCase() || row.user_id || row.id || '?'];
			let tally = people.get(key);
			if (!tally) people.set(key, (tally = new PersonTally()));
			tally.add(row);
		}
	}

	/** The people, once every page is in. Each tally is let go as its person is made, so the
	 *  tallies and the people are not both held whole (issue #25); the merger is empty after. */
	result(): PeopleResult {
		const { people, skipped } = this.drain();
		return { people: [...people], skipped };
	}

	/**
	 * The skipped people at once, the people one at a time as they are asked for: a sync that maps
	 * each person straight on (emit only) never holds the people, or their contacts, all at once
	 * (issue #25: three sets of 80 000 objects made back to back doubled the peak). The merger is
	 * empty once the people have all been taken.
	 */
	drain(): { people: Iterable<Person>; skipped: PeopleResult['skipped'] } {
		const skipped: PeopleResult['skipped'] = [];
		// Invalid addresses first, in the order read: the skipped list is the same either way.
		for (const [email, tally] of this.byEmail) {
			if (isValidEmail(email)) continue;
			this.byEmail.delete(email);
			skipped.push(skippedPerson('invalid_email', tally.name, tally.rows, email));
		}
		for (const tally of this.withoutEmail.values()) skipped.push(skippedPerson('no_email', tally.name, tally.rows));
		this.withoutEmail.clear();
		return { people: this.people(), skipped };
	}

	private *people(): Generator<Person> {
		for (const [email, tally] of this.byEmail) {
			this.byEmail.delete(email);
			yield {
				email,
				name: tally.name,
				...splitName(tally.name),
				registrantId: tally.registrantId,
				engagement: tally.engagement(this.source),
				rows: tally.rows,
			};
		}
	}
}

export function mergeParticipants(rows: ParticipantRow[], source: ZoomSource): PeopleResult {
	const merger = new ParticipantMerger(source);
	merger.add(rows);
	return merger.result();
}
