/**
 * A registration as the Brevo contact and event that carry the person's join link, and the input
 * read from an item (registration/registeredContact.ts, registration/registrant.ts), pure.
 */
import { localStart, registeredContact, registeredEvent, type RegisteredFor, type Registration } from '../../nodes/ZoomToBrevo/registration/registeredContact';
import { registrantInput, zoomRegistrantBody } from '../../nodes/ZoomToBrevo/registration/registrant';

const webinar: RegisteredFor = { kind: 'webinar', id: '91122233344', topic: 'Spring Launch', startTime: '2026-12-03T20:30:00Z', timezone: 'America/New_York' };
const person = { email: 'ann@example.com', firstName: 'Ann', customQuestions: [] };
const approved: Registration = { person, registrantId: 'r1', joinUrl: 'https://zoom.us/w/1?tk=abc', status: 'approved', how: 'registered' };

describe('registeredContact', () => {
	it("writes the link, the name and the start, dated in the webinar's own time zone (a 15:30 New York start is Dec 3 there)", () => {
		expect(registeredContact(approved, webinar, [17, 17], 'UTC')).toMatchObject({
			email: 'ann@example.com',
			listIds: [17],
			attributes: {
				FIRSTNAME: 'Ann',
				ZOOM_JOIN_URL: 'https://zoom.us/w/1?tk=abc',
				ZOOM_REGISTRANT_ID: 'r1',
				ZOOM_REGISTRATION_STATUS: 'approved',
				WEBINAR_NAME: 'Spring Launch',
				WEBINAR_START: '2026-12-03',
				WEBINAR_START_TIME: '2026-12-03 15:30 (America/New_York)',
			},
		});
	});

	it('never blanks a name Brevo has, and writes no link while the host has not approved', () => {
		const pending = registeredContact({ ...approved, person: { email: 'bo@example.com', customQuestions: [] }, status: 'pending' }, webinar, [], 'UTC');
		expect(pending.attributes).not.toHaveProperty('FIRSTNAME');
		expect(pending.attributes).not.toHaveProperty('LASTNAME');
		expect(pending.attributes).not.toHaveProperty('ZOOM_JOIN_URL');
		expect(pending.attributes.ZOOM_REGISTRATION_STATUS).toBe('pending');
		expect(registeredEvent(pending, { ...approved, status: 'pending' }, webinar, 'zoom_webinar_registered').event_properties).not.toHaveProperty('join_url');
	});

	it("meetings write MEETING_* names; without Zoom's time zone the workflow's is used", () => {
		const contact = registeredContact(approved, { ...webinar, kind: 'meeting', timezone: undefined }, [], 'Europe/Berlin');
		expect(contact.attributes).toMatchObject({ MEETING_NAME: 'Spring Launch', MEETING_START: '2026-12-03', MEETING_START_TIME: '2026-12-03 21:30 (Europe/Berlin)' });
		expect(localStart('not a date', 'UTC')).toBeUndefined();
	});
});

describe('registrantInput', () => {
	it('lower-cases and trims the email, drops empty fields and unanswered questions', () => {
		const input = registrantInput({ email: '  Ann@Example.COM ', firstName: ' Ann ', lastName: '', customQuestions: [{ title: 'Role', value: 'CMO' }, { title: 'Size', value: '' }], org: 'Acme' });
		expect(input).toEqual({ email: 'ann@example.com', firstName: 'Ann', lastName: undefined, customQuestions: [{ title: 'Role', value: 'CMO' }], sourceId: undefined, org: 'Acme', jobTitle: undefined, phone: undefined, country: undefined, city: undefined });
		expect(zoomRegistrantBody(input as never)).toEqual({ email: 'ann@example.com', first_name: 'Ann', org: 'Acme', custom_questions: [{ title: 'Role', value: 'CMO' }] });
	});

	it('names a missing or malformed email', () => {
		expect(registrantInput({ email: undefined })).toEqual({ field: 'email', reason: 'missing' });
		expect(registrantInput({ email: 'not-an-email' })).toEqual({ field: 'email', reason: 'invalid', value: 'not-an-email' });
	});
});
