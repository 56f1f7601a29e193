/** Dry runs plan everything and send nothing. */
import type { Simulator } from '../simulator';
import { contact, probe, startBrevo } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

describe('dry run', () => {
	it('import, upsert and events make no request at all', async () => {
		sim = await startBrevo();
		const contacts = [contact('a@example.com', { FIRSTNAME: 'A' }, [16]), contact('b@example.com', { FIRSTNAME: 'B' })];

		const imported = await probe(sim, 'import', { contacts, options: { listIds: [15], maxBytes: 250, waitForCompletion: true, dryRun: true } });
		expect(imported.error).toBeUndefined();
		expect(imported.result).toEqual([
			expect.objectContaining({ batch: 1, contacts: 1, status: 'dry-run', details: expect.objectContaining({ listIds: [15, 16], emails: ['a@example.com'] }) }),
			expect.objectContaining({ batch: 2, contacts: 1, status: 'dry-run', details: expect.objectContaining({ listIds: [15], emails: ['b@example.com'] }) }),
		]);
		expect(imported.result.every((r: any) => r.processId === undefined && r.bytes > 0)).toBe(true);

		const upserted = await probe(sim, 'upsert', { contacts, options: { dryRun: true } });
		expect(upserted.result).toEqual([
			{ email: 'a@example.com', status: 'dry-run' },
			{ email: 'b@example.com', status: 'dry-run' },
		]);

		const events = await probe(sim, 'events', {
			events: [{ event_name: 'zoom_attended', identifiers: { email_id: 'a@example.com' } }],
			options: { dryRun: true },
		});
		expect(events.result).toEqual({ perEvent: [{ status: 'not sent', reason: 'dry run' }], requests: 0 });

		expect(sim.requests).toEqual([]);
		expect(sim.brevo.contacts.has('a@example.com')).toBe(false);
	});
});
