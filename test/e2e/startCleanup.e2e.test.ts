/**
 * `npm start` as a user runs it, in a terminal: its own process group, stopped with Ctrl-C (SIGINT
 * to the whole group, as a terminal sends it) — once, and twice in a row by an impatient user.
 * Afterwards nothing of it may be left: no process of its group, no n8n, no temp folder. What it
 * keeps on purpose is n8n's data, and a second start finds the first one's workflows.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { makeTempDir, removeTempDirs, RestClient, waitFor } from './harness';

const ROOT = path.join(__dirname, '..', '..');
/** The demo makes one workflow per example and runs each once (a delivery, a poll or a run by hand). */
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples')).filter((name) => name.endsWith('.json')).length;

const zbTempDirs = () => new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('zb-')));

/** PIDs of the processes in a process group (Linux /proc: field 5 of /proc/<pid>/stat). */
function groupPids(pgid: number): Set<number> {
	const pids = new Set<number>();
	for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) pids.add(Number(entry));
		} catch {
			// the process ended while we looked
		}
	}
	return pids;
}

function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

// npm start's kept n8n, in a folder of this test instead of the repo's .n8n-demo.
const stateDir = makeTempDir('demo-state');
afterAll(() => removeTempDirs());

interface Demo {
	workflows: Record<string, string>;
	credentials: Record<string, string>;
}
const readDemo = () => JSON.parse(fs.readFileSync(path.join(stateDir, 'demo.json'), 'utf8')) as Demo;

async function startLikeAUser(): Promise<{ pgid: number; output: () => string; exited: Promise<number | null>; editorUrl: string }> {
	const env = { ...process.env, CI: '', ZB_DEMO_STATE_DIR: stateDir };
	const child = spawn('npm', ['start'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	try {
		await waitFor(() => (output.includes('Ctrl-C stops n8n') ? true : undefined), { timeoutMs: 300_000, intervalMs: 500, what: 'npm start to be ready' });
	} catch (error) {
		if (child.pid) process.kill(-child.pid, 'SIGKILL');
		throw new Error(`${(error as Error).message}\n${output.slice(-3000)}`);
	}
	const editorUrl = /n8n editor: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
	return { pgid: child.pid as number, output: () => output, exited, editorUrl };
}

async function pressCtrlC(run: Awaited<ReturnType<typeof startLikeAUser>>, presses: number, made: string[]) {
	// Presses 50 ms apart: the second lands while the first is still being handled.
	for (let press = 0; press < presses; press++) {
		if (press > 0) await new Promise((resolve) => setTimeout(resolve, 50));
		process.kill(-run.pgid, 'SIGINT');
	}
	await Promise.race([run.exited, new Promise((_resolve, reject) => setTimeout(() => reject(new Error(`npm start did not exit:\n${run.output().slice(-2000)}`)), 60_000))]);
	await waitFor(() => (!groupAlive(run.pgid) ? true : undefined), { timeoutMs: 20_000, what: 'the process group to be gone' });

	const left = made.filter((name) => fs.existsSync(path.join(os.tmpdir(), name)));
	expect(left).toEqual([]);
	await expect(fetch(`${run.editorUrl}/healthz`)).rejects.toThrow();
	expect(run.output()).toMatch(/SIGINT: stopping n8n and the simulator, removing temporary files/);
	if (presses > 1) expect(run.output()).toMatch(/SIGINT again: still stopping/);
}

/** Starts, and names the temp folders this start's processes made. */
async function start() {
	const before = zbTempDirs();
	const run = await startLikeAUser();
	// Only the folders npm start's processes made (their names carry the maker's PID): other
	// processes on the machine may be making theirs meanwhile.
	const ours = groupPids(run.pgid);
	const made = [...zbTempDirs()].filter((name) => !before.has(name) && ours.has(Number(/-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1])));
	expect(made.length).toBeGreaterThan(0);
	expect(run.editorUrl).not.toBe('');
	return { run, made };
}

it('first start, Ctrl-C once: no process, no n8n and no temp folder is left behind; n8n\'s data is', async () => {
	const { run, made } = await start();
	expect(run.output()).toMatch(/imported\)/);
	await pressCtrlC(run, 1, made);
	expect(Object.keys(readDemo().workflows)).toHaveLength(EXAMPLES);
	expect(fs.existsSync(path.join(stateDir, 'user', '.n8n', 'database.sqlite'))).toBe(true);
}, 420_000);

it('second start finds the first one\'s workflows (no copies) and follow-ups are not sent again; Ctrl-C twice leaves nothing behind', async () => {
	const first = readDemo();
	// As if the Brevo credential had been deleted: the record no longer finds it, so it is made
	// again and the kept workflows must be pointed at it — the old one points at the first run's
	// simulator, which is gone, so a workflow left on it would fail.
	fs.writeFileSync(path.join(stateDir, 'demo.json'), JSON.stringify({ ...first, credentials: { ...first.credentials, brevoV3Api: 'gone' } }));

	const { run, made } = await start();
	try {
		expect(run.output()).toMatch(/n8n kept in .* from earlier runs \(start 2\)/);
		expect(run.output().match(/\(kept\)/g)).toHaveLength(EXAMPLES);
		expect(run.output()).toMatch(/credential "Brevo" was deleted: made again/);
		// Every delivery ran through (the webinar's with the new Brevo credential) ...
		expect(run.output().match(/✓ [a-z_.]+(?: \(Brevo\))? → "/g)).toHaveLength(EXAMPLES);
		// ... and none of the first run's follow-ups went out again.
		expect(run.output()).toMatch(/✓ no follow-up event or email sent again/);

		const client = new RestClient(run.editorUrl);
		await client.login();
		const workflows = (await client.listWorkflows()).filter((w) => !w.isArchived);
		expect(workflows.map((w) => w.id).sort()).toEqual(Object.values(first.workflows).sort());
		expect(readDemo().credentials.brevoV3Api).not.toBe('gone');
	} finally {
		await pressCtrlC(run, 2, made);
	}
}, 420_000);
