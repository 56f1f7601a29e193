import { startSimulator, type Simulator } from './index';
import { call, manualClock, s2sToken, userTokens, zoom } from './testClient';

describe('Zoom API authentication and scopes', () => {
	const clock = manualClock();
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ now: clock.now, zoom: { tokenTtlSeconds: 60 } });
	});
	afterAll(() => sim.close());

	it('answers 401 code 124 without a token or with an unknown one', async () => {
		const none = await call(`${sim.zoomApiBaseUrl}/users/me`);
		expect(none.status).toBe(401);
		expect(none.body).toEqual({ code: 124, message: 'Invalid access token.' });
		const unknown = await zoom(sim, '/users/me', 'not-a-token');
		expect(unknown.status).toBe(401);
		expect(unknown.body.code).toBe(124);
	});

	it('expires tokens after tokenTtlSeconds (401 code 124) while newer ones keep working', async () => {
		const old = await s2sToken(sim);
		clock.advance(30_000);
		const newer = await s2sToken(sim);
		expect((await zoom(sim, '/users/me', old)).status).toBe(200);
		clock.advance(30_000);
		const expired = await zoom(sim, '/users/me', old);
		expect(expired.status).toBe(401);
		expect(expired.body).toEqual({ code: 124, message: 'Access token is expired.' });
		expect((await zoom(sim, '/users/me', newer)).status).toBe(200);
	});

	it('expireTokens() ends every issued token at once; refresh tokens still work', async () => {
		const a = await s2sToken(sim);
		const user = await userTokens(sim);
		sim.expireTokens();
		for (const token of [a, user.access_token]) {
			const reply = await zoom(sim, '/users/me', token);
			expect(reply.status).toBe(401);
			expect(reply.body.code).toBe(124);
		}
		const fresh = await s2sToken(sim);
		expect((await zoom(sim, '/users/me', fresh)).status).toBe(200);
	});
});

describe('Zoom scopes', () => {
	const meetingId = 85746065432;

	it('answers 400 code 4711 naming the granular scope when the token lacks it', async () => {
		const sim = await startSimulator({ zoom: { grantedScopes: ['user:read:user:admin'] } });
		try {
			const token = await s2sToken(sim);
			const reply = await zoom(sim, `/past_meetings/${meetingId}/participants`, token);
			expect(reply.status).toBe(400);
			expect(reply.body).toEqual({
				code: 4711,
				message: 'Invalid access token, does not contain scopes:[meeting:read:list_past_participants:admin].',
			});
			const report = await zoom(sim, `/report/meetings/${meetingId}/participants`, token);
			expect(report.body.message).toContain('report:read:list_meeting_participants:admin');
			expect((await zoom(sim, '/users/me', token)).status).toBe(200);
		} finally {
			await sim.close();
		}
	});

	it.each([
		['classic admin', 'meeting:read:admin'],
		['granular admin', 'meeting:read:list_past_participants:admin'],
		['granular user-level', 'meeting:read:list_past_participants'],
		['classic user-level', 'meeting:read'],
	])('accepts the %s scope name', async (_label, scope) => {
		const sim = await startSimulator({ zoom: { grantedScopes: [scope] } });
		try {
			const token = await s2sToken(sim);
			expect((await zoom(sim, `/past_meetings/${meetingId}/participants`, token)).status).toBe(200);
		} finally {
			await sim.close();
		}
	});

	it('lists the granted scopes in the token answer', async () => {
		const sim = await startSimulator({ zoom: { grantedScopes: ['a:b', 'c:d'] } });
		try {
			const reply = await call(`${sim.zoomOAuthBaseUrl}/oauth/token?grant_type=account_credentials&account_id=${sim.credentials.zoom.accountId}`, {
				method: 'POST',
				headers: { authorization: `Basic ${Buffer.from(`${sim.credentials.zoom.clientId}:${sim.credentials.zoom.clientSecret}`).toString('base64')}` },
			});
			expect(reply.body.scope).toBe('a:b c:d');
		} finally {
			await sim.close();
		}
	});
});
