/** The editor's REST API of n8n 2.41 (/rest/...), logged in with the session cookie like a
 *  browser. Routes are those of n8n's own controllers (see docs in each method). */
import { randomUUID } from 'node:crypto';

import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';

import { parseFlatted, type RunExecutionData } from './run-data';
import { waitFor } from './wait';

export const DEFAULT_OWNER = {
	email: 'owner@zoom-brevo.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-1234',
};

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: unknown,
	) {
		const message =
			typeof body === 'object' && body !== null && 'message' in body
				? String((body as { message: unknown }).message)
				: typeof body === 'string'
					? body.slice(0, 500)
					: JSON.stringify(body)?.slice(0, 500);
		super(`${method} ${url} -> ${status}: ${message}`);
	}
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	data?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	versionId: string;
	activeVersionId?: string | null;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export type ExecutionStatus =
	| 'new'
	| 'running'
	| 'success'
	| 'error'
	| 'canceled'
	| 'crashed'
	| 'waiting'
	| 'unknown';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	[key: string]: unknown;
}

export interface Execution extends ExecutionSummary {
	/** Parsed from the flatted string n8n sends. */
	data: RunExecutionData;
	workflowData: Workflow;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string; required?: boolean }>;
	[key: string]: unknown;
}

export interface CredentialTypeDescription {
	name: string;
	displayName: string;
	extends?: string[];
	[key: string]: unknown;
}

const DONE: ExecutionStatus[] = ['success', 'error', 'canceled', 'crashed'];
export const isExecutionDone = (status: ExecutionStatus) => DONE.includes(status);

export class RestClient {
	readonly http: AxiosInstance;
	/** Sent on every request: the login JWT is bound to it (n8n checks `browser-id`). */
	readonly browserId = randomUUID();
	private readonly cookies = new Map<string, string>();

	constructor(readonly baseUrl: string) {
		this.http = axios.create({
			baseURL: baseUrl,
			proxy: false,
			timeout: 60_000,
			maxRedirects: 0,
			validateStatus: () => true,
		});
	}

	// ------------------------------------------------------------------ plumbing

	/** The Cookie header value for this session (e.g. to send to the OAuth callback yourself). */
	cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/** The session cookie `n8n-auth`, once logged in. */
	get authCookie(): string | undefined {
		return this.cookies.get('n8n-auth');
	}

	private storeCookies(res: AxiosResponse): void {
		const setCookie = res.headers['set-cookie'];
		for (const line of setCookie ?? []) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq <= 0) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	/** Raw request with this session's cookie and browser-id; never throws on HTTP status. */
	async raw(
		method: Method,
		url: string,
		{ data, params, headers }: { data?: unknown; params?: Record<string, unknown>; headers?: Record<string, string> } = {},
	): Promise<AxiosResponse> {
		const res = await this.http.request({
			method,
			url,
			data,
			params,
			headers: { 'browser-id': this.browserId, cookie: this.cookieHeader(), ...headers },
		});
		this.storeCookies(res);
		return res;
	}

	/** A /rest call: unwraps n8n's `{ data }` envelope, throws N8nRestError on non-2xx. */
	async rest<T>(method: Method, path: string, opts: { data?: unknown; params?: Record<string, unknown> } = {}): Promise<T> {
		const url = `/rest${path}`;
		const res = await this.raw(method, url, opts);
		if (res.status < 200 || res.status >= 300) throw new N8nRestError(method.toUpperCase(), url, res.status, res.data);
		const body = res.data as unknown;
		return (typeof body === 'object' && body !== null && 'data' in body ? (body as { data: T }).data : body) as T;
	}

	// ------------------------------------------------------------------ users

	/** POST /rest/owner/setup — first user of a fresh instance; logs in (sets the cookie). */
	async setupOwner(owner = DEFAULT_OWNER): Promise<Record<string, unknown>> {
		return await this.rest('POST', '/owner/setup', { data: owner });
	}

	/** POST /rest/login { emailOrLdapLoginId, password } — sets the `n8n-auth` cookie. */
	async login(email = DEFAULT_OWNER.email, password = DEFAULT_OWNER.password): Promise<Record<string, unknown>> {
		return await this.rest('POST', '/login', { data: { emailOrLdapLoginId: email, password } });
	}

	/** Owner setup on a fresh instance (which logs in), else a plain login. */
	async setupOwnerOrLogin(owner = DEFAULT_OWNER): Promise<void> {
		const settings = await this.rest<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/settings');
		if (settings.userManagement?.showSetupOnFirstLoad) await this.setupOwner(owner);
		else await this.login(owner.email, owner.password);
	}

	// ------------------------------------------------------------------ types

	/** GET /types/nodes.json (needs the cookie): every node type n8n loaded. */
	async getNodeTypes(): Promise<NodeTypeDescription[]> {
		const res = await this.raw('GET', '/types/nodes.json');
		if (res.status !== 200) throw new N8nRestError('GET', '/types/nodes.json', res.status, res.data);
		return res.data as NodeTypeDescription[];
	}

	/** GET /types/credentials.json (needs the cookie): every credential type n8n loaded. */
	async getCredentialTypes(): Promise<CredentialTypeDescription[]> {
		const res = await this.raw('GET', '/types/credentials.json');
		if (res.status !== 200) throw new N8nRestError('GET', '/types/credentials.json', res.status, res.data);
		return res.data as CredentialTypeDescription[];
	}

	// ------------------------------------------------------------------ credentials

	/** POST /rest/credentials { name, type, data } (stored encrypted in the owner's project). */
	async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<Credential> {
		return await this.rest('POST', '/credentials', { data: { name, type, data } });
	}

	/** GET /rest/credentials/:id[?includeData=true] — data has secrets and oauthTokenData
	 *  blanked (use exportCredentialDecryptedCli for the real values). */
	async getCredential(id: string, { includeData = true } = {}): Promise<Credential> {
		return await this.rest('GET', `/credentials/${id}`, { params: includeData ? { includeData: true } : {} });
	}

	/** The credential's data as the API shows it (redacted). */
	async getCredentialData(id: string): Promise<Record<string, unknown>> {
		return (await this.getCredential(id)).data ?? {};
	}

	/** PATCH /rest/credentials/:id — blanked values sent back keep their stored value. */
	async updateCredential(id: string, patch: { name?: string; type?: string; data?: Record<string, unknown> }): Promise<Credential> {
		const current = await this.getCredential(id);
		return await this.rest('PATCH', `/credentials/${id}`, {
			data: { name: current.name, type: current.type, ...patch },
		});
	}

	/** DELETE /rest/credentials/:id */
	async deleteCredential(id: string): Promise<void> {
		await this.rest('DELETE', `/credentials/${id}`);
	}

	/** POST /rest/credentials/test — the editor's "Test" button. Tests the stored credential
	 *  `id`, with `data` (if given) merged over what is stored. Returns n8n's verdict as is. */
	async testCredential(
		id: string,
		override: { data?: Record<string, unknown> } = {},
	): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const stored = await this.getCredential(id);
		return await this.rest('POST', '/credentials/test', {
			data: { credentials: { id, name: stored.name, type: stored.type, data: override.data ?? stored.data ?? {} } },
		});
	}

	/** GET /rest/oauth2-credential/auth?id= — the provider's authorize URL (with n8n's state,
	 *  redirect_uri <base>/rest/oauth2-credential/callback, PKCE if the credential uses it). */
	async getOAuth2AuthUrl(credentialId: string): Promise<string> {
		return await this.rest('GET', '/oauth2-credential/auth', { params: { id: credentialId } });
	}

	// ------------------------------------------------------------------ workflows

	/** POST /rest/workflows — creates (inactive); returns it with id and versionId. */
	async createWorkflow(json: Record<string, unknown>): Promise<Workflow> {
		const { name, nodes, connections, settings, pinData, meta } = json;
		return await this.rest('POST', '/workflows', {
			data: {
				name: name ?? `e2e ${new Date().toISOString()}`,
				nodes,
				connections: connections ?? {},
				settings: settings ?? { executionOrder: 'v1' },
				...(pinData ? { pinData } : {}),
				...(meta ? { meta } : {}),
			},
		});
	}

	/** GET /rest/workflows/:id */
	async getWorkflow(id: string): Promise<Workflow> {
		return await this.rest('GET', `/workflows/${id}`);
	}

	/** GET /rest/workflows — every workflow the owner sees (archived ones included, flagged). */
	async listWorkflows(): Promise<Array<Workflow & { isArchived?: boolean }>> {
		return await this.rest('GET', '/workflows');
	}

	/** PATCH /rest/workflows/:id — the editor's Save (with the versionId it edits); returns the
	 *  saved workflow with its new versionId. An active workflow keeps running its published
	 *  version until it is activated again. */
	async updateWorkflow(id: string, patch: Partial<Pick<Workflow, 'name' | 'nodes' | 'connections'>> & { pinData?: Record<string, Array<{ json: Record<string, unknown> }>> }): Promise<Workflow> {
		const { versionId } = await this.getWorkflow(id);
		return await this.rest('PATCH', `/workflows/${id}`, { data: { versionId, ...patch } });
	}

	/** POST /rest/workflows/:id/activate { versionId } — 2.x "publish": registers its
	 *  production webhooks/triggers at once (no restart). */
	async activateWorkflow(id: string): Promise<Workflow> {
		const { versionId } = await this.getWorkflow(id);
		return await this.rest('POST', `/workflows/${id}/activate`, { data: { versionId } });
	}

	/** POST /rest/workflows/:id/deactivate — unregisters its webhooks (calls node delete()). */
	async deactivateWorkflow(id: string): Promise<Workflow> {
		return await this.rest('POST', `/workflows/${id}/deactivate`, { data: {} });
	}

	/** DELETE /rest/workflows/:id (archive first: n8n 2.x deletes only archived workflows). */
	async deleteWorkflow(id: string): Promise<void> {
		await this.rest('POST', `/workflows/${id}/archive`, { data: {} }).catch(() => undefined);
		await this.rest('DELETE', `/workflows/${id}`);
	}

	/** GET /rest/active-workflows — ids of active workflows. */
	async getActiveWorkflowIds(): Promise<string[]> {
		return await this.rest('GET', '/active-workflows');
	}

	/** GET /rest/active-workflows/error/:id — why activation failed, if it did. */
	async getActivationError(id: string): Promise<unknown> {
		return await this.rest('GET', `/active-workflows/error/${id}`);
	}

	/** POST /rest/workflows/:id/run { triggerToStartFrom: { name } } — the editor's "Execute
	 *  workflow". Starts from `triggerNodeName`, else the workflow's first manual trigger.
	 *  Returns the execution id (the run goes on in the background). */
	async startWorkflowManually(id: string, { triggerNodeName }: { triggerNodeName?: string } = {}): Promise<string> {
		let trigger = triggerNodeName;
		if (!trigger) {
			const workflow = await this.getWorkflow(id);
			trigger = workflow.nodes.find((n) => /manualTrigger$/i.test(n.type))?.name;
			if (!trigger) throw new Error(`workflow ${id} has no manual trigger: give triggerNodeName`);
		}
		const result = await this.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${id}/run`, {
			data: { triggerToStartFrom: { name: trigger } },
		});
		if (!result.executionId) {
			throw new Error(`manual run of ${id} did not start an execution: ${JSON.stringify(result)}`);
		}
		return result.executionId;
	}

	/** Manual run, then waits until the execution is done; returns it with its run data. */
	async runWorkflowManually(
		id: string,
		opts: { triggerNodeName?: string; timeoutMs?: number } = {},
	): Promise<Execution> {
		const executionId = await this.startWorkflowManually(id, opts);
		return await this.waitForExecution(executionId, opts.timeoutMs);
	}

	// ------------------------------------------------------------------ executions

	/** GET /rest/executions?filter={"workflowId":...} — newest first. */
	async listExecutions(workflowId?: string, { limit = 100 } = {}): Promise<ExecutionSummary[]> {
		const params: Record<string, unknown> = { limit };
		if (workflowId) params.filter = JSON.stringify({ workflowId });
		const page = await this.rest<{ results: ExecutionSummary[] }>('GET', '/executions', { params });
		return page.results;
	}

	/** GET /rest/executions/:id — with `data` (run data) parsed. */
	async getExecution(id: string): Promise<Execution> {
		const raw = await this.rest<Record<string, unknown> | undefined>('GET', `/executions/${id}`);
		if (!raw) throw new Error(`execution ${id} not found`);
		const data = typeof raw.data === 'string' ? parseFlatted(raw.data) : raw.data;
		return { ...raw, data } as Execution;
	}

	/** Waits until execution `id` is done (success/error/canceled/crashed). */
	async waitForExecution(id: string, timeoutMs = 60_000): Promise<Execution> {
		return await waitFor(
			async () => {
				const execution = await this.getExecution(id);
				return isExecutionDone(execution.status) ? execution : undefined;
			},
			{ timeoutMs, intervalMs: 300, what: `execution ${id} to finish` },
		);
	}

	/** Waits until workflow `workflowId` has at least `n` finished executions; returns them
	 *  (oldest first) with their run data. */
	async waitForExecutions(workflowId: string, n: number, timeoutMs = 60_000): Promise<Execution[]> {
		const done = await waitFor(
			async () => {
				const list = (await this.listExecutions(workflowId)).filter((e) => isExecutionDone(e.status));
				return list.length >= n ? list : undefined;
			},
			{ timeoutMs, what: `${n} finished execution(s) of workflow ${workflowId}` },
		);
		const oldestFirst = [...done].sort((a, b) => Number(a.id) - Number(b.id));
		return await Promise.all(oldestFirst.map(async (e) => await this.getExecution(e.id)));
	}
}
