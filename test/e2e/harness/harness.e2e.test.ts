/** Proves the harness itself against n8n's built-in nodes and credentials, independent of this
 *  package: REST login, credential test, the OAuth2 code flow, manual runs, production
 *  webhooks, the CLI, restart on the same user folder, and clean shutdown. */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import axios from 'axios';

import {
	completeOAuth2Flow,
	executeWorkflowCli,
	exportCredentialDecryptedCli,
	importWorkflowCli,
	isPidAlive,
	makeTempDir,
	nodeOutputJson,
	productionWebhookUrl,
	publishWorkflowCli,
	removeTempDirs,
	RestClient,
	startN8n,
	stopAllN8n,
	waitFor,
	waitForWebhook,
	type N8nInstance,
} from './index';

/** A stand-in service on loopback: a token-checked API and an OAuth2 provider that consents
 *  at once. */
async function startFakeService() {
	const tokenRequests: string[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const json = (status: number, value: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(value));
			};
			if (url.pathname === '/user') {
				return req.headers.authorization === 'token good-token'
					? json(200, { login: 'octo' })
					: json(401, { message: 'Bad credentials' });
			}
			if (url.pathname === '/authorize') {
				const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
				redirect.searchParams.set('code', 'code-123');
				redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
				res.writeHead(302, { location: redirect.toString() });
				return res.end();
			}
			if (url.pathname === '/token' && req.method === 'POST') {
				tokenRequests.push(body);
				return json(200, {
					access_token: 'access-1',
					refresh_token: 'refresh-1',
					token_type: 'Bearer',
					expires_in: 3600,
				});
			}
			json(404, { message: 'not found' });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, tokenRequests, close: () => server.close() };
}

const manualWorkflow = (name: string) => ({
	name,
	nodes: [
		{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: randomUUID(),
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				assignments: { assignments: [{ id: randomUUID(), name: 'hello', value: 'world', type: 'string' }] },
				options: {},
			},
		},
	],
	connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
});

const webhookWorkflow = (name: string, path: string) => ({
	name,
	nodes: [
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		},
	],
	connections: {},
});

describe('e2e harness against a real n8n (built-in nodes only)', () => {
	let n8n: N8nInstance;
	let client: RestClient;
	let service: Awaited<ReturnType<typeof startFakeService>>;
	const userFolder = makeTempDir('harness-user');

	beforeAll(async () => {
		service = await startFakeService();
		n8n = await startN8n({ userFolder });
		client = new RestClient(n8n.baseUrl);
		await client.setupOwnerOrLogin();
	}, 600_000);

	afterAll(async () => {
		await stopAllN8n();
		service?.close();
		removeTempDirs();
	});

	it('logs in and sees the built-in node and credential types', async () => {
		expect(client.authCookie).toBeTruthy();
		const nodes = (await client.getNodeTypes()).map((t) => t.name);
		const credentials = (await client.getCredentialTypes()).map((t) => t.name);
		expect(nodes).toContain('n8n-nodes-base.manualTrigger');
		expect(credentials).toContain('oAuth2Api');
		// A second session logs in with the owner's password.
		const other = new RestClient(n8n.baseUrl);
		await other.login();
		expect(other.authCookie).toBeTruthy();
	});

	it("tests a stored credential like the editor's Test button", async () => {
		const good = await client.createCredential('githubApi', 'gh good', {
			server: service.url,
			user: 'octo',
			accessToken: 'good-token',
		});
		expect(await client.testCredential(good.id)).toMatchObject({ status: 'OK' });
		const bad = await client.createCredential('githubApi', 'gh bad', {
			server: service.url,
			user: 'octo',
			accessToken: 'wrong',
		});
		const verdict = await client.testCredential(bad.id);
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/401|Unauthorized|Authorization failed/i);
	});

	it('completes an OAuth2 authorization-code flow; the callback needs the session cookie', async () => {
		const credential = await client.createCredential('oAuth2Api', 'generic oauth2', {
			grantType: 'authorizationCode',
			authUrl: `${service.url}/authorize`,
			accessTokenUrl: `${service.url}/token`,
			clientId: 'client-1',
			clientSecret: 'secret-1',
			scope: 'read',
			authQueryParameters: '',
			authentication: 'header',
		});
		const anonymous = await completeOAuth2Flow(client, credential.id, { withCookie: false });
		expect(anonymous.ok).toBe(false);
		expect(anonymous.error).toMatch(/Unauthorized/);

		const flow = await completeOAuth2Flow(client, credential.id);
		expect(flow.authUrl).toContain(`${service.url}/authorize?`);
		expect(flow.callbackUrl).toContain(`${n8n.baseUrl}/rest/oauth2-credential/callback?`);
		expect(flow).toMatchObject({ ok: true });
		expect(service.tokenRequests.at(-1)).toContain('code=code-123');

		// The API blanks tokens; the CLI export shows what is stored.
		expect((await client.getCredentialData(credential.id)).oauthTokenData).not.toHaveProperty('access_token');
		const stored = await exportCredentialDecryptedCli(n8n.userFolder, credential.id);
		expect(stored.data.oauthTokenData).toMatchObject({ access_token: 'access-1', refresh_token: 'refresh-1' });
	});

	it('runs a workflow manually over REST and reads its run data', async () => {
		const workflow = await client.createWorkflow(manualWorkflow('manual'));
		const execution = await client.runWorkflowManually(workflow.id);
		expect(execution.status).toBe('success');
		expect(nodeOutputJson(execution.data, 'Set')).toEqual([{ hello: 'world' }]);
		expect((await client.listExecutions(workflow.id)).map((e) => e.id)).toContain(execution.id);
	});

	it('activates a webhook workflow over REST, receives a call, deactivates it', async () => {
		const workflow = await client.createWorkflow(webhookWorkflow('hook', 'zb-harness-rest'));
		await client.activateWorkflow(workflow.id);
		expect(await client.getActiveWorkflowIds()).toContain(workflow.id);
		const url = productionWebhookUrl(n8n.baseUrl, 'zb-harness-rest');
		const probe = await waitForWebhook(url);
		expect(probe.status).toBe(404); // registered for POST only: GET is refused, no run

		const res = await axios.post(url, { ping: 1 }, { proxy: false });
		expect(res.status).toBe(200);
		const [execution] = await client.waitForExecutions(workflow.id, 1);
		expect(nodeOutputJson(execution.data, 'Webhook')[0]).toMatchObject({ body: { ping: 1 } });

		await client.deactivateWorkflow(workflow.id);
		expect(await client.getActiveWorkflowIds()).not.toContain(workflow.id);
		// n8n 2.41 may still serve one call right after deactivation (cached webhook lookup),
		// then answers 404 ("Published version not found" / "not registered").
		await waitFor(
			async () => {
				const after = await axios.post(url, {}, { proxy: false, validateStatus: () => true });
				return after.status === 404 ? after : undefined;
			},
			{ timeoutMs: 10_000, what: 'the webhook to be gone' },
		);
	});

	it('drives the CLI on the same user folder and restarts n8n on it', async () => {
		const { pid } = n8n;
		await n8n.stop();
		expect(isPidAlive(pid)).toBe(false);

		const manualId = await importWorkflowCli(userFolder, manualWorkflow('cli manual'));
		const run = await executeWorkflowCli(userFolder, manualId);
		expect(run.ok).toBe(true);
		const missing = await executeWorkflowCli(userFolder, 'doesNotExist1234');
		expect(missing.ok).toBe(false);

		const hookId = await importWorkflowCli(userFolder, webhookWorkflow('cli hook', 'zb-harness-cli'));
		await publishWorkflowCli(userFolder, hookId);

		n8n = await startN8n({ userFolder });
		client = new RestClient(n8n.baseUrl);
		await client.setupOwnerOrLogin();
		const url = productionWebhookUrl(n8n.baseUrl, 'zb-harness-cli');
		await waitForWebhook(url);
		expect((await axios.post(url, { via: 'cli' }, { proxy: false })).status).toBe(200);
		const [execution] = await client.waitForExecutions(hookId, 1);
		expect(nodeOutputJson(execution.data, 'Webhook')[0]).toMatchObject({ body: { via: 'cli' } });

		const second = n8n.pid;
		await n8n.stop();
		expect(isPidAlive(second)).toBe(false);
	});
});
