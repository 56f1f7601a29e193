/** A child process started under a watchdog (so it dies with the test process), with its output
 *  in a log file and a PID to stop it by. Used for the n8n roles and for Redis/PostgreSQL. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

import { isPidAlive, sleep } from '../harness';

export interface ExitInfo {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface SupervisedProcess {
	name: string;
	/** PID of the supervised program itself (not of the watchdog); 0 until known. */
	pid: number;
	logFile: string;
	logs(): string;
	isRunning(): boolean;
	/** Resolves once the PID is known (the watchdog writes it right after spawning). */
	waitForPid(timeoutMs?: number): Promise<number>;
	/** `signal` to the PID, wait for the watchdog to exit; SIGKILL to the process group after
	 *  `timeoutMs`. Idempotent. */
	stop(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<ExitInfo>;
}

export interface StartSupervisedOptions {
	name: string;
	/** Executable that runs the watchdog script (node). */
	nodeBin: string;
	/** Watchdog script and its arguments; the first argument after the script must be the PID file. */
	supervisorArgs: (pidFile: string) => string[];
	env: NodeJS.ProcessEnv;
	cwd: string;
	logFile: string;
	pidFile: string;
	/** Signal `stop()` sends by default. */
	stopSignal?: NodeJS.Signals;
}

function waitForExit(child: ChildProcess): Promise<ExitInfo> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	}
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const running = new Set<SupervisedProcess>();

export function startSupervised(opts: StartSupervisedOptions): SupervisedProcess {
	const logFd = fs.openSync(opts.logFile, 'a');
	const watchdog = spawn(opts.nodeBin, opts.supervisorArgs(opts.pidFile), {
		cwd: opts.cwd,
		env: opts.env,
		stdio: ['pipe', logFd, logFd],
	});
	fs.closeSync(logFd);
	// Neither the child nor the pipe keep the test process alive; the pipe closing is the
	// watchdog's signal that we are gone.
	watchdog.unref();
	(watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	const exited = waitForExit(watchdog);

	let stopped: Promise<ExitInfo> | undefined;
	const readPid = () => {
		if (!proc.pid && fs.existsSync(opts.pidFile)) proc.pid = Number(fs.readFileSync(opts.pidFile, 'utf8').trim()) || 0;
		return proc.pid;
	};

	const proc: SupervisedProcess = {
		name: opts.name,
		pid: 0,
		logFile: opts.logFile,
		logs: () => (fs.existsSync(opts.logFile) ? fs.readFileSync(opts.logFile, 'utf8') : ''),
		isRunning: () => watchdog.exitCode === null && watchdog.signalCode === null,
		async waitForPid(timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			while (!readPid()) {
				if (!proc.isRunning()) throw new Error(`${opts.name} exited before it started:\n${proc.logs().slice(-3000)}`);
				if (Date.now() > deadline) throw new Error(`${opts.name}: no PID after ${timeoutMs} ms`);
				await sleep(50);
			}
			return proc.pid;
		},
		stop({ signal = opts.stopSignal ?? 'SIGTERM', timeoutMs = 20_000 } = {}) {
			stopped ??= (async () => {
				watchdog.ref();
				const pid = readPid();
				if (proc.isRunning()) {
					if (pid && isPidAlive(pid)) process.kill(pid, signal);
					else watchdog.kill('SIGTERM');
					let timer: NodeJS.Timeout | undefined;
					const timeout = new Promise<'timeout'>((resolve) => {
						timer = setTimeout(() => resolve('timeout'), timeoutMs);
					});
					const first = await Promise.race([exited, timeout]);
					clearTimeout(timer);
					if (first === 'timeout') {
						try {
							if (pid) process.kill(-pid, 'SIGKILL');
						} catch {}
						watchdog.kill('SIGKILL');
					}
				}
				const result = await exited;
				watchdog.stdin?.destroy();
				// Whatever the program left in its process group (n8n's task runner) goes too.
				if (pid) {
					for (let i = 0; i < 50 && isPidAlive(pid); i++) await sleep(100);
					try {
						process.kill(-pid, 'SIGKILL');
					} catch {}
				}
				running.delete(proc);
				return result;
			})();
			return stopped;
		},
	};
	running.add(proc);
	return proc;
}

/** Stops every supervised process still running, in reverse start order (n8n before the
 *  services it uses). */
export async function stopAllSupervised(): Promise<void> {
	for (const proc of [...running].reverse()) {
		try {
			await proc.stop();
		} catch (error) {
			console.error(`stopping ${proc.name}: ${(error as Error).message}`);
		}
	}
}

export function tail(text: string, lines = 60): string {
	return text.split('\n').slice(-lines).join('\n');
}
