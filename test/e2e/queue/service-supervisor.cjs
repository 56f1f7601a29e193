// Watchdog between the test process and a service binary (redis-server, postgres), so no service
// outlives the tests:
//   node service-supervisor.cjs <pidFile> <stopSignal> <uid|-> <gid|-> <bin> <args...>
// Starts <bin> (as uid/gid when given: PostgreSQL refuses to run as root) as the leader of its
// own process group, writes its PID to <pidFile>, and stops it with <stopSignal> (SIGKILL to its
// group after a grace period) when our stdin closes — the test process exited or died — or when
// we get SIGTERM/SIGINT. Exits with the service's exit code.
// (The harness's supervisor.cjs runs n8n's JS entry point with node; this one runs any binary.)
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const [pidFile, stopSignal, uid, gid, bin, ...args] = process.argv.slice(2);
const GRACE_MS = Number(process.env.ZB_SUPERVISOR_GRACE_MS || 10000);

const child = spawn(bin, args, {
	stdio: ['ignore', 'inherit', 'inherit'],
	env: process.env,
	detached: true,
	...(uid && uid !== '-' ? { uid: Number(uid) } : {}),
	...(gid && gid !== '-' ? { gid: Number(gid) } : {}),
});
child.on('error', (error) => {
	process.stderr.write(`[service-supervisor] could not start ${bin}: ${error.message}\n`);
	process.exit(127);
});
if (child.pid) fs.writeFileSync(pidFile, String(child.pid));

let killTimer;
function killGroup(signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {}
	}
}
function stop(reason) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	process.stderr.write(`[service-supervisor] stopping ${bin} (pid ${child.pid}): ${reason}\n`);
	try {
		child.kill(stopSignal);
	} catch {}
	if (!killTimer) {
		killTimer = setTimeout(() => {
			process.stderr.write(`[service-supervisor] ${bin} still running after ${GRACE_MS} ms: SIGKILL\n`);
			killGroup('SIGKILL');
		}, GRACE_MS);
	}
}

process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
process.stdin.on('end', () => stop('test process closed the pipe'));
process.stdin.on('close', () => stop('test process closed the pipe'));
process.stdin.on('error', () => stop('pipe error'));
process.stdin.resume();
process.on('SIGTERM', () => stop('supervisor got SIGTERM'));
process.on('SIGINT', () => stop('supervisor got SIGINT'));

child.on('exit', (code, signal) => {
	if (killTimer) clearTimeout(killTimer);
	killGroup('SIGKILL');
	process.stderr.write(`[service-supervisor] ${bin} exited (code ${code}, signal ${signal})\n`);
	process.exit(code ?? (signal ? 128 : 1));
});
