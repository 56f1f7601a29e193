/** The environment every n8n process of the harness runs with (server and CLI alike). */
import * as path from 'node:path';

import type { Runtime } from './runtime';

/** Fixed, so the CLI and the server of one user folder (and re-runs) read the same DB. */
export const E2E_ENCRYPTION_KEY = 'zb-e2e-encryption-key-not-a-secret-0123456789';

export interface N8nEnvOptions {
	userFolder: string;
	/** N8N_PORT; also sets N8N_WEBHOOK_URL (2.x name of WEBHOOK_URL) and N8N_EDITOR_BASE_URL
	 *  to http://127.0.0.1:<port>/. */
	port?: number;
	/** N8N_RUNNERS_BROKER_PORT: the task runner's broker port (each n8n process needs its own). */
	brokerPort?: number;
	/** Added last: wins over everything. */
	extra?: Record<string, string | undefined>;
}

/** Variables of the parent that must not leak into n8n (n8n config, proxies, jest's NODE_ENV). */
function isInheritedVarDropped(key: string): boolean {
	return (
		/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_|CREDENTIALS_|WEBHOOK_URL$|VUE_APP_|NODE_FUNCTION_ALLOW_)/.test(
			key,
		) ||
		/^(http_proxy|https_proxy|all_proxy|no_proxy)$/i.test(key) ||
		/^(NODE_ENV|NODE_OPTIONS|NODE_PATH|JEST_WORKER_ID|TS_JEST.*)$/.test(key) ||
		/^npm_/i.test(key)
	);
}

export function buildN8nEnv(runtime: Runtime, opts: N8nEnvOptions): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!isInheritedVarDropped(key)) env[key] = value;
	}
	Object.assign(env, {
		PATH: `${path.join(runtime.nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
		// jest sets NODE_ENV=test, and n8n refuses to load nodes when it sees it.
		NODE_ENV: 'production',
		NO_PROXY: '127.0.0.1,localhost,::1',
		N8N_USER_FOLDER: opts.userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Its refresh task calls api.n8n.io at start; the machine has no internet.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	});
	if (opts.port !== undefined) {
		const baseUrl = `http://127.0.0.1:${opts.port}/`;
		env.N8N_PORT = String(opts.port);
		env.N8N_WEBHOOK_URL = baseUrl;
		env.N8N_EDITOR_BASE_URL = baseUrl;
	}
	if (opts.brokerPort !== undefined) env.N8N_RUNNERS_BROKER_PORT = String(opts.brokerPort);
	for (const [key, value] of Object.entries(opts.extra ?? {})) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}
