/** The pure parts: batch planning, pacing, error advice. */
import { jsonBytes, utf8Length } from '../../nodes/shared/brevo/bytes';
import { adviseOnBrevoError, fieldNamedIn } from '../../nodes/shared/brevo/errors';
import { deliveriesOf, failuresOf, planEvents } from '../../nodes/shared/brevo/eventBatches';
import { planImport } from '../../nodes/shared/brevo/importBatches';
import { bucketOf, RatePacer } from '../../nodes/shared/brevo/pacing';
import { reportStatusOf } from '../../nodes/shared/brevo/importPolling';
import { contact } from './support';

describe('bytes', () => {
	it('counts UTF-8 as Node does', () => {
		for (const text of ['plain', 'Zoë Ł', '会議', '🎥 rec', '"quoted" \\ \n']) {
			expect(utf8Length(text)).toBe(Buffer.byteLength(text));
			expect(jsonBytes({ text })).toBe(Buffer.byteLength(JSON.stringify({ text })));
		}
	});
});

describe('planImport', () => {
	it('computes each body size exactly and never goes over the limit', () => {
		const contacts = Array.from({ length: 200 }, (_, i) => contact(`p${i}@example.com`, { FIRSTNAME: 'Zoë'.repeat(i % 7), MINUTES: i }));
		const { batches, oversized } = planImport(contacts, [15], 2_000);
		expect(oversized).toEqual([]);
		expect(batches.length).toBeGreaterThan(5);
		for (const batch of batches) {
			expect(batch.bytes).toBe(Buffer.byteLength(JSON.stringify(batch.body)));
			expect(batch.bytes).toBeLessThanOrEqual(2_000);
		}
		expect(batches.flatMap((b) => b.rows.map((r) => r.email))).toEqual(contacts.map((c) => c.email));
	});

	it('groups by the set of target lists, in order of first appearance', () => {
		const { batches } = planImport([contact('a@x.io', {}, [16]), contact('b@x.io'), contact('c@x.io', {}, [16, 15])], [15], 1_000_000);
		expect(batches.map((b) => [b.listIds, b.rows.map((r) => r.email)])).toEqual([
			[[15, 16], ['a@x.io', 'c@x.io']],
			[[15], ['b@x.io']],
		]);
	});
});

describe('planEvents', () => {
	it('cuts on the byte limit as well as the count', () => {
		const events = Array.from({ length: 30 }, (_, i) => ({ event_name: 'e', identifiers: { email_id: `p${i}@x.io` }, event_properties: { blob: 'x'.repeat(40_000) } }));
		const { chunks } = planEvents(events);
		for (const chunk of chunks) expect(jsonBytes({ events: chunk.map((i) => events[i]) })).toBeLessThanOrEqual(480 * 1024);
		expect(chunks.flat().sort((a, b) => a - b)).toEqual(events.map((_e, i) => i));
	});

	it('reads single and listed indexes from a 207 breakdown', () => {
		expect(failuresOf({ errors: [{ eventIndex: [0, 2], message: 'bad' }, { index: 1, message: 'worse' }, { message: '?' }] }, 3)).toEqual({
			failed: new Map([
				[0, 'bad'],
				[2, 'bad'],
				[1, 'worse'],
			]),
			unmatched: ['?'],
		});
	});
});

describe('deliveriesOf: what each event of a request became, from what Brevo said', () => {
	it('a 2xx without a breakdown (202 "Batch accepted") is accepted, not unknown', () => {
		expect(deliveriesOf(202, { message: 'Batch accepted', count: 2 }, 2)).toEqual([{ status: 'accepted' }, { status: 'accepted' }]);
		expect(deliveriesOf(204, undefined, 1)).toEqual([{ status: 'accepted' }]);
	});

	it('a 207 whose count covers every event it did not list: those are accepted, the listed ones failed', () => {
		const body = { successful_events: 2, failed_events: 1, errors: [{ eventIndex: [1], message: 'Invalid email_id' }] };
		expect(deliveriesOf(207, body, 3)).toEqual([{ status: 'accepted' }, { status: 'failed', error: 'Invalid email_id' }, { status: 'accepted' }]);
	});

	it("an event Brevo did not list is not counted as sent when Brevo's own count says fewer were taken", () => {
		// 3 unlisted, but Brevo took only 1 of them: nobody can say which.
		const body = { successful_events: 1, failed_events: 3, errors: [{ eventIndex: [0], message: 'bad' }, { message: 'rate of events too high' }] };
		const deliveries = deliveriesOf(400, body, 4);
		expect(deliveries[0]).toEqual({ status: 'failed', error: 'bad' });
		for (const d of deliveries.slice(1)) expect(d).toMatchObject({ status: 'unconfirmed', note: expect.stringMatching(/took 1 of the 3 events/) });
	});

	it('a 400 breakdown with no successful events: the unlisted ones failed with what Brevo said', () => {
		const body = { successful_events: 0, failed_events: 2, errors: [{ eventIndex: [0], message: 'bad' }, { message: 'worse' }] };
		expect(deliveriesOf(400, body, 2)).toEqual([{ status: 'failed', error: 'bad' }, { status: 'failed', error: 'worse' }]);
	});

	it('a 207 without any breakdown leaves every event unconfirmed', () => {
		expect(deliveriesOf(207, { successful_events: 1 }, 2).map((d) => d.status)).toEqual(['unconfirmed', 'unconfirmed']);
	});
});

describe('RatePacer', () => {
	it('waits only when the budget is spent, until the announced reset', () => {
		let now = 1_000;
		const pacer = new RatePacer(() => now);
		pacer.record('contacts', { 'x-sib-ratelimit-limit': '10', 'x-sib-ratelimit-remaining': '1', 'x-sib-ratelimit-reset': '1' });
		expect(pacer.delayBefore('contacts')).toBe(0);
		pacer.record('contacts', { 'x-sib-ratelimit-limit': '10', 'x-sib-ratelimit-remaining': '0', 'x-sib-ratelimit-reset': '1' });
		now += 300;
		expect(pacer.delayBefore('contacts')).toBe(700);
		expect(pacer.delayBefore('events')).toBe(0);
	});

	it('knows Brevo\'s families of endpoints', () => {
		expect(['/contacts', '/contacts/import', '/events/batch', '/smtp/email', '/processes/1', '/account'].map(bucketOf)).toEqual([
			'contacts',
			'contacts',
			'events',
			'email',
			'other',
			'other',
		]);
	});
});

describe('error advice', () => {
	it('finds the field a 400 names', () => {
		expect(fieldNamedIn('Attribute not found: ZOOM_X')).toBe('ZOOM_X');
		expect(fieldNamedIn('Invalid value for attribute MINUTES: a number is expected')).toBe('MINUTES');
		expect(fieldNamedIn('email is missing')).toBe('email');
		expect(fieldNamedIn('listIds should be an array of integers')).toBe('listIds');
	});

	it('reads a dropped connection as a place to check', () => {
		const advice = adviseOnBrevoError({ networkCode: 'ECONNREFUSED', baseUrl: 'http://127.0.0.1:9' }, 'list contact lists');
		expect(advice.message).toBe('Could not reach Brevo to list contact lists');
		expect(advice.description).toMatch(/between n8n and Brevo \(http:\/\/127\.0\.0\.1:9\)/);
	});

	it('maps process statuses', () => {
		expect(['completed', 'queued', 'in_process', 'processing', 'failed', 'cancelled'].map(reportStatusOf)).toEqual([
			'completed',
			'queued',
			'processing',
			'processing',
			'failed',
			'failed',
		]);
	});
});
