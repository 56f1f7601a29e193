/** Where the pinned Node 24 and n8n live: installs them on first use (scripts/ensure-runtime.sh,
 *  instant once stamped) and reads back the paths it prints. */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Runtime {
	cacheDir: string;
	/** Node 24 executable that runs n8n. */
	nodeBin: string;
	/** Node 24's install dir (bin/, include/): put bin/ first on PATH, use as npm_config_nodedir. */
	nodeHome: string;
	nodeVersion: string;
	/** n8n's JS entry point (`<nodeBin> <n8nBin> start`). */
	n8nBin: string;
	n8nVersion: string;
}

let cached: Runtime | undefined;

/** Parses `export KEY='value'` lines as printed by ensure-runtime.sh. */
export function parseRuntimeEnv(text: string): Record<string, string> {
	const env: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const m = /^(?:export\s+)?([A-Z0-9_]+)='([^']*)'\s*$/.exec(line.trim());
		if (m) env[m[1]] = m[2];
	}
	return env;
}

/** Installs the runtime if needed (may take minutes on a cold cache; progress on stderr). */
export function ensureRuntime(): Runtime {
	if (cached) return cached;
	const script = path.join(REPO_ROOT, 'scripts', 'ensure-runtime.sh');
	const stdout = execFileSync('bash', [script], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 30 * 60_000,
		maxBuffer: 10 * 1024 * 1024,
	});
	const env = parseRuntimeEnv(stdout);
	const need = ['ZB_CACHE_DIR', 'ZB_NODE24_BIN', 'ZB_NODE24_HOME', 'ZB_N8N_BIN', 'ZB_N8N_VERSION'];
	const missing = need.filter((k) => !env[k]);
	if (missing.length) {
		throw new Error(`ensure-runtime.sh did not print ${missing.join(', ')}; stdout was:\n${stdout}`);
	}
	cached = {
		cacheDir: env.ZB_CACHE_DIR,
		nodeBin: env.ZB_NODE24_BIN,
		nodeHome: env.ZB_NODE24_HOME,
		nodeVersion: env.ZB_NODE24_VERSION ?? '',
		n8nBin: env.ZB_N8N_BIN,
		n8nVersion: env.ZB_N8N_VERSION,
	};
	return cached;
}
