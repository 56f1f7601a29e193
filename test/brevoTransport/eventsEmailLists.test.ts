/** Events, template email and the list loader, through the real engine against the simulator. */
import type { Simulator } from '../simulator';
import { brevoCalls, probe, startBrevo } from './support';

let sim: Simulator;
afterEach(async () => sim?.close());

const event = (email: string, extra: Record<string, unknown> = {}) => ({
	event_name: 'zoom_webinar_attended',
	identifiers: { email_id: email },
	event_properties: { topic: 'Kick-off', minutes: 42 },
	...extra,
});

describe('sendEvents', () => {
	it('maps a 207 partial success to per-email failures', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'events', {
			events: [event('a@example.com'), event('not-an-email'), event('b@example.com', { event_date: 'yesterday' })],
		});
		expect(run.error).toBeUndefined();
		expect(run.result).toEqual({
			perEvent: [
				{ status: 'accepted' },
				{ status: 'failed', error: 'Invalid email_id' },
				{ status: 'failed', error: 'Invalid event_date' },
			],
			requests: 1,
		});
		expect(sim.requests.find((r) => r.path.endsWith('/events/batch'))?.status).toBe(207);
		expect(sim.brevo.events.map((e) => e.identifiers.email_id)).toEqual(['a@example.com']);
	});

	it('refuses a bad event name up front, naming it and the rule', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'events', { events: [event('a@example.com', { event_name: 'webinar attended!' })] });
		expect(run.error?.message).toBe('Brevo would refuse the event name "webinar attended!"');
		expect(run.error?.description).toMatch(/letters, digits, "-" and "_" only/);
		expect(brevoCalls(sim)).toEqual([]);
	});

	it('sends at most 200 events per request; oversized properties are reported, not sent', async () => {
		sim = await startBrevo();
		const events = Array.from({ length: 450 }, (_, i) => event(`p${i}@example.com`));
		events.push(event('huge@example.com', { event_properties: { blob: 'x'.repeat(52_000) } }));
		const run = await probe(sim, 'events', { events });
		const statuses = run.result.perEvent.map((d: { status: string }) => d.status);
		expect(statuses.filter((s: string) => s === 'accepted')).toHaveLength(450);
		expect(run.result.requests).toBe(3);
		expect(run.result.perEvent[450]).toEqual({ status: 'not sent', reason: expect.stringMatching(/larger than Brevo's 50 KB limit/) });
		const sizes = sim.requests.filter((r) => r.path.endsWith('/events/batch')).map((r) => (r.body as any).events.length);
		expect(sizes).toEqual([200, 200, 50]);
		expect(sim.brevo.events).toHaveLength(450);
	});
});

describe('sendTemplateEmail', () => {
	it('sends a template with params and returns the message id', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'email', { to: { email: 'ada@example.com', name: 'Ada' }, templateId: 2, params: { TOPIC: 'Kick-off', RECORDING_URL: 'https://zoom.us/rec/1' } });
		expect(run.error).toBeUndefined();
		expect(run.result.messageId).toMatch(/^<\d+\.\w+@smtp-relay\.mailin\.fr>$/);
		expect(sim.brevo.emails).toEqual([
			expect.objectContaining({ messageId: run.result.messageId, to: [{ email: 'ada@example.com', name: 'Ada' }], templateId: 2, params: { TOPIC: 'Kick-off', RECORDING_URL: 'https://zoom.us/rec/1' } }),
		]);
	});

	it('says what to do about an inactive template', async () => {
		sim = await startBrevo();
		const run = await probe(sim, 'email', { to: { email: 'ada@example.com' }, templateId: 3, params: {} });
		expect(run.error?.message).toBe('Brevo refused the template while trying to send template 3 to ada@example.com');
	});
});

describe('listBrevoLists', () => {
	it('pages through more than 50 lists', async () => {
		sim = await startBrevo();
		for (let id = 100; id < 220; id++) sim.brevo.lists.set(id, { id, name: `Webinar ${id}`, folderId: 1, createdAt: '2026-01-01T00:00:00.000+00:00' });
		const run = await probe(sim, 'lists');
		// The fixture's own lists, and the 120 added.
		const total = sim.brevo.lists.size;
		expect(total).toBe(125);
		expect(run.result).toHaveLength(total);
		expect(run.result).toContainEqual({ id: 15, name: 'Zoom meeting participants' });
		expect(new Set(run.result.map((l: any) => l.id)).size).toBe(total);
		const pages = sim.requests.filter((r) => r.path.endsWith('/contacts/lists'));
		expect(pages.map((r) => r.query)).toEqual([
			{ limit: '50', offset: '0', sort: 'desc' },
			{ limit: '50', offset: '50', sort: 'desc' },
			{ limit: '50', offset: '100', sort: 'desc' },
		]);
	});
});
