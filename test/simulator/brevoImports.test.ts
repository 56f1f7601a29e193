import { startSimulator, type Simulator } from './index';
import { brevo, call } from './testClient';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Brevo contact import', () => {
	let sim: Simulator;
	beforeAll(async () => {
		// Long enough that the status read right after the POST still finds it queued on a busy machine.
		sim = await startSimulator({ brevo: { importProcessingMs: 400, otherPerHour: 1000, contactsPerSecond: 1000 } });
	});
	afterAll(() => sim.close());

	async function until(processId: number, status: string) {
		for (let i = 0; i < 300; i++) {
			const reply = await brevo(sim, 'GET', `/processes/${processId}`);
			if (reply.body.status === status) return reply;
			await wait(10);
		}
		throw new Error(`process ${processId} never reached ${status}`);
	}

	it('queues the import (202 processId) and completes it asynchronously', async () => {
		const reply = await brevo(sim, 'POST', '/contacts/import', {
			jsonBody: [
				{ email: 'imp1@example.com', attributes: { FIRSTNAME: 'Imp', ZOOM_SECONDS: 120 } },
				{ email: 'IMP2@example.com', attributes: { LASTNAME: 'Two' } },
				{ email: 'broken-address', attributes: {} },
				{ email: 'imp1@example.com', attributes: { FIRSTNAME: 'Again' } },
			],
			listIds: [15],
			updateExistingContacts: true,
			emptyContactsAttributes: false,
		});
		expect(reply.status).toBe(202);
		expect(reply.body).toEqual({ processId: expect.any(Number) });
		const first = await brevo(sim, 'GET', `/processes/${reply.body.processId}`);
		expect(first.body).toEqual({ id: reply.body.processId, status: 'queued', name: 'IMPORTUSER' });
		expect(sim.brevo.contacts.has('imp1@example.com')).toBe(false);

		const done = await until(reply.body.processId, 'completed');
		expect(done.body.info.import.invalid_emails).toBe(`${sim.url}/brevo/files/processes/${reply.body.processId}/invalid_emails.csv`);
		expect((await call(done.body.info.import.invalid_emails)).text).toBe('EMAIL\nbroken-address\n');
		// Unknown attributes vanish without a word, as with the real import.
		expect(sim.brevo.contacts.get('imp1@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'Imp' }, listIds: [15] });
		expect(sim.brevo.contacts.get('imp2@example.com')?.attributes).toEqual({ LASTNAME: 'Two' });
		expect(sim.brevo.processes.get(reply.body.processId)?.result).toMatchObject({
			total: 4,
			created: 2,
			invalidEmails: ['broken-address'],
			duplicateEmails: ['imp1@example.com'],
			ignoredAttributes: ['ZOOM_SECONDS'],
		});
	});

	it('passes through processing on its way', async () => {
		const slow = await startSimulator({ brevo: { importProcessingMs: 300 } });
		try {
			const reply = await brevo(slow, 'POST', '/contacts/import', { jsonBody: [{ email: 'a@example.com' }], listIds: [15] });
			await wait(200);
			expect(slow.brevo.processes.get(reply.body.processId)?.status).toBe('processing');
		} finally {
			await slow.close();
		}
	});

	it('adds existing contacts to the lists and keeps or empties attributes as asked', async () => {
		await brevo(sim, 'POST', '/contacts', { email: 'keep@example.com', attributes: { FIRSTNAME: 'Keep', LASTNAME: 'Me' }, listIds: [17] });
		const reply = await brevo(sim, 'POST', '/contacts/import', { jsonBody: [{ email: 'keep@example.com', attributes: { FIRSTNAME: 'Kept', LASTNAME: '' } }], listIds: [16] });
		await until(reply.body.processId, 'completed');
		expect(sim.brevo.contacts.get('keep@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'Kept', LASTNAME: 'Me' }, listIds: [17, 16] });

		const emptying = await brevo(sim, 'POST', '/contacts/import', { jsonBody: [{ email: 'keep@example.com', attributes: { LASTNAME: '' } }], listIds: [16], emptyContactsAttributes: true });
		await until(emptying.body.processId, 'completed');
		expect(sim.brevo.contacts.get('keep@example.com')?.attributes).toEqual({ FIRSTNAME: 'Kept' });

		const frozen = await brevo(sim, 'POST', '/contacts/import', { jsonBody: [{ email: 'keep@example.com', attributes: { FIRSTNAME: 'Changed' } }], listIds: [15], updateExistingContacts: false });
		await until(frozen.body.processId, 'completed');
		expect(sim.brevo.contacts.get('keep@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'Kept' }, listIds: [17, 16, 15] });
	});

	it('also takes a CSV fileBody and a newList', async () => {
		const reply = await brevo(sim, 'POST', '/contacts/import', { fileBody: 'EMAIL;FIRSTNAME\ncsv1@example.com;Csv\n', newList: { listName: 'Imported', folderId: 1 } });
		expect(reply.status).toBe(202);
		await until(reply.body.processId, 'completed');
		const list = [...sim.brevo.lists.values()].find((l) => l.name === 'Imported');
		expect(sim.brevo.contacts.get('csv1@example.com')).toMatchObject({ attributes: { FIRSTNAME: 'Csv' }, listIds: [list?.id] });
	});

	it('refuses imports without lists, without data, or with unknown lists', async () => {
		expect((await brevo(sim, 'POST', '/contacts/import', { jsonBody: [{ email: 'a@example.com' }] })).body.code).toBe('missing_parameter');
		expect((await brevo(sim, 'POST', '/contacts/import', { listIds: [15] })).body.code).toBe('missing_parameter');
		expect((await brevo(sim, 'POST', '/contacts/import', { jsonBody: [], listIds: [999] })).status).toBe(400);
		expect((await brevo(sim, 'GET', '/processes/424242')).status).toBe(404);
	});

	it('refuses a body over 10 MB at the edge (413, HTML)', async () => {
		const row = { email: 'someone.with.a.long.address@example.com', attributes: { FIRSTNAME: 'x'.repeat(200) } };
		const jsonBody = Array.from({ length: 42_000 }, () => row);
		const body = JSON.stringify({ jsonBody, listIds: [15] });
		expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
		const reply = await brevo(sim, 'POST', '/contacts/import', body);
		expect(reply.status).toBe(413);
		expect(reply.headers.get('content-type')).toContain('text/html');
	});
});
