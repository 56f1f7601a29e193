/**
 * Every credential of the package in a real n8n 2.x, against the simulator: the editor's "Test"
 * button, the Server-to-Server token lifecycle inside executions, and the user OAuth2
 * authorization-code exchange plus refresh.
 */
import { exportCredentialDecryptedCli, nodeOutputJson, removeTempDirs, stopAllN8n, type N8nInstance, type RestClient } from './harness';
import { chain, httpRequestNode, manualTrigger, simCredentials, startN8nWithPackage, startSimulator, type Simulator } from './support';
import { completeOAuth2Flow } from './harness';

let n8n: N8nInstance;
let client: RestClient;
const sims: Simulator[] = [];

async function sim(options?: Parameters<typeof startSimulator>[0]) {
	const started = await startSimulator(options);
	sims.push(started);
	return started;
}

beforeAll(async () => {
	({ n8n, client } = await startN8nWithPackage());
});

afterAll(async () => {
	await Promise.all(sims.map(async (s) => await s.close()));
	await stopAllN8n();
	removeTempDirs();
});

describe('Zoom Server-to-Server OAuth credential in real n8n', () => {
	it('passes the credential test against the simulator', async () => {
		const zoom = await sim();
		const credential = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom S2S ok', simCredentials.zoomS2S(zoom));
		expect(await client.testCredential(credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(zoom.requests.some((r) => r.service === 'zoom' && r.path.endsWith('/users'))).toBe(true);
	});

	it('passes it too for a credential saved with the Environment "Custom" (0.3.0 and earlier)', async () => {
		const zoom = await sim();
		const credential = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom S2S saved with 0.3.0', simCredentials.zoomS2S(zoom, { environment: 'custom' }));
		expect(await client.testCredential(credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(zoom.requests.some((r) => r.service === 'zoom-oauth' && r.path.endsWith('/oauth/token'))).toBe(true);
	});

	it.each([
		['a wrong client secret', { clientSecret: 'not-the-secret' }, /Zoom rejected the Client ID or Client Secret/],
		['a wrong account ID', { accountId: 'someone-elses-account' }, /Zoom does not accept the Account ID/],
	])('fails the credential test with a message that names %s', async (_what, overrides, message) => {
		const zoom = await sim();
		const credential = await client.createCredential('zoomServerToServerOAuthApi', `Zoom S2S ${_what}`, simCredentials.zoomS2S(zoom, overrides));
		const verdict = await client.testCredential(credential.id);
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(message);
	});

	it('fails the credential test with a message about scopes when the app lacks one', async () => {
		const zoom = await sim({ zoom: { grantedScopes: ['meeting:read:list_past_participants:admin'] } });
		const credential = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom S2S no scope', simCredentials.zoomS2S(zoom));
		const verdict = await client.testCredential(credential.id);
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/lacks a scope: add user:read:list_users:admin/);
	});

	it('renews a token that expires in the middle of an execution once, transparently, and stores it', async () => {
		const zoom = await sim({ zoom: { tokenTtlSeconds: 1 } });
		const credential = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom S2S short tokens', simCredentials.zoomS2S(zoom));
		const usersUrl = `${zoom.zoomApiBaseUrl}/users?page_size=1`;
		const workflow = await client.createWorkflow({
			name: 'S2S token expiry',
			nodes: [
				manualTrigger,
				httpRequestNode('First call', 'zoomServerToServerOAuthApi', credential.id, usersUrl, [200, 0]),
				{ id: 'node-wait', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [400, 0], parameters: { amount: 2, unit: 'seconds' } },
				httpRequestNode('Second call', 'zoomServerToServerOAuthApi', credential.id, usersUrl, [600, 0]),
			],
			connections: chain('Start', 'First call', 'Wait', 'Second call'),
		});
		const execution = await client.runWorkflowManually(workflow.id);
		expect(execution.status).toBe('success');
		expect(nodeOutputJson(execution.data as never, 'Second call')[0]).toHaveProperty('users');

		const tokenRequests = zoom.requests.filter((r) => r.service === 'zoom-oauth');
		expect(tokenRequests).toHaveLength(2);
		expect(zoom.requests.filter((r) => r.service === 'zoom').map((r) => r.status)).toEqual([200, 401, 200]);
		const stored = await exportCredentialDecryptedCli(n8n.userFolder, credential.id);
		const lastToken = zoom.requests.filter((r) => r.service === 'zoom').pop()?.headers.authorization;
		expect(lastToken).toBe(`Bearer ${(stored.data as { accessToken: string }).accessToken}`);
	});
});

describe('Zoom user OAuth2 credential in real n8n', () => {
	it('completes the authorization-code exchange, then refreshes an expired token', async () => {
		const zoom = await sim();
		const credential = await client.createCredential('zoomUserOAuth2Api', 'Zoom user', simCredentials.zoomUser(zoom));
		const flow = await completeOAuth2Flow(client, credential.id);
		expect(flow.error).toBeUndefined();
		expect(flow.ok).toBe(true);
		const exchange = zoom.requests.find((r) => r.service === 'zoom-oauth' && (r.body as { grant_type?: string } | undefined)?.grant_type === 'authorization_code');
		expect(exchange).toBeDefined();

		const afterConsent = await exportCredentialDecryptedCli(n8n.userFolder, credential.id);
		const firstTokens = (afterConsent.data as { oauthTokenData: { access_token: string; refresh_token: string } }).oauthTokenData;
		expect(firstTokens.access_token).toBeTruthy();

		zoom.expireTokens();
		const workflow = await client.createWorkflow({
			name: 'user OAuth2 refresh',
			nodes: [manualTrigger, httpRequestNode('Call', 'zoomUserOAuth2Api', credential.id, `${zoom.zoomApiBaseUrl}/users/me`, [200, 0])],
			connections: chain('Start', 'Call'),
		});
		const execution = await client.runWorkflowManually(workflow.id);
		expect(execution.status).toBe('success');
		const refresh = zoom.requests.find((r) => r.service === 'zoom-oauth' && (r.body as { grant_type?: string } | undefined)?.grant_type === 'refresh_token');
		expect(refresh?.body).toMatchObject({ refresh_token: firstTokens.refresh_token });

		const afterRefresh = await exportCredentialDecryptedCli(n8n.userFolder, credential.id);
		const rotated = (afterRefresh.data as { oauthTokenData: { access_token: string; refresh_token: string } }).oauthTokenData;
		expect(rotated.access_token).not.toBe(firstTokens.access_token);
		expect(rotated.refresh_token).not.toBe(firstTokens.refresh_token);
	});
});

describe('Brevo API and Zoom webhook secret credentials in real n8n', () => {
	it('Brevo: the test passes with the key and says what to do with a wrong one', async () => {
		const brevo = await sim();
		const good = await client.createCredential('brevoV3Api', 'Brevo ok', simCredentials.brevo(brevo));
		expect(await client.testCredential(good.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const account = brevo.requests.find((r) => r.service === 'brevo');
		expect(account?.path).toMatch(/\/account$/);
		expect(account?.headers['api-key']).toBe(brevo.credentials.brevo.apiKey);

		const bad = await client.createCredential('brevoV3Api', 'Brevo bad', simCredentials.brevo(brevo, 'xkeysib-wrong'));
		const verdict = await client.testCredential(bad.id);
		expect(verdict).toEqual({ status: 'Error', message: expect.stringMatching(/Brevo rejected the API key/) });
	});

	it("Zoom to Brevo's list dropdown loads the account's Brevo lists through n8n", async () => {
		const brevo = await sim();
		const credential = await client.createCredential('brevoV3Api', 'Brevo lists', simCredentials.brevo(brevo));
		const options = await client.rest<Array<{ name: string; value: number }>>('POST', '/dynamic-node-parameters/options', {
			data: {
				nodeTypeAndVersion: { name: 'n8n-nodes-zoom-brevo.zoomToBrevo', version: 1 },
				path: 'listIds',
				methodName: 'getBrevoLists',
				currentNodeParameters: { resource: 'meeting', operation: 'syncParticipants' },
				credentials: { brevoV3Api: { id: credential.id, name: credential.name } },
			},
		});
		const expected = [...brevo.brevo.lists.values()].map((list) => ({ name: `${list.name} (#${list.id})`, value: list.id }));
		expect(options).toEqual(expect.arrayContaining(expected));
		expect(options).toHaveLength(expected.length);
	});

	it("Zoom to Brevo's meeting and webinar pickers list the user's meetings and webinars through n8n", async () => {
		const zoom = await sim();
		const credential = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom pickers', simCredentials.zoomS2S(zoom));
		const search = (path: string, methodName: string, filter?: string) =>
			client.rest<{ results: Array<{ name: string; value: string; url?: string }>; paginationToken?: string }>(
				'POST',
				'/dynamic-node-parameters/resource-locator-results',
				{
					data: {
						nodeTypeAndVersion: { name: 'n8n-nodes-zoom-brevo.zoomToBrevo', version: 1.1 },
						path,
						methodName,
						filter,
						currentNodeParameters: { resource: path.endsWith('meetingId') ? 'meeting' : 'webinar', operation: 'syncAttendees', authentication: 'serverToServer' },
						credentials: { zoomServerToServerOAuthApi: { id: credential.id, name: credential.name } },
					},
				},
			);
		const owner = zoom.fixture.ids.ownerUserId;
		const meetings = await search('parameters.meetingId', 'searchMeetings');
		const ownersMeetings = zoom.fixture.zoom.meetings.filter((m) => m.host_id === owner);
		expect(meetings.results.map((r) => r.value).sort()).toEqual(ownersMeetings.map((m) => String(m.id)).sort());
		expect(meetings.results[0]).toMatchObject({ name: expect.stringContaining(String(meetings.results[0].value)), url: expect.stringMatching(/^https:\/\/.*zoom\.us\/j\//) });
		const webinar = zoom.fixture.zoom.webinars.find((w) => w.host_id === owner)!;
		const webinars = await search('parameters.webinarId', 'searchWebinars', webinar.topic);
		expect(webinars.results.map((r) => r.value)).toContain(String(webinar.id));
	});

	it('Zoom webhook secret: the test accepts a Zoom-shaped secret and explains a mis-pasted one', async () => {
		const good = await client.createCredential('zoomWebhookSecretApi', 'secret ok', simCredentials.webhookSecret('qgg2E8mVSe2Rj2vm9B8BKg'));
		expect((await client.testCredential(good.id)).status).toBe('OK');
		const spaced = await client.createCredential('zoomWebhookSecretApi', 'secret spaced', simCredentials.webhookSecret(' qgg2E8mVSe2Rj2vm9B8BKg\n'));
		expect(await client.testCredential(spaced.id)).toEqual({ status: 'Error', message: expect.stringMatching(/spaces or line breaks/) });
	});
});
