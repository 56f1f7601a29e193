import { mergeParticipants } from '../../nodes/ZoomToBrevo/contacts/mergeParticipants';
import { fromRegistrants, withRegistrationDetails } from '../../nodes/ZoomToBrevo/contacts/fromRegistrants';
import { toBrevoContact } from '../../nodes/ZoomToBrevo/contacts/mapToBrevo';
import { DEFAULT_MAPPING, brevoDate } from '../../nodes/ZoomToBrevo/contacts/fields';
import type { ParticipantRow, ZoomSource } from '../../nodes/ZoomToBrevo/contacts/types';

const source: ZoomSource = { kind: 'meeting', id: '811', uuid: 'u==', topic: 'Kick-off', startTime: '2026-11-02T09:00:00Z', durationMinutes: 60 };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const row = (email: string, join: number, leave: number, extra: Partial<ParticipantRow> = {}): ParticipantRow => ({
	user_email: email,
	name: 'Ada Lovelace',
	join_time: at(join),
	leave_time: at(leave),
	duration: (leave - join) * 60,
	status: 'in_meeting',
	...extra,
});

describe('merging participant rows into people', () => {
	it('one person per lower-cased email; rejoins add up; parallel devices count once', () => {
		const { people, skipped } = mergeParticipants(
			[
				row('Ada@Example.com', 0, 10),
				row('ada@example.com ', 20, 30, { name: 'iPhone' }),
				row('ADA@example.com', 25, 40), // second device overlapping 25–30
			],
			source,
		);
		expect(skipped).toEqual([]);
		expect(people).toHaveLength(1);
		expect(people[0]).toMatchObject({
			email: 'ada@example.com',
			name: 'Ada Lovelace',
			firstName: 'Ada',
			lastName: 'Lovelace',
			rows: 3,
			engagement: {
				status: 'attended',
				attendedSeconds: (10 + 20) * 60,
				sessions: 3,
				firstJoin: at(0),
				lastLeave: at(40),
				attendancePercent: 50,
			},
		});
	});

	it('waiting-room rows are not attendance; someone only in the waiting room says so', () => {
		const { people } = mergeParticipants(
			[
				row('a@x.io', 0, 5, { status: 'in_waiting_room' }),
				row('a@x.io', 5, 35),
				row('w@x.io', 0, 15, { status: 'in_waiting_room' }),
			],
			source,
		);
		const a = people.find((p) => p.email === 'a@x.io');
		const w = people.find((p) => p.email === 'w@x.io');
		expect(a?.engagement).toMatchObject({ status: 'attended', attendedSeconds: 1800, sessions: 1, firstJoin: at(5) });
		expect(w?.engagement).toMatchObject({ status: 'waiting_room_only', attendedSeconds: 0, sessions: 0, firstJoin: at(0), lastLeave: at(15) });
	});

	it('rows without times fall back to their duration', () => {
		const { people } = mergeParticipants([{ user_email: 'd@x.io', duration: 125 }], source);
		expect(people[0].engagement.attendedSeconds).toBe(125);
	});

	it('attendance is capped at 100% and unknown without a meeting length', () => {
		expect(mergeParticipants([row('a@x.io', 0, 90)], source).people[0].engagement.attendancePercent).toBe(100);
		expect(mergeParticipants([row('a@x.io', 0, 90)], { ...source, durationMinutes: undefined }).people[0].engagement.attendancePercent).toBeUndefined();
	});

	it('guests without an email are skipped with a reason and a hint, counted once across rejoins', () => {
		const { people, skipped } = mergeParticipants(
			[
				row('', 0, 10, { name: 'Guest Phone' }),
				row('', 12, 20, { name: 'guest phone' }),
				{ name: 'Someone Else', join_time: at(1), leave_time: at(2) },
				row('not-an-email', 0, 10, { name: 'Broken' }),
			],
			source,
		);
		expect(people).toEqual([]);
		expect(skipped).toEqual([
			{ reason: 'invalid_email', name: 'Broken', email: 'not-an-email', rows: 1, hint: expect.stringContaining('not a valid address') },
			{ reason: 'no_email', name: 'Guest Phone', email: undefined, rows: 2, hint: expect.stringContaining('registration') },
			{ reason: 'no_email', name: 'Someone Else', email: undefined, rows: 1, hint: expect.stringContaining('registration') },
		]);
	});
});

describe('registrants and absentees', () => {
	const registrants = [
		{ id: 'r1', email: 'Grace@Navy.mil', first_name: 'Grace', last_name: 'Hopper', tracking_source: { source_name: 'linkedin' }, create_time: '2026-10-01T08:00:00Z', org: 'Navy' },
		{ id: 'r2', email: 'grace@navy.mil', first_name: 'Grace', last_name: 'H.' },
		{ id: 'r3', email: '', first_name: 'No', last_name: 'Mail' },
	];

	it('one person per email, with UTM source and no attendance', () => {
		const { people, skipped } = fromRegistrants(registrants, 'registered');
		expect(people).toHaveLength(1);
		expect(people[0]).toMatchObject({ email: 'grace@navy.mil', firstName: 'Grace', lastName: 'Hopper', utmSource: 'linkedin', registrantId: 'r1', org: 'Navy', rows: 2, engagement: { status: 'registered' } });
		// No attendance figures at all, not zeros: a registrant sync must not overwrite an attendee's.
		expect(people[0].engagement).toEqual({ status: 'registered' });
		expect(skipped).toEqual([expect.objectContaining({ reason: 'no_email', name: 'No Mail', rows: 1 })]);
	});

	it('absentees are marked absent', () => {
		expect(fromRegistrants(registrants, 'absent').people[0].engagement.status).toBe('absent');
	});

	it('attendees keep their engagement and gain their registration details', () => {
		const attendees = mergeParticipants([row('grace@navy.mil', 0, 30, { name: 'gh' })], { ...source, kind: 'webinar' }).people;
		const [merged] = withRegistrationDetails(attendees, fromRegistrants(registrants, 'registered').people);
		expect(merged).toMatchObject({ email: 'grace@navy.mil', firstName: 'Grace', lastName: 'Hopper', utmSource: 'linkedin', registrantId: 'r1', engagement: { status: 'attended', attendedSeconds: 1800 }, rows: 1 });
	});
});

describe('mapping people to Brevo contacts', () => {
	it('follows the product page mapping and leaves out what Zoom did not give', () => {
		const [person] = mergeParticipants([row('a@x.io', 0, 45)], source).people;
		const contact = toBrevoContact(person, source, DEFAULT_MAPPING, [15, 15, 16]);
		expect(contact).toEqual({
			email: 'a@x.io',
			attributes: {
				FIRSTNAME: 'Ada',
				LASTNAME: 'Lovelace',
				MEETING_JOIN_DATE: '2026-11-02',
				MEETING_DURATION: 45,
				WEBINAR_NAME: 'Kick-off',
				ATTENDANCE_STATUS: 'attended',
				ZOOM_ATTENDANCE_PERCENT: 75,
				ZOOM_SESSIONS: 1,
			},
			listIds: [15, 16],
			engagement: { status: 'attended', attendedSeconds: 2700, attendedMinutes: 45, sessions: 1, firstJoin: at(0), lastLeave: at(45), attendancePercent: 75, zoomRows: 1 },
			source: { ...source },
		});
		expect(contact.attributes).not.toHaveProperty('UTM_SOURCE');
	});

	it('upper-cases custom attribute names', () => {
		const [person] = mergeParticipants([row('a@x.io', 0, 45)], source).people;
		expect(toBrevoContact(person, source, [{ attribute: ' zoom_topic ', field: 'topic' }], []).attributes).toEqual({ ZOOM_TOPIC: 'Kick-off' });
	});

	it('writes dates as Brevo wants them, as the day in the given time zone', () => {
		expect(brevoDate('2026-11-02T23:59:00-05:00', 'UTC')).toBe('2026-11-03');
		expect(brevoDate('2026-11-02T23:59:00-05:00', 'America/New_York')).toBe('2026-11-02');
		expect(brevoDate('2026-11-02T23:30:00Z', 'Europe/Rome')).toBe('2026-11-03');
		expect(brevoDate('garbage', 'UTC')).toBeUndefined();
		expect(brevoDate(undefined, 'UTC')).toBeUndefined();
	});

	it('a 21:30 New York meeting is dated that day in a New York workflow (not the next UTC day)', () => {
		const evening: ZoomSource = { ...source, startTime: '2026-11-03T02:30:00Z' };
		const [person] = mergeParticipants([{ user_email: 'ny@x.io', name: 'N Y', join_time: '2026-11-03T02:31:00Z', leave_time: '2026-11-03T03:30:00Z', duration: 3540, status: 'in_meeting' }], evening).people;
		const mapping = [
			{ attribute: 'MEETING_JOIN_DATE', field: 'firstJoinDate' as const },
			{ attribute: 'MEETING_DATE', field: 'sourceDate' as const },
		];
		expect(toBrevoContact(person, evening, mapping, [], 'America/New_York').attributes).toEqual({ MEETING_JOIN_DATE: '2026-11-02', MEETING_DATE: '2026-11-02' });
		expect(toBrevoContact(person, evening, mapping, [], 'UTC').attributes).toEqual({ MEETING_JOIN_DATE: '2026-11-03', MEETING_DATE: '2026-11-03' });
	});
});

describe('true figures from odd rows', () => {
	it('a row without leave_time is an interval (join + duration), not extra time on top of the union', () => {
		const timed = row('a@x.io', 0, 30);
		const untimed: ParticipantRow = { user_email: 'a@x.io', name: 'A', join_time: at(10), duration: 20 * 60, status: 'in_meeting' };
		const [person] = mergeParticipants([timed, untimed], source).people;
		// 0–30 and 10–30 overlap: 30 minutes, not 50.
		expect(person.engagement.attendedSeconds).toBe(30 * 60);
		expect(person.engagement.lastLeave).toBe(at(30));
	});

	it('an untimed row that runs past the others extends the last leave', () => {
		const [person] = mergeParticipants([row('a@x.io', 0, 10), { user_email: 'a@x.io', join_time: at(20), duration: 15 * 60, status: 'in_meeting' }], source).people;
		expect(person.engagement.attendedSeconds).toBe(25 * 60);
		expect(person.engagement.lastLeave).toBe(at(35));
		expect(person.engagement.sessions).toBe(2);
	});

	it('a zero-length row is not a session', () => {
		const [person] = mergeParticipants([row('a@x.io', 0, 30), row('a@x.io', 31, 31)], source).people;
		expect(person.engagement.sessions).toBe(1);
	});

	it('the first join is the earliest instant, whatever offsets Zoom wrote', () => {
		// 09:30+02:00 is 07:30Z: earlier than 08:00Z, though it sorts later as a string.
		const rows: ParticipantRow[] = [
			{ user_email: 'a@x.io', join_time: '2026-11-02T08:00:00Z', leave_time: '2026-11-02T08:10:00Z', status: 'in_meeting' },
			{ user_email: 'a@x.io', join_time: '2026-11-02T09:30:00+02:00', leave_time: '2026-11-02T09:40:00+02:00', status: 'in_meeting' },
		];
		const [person] = mergeParticipants(rows, source).people;
		expect(person.engagement.firstJoin).toBe('2026-11-02T09:30:00+02:00');
		expect(person.engagement.lastLeave).toBe('2026-11-02T08:10:00Z');
	});

	it('an empty user_email falls back to the row\'s email', () => {
		const { people, skipped } = mergeParticipants([{ user_email: '', email: 'Guest@X.io', join_time: at(0), leave_time: at(5), status: 'in_meeting' }], source);
		expect(skipped).toEqual([]);
		expect(people.map((p) => p.email)).toEqual(['guest@x.io']);
	});
});
