/** The attendance-status order against what Brevo holds for the same instance (pure). */
import type { BrevoContact } from '../../nodes/ZoomToBrevo/contacts/mapToBrevo';
import { type HeldStatus, orderAgainstBrevo, STATUS_FOR_ATTRIBUTE, STATUS_SESSION_ATTRIBUTE } from '../../nodes/ZoomToBrevo/exactlyOnce/statusInBrevo';

const contact = (email: string, status: string, withStatus = true): BrevoContact => ({
	email,
	attributes: withStatus ? { ATTENDANCE_STATUS: status, FIRSTNAME: 'x' } : { FIRSTNAME: 'x' },
	listIds: [],
	engagement: { status },
	source: {},
});

it('keeps a later status Brevo has for this instance; writes an equal or earlier one, or one for a new person, with ZOOM_STATUS_FOR', () => {
	const inBrevo = new Map<string, HeldStatus>([
		['ann@example.com', { status: 'attended' }],
		['ben@example.com', { status: 'absent' }],
		['cleo@example.com', { status: 'registered' }],
	]);
	const { contacts, heldBack } = orderAgainstBrevo(
		[contact('Ann@Example.com', 'registered'), contact('ben@example.com', 'absent'), contact('cleo@example.com', 'attended'), contact('dan@example.com', 'registered'), contact('eve@example.com', 'registered', false)],
		['ATTENDANCE_STATUS'],
		{ kind: 'webinar', id: '1' },
		inBrevo,
	);
	expect(heldBack).toBe(1);
	expect(contacts[0].attributes).toEqual({ FIRSTNAME: 'x' });
	expect(contacts[0].statusKept).toMatch(/Brevo already has "attended" for this webinar .* later than "registered"/);
	for (const i of [1, 2, 3]) expect(contacts[i].attributes).toMatchObject({ ATTENDANCE_STATUS: contacts[i].engagement.status, [STATUS_FOR_ATTRIBUTE]: 'webinar:1' });
	// Its status was left out by the workflow's own record already: nothing to add.
	expect(contacts[4].attributes).toEqual({ FIRSTNAME: 'x' });
});

describe('a recurring webinar: statuses per session', () => {
	const series = { kind: 'webinar' as const, id: '9' };
	const session = (id: string, startTime: string) => ({ ...series, uuid: id, session: { id, startTime } });
	const first = session('s1==', '2026-11-01T10:00:00Z');
	const second = session('s2==', '2026-11-08T10:00:00Z');
	const value = (s: typeof first) => `webinar:9|${s.session.startTime}|${s.session.id}`;

	it('the later session wins whatever its status: attended session 1, then absent from session 2 → absent, stamped with session 2', () => {
		const inBrevo = new Map<string, HeldStatus>([['ann@example.com', { status: 'attended', session: value(first) }]]);
		const { contacts, heldBack } = orderAgainstBrevo([contact('ann@example.com', 'absent')], ['ATTENDANCE_STATUS'], second, inBrevo);
		expect(heldBack).toBe(0);
		expect(contacts[0].attributes).toMatchObject({ ATTENDANCE_STATUS: 'absent', [STATUS_FOR_ATTRIBUTE]: 'webinar:9', [STATUS_SESSION_ATTRIBUTE]: value(second) });
	});

	it("an earlier session's late sync never replaces a later session's status", () => {
		const inBrevo = new Map<string, HeldStatus>([['ann@example.com', { status: 'absent', session: value(second) }]]);
		const { contacts, heldBack } = orderAgainstBrevo([contact('ann@example.com', 'attended')], ['ATTENDANCE_STATUS'], first, inBrevo);
		expect(heldBack).toBe(1);
		expect(contacts[0].attributes).toEqual({ FIRSTNAME: 'x' });
		expect(contacts[0].statusKept).toMatch(/later session of this webinar \(2026-11-08T10:00:00Z\)/);
	});

	it('within one session the order holds; "registered" (no session) never replaces a session\'s status', () => {
		const inBrevo = new Map<string, HeldStatus>([
			['ann@example.com', { status: 'attended', session: value(first) }],
			['ben@example.com', { status: 'absent', session: value(first) }],
		]);
		const same = orderAgainstBrevo([contact('ann@example.com', 'absent')], ['ATTENDANCE_STATUS'], first, inBrevo);
		expect(same.heldBack).toBe(1);
		const registrants = orderAgainstBrevo([contact('ann@example.com', 'registered'), contact('ben@example.com', 'registered')], ['ATTENDANCE_STATUS'], series, inBrevo);
		expect(registrants.heldBack).toBe(2);
	});

	it('a session value left from another webinar is no session of this one: the plain order applies', () => {
		const inBrevo = new Map<string, HeldStatus>([['ann@example.com', { status: 'registered', session: 'webinar:8|2027-01-01T00:00:00Z|x' }]]);
		const { contacts, heldBack } = orderAgainstBrevo([contact('ann@example.com', 'absent')], ['ATTENDANCE_STATUS'], first, inBrevo);
		expect(heldBack).toBe(0);
		expect(contacts[0].attributes).toMatchObject({ ATTENDANCE_STATUS: 'absent', [STATUS_SESSION_ATTRIBUTE]: value(first) });
	});
});
