import { startSimulator, type Simulator } from './index';
import { brevo } from './testClient';

describe('Brevo attributes', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ brevo: { contactsPerSecond: 1000 } });
	});
	afterAll(() => sim.close());

	it('lists the standard attributes', async () => {
		const reply = await brevo(sim, 'GET', '/contacts/attributes');
		expect(reply.status).toBe(200);
		const names = reply.body.attributes.map((a: { name: string }) => a.name);
		expect(names).toEqual(expect.arrayContaining(['FIRSTNAME', 'LASTNAME', 'SMS']));
		expect(reply.body.attributes[0]).toEqual({ name: expect.any(String), category: 'normal', type: expect.any(String) });
	});

	it('creates a normal attribute of each type (201), once', async () => {
		for (const type of ['text', 'date', 'float', 'boolean', 'id']) {
			const reply = await brevo(sim, 'POST', `/contacts/attributes/normal/ZOOM_${type.toUpperCase()}`, { type });
			expect(reply.status).toBe(201);
			expect(reply.text).toBe('');
		}
		expect(sim.brevo.attributes.get('ZOOM_DATE')).toEqual({ name: 'ZOOM_DATE', category: 'normal', type: 'date' });
		const dup = await brevo(sim, 'POST', '/contacts/attributes/normal/zoom_date', { type: 'date' });
		expect(dup.status).toBe(400);
		expect(dup.body.code).toBe('duplicate_parameter');
	});

	it('needs an enumeration for a category attribute and refuses unknown types or names', async () => {
		expect((await brevo(sim, 'POST', '/contacts/attributes/normal/ROLE', { type: 'category' })).body.code).toBe('missing_parameter');
		expect((await brevo(sim, 'POST', '/contacts/attributes/category/ROLE', { type: 'category', enumeration: [{ value: 1, label: 'Attendee' }, { value: 2, label: 'No-show' }] })).status).toBe(201);
		expect((await brevo(sim, 'POST', '/contacts', { email: 'cat@example.com', attributes: { ROLE: 'No-show' } })).status).toBe(201);
		expect(sim.brevo.contacts.get('cat@example.com')?.attributes.ROLE).toBe(2);
		expect((await brevo(sim, 'POST', '/contacts/attributes/normal/WEIRD', { type: 'json' })).status).toBe(400);
		expect((await brevo(sim, 'POST', '/contacts/attributes/normal/BAD-NAME', { type: 'text' })).status).toBe(400);
	});
});

describe('Brevo lists', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ brevo: { contactsPerSecond: 1000 } });
	});
	afterAll(() => sim.close());

	it('has lists 15 to 18 and pages with limit ≤ 50 and offset', async () => {
		const reply = await brevo(sim, 'GET', '/contacts/lists?limit=50&offset=0&sort=asc');
		expect(reply.status).toBe(200);
		expect(reply.body.count).toBe(5);
		expect(reply.body.lists.map((l: { id: number }) => l.id)).toEqual([2, 15, 16, 17, 18]);
		const second = await brevo(sim, 'GET', '/contacts/lists?limit=2&offset=2&sort=asc');
		expect(second.body.lists.map((l: { id: number }) => l.id)).toEqual([16, 17]);
		const tooMany = await brevo(sim, 'GET', '/contacts/lists?limit=51');
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.code).toBe('out_of_range');
	});

	it('creates a list in a folder (201 {id})', async () => {
		const reply = await brevo(sim, 'POST', '/contacts/lists', { name: 'Webinar April', folderId: 1 });
		expect(reply.status).toBe(201);
		expect(sim.brevo.lists.get(reply.body.id)).toMatchObject({ name: 'Webinar April', folderId: 1 });
		expect((await brevo(sim, 'POST', '/contacts/lists', { name: 'No folder' })).body.code).toBe('missing_parameter');
		expect((await brevo(sim, 'POST', '/contacts/lists', { name: 'Bad folder', folderId: 99 })).status).toBe(404);
	});

	it('adds existing contacts by email, at most 150 per call', async () => {
		const email = [...sim.brevo.contacts.keys()][0];
		const reply = await brevo(sim, 'POST', '/contacts/lists/16/contacts/add', { emails: [email, 'ghost@example.com'] });
		expect(reply.status).toBe(201);
		expect(reply.body.contacts).toMatchObject({ success: [email], failure: ['ghost@example.com'] });
		expect(sim.brevo.contacts.get(email)?.listIds).toContain(16);
		const again = await brevo(sim, 'POST', '/contacts/lists/16/contacts/add', { emails: [email] });
		expect(again.status).toBe(400);
		const tooMany = await brevo(sim, 'POST', '/contacts/lists/16/contacts/add', { emails: Array.from({ length: 151 }, (_, i) => `p${i}@example.com`) });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.code).toBe('out_of_range');
		expect((await brevo(sim, 'POST', '/contacts/lists/999/contacts/add', { emails: [email] })).status).toBe(404);
		const details = await brevo(sim, 'GET', '/contacts/lists/16');
		expect(details.body.uniqueSubscribers).toBe(1);
	});
});
