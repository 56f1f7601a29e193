/**
 * Process environment for n8n-core inside jest. Must run before any n8n package is loaded:
 * `@n8n/config` classes read `process.env` when the DI container first builds them, and
 * `InstanceSettings` writes `<N8N_USER_FOLDER>/.n8n/config` (an encryption key) on first use.
 * Pointing the user folder at a fresh temp dir keeps a developer's real `~/.n8n` untouched.
 *
 * This module imports only node builtins, so `import './env'` placed first in a module is
 * guaranteed to execute before the n8n imports that follow it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HARNESS_FLAG = '__N8N_TEST_HARNESS_USER_FOLDER__';

// One fresh folder per process (jest re-evaluates this module for every test file in a
// worker; the marker, keyed by pid, makes those re-runs reuse it). An N8N_USER_FOLDER from the
// caller's shell is never inherited.
const marker = `${process.pid}:${process.env.N8N_USER_FOLDER ?? ''}`;
if (process.env[HARNESS_FLAG] !== marker) {
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.env[HARNESS_FLAG] = `${process.pid}:${userFolder}`;
	process.once('exit', () => rmSync(userFolder, { recursive: true, force: true }));
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

export const harnessUserFolder = process.env.N8N_USER_FOLDER as string;
