/** Temp dirs made by the harness (and by `npm start`, which uses it), removed together at the end
 *  (kept when ZB_KEEP_E2E_TMP=1, to read logs and databases after a failure).
 *
 *  Each dir's name carries the PID of the process that made it (`zb-<prefix>-<pid>-XXXXXX`). A
 *  process that was killed before it could clean up (a second Ctrl-C, a crash) leaves its dirs
 *  behind; the next process that makes a temp dir removes those of owners that are gone. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { isAlive } from '../../processAlive';

const created = new Set<string>();
const OWNED = /^zb-[a-z0-9-]+?-(\d+)-[A-Za-z0-9]{6}$/;
let swept = false;

/** Removes the zb-* temp dirs of processes that no longer run. */
export function sweepOrphanedTempDirs(): string[] {
	const removed: string[] = [];
	let names: string[];
	try {
		names = fs.readdirSync(os.tmpdir());
	} catch {
		return removed;
	}
	for (const name of names) {
		const owner = Number(OWNED.exec(name)?.[1]);
		if (!Number.isInteger(owner) || owner === process.pid || isAlive(owner)) continue;
		fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true, maxRetries: 3 });
		removed.push(name);
	}
	return removed;
}

export function makeTempDir(prefix: string): string {
	if (!swept && process.env.ZB_KEEP_E2E_TMP !== '1') {
		swept = true;
		sweepOrphanedTempDirs();
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zb-${prefix}-${process.pid}-`));
	created.add(dir);
	return dir;
}

export function removeTempDirs(): void {
	if (process.env.ZB_KEEP_E2E_TMP === '1') {
		if (created.size) console.log(`ZB_KEEP_E2E_TMP=1: kept ${[...created].join(', ')}`);
		return;
	}
	// Every dir is tried even when one fails, so one busy file does not keep the rest.
	const failed: string[] = [];
	for (const dir of created) {
		try {
			fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
			created.delete(dir);
		} catch (error) {
			failed.push(`${dir}: ${(error as Error).message}`);
		}
	}
	if (failed.length) throw new Error(`could not remove ${failed.join('; ')}`);
}
