/** Temp dirs made by the harness, removed together at the end of a test file
 *  (kept when ZB_KEEP_E2E_TMP=1, to read logs and databases after a failure). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created = new Set<string>();

export function makeTempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zb-${prefix}-`));
	created.add(dir);
	return dir;
}

export function removeTempDirs(): void {
	if (process.env.ZB_KEEP_E2E_TMP === '1') {
		if (created.size) console.log(`ZB_KEEP_E2E_TMP=1: kept ${[...created].join(', ')}`);
		return;
	}
	for (const dir of created) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
	created.clear();
}
