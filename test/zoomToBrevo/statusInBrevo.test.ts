/** The attendance-status order against what Brevo holds for the same instance (pure). */
import type { BrevoContact } from '../../nodes/ZoomToBrevo/contacts/mapToBrevo';
import { orderAgainstBrevo, STATUS_FOR_ATTRIBUTE } from '../../nodes/ZoomToBrevo/exactlyOnce/statusInBrevo';

const contact = (email: string, status: string, withStatus = true): BrevoContact => ({
	email,
	attributes: withStatus ? { ATTENDANCE_STATUS: status, FIRSTNAME: 'x' } : { FIRSTNAME: 'x' },
	listIds: [],
	engagement: { status },
	source: {},
});

it('keeps a later status Brevo has for this instance; writes an equal or earlier one, or one for a new person, with ZOOM_STATUS_FOR', () => {
	const inBrevo = new Map<string, unknown>([
		['ann@example.com', 'attended'],
		['ben@example.com', 'absent'],
		['cleo@example.com', 'registered'],
	]);
	const { contacts, heldBack } = orderAgainstBrevo(
		[contact('Ann@Example.com', 'registered'), contact('ben@example.com', 'absent'), contact('cleo@example.com', 'attended'), contact('dan@example.com', 'registered'), contact('eve@example.com', 'registered', false)],
		['ATTENDANCE_STATUS'],
		'webinar:1',
		inBrevo,
		'webinar',
	);
	expect(heldBack).toBe(1);
	expect(contacts[0].attributes).toEqual({ FIRSTNAME: 'x' });
	expect(contacts[0].statusKept).toMatch(/Brevo already has "attended" for this webinar .* later than "registered"/);
	for (const i of [1, 2, 3]) expect(contacts[i].attributes).toMatchObject({ ATTENDANCE_STATUS: contacts[i].engagement.status, [STATUS_FOR_ATTRIBUTE]: 'webinar:1' });
	// Its status was left out by the workflow's own record already: nothing to add.
	expect(contacts[4].attributes).toEqual({ FIRSTNAME: 'x' });
});
