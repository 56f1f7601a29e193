/**
 * Process environment for n8n-core inside jest. Must run before any n8n package is loaded:
 * `@n8n/config` classes read `process.env` when the DI container first builds them, and
 * `InstanceSettings` writes `<N8N_USER_FOLDER>/.n8n/config` (an encryption key) on first use.
 * Pointing the user folder at a temp dir keeps a developer's real `~/.n8n` untouched.
 *
 * This module imports only node builtins (and ../processAlive, which imports none), so `import './env'` placed first in a module is
 * guaranteed to execute before the n8n imports that follow it.
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { isAlive } from '../processAlive';

// One folder per process, never the caller's N8N_USER_FOLDER. Every execution makes n8n-core
// build InstanceSettings, which writes `.n8n/config` there. jest re-evaluates this module per
// test file (same pid, same folder) and gives no reliable exit hook in its sandbox, so
// instead of cleaning up at exit, folders of processes that are gone are swept here.
const PREFIX = 'n8n-harness-';
const userFolder = join(tmpdir(), `${PREFIX}${process.pid}`);
if (process.env.N8N_USER_FOLDER !== userFolder) {
	process.env.N8N_USER_FOLDER = userFolder;
	sweepFoldersOfDeadProcesses();
}

const defaults: Record<string, string> = {
	// Quiet: the harness also replaces the Logger in DI; this covers code that builds its own.
	N8N_LOG_LEVEL: 'silent',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	// InstanceSettings warns (to the console) when the settings file permissions are not enforced.
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
};
for (const [key, value] of Object.entries(defaults)) {
	process.env[key] ??= value;
}

function sweepFoldersOfDeadProcesses() {
	let names: string[];
	try {
		names = readdirSync(tmpdir());
	} catch {
		return;
	}
	for (const name of names) {
		const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length) : NaN);
		if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
		rmSync(join(tmpdir(), name), { recursive: true, force: true });
	}
}


export const harnessUserFolder = process.env.N8N_USER_FOLDER as string;

/** For scripts (the benchmark), which unlike jest have an end: the folder goes with them. */
export function removeHarnessUserFolder(): void {
	rmSync(userFolder, { recursive: true, force: true });
}
