/** A whole queue-mode installation on one machine: private Redis + PostgreSQL, an n8n main (REST,
 *  activation; production webhooks off), one worker and one webhook processor — each n8n with the
 *  packed package installed on its own community-node path, as a user would deploy it. */
import { getFreePorts, installIntoUserFolder, isPidAlive, makeTempDir, packPackage, RestClient, type ExecutionStatus } from '../harness';
import { queueEnv, startQueueN8n, type QueueN8nInstance, type StartQueueN8nOptions } from './n8n-queue';
import { startPostgres, startRedis, type PostgresService, type RedisService } from './services';
import { stopAllSupervised, type ExitInfo } from './supervised';

export interface QueueInstallation {
	redis: RedisService;
	postgres: PostgresService;
	main: QueueN8nInstance;
	worker: QueueN8nInstance;
	webhook: QueueN8nInstance;
	/** Logged in as the owner on the main. */
	client: RestClient;
	/** Seconds each phase of the start took. */
	timings: Record<string, number>;
	/** How the worker was started: startNewWorker starts another one the same way. */
	workerOptions: StartQueueN8nOptions;
}

export interface StartQueueInstallationOptions {
	/** `n8n worker --concurrency`. Default 10 (n8n's default). */
	workerConcurrency?: number;
	/** Extra env for every process. */
	env?: Record<string, string>;
}

export async function startQueueInstallation(opts: StartQueueInstallationOptions = {}): Promise<QueueInstallation> {
	const timings: Record<string, number> = {};
	let t = Date.now();
	const lap = (name: string) => {
		timings[name] = Math.round((Date.now() - t) / 100) / 10;
		t = Date.now();
	};
	const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
	lap('redis+postgres');

	const tarball = packPackage();
	const folders = (['main', 'worker', 'webhook'] as const).map((role) => {
		const folder = makeTempDir(`queue-${role}-user`);
		installIntoUserFolder(folder, tarball);
		return folder;
	});
	lap('package installed x3');

	const [mainPort, webhookPort] = await getFreePorts(2);
	const env = {
		...queueEnv({
			redis,
			postgres,
			webhookBaseUrl: `http://127.0.0.1:${webhookPort}`,
			editorBaseUrl: `http://127.0.0.1:${mainPort}`,
		}),
		...opts.env,
	};
	// The main starts first: it runs the DB migrations the others wait for.
	const main = await startQueueN8n({
		role: 'main',
		userFolder: folders[0],
		port: mainPort,
		// Production webhooks go to the webhook processor only, as behind a load balancer that
		// routes /webhook/* there.
		env: { ...env, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
	});
	lap('main');
	const workerOptions: StartQueueN8nOptions = { role: 'worker', userFolder: folders[1], env, args: [`--concurrency=${opts.workerConcurrency ?? 10}`] };
	const [worker, webhook] = await Promise.all([
		startQueueN8n(workerOptions),
		startQueueN8n({ role: 'webhook', userFolder: folders[2], env, port: webhookPort }),
	]);
	lap('worker+webhook');
	const client = new RestClient(main.baseUrl);
	await client.setupOwnerOrLogin();
	return { redis, postgres, main, worker, webhook, client, timings, workerOptions };
}

/** SIGKILLs the worker — no graceful shutdown: the executions it runs stop mid-way, as on an OOM
 *  kill or a lost machine — and waits until it (and its task runner) is gone. */
export async function killWorker(q: QueueInstallation): Promise<ExitInfo> {
	const { pid } = q.worker;
	process.kill(pid, 'SIGKILL');
	const exit = await q.worker.stop({ timeoutMs: 10_000 });
	if (isPidAlive(pid)) throw new Error(`the worker (pid ${pid}) still runs after SIGKILL`);
	return exit;
}

/** Starts a new worker on the user folder of the one before, as a process manager restarts it
 *  (at boot, n8n reads that folder's event log and marks what the old worker left unfinished as
 *  crashed). Replaces `q.worker`. */
export async function startNewWorker(q: QueueInstallation): Promise<QueueN8nInstance> {
	q.worker = await startQueueN8n(q.workerOptions);
	return q.worker;
}

export async function stopQueueInstallation(): Promise<void> {
	await stopAllSupervised();
}

export interface ExecutionRow {
	id: string;
	status: ExecutionStatus;
	mode: string;
	/** The execution's run data as stored (a flatted string); only when asked for. */
	data?: string;
}

/** Executions of a workflow straight from PostgreSQL (the REST list stops at 100 per page). */
export function executionsOf(postgres: PostgresService, workflowId: string, { withData = false } = {}): ExecutionRow[] {
	const safeId = workflowId.replace(/[^A-Za-z0-9_-]/g, '');
	const rows = postgres.query(
		`SELECT e.id, e.status, e.mode${withData ? ', d.data' : ''} FROM execution_entity e` +
			`${withData ? ' LEFT JOIN execution_data d ON d."executionId" = e.id' : ''}` +
			` WHERE e."workflowId" = '${safeId}' ORDER BY e.id`,
	);
	return rows.map(([id, status, mode, data]) => ({ id, status: status as ExecutionStatus, mode, ...(withData ? { data } : {}) }));
}

/** The workflow's static data as n8n stored it (workflow_entity."staticData"). */
export function staticDataOf(postgres: PostgresService, workflowId: string): Record<string, unknown> {
	const safeId = workflowId.replace(/[^A-Za-z0-9_-]/g, '');
	const [row] = postgres.query(`SELECT "staticData" FROM workflow_entity WHERE id = '${safeId}'`);
	return row?.[0] ? (JSON.parse(row[0]) as Record<string, unknown>) : {};
}
