/** n8n 2.41.1 in queue mode: the harness's process starter generalised to the three commands a
 *  distributed setup runs — `n8n start` (main: editor, REST API, activation), `n8n worker` (runs
 *  executions taken from the Redis queue) and `n8n webhook` (receives production webhooks and
 *  queues their executions). Same isolation as the harness (own user folder, loopback, free
 *  ports, watchdog), plus the shared queue env: Redis, PostgreSQL, one encryption key. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import axios from 'axios';

import { buildN8nEnv, ensureRuntime, getFreePorts, makeTempDir, sleep } from '../harness';
import type { PostgresService, RedisService } from './services';
import { startSupervised, tail, type ExitInfo, type SupervisedProcess } from './supervised';

export type N8nRole = 'main' | 'worker' | 'webhook';

const COMMAND: Record<N8nRole, string> = { main: 'start', worker: 'worker', webhook: 'webhook' };

/** The line each role prints once it is ready for work. */
const READY_LINE: Record<N8nRole, RegExp> = {
	main: /Editor is now accessible via/,
	worker: /n8n worker is now ready/,
	webhook: /Webhook listener waiting for requests/,
};

export interface QueueN8nInstance {
	role: N8nRole;
	/** http://127.0.0.1:<port> (the worker listens nowhere unless its health server is on). */
	baseUrl: string;
	port: number;
	brokerPort: number;
	pid: number;
	userFolder: string;
	logFile: string;
	logs(): string;
	isRunning(): boolean;
	stop(opts?: { timeoutMs?: number }): Promise<ExitInfo>;
}

export interface QueueEnvOptions {
	redis: Pick<RedisService, 'host' | 'port'>;
	postgres: Pick<PostgresService, 'host' | 'port' | 'user' | 'password' | 'database'>;
	/** Public base URL of production webhooks (the webhook processor): N8N_WEBHOOK_URL. */
	webhookBaseUrl: string;
	/** Base URL of the main (editor): N8N_EDITOR_BASE_URL. */
	editorBaseUrl: string;
}

/** What every process of one queue-mode installation shares. (N8N_ENCRYPTION_KEY: the harness
 *  sets the same fixed key for every process it starts.) */
export function queueEnv(opts: QueueEnvOptions): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: opts.redis.host,
		QUEUE_BULL_REDIS_PORT: String(opts.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: opts.postgres.host,
		DB_POSTGRESDB_PORT: String(opts.postgres.port),
		DB_POSTGRESDB_DATABASE: opts.postgres.database,
		DB_POSTGRESDB_USER: opts.postgres.user,
		DB_POSTGRESDB_PASSWORD: opts.postgres.password,
		N8N_WEBHOOK_URL: `${opts.webhookBaseUrl.replace(/\/$/, '')}/`,
		N8N_EDITOR_BASE_URL: `${opts.editorBaseUrl.replace(/\/$/, '')}/`,
		// A worker waits this long for running executions when stopped (default 30 s).
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

export interface StartQueueN8nOptions {
	role: N8nRole;
	/** With the package installed on its community-node path (each process needs its own copy). */
	userFolder: string;
	/** queueEnv(...) plus anything role-specific; wins over the harness defaults. */
	env: Record<string, string | undefined>;
	/** Listen port (main, webhook). Default: a free one. */
	port?: number;
	/** Extra CLI arguments (e.g. `--concurrency=10` for a worker). */
	args?: string[];
	/** Default 180 s. */
	startTimeoutMs?: number;
}

const HARNESS_SUPERVISOR = path.join(__dirname, '..', 'harness', 'supervisor.cjs');

export async function startQueueN8n(opts: StartQueueN8nOptions): Promise<QueueN8nInstance> {
	const runtime = ensureRuntime();
	const runDir = makeTempDir(`n8n-${opts.role}`);
	fs.mkdirSync(opts.userFolder, { recursive: true });
	const [freePort, brokerPort] = await getFreePorts(2);
	const port = opts.port ?? freePort;
	const baseUrl = `http://127.0.0.1:${port}`;
	// buildN8nEnv points N8N_WEBHOOK_URL/N8N_EDITOR_BASE_URL at this process; opts.env (queueEnv)
	// overrides them with the installation's real URLs.
	const env = buildN8nEnv(runtime, { userFolder: opts.userFolder, port, brokerPort, extra: opts.env });
	const proc: SupervisedProcess = startSupervised({
		name: `n8n ${opts.role}`,
		nodeBin: runtime.nodeBin,
		supervisorArgs: (pidFile) => [HARNESS_SUPERVISOR, pidFile, runtime.n8nBin, COMMAND[opts.role], ...(opts.args ?? [])],
		env,
		cwd: opts.userFolder,
		logFile: path.join(runDir, 'n8n.log'),
		pidFile: path.join(runDir, 'n8n.pid'),
		stopSignal: 'SIGTERM',
	});

	const fail = async (reason: string): Promise<never> => {
		await proc.stop({ timeoutMs: 5_000 });
		throw new Error(`n8n ${opts.role} did not start (${reason}). Log ${proc.logFile}:\n${tail(proc.logs())}`);
	};
	const deadline = Date.now() + (opts.startTimeoutMs ?? 180_000);
	const http = axios.create({ baseURL: baseUrl, proxy: false, timeout: 5_000, validateStatus: () => true });
	const needsHttp = opts.role !== 'worker';
	let httpReady = !needsHttp;
	for (;;) {
		if (!proc.isRunning()) return await fail('exited early');
		if (Date.now() > deadline) return await fail('timeout');
		if (!httpReady) {
			try {
				httpReady = (await http.get('/healthz/readiness')).status === 200;
			} catch {
				// not listening yet
			}
		}
		if (httpReady && READY_LINE[opts.role].test(proc.logs())) break;
		await sleep(200);
	}
	const pid = await proc.waitForPid();
	return {
		role: opts.role,
		baseUrl,
		port,
		brokerPort,
		pid,
		userFolder: opts.userFolder,
		logFile: proc.logFile,
		logs: proc.logs,
		isRunning: proc.isRunning,
		stop: async ({ timeoutMs = 20_000 } = {}) => await proc.stop({ timeoutMs }),
	};
}

/** Execution ids a worker's log says it ran: "Worker started execution <id> (job <job>)". */
export function executionsStartedByWorker(workerLog: string): Set<string> {
	const ids = new Set<string>();
	for (const m of workerLog.matchAll(/Worker started execution (\d+)/g)) ids.add(m[1]);
	return ids;
}

/** Execution ids a worker's log says it finished: "Worker finished execution <id> (job <job>)". */
export function executionsFinishedByWorker(workerLog: string): Set<string> {
	const ids = new Set<string>();
	for (const m of workerLog.matchAll(/Worker finished execution (\d+)/g)) ids.add(m[1]);
	return ids;
}
