import { createHash } from 'node:crypto';
import { startSimulator, type Simulator } from './index';
import { basic, call, oauthToken } from './testClient';

describe('Zoom OAuth server', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());

	const userAuth = () => basic(sim.credentials.zoomUser.clientId, sim.credentials.zoomUser.clientSecret);
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

	async function authorize(extra: Record<string, string> = {}) {
		const query = new URLSearchParams({ response_type: 'code', client_id: sim.credentials.zoomUser.clientId, redirect_uri: redirectUri, state: 'xyz', ...extra });
		return call(`${sim.zoomOAuthBaseUrl}/oauth/authorize?${query}`);
	}

	describe('account_credentials (Server-to-Server)', () => {
		it('issues a bearer token with scope and api_url', async () => {
			const reply = await oauthToken(sim, { grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
			expect(reply.status).toBe(200);
			expect(reply.body).toEqual({
				access_token: expect.any(String),
				token_type: 'bearer',
				expires_in: 3600,
				scope: expect.stringContaining('meeting:read:list_past_participants:admin'),
				api_url: `${sim.url}/zoom`,
			});
			expect(reply.body.refresh_token).toBeUndefined();
		});

		it('accepts the parameters in the query string, as Zoom documents', async () => {
			const reply = await call(
				`${sim.zoomOAuthBaseUrl}/oauth/token?grant_type=account_credentials&account_id=${sim.credentials.zoom.accountId}`,
				{ method: 'POST', headers: { authorization: basic(sim.credentials.zoom.clientId, sim.credentials.zoom.clientSecret) } },
			);
			expect(reply.status).toBe(200);
		});

		it('answers 401 invalid_client for a wrong secret or unknown client id', async () => {
			for (const auth of [basic(sim.credentials.zoom.clientId, 'wrong'), basic('nobody', sim.credentials.zoom.clientSecret), undefined]) {
				const reply = await call(`${sim.zoomOAuthBaseUrl}/oauth/token`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
					body: `grant_type=account_credentials&account_id=${sim.credentials.zoom.accountId}`,
				});
				expect(reply.status).toBe(401);
				expect(reply.text).toBe('{"reason":"Invalid client_id or client_secret","error":"invalid_client"}');
			}
		});

		it('answers 400 invalid_request for a wrong or missing account id (distinct from a bad client)', async () => {
			for (const params of [{ grant_type: 'account_credentials', account_id: 'other' }, { grant_type: 'account_credentials' }] as Record<string, string>[]) {
				const reply = await oauthToken(sim, params);
				expect(reply.status).toBe(400);
				expect(reply.text).toBe('{"reason":"Invalid account_id","error":"invalid_request"}');
			}
		});

		it('refuses an unknown grant type', async () => {
			const reply = await oauthToken(sim, { grant_type: 'password' });
			expect(reply.status).toBe(400);
			expect(reply.body.error).toBe('unsupported_grant_type');
		});

		it('lets several tokens be valid at once and counts them', async () => {
			const before = sim.issuedTokens();
			const a = await oauthToken(sim, { grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
			const b = await oauthToken(sim, { grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
			expect(a.body.access_token).not.toBe(b.body.access_token);
			expect(sim.issuedTokens()).toBe(before + 2);
			for (const token of [a.body.access_token, b.body.access_token]) {
				const me = await call(`${sim.zoomApiBaseUrl}/users/me`, { headers: { authorization: `Bearer ${token}` } });
				expect(me.status).toBe(200);
			}
		});
	});

	describe('user OAuth (authorization_code / refresh_token)', () => {
		it('authorize redirects back with a code and the state (auto-consent)', async () => {
			const reply = await authorize();
			expect(reply.status).toBe(302);
			const location = new URL(reply.headers.get('location') as string);
			expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
			expect(location.searchParams.get('state')).toBe('xyz');
			expect(location.searchParams.get('code')).toMatch(/.{16,}/);
		});

		it('authorize refuses an unknown client id, a wrong response type and a missing redirect uri', async () => {
			expect((await authorize({ client_id: 'unknown' })).status).toBe(400);
			expect((await authorize({ client_id: sim.credentials.zoom.clientId })).status).toBe(400);
			expect((await authorize({ response_type: 'token' })).status).toBe(400);
			expect((await authorize({ redirect_uri: 'not a url' })).status).toBe(400);
		});

		it('exchanges a code once, then rotates refresh tokens', async () => {
			const code = new URL((await authorize()).headers.get('location') as string).searchParams.get('code') as string;
			const first = await oauthToken(sim, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, userAuth());
			expect(first.status).toBe(200);
			expect(first.body).toMatchObject({ token_type: 'bearer', access_token: expect.any(String), refresh_token: expect.any(String) });

			const again = await oauthToken(sim, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, userAuth());
			expect(again.status).toBe(400);
			expect(again.body.error).toBe('invalid_grant');

			const refreshed = await oauthToken(sim, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token }, userAuth());
			expect(refreshed.status).toBe(200);
			expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);

			const reused = await oauthToken(sim, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token }, userAuth());
			expect(reused.status).toBe(400);
			expect(reused.body).toEqual({ reason: 'Invalid Token!', error: 'invalid_request' });

			const next = await oauthToken(sim, { grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token }, userAuth());
			expect(next.status).toBe(200);
			const me = await call(`${sim.zoomApiBaseUrl}/users/me`, { headers: { authorization: `Bearer ${next.body.access_token}` } });
			expect(me.body.id).toBe(sim.fixture.ids.ownerUserId);
		});

		it('checks redirect_uri, client and PKCE verifier on the code exchange', async () => {
			const code1 = new URL((await authorize()).headers.get('location') as string).searchParams.get('code') as string;
			const mismatch = await oauthToken(sim, { grant_type: 'authorization_code', code: code1, redirect_uri: 'http://elsewhere/cb' }, userAuth());
			expect(mismatch.status).toBe(400);
			const s2sClient = await oauthToken(sim, { grant_type: 'authorization_code', code: code1, redirect_uri: redirectUri });
			expect(s2sClient.status).toBe(400);
			expect(s2sClient.body.error).toBe('unsupported_grant_type');

			const verifier = 'a-verifier-that-is-long-enough-0123456789abcdef';
			const challenge = createHash('sha256').update(verifier).digest('base64url');
			const code2 = new URL((await authorize({ code_challenge: challenge, code_challenge_method: 'S256' })).headers.get('location') as string).searchParams.get('code') as string;
			const wrong = await oauthToken(sim, { grant_type: 'authorization_code', code: code2, redirect_uri: redirectUri, code_verifier: 'nope' }, userAuth());
			expect(wrong.status).toBe(400);
			const right = await oauthToken(sim, { grant_type: 'authorization_code', code: code2, redirect_uri: redirectUri, code_verifier: verifier }, userAuth());
			expect(right.status).toBe(200);
		});

		it('issues app-level tokens by client_credentials for the user-managed app', async () => {
			const reply = await oauthToken(sim, { grant_type: 'client_credentials' }, userAuth());
			expect(reply.status).toBe(200);
			expect(reply.body.refresh_token).toBeUndefined();
		});
	});
});
