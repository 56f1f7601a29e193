/**
 * Zoom's refusals of a registration in a marketer's words (registration/refusals.ts), pure: each
 * documented status and code to its reason, which ones hold for every person of the meeting or
 * webinar (so the others are not sent), and the one 429 that waiting does not cure.
 */
import { isRegistrantDailyLimit, refusalOf } from '../../nodes/ZoomToBrevo/registration/refusals';

describe('refusalOf', () => {
	it.each([
		[429, { code: 429, message: 'You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests for the registrant (a@b.example).' }, 'daily_limit', false],
		[400, { code: 3000, message: 'This webinar does not have registration as required: 123.' }, 'registration_off', true],
		[404, { code: 404, message: 'Registration has not been enabled for this meeting: 123.' }, 'registration_off', true],
		[400, { code: 3035, message: 'Webinar has reached maximum attendee capacity.' }, 'full', true],
		[400, { code: 3043, message: 'Meeting has reached maximum attendee capacity.' }, 'full', true],
		[400, { code: 3038, message: 'Webinar is over, you cannot register now.' }, 'closed', true],
		[400, { code: 3000, message: 'Invalid occurrence_id.' }, 'bad_occurrence', true],
		[400, { code: 300, message: 'Validation Failed.', errors: [{ field: 'email', message: 'Invalid field.' }] }, 'invalid', false],
		[400, { code: 3027, message: 'Host cannot register.' }, 'host', false],
		[404, { code: 3001, message: 'Webinar "123" not found or has expired.' }, 'not_found', true],
		[502, undefined, 'unconfirmed', false],
		[undefined, undefined, 'unconfirmed', false],
		[400, { code: 1234, message: 'Something new.' }, 'failed', false],
	])('HTTP %s %j → %s (whole meeting or webinar: %s)', (status, body, reason, wholeTarget) => {
		expect(refusalOf(status, body, 'webinar')).toMatchObject({ reason, wholeTarget });
	});

	it("says which fields Zoom refused, and passes Zoom's own words on", () => {
		expect(refusalOf(400, { code: 300, message: 'Validation Failed.', errors: [{ field: 'email' }, { field: 'first_name' }] }, 'meeting').message).toBe(
			"Zoom refused the registrant's details (email, first_name)",
		);
		expect(refusalOf(400, { code: 3035, message: 'Webinar has reached maximum attendee capacity.' }, 'webinar').hint).toContain('Zoom says: "Webinar has reached maximum attendee capacity."');
	});

	it('only the per-registrant 429 is final: the per-second one is worth waiting for', () => {
		expect(isRegistrantDailyLimit(429, { code: 429, message: 'You have exceeded the daily rate limit of (3) for Add a meeting registrant API requests for the registrant (x@y.example).' })).toBe(true);
		expect(isRegistrantDailyLimit(429, { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' })).toBe(false);
		expect(isRegistrantDailyLimit(400, { message: 'registrant' })).toBe(false);
	});
});
