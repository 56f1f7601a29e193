/** Private Redis and PostgreSQL for the queue-mode test: Debian's binaries (installed by
 *  scripts/ensure-queue-services.sh when missing), each on a free port on 127.0.0.1 with its data
 *  in a temp dir, run under a watchdog and stopped by PID. Nothing system-wide is started. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { getFreePort, makeTempDir, REPO_ROOT, sleep } from '../harness';
import { parseRuntimeEnv } from '../harness/runtime';
import { startSupervised, tail, type SupervisedProcess } from './supervised';

export interface QueueServicesPaths {
	redisServer: string;
	/** /usr/lib/postgresql/<ver>/bin */
	pgBin: string;
}

let paths: QueueServicesPaths | undefined;

/** Runs scripts/ensure-queue-services.sh (apt-installs redis-server / postgresql only when
 *  missing; ~0.1 s otherwise) and returns where the binaries are. */
export function ensureQueueServices(): QueueServicesPaths {
	if (paths) return paths;
	const stdout = execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'ensure-queue-services.sh')], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 15 * 60_000,
	});
	const env = parseRuntimeEnv(stdout);
	if (!env.ZB_REDIS_SERVER || !env.ZB_PG_BIN) {
		throw new Error(`ensure-queue-services.sh printed no ZB_REDIS_SERVER / ZB_PG_BIN; stdout:\n${stdout}`);
	}
	paths = { redisServer: env.ZB_REDIS_SERVER, pgBin: env.ZB_PG_BIN };
	return paths;
}

const SERVICE_SUPERVISOR = path.join(__dirname, 'service-supervisor.cjs');

async function canConnect(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function waitUntil(what: string, proc: SupervisedProcess, probe: () => Promise<boolean>, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await probe())) {
		if (!proc.isRunning()) throw new Error(`${what} exited while starting. Log ${proc.logFile}:\n${tail(proc.logs())}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms. Log ${proc.logFile}:\n${tail(proc.logs())}`);
		await sleep(100);
	}
}

/** Sends one inline Redis command and returns the raw reply (RESP). */
export async function redisCommand(port: number, ...args: string[]): Promise<string> {
	const payload = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
	return await new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		socket.setTimeout(5_000, () => socket.destroy(new Error('redis timeout')));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.endsWith('\r\n')) socket.end();
		});
		socket.on('end', () => resolve(reply));
		socket.on('close', () => resolve(reply));
		socket.on('error', reject);
		socket.write(payload);
	});
}

export interface RedisService {
	host: '127.0.0.1';
	port: number;
	process: SupervisedProcess;
	stop(): Promise<void>;
}

/** `redis-server --port <free> --bind 127.0.0.1 --save '' --appendonly no --daemonize no`. */
export async function startRedis(): Promise<RedisService> {
	const { redisServer } = ensureQueueServices();
	const dir = makeTempDir('redis');
	const port = await getFreePort();
	const proc = startSupervised({
		name: 'redis-server',
		nodeBin: process.execPath,
		supervisorArgs: (pidFile) => [
			SERVICE_SUPERVISOR,
			pidFile,
			'SIGTERM',
			'-',
			'-',
			redisServer,
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--dir',
			dir,
			'--protected-mode',
			'yes',
		],
		env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
		cwd: dir,
		logFile: path.join(dir, 'redis.log'),
		pidFile: path.join(dir, 'redis.pid'),
		stopSignal: 'SIGTERM',
	});
	await proc.waitForPid();
	await waitUntil('redis-server', proc, async () => (await canConnect(port)) && (await redisCommand(port, 'PING').catch(() => '')).startsWith('+PONG'));
	return { host: '127.0.0.1', port, process: proc, stop: async () => void (await proc.stop()) };
}

export interface PostgresService {
	host: '127.0.0.1';
	port: number;
	user: string;
	password: string;
	database: string;
	dataDir: string;
	process: SupervisedProcess;
	/** Runs SQL with psql; returns rows as arrays of column strings (unaligned, ASCII RS/US separators). */
	query(sql: string): string[][];
	stop(): Promise<void>;
}

function postgresIds(): { uid: number; gid: number } | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** A private cluster: initdb into a temp dir (as the `postgres` user when we are root: postgres
 *  refuses to run as root), postgres on a free port listening on 127.0.0.1 only (no Unix socket),
 *  durability off (a throwaway test DB), then `createdb`. */
export async function startPostgres(database = 'n8n'): Promise<PostgresService> {
	const { pgBin } = ensureQueueServices();
	const root = makeTempDir('postgres');
	const dataDir = path.join(root, 'data');
	const ids = postgresIds();
	// mkdtemp makes the dir 0700 for root: the postgres user must be able to reach its data dir.
	fs.chmodSync(root, 0o755);
	fs.mkdirSync(dataDir, { mode: 0o700 });
	const logFile = path.join(root, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (ids) {
		fs.chownSync(dataDir, ids.uid, ids.gid);
		fs.chownSync(logFile, ids.uid, ids.gid);
	}
	const user = 'postgres';
	const password = 'zb-e2e-postgres';
	const pwFile = path.join(root, 'pwfile');
	fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
	const asPostgres = ids ? { uid: ids.uid, gid: ids.gid } : {};
	const env = { PATH: `${pgBin}:${process.env.PATH ?? '/usr/bin:/bin'}`, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: root };
	execFileSync(
		path.join(pgBin, 'initdb'),
		['-D', dataDir, '-U', user, '--pwfile', pwFile, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--no-sync'],
		{ cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], ...asPostgres },
	);
	fs.rmSync(pwFile);

	const port = await getFreePort();
	const proc = startSupervised({
		name: 'postgres',
		nodeBin: process.execPath,
		supervisorArgs: (pidFile) => [
			SERVICE_SUPERVISOR,
			pidFile,
			// SIGINT = PostgreSQL's "fast" shutdown (SIGTERM waits for clients to disconnect).
			'SIGINT',
			ids ? String(ids.uid) : '-',
			ids ? String(ids.gid) : '-',
			path.join(pgBin, 'postgres'),
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		],
		env,
		cwd: root,
		logFile,
		pidFile: path.join(root, 'postgres.pid'),
		stopSignal: 'SIGINT',
	});
	await proc.waitForPid();
	const pgEnv = { ...env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '3' };
	await waitUntil('postgres', proc, async () => {
		try {
			execFileSync(path.join(pgBin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-q'], { env: pgEnv, stdio: 'ignore' });
			return true;
		} catch {
			return false;
		}
	});
	execFileSync(path.join(pgBin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { env: pgEnv, stdio: ['ignore', 'pipe', 'pipe'] });

	const query = (sql: string): string[][] => {
		const out = execFileSync(
			path.join(pgBin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-X', '-q', '-A', '-t', '-F', '\u001f', '-R', '\u001e', '-v', 'ON_ERROR_STOP=1', '-c', sql],
			{ env: pgEnv, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		return out
			.replace(/\n$/, '')
			.split('\u001e')
			.filter((record) => record !== '')
			.map((record) => record.split('\u001f'));
	};
	return { host: '127.0.0.1', port, user, password, database, dataDir, process: proc, query, stop: async () => void (await proc.stop()) };
}
