/**
 * Where `npm start` keeps its n8n between runs, so the demo is a place to keep working: the
 * folder `.n8n-demo/` of the repo (git-ignored; ZB_DEMO_STATE_DIR puts it elsewhere) holds n8n's
 * user folder (database, credentials, workflows, executions, this package on the community-node
 * path), n8n's log of the current run and the previous one, and `demo.json`, the ids of the
 * credentials and workflows the demo made, so a second start finds them instead of adding copies.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** What the demo made in this n8n, by credential type and by example file. */
export interface DemoRecord {
	credentials: Record<string, string>;
	workflows: Record<string, string>;
	/** How many starts this folder has seen (1 on the first). */
	starts: number;
	/** When a run first delivered the demo's events and everything happened (ISO time). */
	deliveredAt?: string;
}

export interface DemoState {
	dir: string;
	userFolder: string;
	/** n8n's log of this run (the previous run's is n8n.previous.log). */
	logFile: string;
	/** Whether an earlier run left its n8n here. */
	kept: boolean;
	record: DemoRecord;
	save(record: DemoRecord): void;
}

export const DEFAULT_STATE_DIR = path.join(__dirname, '..', '..', '.n8n-demo');

/** Opens (and with `fresh`, first empties) the state folder. */
export function openDemoState({ dir = process.env.ZB_DEMO_STATE_DIR || DEFAULT_STATE_DIR, fresh = false } = {}): DemoState {
	if (fresh) fs.rmSync(dir, { recursive: true, force: true });
	const userFolder = path.join(dir, 'user');
	const recordFile = path.join(dir, 'demo.json');
	const logFile = path.join(dir, 'n8n.log');
	const kept = fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	fs.mkdirSync(userFolder, { recursive: true });
	if (fs.existsSync(logFile)) fs.renameSync(logFile, path.join(dir, 'n8n.previous.log'));
	const record = kept ? readRecord(recordFile) : { credentials: {}, workflows: {}, starts: 0 };
	record.starts += 1;
	const save = (next: DemoRecord) => fs.writeFileSync(recordFile, `${JSON.stringify(next, null, 2)}\n`);
	save(record);
	return { dir, userFolder, logFile, kept, record, save };
}

function readRecord(file: string): DemoRecord {
	try {
		const read = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DemoRecord>;
		return {
			credentials: { ...read.credentials },
			workflows: { ...read.workflows },
			starts: Number(read.starts) || 0,
			...(typeof read.deliveredAt === 'string' ? { deliveredAt: read.deliveredAt } : {}),
		};
	} catch {
		// No record (or a damaged one): the workflows are found again by name (workflows.ts).
		return { credentials: {}, workflows: {}, starts: 0 };
	}
}

/** n8n's usual port when nothing listens on it, else undefined (the caller takes a free one). */
export async function usualPortIfFree(port = 5678): Promise<number | undefined> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(port)));
	});
}
