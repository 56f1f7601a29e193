/**
 * The Zoom user OAuth2 credential: n8n-core's own OAuth2 code path (requestOAuth2) refreshes the
 * token on a 401 against the simulator, which rotates refresh tokens as Zoom does. The consent
 * and code exchange are driven by n8n's editor in real use; that part is covered end-to-end in
 * test/e2e/credentials.e2e.test.ts, here the code is exchanged directly.
 */
import axios from 'axios';

import { runWorkflow, type StoredCredentials } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, type Simulator } from '../simulator';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { ZoomProbe } from './zoomProbeNode';

let sim: Simulator;
afterEach(async () => sim?.close());

const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

async function authorizationCodeTokens() {
	const { clientId, clientSecret } = sim.credentials.zoomUser;
	const authorize = await axios.get(`${sim.zoomOAuthBaseUrl}/oauth/authorize`, {
		params: { response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, state: 's1' },
		maxRedirects: 0,
		validateStatus: (s) => s === 302,
	});
	const code = new URL(authorize.headers.location as string).searchParams.get('code');
	const token = await axios.post(
		`${sim.zoomOAuthBaseUrl}/oauth/token`,
		new URLSearchParams({ grant_type: 'authorization_code', code: String(code), redirect_uri: REDIRECT }).toString(),
		{ auth: { username: clientId, password: clientSecret }, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
	);
	return token.data as { access_token: string; refresh_token: string; token_type: string; expires_in: number };
}

/** `saved` 0.3.0 stored the simulator's URLs under the Environment "custom"; today's data has none. */
function userCredentials(tokens: Record<string, string | number>, saved: 'now' | '0.3.0' = 'now'): StoredCredentials {
	return {
		zoomUser: {
			type: 'zoomUserOAuth2Api',
			data: { ...simCredentials.zoomUser(sim), ...(saved === '0.3.0' ? { environment: 'custom' } : {}), oauthTokenData: tokens },
		},
	};
}

const run = (credentials: StoredCredentials) =>
	runWorkflow({
		nodeTypes: { 'test.zoomProbe': new ZoomProbe() },
		credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api()],
		credentials,
		workflow: {
			nodes: [
				{
					name: 'Probe',
					type: 'test.zoomProbe',
					parameters: { credential: 'zoomUserOAuth2Api' },
					credentials: { zoomUserOAuth2Api: 'zoomUser' },
				},
			],
		},
	});

describe('Zoom user OAuth2 credential', () => {
	it('calls Zoom with the user token', async () => {
		sim = await startSimulator();
		const tokens = await authorizationCodeTokens();
		const result = await run(userCredentials(tokens));
		expect(result.error).toBeUndefined();
		const call = sim.requests.find((r) => r.service === 'zoom');
		expect(call?.headers.authorization).toBe(`Bearer ${tokens.access_token}`);
	});

	// The refresh goes to the credential's Access Token URL, an expression over its data.
	it.each(['now', '0.3.0'] as const)('refreshes an expired token with the refresh token (Basic auth header) and stores the rotated one (credential saved %s)', async (saved) => {
		sim = await startSimulator();
		const tokens = await authorizationCodeTokens();
		const credentials = userCredentials(tokens, saved);
		sim.expireTokens();
		sim.clearRequests();

		const result = await run(credentials);
		expect(result.error).toBeUndefined();
		const refresh = sim.requests.find((r) => r.service === 'zoom-oauth');
		expect(refresh?.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
		const { clientId, clientSecret } = sim.credentials.zoomUser;
		expect(refresh?.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);
		const stored = credentials.zoomUser.data.oauthTokenData as { access_token: string; refresh_token: string };
		expect(stored.access_token).not.toBe(tokens.access_token);
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		expect(sim.requests.filter((r) => r.service === 'zoom').map((r) => r.status)).toEqual([401, 200]);

		// The rotated refresh token is the one that works next time.
		sim.expireTokens();
		const again = await run(credentials);
		expect(again.error).toBeUndefined();
	});
});
