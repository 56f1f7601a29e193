/** Error advice matches words, not parts of words (pure). */
import { adviseOnBrevoError } from '../../nodes/shared/brevo/errors';

const advise = (status: number, message: string) => adviseOnBrevoError({ status, body: { code: 'invalid_parameter', message } }, 'create contact a@x.io');

describe('Brevo error advice', () => {
	it('"update" is not a date, "blocklisted" is not a list', () => {
		expect(advise(400, 'update failed for this contact').message).not.toMatch(/date/);
		expect(advise(400, 'Contact is blocklisted').message).not.toMatch(/list/);
		expect(advise(400, 'Invalid date format').message).toBe('Brevo refused a date while trying to create contact a@x.io');
		expect(advise(400, 'listIds should be an array').message).toBe('Brevo refused a list while trying to create contact a@x.io');
	});

	it('"recipient" does not mention an IP address', () => {
		expect(advise(401, 'recipient key not found').description).not.toMatch(/Authorised IPs/);
		expect(advise(401, 'Unrecognised IP address 1.2.3.4').description).toMatch(/Authorised IPs/);
	});
});
