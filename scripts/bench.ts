/**
 * `npm run bench`: the figures the issues ask for, printed as a table. Speed is measured here, not
 * asserted in tests; machines are shared and noisy, so compare ratios within one run.
 *   --quick   smaller sizes (used by CI to prove the script runs)
 */
import * as os from 'node:os';

import { removeTempDirs } from '../test/e2e/harness';
import { benchOneByOne, benchThreeItemsFree } from './bench/rateBudget';
import { benchTrigger, TRIGGER_BENCH_SETTINGS } from './bench/trigger';
import { benchMemory, benchZoomToBrevo, type Row } from './bench/zoomToBrevo';

const quick = process.argv.includes('--quick');

function print(title: string, rows: Row[]) {
	console.log(`\n## ${title}\n`);
	console.log('| figure | value | goal |');
	console.log('|---|---|---|');
	for (const row of rows) console.log(`| ${row.figure} | ${row.value} | ${row.goal ?? ''} |`);
}

async function main() {
	console.log(`# n8n-nodes-zoom-brevo benchmark${quick ? ' (quick)' : ''}`);
	console.log(`\n${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
	print(
		quick ? 'Zoom to Brevo: 1 500 rows / 1 000 people, Zoom Pro limits' : 'Zoom to Brevo: 15 000 rows / 10 000 people, Zoom Pro limits',
		await benchZoomToBrevo(quick ? 1_500 : 15_000, quick ? 1_000 : 10_000),
	);
	print('Zoom to Brevo: memory', await benchMemory(quick ? 10_000 : 100_000));
	print('Zoom to Brevo: one rate budget per execution (requests per sliding second)', [
		...(await benchThreeItemsFree()),
		...(await benchOneByOne(quick ? 100 : 1_000)),
	]);
	for (const { title, env } of Object.values(TRIGGER_BENCH_SETTINGS)) {
		print(`Zoom Trigger vs Webhook node in real n8n (${title})`, await benchTrigger(quick ? 50 : 200, quick ? 2 : 4, 8, env));
	}
	removeTempDirs();
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error('benchmark failed:', error);
		process.exit(1);
	},
);
