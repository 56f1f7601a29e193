// Runs n8n's community-package scanner offline, the way n8n vets a published package:
// 1. the tarball leg: `npm pack`, unpack, lint every .js/.json the users would install;
// 2. the source leg: lint the node/credential sources and package.json (what the scanner
//    does on the provenance-attested source checkout).
// Exits non-zero on any violation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'zb-scan-'));
let failed = false;

try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: 'pipe' });
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);

	for (const [leg, dir, patterns] of [
		['packed tarball', unpacked, undefined],
		['sources', root, SOURCE_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(dir, patterns);
		if (result.passed) {
			console.log(`scan (${leg}): passed${result.message ? ` — ${result.message}` : ''}`);
		} else {
			failed = true;
			console.error(`scan (${leg}): FAILED — ${result.message}\n${result.details ?? ''}`);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
