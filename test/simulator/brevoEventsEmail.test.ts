import { makeFixture, startSimulator, type Simulator } from './index';
import { brevo } from './testClient';

describe('Brevo events', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ brevo: { eventsPerSecond: 1000, contactsPerSecond: 1000 } });
	});
	afterAll(() => sim.close());

	const event = {
		event_name: 'zoom_webinar_attended',
		identifiers: { email_id: 'Attendee@Example.com' },
		event_properties: { webinar: 'Spring Product Launch', minutes: 42 },
		contact_properties: { FIRSTNAME: 'Ann', UNKNOWN_ONE: 'x' },
		event_date: '2026-03-02T15:00:00Z',
	};

	it('records an event (204) and creates the contact it names', async () => {
		const reply = await brevo(sim, 'POST', '/events', event);
		expect(reply.status).toBe(204);
		const contact = sim.brevo.contacts.get('attendee@example.com');
		expect(contact?.attributes).toEqual({ FIRSTNAME: 'Ann' });
		expect(sim.brevo.events.at(-1)).toMatchObject({ event_name: 'zoom_webinar_attended', contactId: contact?.id, event_properties: event.event_properties, via: 'single' });
	});

	it('validates name, identifiers, properties size and date', async () => {
		const cases: [unknown, string][] = [
			[{ ...event, event_name: undefined }, 'missing_parameter'],
			[{ ...event, event_name: 'has spaces' }, 'invalid_parameter'],
			[{ ...event, event_name: 'x'.repeat(256) }, 'invalid_parameter'],
			[{ ...event, identifiers: {} }, 'missing_parameter'],
			[{ ...event, identifiers: { email_id: 'nope' } }, 'invalid_parameter'],
			[{ ...event, identifiers: { contact_id: 987654 } }, 'invalid_parameter'],
			[{ ...event, event_properties: { blob: 'x'.repeat(51 * 1024) } }, 'invalid_parameter'],
			[{ ...event, event_date: 'yesterday' }, 'invalid_parameter'],
		];
		for (const [body, code] of cases) {
			const reply = await brevo(sim, 'POST', '/events', body);
			expect(reply.status).toBe(400);
			expect(reply.body.code).toBe(code);
		}
		expect((await brevo(sim, 'POST', '/events', { ...event, event_name: 'a'.repeat(255) })).status).toBe(204);
	});

	it('batches: 202 when all are accepted, 207 with per-event errors, 400 when none are', async () => {
		const ok = await brevo(sim, 'POST', '/events/batch', { events: [event, { ...event, identifiers: { email_id: 'b@example.com' } }] });
		expect(ok.status).toBe(202);
		expect(ok.body).toEqual({ message: 'Batch accepted', count: 2 });

		const partial = await brevo(sim, 'POST', '/events/batch', { events: [event, { ...event, event_name: 'bad name' }, { ...event, event_name: 'also bad' }] });
		expect(partial.status).toBe(207);
		expect(partial.body).toMatchObject({ status: 'partial_success', total_events: 3, successful_events: 1, failed_events: 2 });
		expect(partial.body.errors).toEqual([{ eventIndex: [1, 2], message: expect.stringContaining('event_name') }]);

		const none = await brevo(sim, 'POST', '/events/batch', { events: [{ ...event, identifiers: {} }] });
		expect(none.status).toBe(400);
		expect(none.body.status).toBe('failed');

		const bare = await brevo(sim, 'POST', '/events/batch', [event]);
		expect(bare.status).toBe(400);
		expect(bare.body.message).toContain('"events" array');
		expect(sim.brevo.events.filter((e) => e.via === 'batch')).toHaveLength(3);
	});
});

describe('Brevo transactional email', () => {
	let sim: Simulator;
	const { brevoTemplateId, brevoInactiveTemplateId } = makeFixture().ids;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	it('sends a template email (201 messageId) and records it', async () => {
		const reply = await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'ann@example.com', name: 'Ann' }], templateId: brevoTemplateId, params: { TOPIC: 'Launch' } });
		expect(reply.status).toBe(201);
		expect(reply.body.messageId).toMatch(/^<.+@smtp-relay\.mailin\.fr>$/);
		expect(sim.brevo.emails).toEqual([expect.objectContaining({ messageId: reply.body.messageId, templateId: brevoTemplateId, params: { TOPIC: 'Launch' }, to: [{ email: 'ann@example.com', name: 'Ann' }] })]);
	});

	it('refuses unknown or inactive templates, bad recipients and incomplete plain emails', async () => {
		const unknown = await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'ann@example.com' }], templateId: 999 });
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual({ code: 'invalid_parameter', message: 'Invalid template id' });
		expect((await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'ann@example.com' }], templateId: brevoInactiveTemplateId })).status).toBe(400);
		expect((await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'nope' }], templateId: brevoTemplateId })).body).toEqual({ code: 'invalid_parameter', message: 'email is not valid in to' });
		expect((await brevo(sim, 'POST', '/smtp/email', { templateId: brevoTemplateId })).body.code).toBe('missing_parameter');
		expect((await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'ann@example.com' }], subject: 'Hi' })).body.code).toBe('missing_parameter');
		const plain = await brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'ann@example.com' }], sender: { email: 'me@example.com' }, subject: 'Hi', htmlContent: '<p>Hi</p>' });
		expect(plain.status).toBe(201);
	});
});

describe('Brevo email templates (GET /smtp/templates)', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	it('lists templates newest first with their count, filters by status and pages by limit and offset', async () => {
		const all = await brevo(sim, 'GET', '/smtp/templates');
		expect(all.status).toBe(200);
		expect(all.body).toMatchObject({ count: 3, templates: [{ id: 3 }, { id: 2 }, { id: 1 }] });
		const active = await brevo(sim, 'GET', '/smtp/templates?templateStatus=true');
		expect((active.body as { templates: Array<{ id: number; isActive: boolean }> }).templates.map((t) => [t.id, t.isActive])).toEqual([
			[2, true],
			[1, true],
		]);
		const page = await brevo(sim, 'GET', '/smtp/templates?limit=1&offset=1&sort=asc');
		expect(page.body).toMatchObject({ count: 3, templates: [{ id: 2, name: 'Sorry we missed you' }] });
		expect((await brevo(sim, 'GET', '/smtp/templates?limit=1001')).status).toBe(400);
	});
});
