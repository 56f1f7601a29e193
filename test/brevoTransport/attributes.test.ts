/** Attributes through the real engine against the simulator: created with the right types before an import. */
import type { Simulator } from '../simulator';
import { brevoCalls, contact, importsSettled, probe, startBrevo } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

const NEEDED = [
	{ name: 'FIRSTNAME', type: 'text' },
	{ name: 'MEETING_JOIN_DATE', type: 'date' },
	{ name: 'meeting_duration', type: 'float' },
	{ name: 'ZOOM_ATTENDED', type: 'boolean' },
	{ name: 'WEBINAR_NAME', type: 'text' },
];

describe('ensureAttributes', () => {
	it('creates the missing attributes (category normal, right types); an import then keeps every value', async () => {
		sim = await startBrevo();
		const ensured = await probe(sim, 'ensureAttributes', { needed: NEEDED, onMissing: 'create' });
		expect(ensured.error).toBeUndefined();
		expect(ensured.result).toEqual({ created: ['MEETING_JOIN_DATE', 'MEETING_DURATION', 'ZOOM_ATTENDED', 'WEBINAR_NAME'], existing: ['FIRSTNAME'] });
		for (const [name, type] of [
			['MEETING_JOIN_DATE', 'date'],
			['MEETING_DURATION', 'float'],
			['ZOOM_ATTENDED', 'boolean'],
			['WEBINAR_NAME', 'text'],
		]) {
			expect(sim.brevo.attributes.get(name)).toEqual({ name, category: 'normal', type });
		}
		// One listing, then one creation per missing attribute.
		expect(brevoCalls(sim)).toEqual([
			'GET /contacts/attributes',
			'POST /contacts/attributes/normal/MEETING_JOIN_DATE',
			'POST /contacts/attributes/normal/MEETING_DURATION',
			'POST /contacts/attributes/normal/ZOOM_ATTENDED',
			'POST /contacts/attributes/normal/WEBINAR_NAME',
		]);

		const attributes = { FIRSTNAME: 'Ada', MEETING_JOIN_DATE: '2026-11-02', MEETING_DURATION: 42.5, ZOOM_ATTENDED: true, WEBINAR_NAME: 'Kick-off' };
		const imported = await probe(sim, 'import', { contacts: [contact('ada@example.com', attributes)], options: { listIds: [15] } });
		expect(imported.error).toBeUndefined();
		await importsSettled(sim);
		const [process] = sim.brevo.processes.values();
		expect(process.result?.ignoredAttributes).toEqual([]);
		expect(sim.brevo.contacts.get('ada@example.com')?.attributes).toEqual(attributes);
	});

	it("onMissing 'fail' names every missing attribute with its type and how to create it, and creates nothing", async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'ensureAttributes', { needed: NEEDED, onMissing: 'fail' });
		expect(run.error?.message).toBe('Brevo has no contact attributes MEETING_JOIN_DATE, MEETING_DURATION, ZOOM_ATTENDED, WEBINAR_NAME');
		expect(run.error?.description).toMatch(/Contacts → Settings → Contact attributes, category Normal: MEETING_JOIN_DATE \(Date\), MEETING_DURATION \(Number\), ZOOM_ATTENDED \(Boolean\), WEBINAR_NAME \(Text\)/);
		expect(brevoCalls(sim)).toEqual(['GET /contacts/attributes']);
	});

	it('refuses an existing attribute whose type would make Brevo drop the values', async () => {
		sim = await startBrevo();
		sim.brevo.attributes.set('MEETING_DURATION', { name: 'MEETING_DURATION', category: 'normal', type: 'date' });
		const run = await probe(sim, 'ensureAttributes', { needed: [{ name: 'MEETING_DURATION', type: 'float' }], onMissing: 'create' });
		expect(run.error?.message).toBe('Brevo attribute does not fit the values mapped to it');
		expect(run.error?.description).toMatch(/MEETING_DURATION is a Date attribute, but the value mapped to it is Number/);
	});

	it('treats an attribute created meanwhile by someone else as existing', async () => {
		sim = await startBrevo();
		sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 'duplicate_parameter', message: 'Attribute name must be unique' },
			match: { method: 'POST', path: '/contacts/attributes/normal/' },
		});
		const run = await probe(sim, 'ensureAttributes', { needed: [{ name: 'ZOOM_A', type: 'text' }, { name: 'ZOOM_B', type: 'text' }], onMissing: 'create' });
		expect(run.result).toEqual({ created: ['ZOOM_B'], existing: ['ZOOM_A'] });
	});

	it('lists the attributes with name, type and category', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'listAttributes');
		expect(run.result).toContainEqual({ name: 'FIRSTNAME', type: 'text', category: 'normal' });
		expect(run.result).toContainEqual({ name: 'EXT_ID', type: 'id', category: 'normal' });
	});
});
