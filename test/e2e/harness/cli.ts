/** The pinned n8n's CLI on Node 24, with the same env as the server of that user folder.
 *  Changes made by the CLI (import, publish) reach a running server only after a restart. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildN8nEnv } from './n8n-env';
import { getFreePort } from './ports';
import { ensureRuntime } from './runtime';
import { makeTempDir } from './temp';

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	env?: Record<string, string | undefined>;
	/** Default 120 s, then SIGKILL. */
	timeoutMs?: number;
}

/** Runs `n8n <args...>` for a user folder; resolves whatever the exit code (check it). */
export async function n8nCli(userFolder: string, args: string[], opts: CliOptions = {}): Promise<CliResult> {
	const runtime = ensureRuntime();
	fs.mkdirSync(userFolder, { recursive: true });
	// Some commands start a task-runner broker: give each its own port.
	const env = buildN8nEnv(runtime, { userFolder, brokerPort: await getFreePort(), extra: opts.env });
	const pidFile = path.join(makeTempDir('cli'), 'n8n.pid');
	return await new Promise<CliResult>((resolve, reject) => {
		// Through the watchdog: the command dies with the test process.
		const child = spawn(
			runtime.nodeBin,
			[path.join(__dirname, 'supervisor.cjs'), pidFile, runtime.n8nBin, ...args],
			{ cwd: userFolder, env: { ...env, ZB_SUPERVISOR_QUIET: '1' }, stdio: ['pipe', 'pipe', 'pipe'] },
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		let killTimer: NodeJS.Timeout | undefined;
		const timer = setTimeout(() => {
			stderr += `\n[harness] n8n ${args[0]} timed out after ${opts.timeoutMs ?? 120_000} ms\n`;
			child.kill('SIGTERM'); // the supervisor stops n8n (SIGKILL to its group after 15 s)
			killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		}, opts.timeoutMs ?? 120_000);
		const done = () => {
			clearTimeout(timer);
			if (killTimer) clearTimeout(killTimer);
			child.stdin.destroy();
		};
		child.on('error', (error) => {
			done();
			reject(error);
		});
		child.on('close', (code, signal) => {
			done();
			resolve({ code, signal, stdout, stderr });
		});
	});
}

function describe(args: string[], result: CliResult): string {
	return `n8n ${args.join(' ')} exited with ${result.code ?? result.signal}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

async function n8nCliOk(userFolder: string, args: string[], opts?: CliOptions): Promise<CliResult> {
	const result = await n8nCli(userFolder, args, opts);
	if (result.code !== 0) throw new Error(describe(args, result));
	return result;
}

/** An id in n8n's format (16 alphanumerics), so imported entities have a known id. */
export function newEntityId(): string {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	let id = '';
	for (let i = 0; i < 16; i++) id += chars[Math.floor(Math.random() * chars.length)];
	return id;
}

/** Finds the JSON document that `execute` prints after its log lines. */
export function parseJsonAfterLogs(stdout: string): unknown {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{' && lines[i] !== '[') continue;
		try {
			return JSON.parse(lines.slice(i).join('\n'));
		} catch {
			// a log line that happened to be "{": try the next candidate
		}
	}
	return undefined;
}

export interface CliExecution {
	ok: boolean;
	/** What n8n printed: { data: { resultData: { runData, error?, lastNodeExecuted } }, status, ... } */
	run: unknown;
	result: CliResult;
}

/** `n8n execute --id=<id> --rawOutput`. ok only if it exited 0 AND printed a run without error
 *  (execute without a valid id prints a message and exits 0). */
export async function executeWorkflowCli(userFolder: string, workflowId: string, opts?: CliOptions): Promise<CliExecution> {
	const result = await n8nCli(userFolder, ['execute', `--id=${workflowId}`, '--rawOutput'], opts);
	const run = parseJsonAfterLogs(result.stdout);
	const runError = (run as { data?: { resultData?: { error?: unknown } } } | undefined)?.data?.resultData?.error;
	return { ok: result.code === 0 && run !== undefined && !runError, run, result };
}

function writeJsonTemp(name: string, value: unknown): string {
	const file = path.join(makeTempDir('cli'), name);
	fs.writeFileSync(file, JSON.stringify(value, null, 2), 'utf8');
	return file;
}

/** `n8n import:workflow`; gives the workflow an id when it has none. Returns the id. */
export async function importWorkflowCli(userFolder: string, workflow: Record<string, unknown>): Promise<string> {
	const id = typeof workflow.id === 'string' && workflow.id ? workflow.id : newEntityId();
	const file = writeJsonTemp('workflow.json', { active: false, settings: {}, ...workflow, id });
	await n8nCliOk(userFolder, ['import:workflow', `--input=${file}`]);
	return id;
}

export interface CredentialImport {
	id?: string;
	name: string;
	type: string;
	/** Plain data: the CLI encrypts it with the instance key. */
	data: Record<string, unknown>;
}

/** `n8n import:credentials`. Returns the id. */
export async function importCredentialCli(userFolder: string, credential: CredentialImport): Promise<string> {
	const id = credential.id ?? newEntityId();
	const file = writeJsonTemp('credentials.json', [{ ...credential, id }]);
	await n8nCliOk(userFolder, ['import:credentials', `--input=${file}`]);
	return id;
}

/** `n8n publish:workflow --id=` — 2.x activation; takes effect at the next `n8n start`. */
export async function publishWorkflowCli(userFolder: string, workflowId: string): Promise<void> {
	await n8nCliOk(userFolder, ['publish:workflow', `--id=${workflowId}`]);
}

export interface ExportedCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** `n8n export:credentials --decrypted`: the stored data unredacted, tokens included
 *  (the REST API blanks secrets and oauthTokenData). */
export async function exportCredentialDecryptedCli(userFolder: string, credentialId: string): Promise<ExportedCredential> {
	const file = path.join(makeTempDir('cli'), 'export.json');
	await n8nCliOk(userFolder, ['export:credentials', `--id=${credentialId}`, '--decrypted', `--output=${file}`]);
	const list = JSON.parse(fs.readFileSync(file, 'utf8')) as ExportedCredential[];
	const found = list.find((c) => c.id === credentialId);
	if (!found) throw new Error(`export:credentials did not return credential ${credentialId}`);
	return found;
}
