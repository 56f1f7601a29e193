/** A real `n8n start` on Node 24: isolated user folder, free ports, loopback only, logs in a
 *  file, stopped by SIGTERM to its PID. A watchdog (supervisor.cjs) stops it if the test
 *  process dies first. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import axios from 'axios';

import { buildN8nEnv } from './n8n-env';
import { getFreePorts } from './ports';
import { ensureRuntime } from './runtime';
import { makeTempDir } from './temp';
import { sleep } from './wait';
import { isAlive } from '../../processAlive';

export interface StartN8nOptions {
	/** Extra env for n8n (wins over the harness's defaults; undefined removes a variable). */
	env?: Record<string, string | undefined>;
	/** Reuse a user folder (e.g. one with the package installed, or a DB made by the CLI). */
	userFolder?: string;
	/** Where n8n.log and n8n.pid go (default: a temp dir removed with the others). The log is
	 *  started afresh: a log left by an earlier run must not count as this run's. */
	runDir?: string;
	/** The editor port (default: a free one). It must be free. */
	port?: number;
	/** Default 180 s. */
	startTimeoutMs?: number;
	/** Wait for "Editor is now accessible", printed once active workflows are registered
	 *  (after /healthz/readiness). Default true. */
	waitForEditorLine?: boolean;
}

export interface StopOptions {
	/** SIGKILL (the process group) if still running after this long. Default 20 s. */
	timeoutMs?: number;
}

export interface N8nInstance {
	/** http://127.0.0.1:<port> — no trailing slash. */
	baseUrl: string;
	port: number;
	brokerPort: number;
	/** PID of the n8n main process. */
	pid: number;
	userFolder: string;
	logFile: string;
	/** SIGTERM to the PID, wait for exit, SIGKILL after a timeout. Idempotent. */
	stop(opts?: StopOptions): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Everything n8n printed so far (stdout and stderr, interleaved). */
	logs(): string;
	isRunning(): boolean;
}

const running = new Set<N8nInstance>();

export const isPidAlive = isAlive;

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	}
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function tail(text: string, lines = 60): string {
	return text.split('\n').slice(-lines).join('\n');
}

export async function startN8n(opts: StartN8nOptions = {}): Promise<N8nInstance> {
	const runtime = ensureRuntime();
	const runDir = opts.runDir ?? makeTempDir('n8n');
	const userFolder = opts.userFolder ?? path.join(runDir, 'user');
	fs.mkdirSync(userFolder, { recursive: true });
	const logFile = path.join(runDir, 'n8n.log');
	const pidFile = path.join(runDir, 'n8n.pid');
	fs.rmSync(pidFile, { force: true });
	const [freePort, brokerPort] = await getFreePorts(2);
	const port = opts.port ?? freePort;
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = buildN8nEnv(runtime, { userFolder, port, brokerPort, extra: opts.env });

	const logFd = fs.openSync(logFile, 'w');
	const supervisor = spawn(
		runtime.nodeBin,
		[path.join(__dirname, 'supervisor.cjs'), pidFile, runtime.n8nBin, 'start'],
		{ cwd: userFolder, env, stdio: ['pipe', logFd, logFd] },
	);
	fs.closeSync(logFd);
	// Neither the child nor the pipe keep the test process alive; the pipe closing is the
	// watchdog's signal that we are gone.
	supervisor.unref();
	(supervisor.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	const exited = waitForExit(supervisor);

	const logs = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	const failStart = async (reason: string): Promise<never> => {
		await stopSupervisor(5_000);
		throw new Error(`n8n did not start (${reason}). Log ${logFile}:\n${tail(logs())}`);
	};

	let stopped: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
	let n8nPid = 0;
	async function stopSupervisor(timeoutMs: number) {
		// Keep the event loop alive while we wait (the child is unref'd while it runs).
		supervisor.ref();
		if (supervisor.exitCode === null && supervisor.signalCode === null) {
			// SIGTERM to n8n itself (the supervisor exits with it); to the supervisor if n8n's
			// PID is not known yet.
			if (n8nPid && isPidAlive(n8nPid)) process.kill(n8nPid, 'SIGTERM');
			else supervisor.kill('SIGTERM');
			let timeout: NodeJS.Timeout | undefined;
			const timer = new Promise<'timeout'>((resolve) => {
				timeout = setTimeout(() => resolve('timeout'), timeoutMs);
			});
			const first = await Promise.race([exited, timer]);
			clearTimeout(timeout);
			if (first === 'timeout') {
				if (n8nPid) {
					try {
						process.kill(-n8nPid, 'SIGKILL');
					} catch {}
				}
				supervisor.kill('SIGKILL');
			}
		}
		const result = await exited;
		supervisor.stdin?.destroy();
		// The task runner lives in n8n's process group; nothing of it may remain.
		if (n8nPid) {
			for (let i = 0; i < 50 && isPidAlive(n8nPid); i++) await sleep(100);
			try {
				process.kill(-n8nPid, 'SIGKILL');
			} catch {}
		}
		return result;
	}

	const instance: N8nInstance = {
		baseUrl,
		port,
		brokerPort,
		pid: 0,
		userFolder,
		logFile,
		logs,
		isRunning: () => supervisor.exitCode === null && supervisor.signalCode === null,
		stop: async ({ timeoutMs = 20_000 }: StopOptions = {}) => {
			stopped ??= stopSupervisor(timeoutMs).finally(() => running.delete(instance));
			return await stopped;
		},
	};
	running.add(instance);

	const deadline = Date.now() + (opts.startTimeoutMs ?? 180_000);
	const http = axios.create({ baseURL: baseUrl, proxy: false, timeout: 5_000, validateStatus: () => true });
	let ready = false;
	while (!ready) {
		if (!instance.isRunning()) {
			const { code, signal } = await exited;
			return await failStart(`exited early with code ${code}, signal ${signal}`);
		}
		if (Date.now() > deadline) return await failStart('timeout');
		if (!n8nPid && fs.existsSync(pidFile)) {
			n8nPid = Number(fs.readFileSync(pidFile, 'utf8').trim()) || 0;
			instance.pid = n8nPid;
		}
		try {
			const res = await http.get('/healthz/readiness');
			ready = res.status === 200;
		} catch {
			// not listening yet
		}
		if (!ready) await sleep(250);
	}
	if (opts.waitForEditorLine ?? true) {
		while (!/Editor is now accessible via/.test(logs())) {
			if (!instance.isRunning()) return await failStart('exited after becoming ready');
			if (Date.now() > deadline) return await failStart('timeout waiting for "Editor is now accessible"');
			await sleep(200);
		}
	}
	if (!instance.pid) return await failStart('supervisor wrote no PID');
	return instance;
}

/** Stops every n8n this process started and has not stopped yet (for afterAll). */
export async function stopAllN8n(): Promise<void> {
	await Promise.all([...running].map(async (instance) => await instance.stop()));
}
