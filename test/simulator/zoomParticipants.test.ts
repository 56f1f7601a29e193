import { makeFixture, rowsToArray, startSimulator, type ParticipantRow, type Simulator } from './index';
import { s2sToken, zoom } from './testClient';

async function allRows(sim: Simulator, token: string, path: string): Promise<any[]> {
	const rows: any[] = [];
	let next = '';
	do {
		const reply = await zoom(sim, `${path}${path.includes('?') ? '&' : '?'}page_size=300${next ? `&next_page_token=${next}` : ''}`, token);
		if (reply.status !== 200) throw new Error(`${reply.status} ${reply.text}`);
		rows.push(...reply.body.participants);
		next = reply.body.next_page_token;
	} while (next);
	return rows;
}

describe('Zoom participant rows', () => {
	let sim: Simulator;
	let token: string;
	const fixture = makeFixture();
	const { recurringMeetingId, largeMeetingId, soloMeetingId } = fixture.ids;
	beforeAll(async () => {
		sim = await startSimulator({ fixture });
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	it('have the past-participants fields, in the Medium category', async () => {
		const reply = await zoom(sim, `/past_meetings/${recurringMeetingId}/participants`, token);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Medium');
		for (const row of reply.body.participants) {
			expect(Object.keys(row)).toEqual([
				'id', 'name', 'user_id', 'registrant_id', 'user_email', 'join_time', 'leave_time', 'duration', 'failover', 'status', 'internal_user',
			]);
			expect(row.join_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			expect(row.duration).toBe((Date.parse(row.leave_time) - Date.parse(row.join_time)) / 1000);
		}
	});

	it('show rejoins as separate rows with new user_ids, guests without email and waiting-room-only people', async () => {
		const rows = await allRows(sim, token, `/past_meetings/${largeMeetingId}/participants`);
		const stats = fixture.zoom.meetings[1].instances[0].stats;
		expect(rows).toHaveLength(stats.rows);
		expect(new Set(rows.map((r) => r.user_id)).size).toBe(rows.length);

		// Signed-in people keep their Zoom id across rejoins (anonymous guests cannot be told apart).
		const byId = new Map<string, ParticipantRow[]>();
		for (const row of rows.filter((r) => r.id)) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
		const rejoiners = [...byId.values()].filter((r) => r.length > 1);
		expect(rejoiners.length).toBeGreaterThan(0);
		for (const sessions of rejoiners) {
			const sorted = [...sessions].sort((a, b) => a.join_time.localeCompare(b.join_time));
			for (let i = 1; i < sorted.length; i++) expect(sorted[i].join_time >= sorted[i - 1].leave_time).toBe(true);
		}

		const waiting = rows.filter((r) => r.status === 'in_waiting_room');
		expect(waiting).toHaveLength(stats.waitingRoomOnly);
		expect(rows.filter((r) => r.user_email === '' && r.id === '').length).toBeGreaterThan(0);
		expect(rows.filter((r) => r.user_email === '' && r.id !== '').length).toBeGreaterThan(0);
		expect(rows.some((r) => r.user_email !== r.user_email.toLowerCase())).toBe(true);
		expect(new Set(rows.filter((r) => r.user_email).map((r) => r.user_email.toLowerCase())).size).toBe(stats.withEmail);
	});

	it('the report endpoint (Heavy) lists the same sessions; registrant_id only when asked', async () => {
		const plain = await zoom(sim, `/report/meetings/${recurringMeetingId}/participants?page_size=300`, token);
		expect(plain.status).toBe(200);
		expect(plain.headers.get('x-ratelimit-category')).toBe('Heavy');
		expect(plain.body.participants[0]).not.toHaveProperty('registrant_id');
		expect(plain.body.participants[0]).toHaveProperty('participant_user_id');
		const withId = await zoom(sim, `/report/meetings/${recurringMeetingId}/participants?page_size=300&include_fields=registrant_id`, token);
		expect(withId.body.participants[0]).toHaveProperty('registrant_id');
		const past = await zoom(sim, `/past_meetings/${recurringMeetingId}/participants?page_size=300`, token);
		expect(withId.body.participants.map((r: ParticipantRow) => r.user_id)).toEqual(past.body.participants.map((r: ParticipantRow) => r.user_id));
	});

	it('list nobody when the host was alone (past participants), but the report still shows the host', async () => {
		const past = await zoom(sim, `/past_meetings/${soloMeetingId}/participants`, token);
		expect(past.status).toBe(200);
		expect(past.body.total_records).toBe(0);
		expect(past.body.participants).toEqual([]);
		expect(past.body.next_page_token).toBe('');
		const report = await zoom(sim, `/report/meetings/${soloMeetingId}/participants`, token);
		expect(report.body.total_records).toBe(1);
	});

	it('are refused on the free plan (Pro+ only)', async () => {
		const free = await startSimulator({ zoom: { plan: 'free' } });
		try {
			const reply = await zoom(free, `/past_meetings/${recurringMeetingId}/participants`, await s2sToken(free));
			expect(reply.status).toBe(400);
			expect(reply.body.code).toBe(200);
		} finally {
			await free.close();
		}
	});

	it('come from a lazily generated 15 000-row / 10 000-person meeting quickly and consistently', () => {
		const big = makeFixture({ largeMeeting: { rows: 15_000, people: 10_000 } });
		const instance = big.zoom.meetings[1].instances[0];
		expect(instance.stats).toMatchObject({ rows: 15_000, people: 10_000, rejoinRows: 5_000 });
		const rows = rowsToArray(instance.participants);
		expect(new Set(rows.map((r) => r.user_id)).size).toBe(15_000);
		const people = new Set(rows.map((r) => `${r.name}|${r.user_email}|${r.id}`));
		expect(people.size).toBeLessThanOrEqual(10_000);
		expect(rows[14_999]).toEqual(instance.participants.at(14_999));
	});
});
