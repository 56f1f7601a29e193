// Watchdog between the test process and n8n (server or CLI command), so no n8n outlives the
// tests:   node supervisor.cjs <pidFile> <n8n bin> <args...>
// Starts n8n (same node, same env, stdout/stderr inherited) as the leader of its own process
// group, writes its PID to <pidFile>, and stops it (SIGTERM, then SIGKILL to the whole group
// after a grace period) when our stdin closes — the test process exited or died — or when we
// get SIGTERM/SIGINT. Exits with n8n's exit code. ZB_SUPERVISOR_QUIET=1: no exit message.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const [pidFile, bin, ...args] = process.argv.slice(2);
const GRACE_MS = Number(process.env.ZB_SUPERVISOR_GRACE_MS || 15000);
const QUIET = process.env.ZB_SUPERVISOR_QUIET === '1';

const child = spawn(process.execPath, [bin, ...args], {
	stdio: ['ignore', 'inherit', 'inherit'],
	env: process.env,
	detached: true,
});
fs.writeFileSync(pidFile, String(child.pid));

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
	process.stderr.write(`[supervisor] stopping n8n (pid ${child.pid}): ${reason}\n`);
	try {
		child.kill('SIGTERM');
	} catch {}
	if (!killTimer) {
		killTimer = setTimeout(() => {
			process.stderr.write(`[supervisor] n8n still running after ${GRACE_MS} ms: SIGKILL\n`);
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
	// Whatever n8n left in its group (task runner) goes with it.
	killGroup('SIGKILL');
	if (!QUIET) process.stderr.write(`[supervisor] n8n exited (code ${code}, signal ${signal})\n`);
	process.exit(code ?? (signal ? 128 : 1));
});
