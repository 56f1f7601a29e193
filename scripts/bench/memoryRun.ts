/**
 * One memory measurement of a large sync, in a process of its own (benchMemory in zoomToBrevo.ts
 * starts several and takes the median): what one process measures depends on what ran before it
 * in that process (heap pages still committed, code compiled, buffers pooled), and on a shared
 * machine a single run is mostly noise.
 *   tsx --expose-gc scripts/bench/memoryRun.ts <people> [emit|import]
 * Prints one line `MEMORY_RESULT {json}`.
 */
import { removeHarnessUserFolder } from '../../test/harness/env';
import { makeFixture, startSimulator } from '../../test/simulator';
import { runZoomToBrevo } from '../../test/zoomToBrevo/nodeRunner';
import { measure } from './measure';

export interface MemoryResult {
	rows: number;
	people: number;
	contacts: number;
	ms: number;
	/** Peak resident set growth while the sync ran, over the baseline taken after a full GC. */
	peakRssDeltaMb: number;
	/** Peak JS heap growth while the sync ran (live objects and garbage not yet collected). */
	peakHeapDeltaMb: number;
	/** JS heap growth after the run and a full GC, the output items still held: what n8n keeps. */
	liveHeapAfterMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main() {
	if (!global.gc) throw new Error('run with --expose-gc');
	const people = Number(process.argv[2] ?? 100_000);
	const mode = process.argv[3] === 'import' ? 'import' : 'emit';
	const rows = Math.round(people * 1.5);
	const sim = await startSimulator({
		fixture: makeFixture({ largeMeeting: { rows, people } }),
		zoom: { plan: 'business' },
		brevo: { importProcessingMs: 50 },
	});
	try {
		const parameters = { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid, ...(mode === 'import' ? { writeMode: 'import', listIds: [15] } : {}) };
		global.gc();
		const heapBefore = process.memoryUsage().heapUsed;
		const run = await measure(async () => await runZoomToBrevo(sim, parameters));
		if (run.value.result.error) throw new Error(`memory run failed: ${run.value.result.error.message}`);
		global.gc();
		const liveHeapAfterMb = mb(process.memoryUsage().heapUsed - heapBefore);
		const result: MemoryResult = {
			rows,
			people,
			contacts: run.value.contacts.length,
			ms: Math.round(run.ms),
			peakRssDeltaMb: run.peakRssDeltaMb,
			peakHeapDeltaMb: run.peakHeapDeltaMb,
			liveHeapAfterMb,
		};
		console.log(`MEMORY_RESULT ${JSON.stringify(result)}`);
	} finally {
		await sim.close();
		// n8n-core's user folder of this process (test/harness/env.ts), which nothing else removes.
		removeHarnessUserFolder();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
