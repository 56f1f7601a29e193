/** Per-person event status on the output items (pure helper). */
import { eventStatuses } from '../../nodes/ZoomToBrevo/actions/eventStatus';

const people = [
	{ email: 'a@example.com', eventName: 'zoom_webinar_attended' },
	{ email: 'b@example.com', eventName: 'zoom_webinar_no_show' },
];

describe('eventStatuses', () => {
	it('says sent, or failed with the reason Brevo gave for that email', () => {
		const outcome = { sent: 1, failed: [{ email: 'b@example.com', error: 'contact is blocklisted' }], requests: 1 };
		expect(eventStatuses(people, outcome, false)).toEqual([
			{ name: 'zoom_webinar_attended', status: 'sent' },
			{ name: 'zoom_webinar_no_show', status: 'failed', error: 'contact is blocklisted' },
		]);
	});

	it('never claims sent when Brevo refused events without saying whose', () => {
		const outcome = { sent: 1, failed: [{ email: '', error: 'Brevo accepted 1 of 2 events without saying which were refused' }], requests: 1 };
		const statuses = eventStatuses(people, outcome, false);
		for (const status of statuses) {
			expect(status.status).toBe('unknown');
			expect(status.note).toMatch(/^Brevo refused an event of this run without saying whose: check this contact's events in Brevo\. Brevo accepted 1 of 2/);
		}
	});

	it('says dry-run when nothing was sent on purpose', () => {
		expect(eventStatuses(people, { sent: 0, failed: [], requests: 0 }, true).map((s) => s.status)).toEqual(['dry-run', 'dry-run']);
	});
});
