import { startSimulator, type Simulator } from './index';
import { manualClock, s2sToken, zoom } from './testClient';

describe('Zoom paging', () => {
	const clock = manualClock();
	let sim: Simulator;
	let token: string;
	const large = 86012345678;
	beforeAll(async () => {
		// One-hour tokens but 10-second page tokens, so page-token expiry is separate from auth.
		sim = await startSimulator({ now: clock.now, zoom: { pageTokenTtlSeconds: 10 } });
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	const page = (query: string) => zoom(sim, `/past_meetings/${large}/participants?${query}`, token);

	it('defaults to 30 per page and reports total_records', async () => {
		const reply = await page('');
		expect(reply.status).toBe(200);
		expect(reply.body.page_size).toBe(30);
		expect(reply.body.participants).toHaveLength(30);
		expect(reply.body.total_records).toBe(1200);
		expect(reply.body.next_page_token).toMatch(/\S{16,}/);
	});

	it('clamps page_size to 300', async () => {
		const reply = await page('page_size=1000');
		expect(reply.body.page_size).toBe(300);
		expect(reply.body.participants).toHaveLength(300);
	});

	it('walks every row once; the last page has an empty next_page_token', async () => {
		const seen = new Set<string>();
		let next = '';
		let pages = 0;
		do {
			const reply = await page(`page_size=300${next ? `&next_page_token=${next}` : ''}`);
			expect(reply.status).toBe(200);
			for (const row of reply.body.participants) seen.add(row.user_id);
			next = reply.body.next_page_token;
			pages++;
		} while (next !== '');
		expect(pages).toBe(4);
		expect(seen.size).toBe(1200);
	});

	it('page tokens expire (400 code 300) and only work for their own list', async () => {
		const first = await page('page_size=100');
		const token1 = first.body.next_page_token as string;
		const other = await zoom(sim, `/report/meetings/${large}/participants?next_page_token=${token1}`, token);
		expect(other.status).toBe(400);
		expect(other.body).toEqual({ code: 300, message: 'The next page token is invalid or expired.' });

		clock.advance(9_000);
		expect((await page(`page_size=100&next_page_token=${token1}`)).status).toBe(200);
		clock.advance(2_000);
		const expired = await page(`page_size=100&next_page_token=${token1}`);
		expect(expired.status).toBe(400);
		expect(expired.body.code).toBe(300);

		expect((await page('next_page_token=made-up')).body.code).toBe(300);
	});

	it('pages the users list too (status filter defaults to active)', async () => {
		const reply = await zoom(sim, '/users?page_size=2', token);
		expect(reply.body.total_records).toBe(3);
		expect(reply.body.users).toHaveLength(2);
		const rest = await zoom(sim, `/users?page_size=2&next_page_token=${reply.body.next_page_token}`, token);
		expect(rest.body.users).toHaveLength(1);
		expect(rest.body.next_page_token).toBe('');
		const inactive = await zoom(sim, '/users?status=inactive', token);
		expect(inactive.body.users.map((u: { status: string }) => u.status)).toEqual(['inactive']);
	});
});
