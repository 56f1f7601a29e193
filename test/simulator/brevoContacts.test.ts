import { makeFixture, startSimulator, type Simulator } from './index';
import { brevo, call } from './testClient';

describe('Brevo contacts', () => {
	let sim: Simulator;
	const fixture = makeFixture();
	const existing = fixture.ids.brevoExistingContactEmail;
	beforeAll(async () => {
		// Generous limit: these tests are about behaviour, not pacing.
		sim = await startSimulator({ fixture, brevo: { contactsPerSecond: 1000 } });
	});
	afterAll(() => sim.close());

	it('refuses a wrong or missing api-key with 401 Key not found', async () => {
		for (const headers of [{ 'api-key': 'xkeysib-wrong' }, {}]) {
			const reply = await call(`${sim.brevoApiBaseUrl}/account`, { headers });
			expect(reply.status).toBe(401);
			expect(reply.text).toBe('{"code":"unauthorized","message":"Key not found"}');
		}
	});

	it('GET /contacts with filter=equals(ATTRIBUTE,"value"): only the contacts whose attribute is that value, paged; a malformed filter is refused', async () => {
		await brevo(sim, 'POST', '/contacts/attributes/normal/ZOOM_STATUS_FOR', { type: 'text' });
		for (const [email, scope] of [['a@filter.example', 'webinar:1'], ['b@filter.example', 'webinar:1'], ['c@filter.example', 'meeting:x/y==']]) {
			expect((await brevo(sim, 'POST', '/contacts', { email, attributes: { ZOOM_STATUS_FOR: scope } })).status).toBe(201);
		}
		const query = (filter: string, extra = '') => brevo(sim, 'GET', `/contacts?filter=${encodeURIComponent(filter)}${extra}`);
		const webinar = await query('equals(ZOOM_STATUS_FOR,"webinar:1")');
		expect(webinar.status).toBe(200);
		expect(webinar.body.contacts.map((c: { email: string }) => c.email)).toEqual(['a@filter.example', 'b@filter.example']);
		expect(webinar.body.count).toBe(2);
		expect((await query('equals(ZOOM_STATUS_FOR,"webinar:1")', '&limit=1&offset=1')).body.contacts.map((c: { email: string }) => c.email)).toEqual(['b@filter.example']);
		expect((await query('equals(zoom_status_for, "meeting:x/y==")')).body.contacts.map((c: { email: string }) => c.email)).toEqual(['c@filter.example']);
		expect((await query('contains(ZOOM_STATUS_FOR,"webinar")')).status).toBe(400);
	});

	it('answers GET /account for a credential test', async () => {
		const reply = await brevo(sim, 'GET', '/account');
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ email: expect.any(String), companyName: 'SimCorp', plan: expect.any(Array) });
	});

	it('creates a contact (201 {id}) and refuses the same email without updateEnabled', async () => {
		const created = await brevo(sim, 'POST', '/contacts', { email: 'New.Person@Example.com', attributes: { FIRSTNAME: 'New' }, listIds: [15] });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.any(Number) });
		expect(sim.brevo.contacts.get('new.person@example.com')).toMatchObject({ id: created.body.id, email: 'new.person@example.com', listIds: [15], attributes: { FIRSTNAME: 'New' } });
		const again = await brevo(sim, 'POST', '/contacts', { email: 'new.person@example.com' });
		expect(again.status).toBe(400);
		expect(again.text).toBe('{"code":"duplicate_parameter","message":"Contact already exist"}');
	});

	it('upserts with updateEnabled (204): lists are added, never replaced', async () => {
		expect(sim.brevo.contacts.get(existing)?.listIds).toEqual([17]);
		const reply = await brevo(sim, 'POST', '/contacts', { email: existing.toUpperCase(), updateEnabled: true, attributes: { LASTNAME: 'Updated' }, listIds: [15, 16] });
		expect(reply.status).toBe(204);
		expect(reply.text).toBe('');
		const contact = sim.brevo.contacts.get(existing);
		expect(contact?.listIds).toEqual([17, 15, 16]);
		expect(contact?.attributes).toEqual({ FIRSTNAME: 'Existing', LASTNAME: 'Updated' });
	});

	it('refuses an attribute the account does not have, naming it', async () => {
		const reply = await brevo(sim, 'POST', '/contacts', { email: 'x1@example.com', attributes: { FIRSTNAME: 'X', ZOOM_MINUTES: 12 } });
		expect(reply.status).toBe(400);
		expect(reply.body.code).toBe('invalid_parameter');
		expect(reply.body.message).toContain('ZOOM_MINUTES');
		expect(sim.brevo.contacts.has('x1@example.com')).toBe(false);
	});

	it('accepts dates only as YYYY-MM-DD', async () => {
		expect((await brevo(sim, 'POST', '/contacts/attributes/normal/LAST_WEBINAR', { type: 'date' })).status).toBe(201);
		for (const bad of ['2026-03-02T15:00:00Z', '02/03/2026', '2026-02-30']) {
			const reply = await brevo(sim, 'POST', '/contacts', { email: 'dated@example.com', attributes: { LAST_WEBINAR: bad } });
			expect(reply.status).toBe(400);
			expect(reply.body).toEqual({ code: 'invalid_parameter', message: 'Invalid date format' });
		}
		expect((await brevo(sim, 'POST', '/contacts', { email: 'dated@example.com', attributes: { LAST_WEBINAR: '2026-03-02' } })).status).toBe(201);
		expect(sim.brevo.contacts.get('dated@example.com')?.attributes.LAST_WEBINAR).toBe('2026-03-02');
	});

	it('checks float, boolean and email values', async () => {
		await brevo(sim, 'POST', '/contacts/attributes/normal/MINUTES', { type: 'float' });
		await brevo(sim, 'POST', '/contacts/attributes/normal/ATTENDED', { type: 'boolean' });
		expect((await brevo(sim, 'POST', '/contacts', { email: 't@example.com', attributes: { MINUTES: 'many' } })).status).toBe(400);
		expect((await brevo(sim, 'POST', '/contacts', { email: 't@example.com', attributes: { ATTENDED: 'yes' } })).status).toBe(400);
		expect((await brevo(sim, 'POST', '/contacts', { email: 'not-an-email' })).body.code).toBe('invalid_parameter');
		expect((await brevo(sim, 'POST', '/contacts', { attributes: {} })).body.code).toBe('missing_parameter');
		const ok = await brevo(sim, 'POST', '/contacts', { email: 't@example.com', attributes: { MINUTES: '42.5', ATTENDED: true } });
		expect(ok.status).toBe(201);
		expect(sim.brevo.contacts.get('t@example.com')?.attributes).toEqual({ MINUTES: 42.5, ATTENDED: true });
	});

	it('reads a contact by email (any case), by id, or with identifierType', async () => {
		const byEmail = await brevo(sim, 'GET', `/contacts/${encodeURIComponent(existing.toUpperCase())}`);
		expect(byEmail.status).toBe(200);
		expect(byEmail.body).toMatchObject({ email: existing, id: 1, listIds: expect.any(Array), attributes: expect.any(Object) });
		expect((await brevo(sim, 'GET', '/contacts/1')).body.email).toBe(existing);
		expect((await brevo(sim, 'GET', `/contacts/${encodeURIComponent(existing)}?identifierType=email_id`)).status).toBe(200);
		const missing = await brevo(sim, 'GET', '/contacts/nobody%40example.com');
		expect(missing.status).toBe(404);
		expect(missing.body.code).toBe('document_not_found');
	});

	it('PUT updates attributes, adds listIds and removes unlinkListIds', async () => {
		await brevo(sim, 'POST', '/contacts', { email: 'put@example.com', listIds: [15, 17] });
		const reply = await brevo(sim, 'PUT', '/contacts/put%40example.com', { attributes: { FIRSTNAME: 'Put' }, listIds: [16], unlinkListIds: [17] });
		expect(reply.status).toBe(204);
		expect(sim.brevo.contacts.get('put@example.com')).toMatchObject({ listIds: [15, 16], attributes: { FIRSTNAME: 'Put' } });
		expect((await brevo(sim, 'PUT', '/contacts/ghost%40example.com', { attributes: {} })).status).toBe(404);
		expect((await brevo(sim, 'PUT', '/contacts/put%40example.com', { listIds: [999] })).status).toBe(404);
	});

	it('EMAIL inside attributes that belongs to someone else is a duplicate', async () => {
		const reply = await brevo(sim, 'PUT', '/contacts/put%40example.com', { attributes: { EMAIL: existing } });
		expect(reply.status).toBe(400);
		expect(reply.body.code).toBe('duplicate_parameter');
	});

	it('answers malformed JSON with 400', async () => {
		const reply = await brevo(sim, 'POST', '/contacts', '{"email":');
		expect(reply.status).toBe(400);
	});
});
