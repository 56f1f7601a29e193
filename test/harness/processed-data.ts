/**
 * The harness's stand-in for n8n's `processed_data` table: the store behind the
 * `this.helpers.checkProcessedAndRecord` family (n8n's Remove Duplicates node uses it too).
 *
 * It behaves as n8n 2.41.1's CLI implementation does (packages/cli/src/deduplication/
 * deduplication-helper.ts, read in the installed n8n): one row per (workflow ID, context), where
 * the context is `n:<node id>` for scope 'node' and '' for scope 'workflow'; in mode 'entries' the
 * row holds the MD5/base64 hashes of the values, in the order they were recorded, trimmed from the
 * front to `maxEntries`; a value is "processed" when its hash is in the row; a row saved with one
 * mode refuses calls with another; every call reads the row and writes it whole (here through a
 * JSON round trip, as the database does), without a lock: concurrent first inserts collide and
 * concurrent updates overwrite each other, as in n8n. Only 'entries' mode is needed by this package; the
 * 'latest*' modes are refused rather than imitated badly.
 *
 * The caller owns a `ProcessedDataStore` and passes it to each run, as n8n keeps its database
 * between executions; a run without one gets an empty store.
 */
import { createHash } from 'node:crypto';

import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

interface Row {
	mode: ICheckProcessedOptions['mode'];
	data: string[];
}

export class ProcessedDataStore {
	/** `${workflowId}|${context}` → the row as stored (JSON text, as in the database). */
	readonly rows = new Map<string, string>();
	/** Calls made, by method: what the benchmark and tests count. */
	readonly calls = { checkProcessedAndRecord: 0, removeProcessed: 0, clearAllProcessedItems: 0, getProcessedDataCount: 0 };
	/** Time spent in the calls (ms), for the benchmark. */
	spentMs = 0;
	/** The database round trip between reading a row and writing it back (ms; 0: one turn of the
	 *  event loop). A real database's few milliseconds make concurrent calls overlap as in n8n. */
	roundTripMs = 0;

	/** Size of the largest row as stored (bytes of JSON). */
	largestRowBytes(): number {
		return Math.max(0, ...[...this.rows.values()].map((text) => Buffer.byteLength(text)));
	}

	/** Number of values recorded for a workflow and context (`n:<node id>` or ''). */
	count(workflowId: string, context: string): number {
		return this.read(`${workflowId}|${context}`)?.data.length ?? 0;
	}

	read(key: string): Row | undefined {
		const text = this.rows.get(key);
		return text === undefined ? undefined : (JSON.parse(text) as Row);
	}

	write(key: string, row: Row): void {
		this.rows.set(key, JSON.stringify(row));
	}
}

const hash = (value: DeduplicationItemTypes) => createHash('md5').update(value.toString()).digest('base64');

function rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
	if (!contextData.workflow.id) throw new Error('Deduplication needs a workflow ID');
	if (scope === 'node') {
		if (!contextData.node) throw new Error("No node information has been provided and so cannot use scope 'node'");
		return `${contextData.workflow.id}|n:${contextData.node.id}`;
	}
	return `${contextData.workflow.id}|`;
}

function assertEntries(options: ICheckProcessedOptions, row: Row | undefined) {
	if (options.mode !== 'entries') throw new Error(`The test harness imitates only mode "entries", not "${options.mode}"`);
	if (row && row.mode !== options.mode) {
		throw new Error(
			'Deduplication data was originally saved with an incompatible setting of the ‘Keep Items Where’ parameter. Try ’Clean Database’ operation to reset.',
		);
	}
}

/** The IDataDeduplicator n8n-core calls; it works on whichever store `use` last selected. */
export class HarnessDeduplicator implements IDataDeduplicator {
	private store = new ProcessedDataStore();

	use(store: ProcessedDataStore): void {
		this.store = store;
	}

	private timed<T>(work: () => T): T {
		const started = performance.now();
		try {
			return work();
		} finally {
			this.store.spentMs += performance.now() - started;
		}
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		this.store.calls.checkProcessedAndRecord++;
		const key = rowKey(scope, contextData);
		const row = this.store.read(key);
		// As n8n: find the row, then (a database round trip later) insert or update it, with no lock.
		// Two calls that both found no row collide on the insert, as on n8n's unique key; two that
		// both found it overwrite each other's additions (last write wins).
		const roundTrip = this.store.roundTripMs;
		await new Promise((resolve) => (roundTrip > 0 ? setTimeout(resolve, roundTrip) : setImmediate(resolve)));
		if (!row && this.store.rows.has(key)) {
			throw new Error('duplicate key value violates unique constraint "PK_processed_data" (harness: a concurrent first insert)');
		}
		return this.timed(() => this.checkAndRecord(items, key, row, options));
	}

	private checkAndRecord(items: DeduplicationItemTypes[], key: string, row: Row | undefined, options: ICheckProcessedOptions): IDeduplicationOutput {
		assertEntries(options, row);
		const hashes = items.map(hash);
		if (!row) {
			const data = options.maxEntries ? hashes.slice(Math.max(0, hashes.length - options.maxEntries)) : hashes;
			this.store.write(key, { mode: options.mode, data });
			return { new: items, processed: [] };
		}
		// As n8n: the set is taken before this call's values are added, so a value given twice in
		// one call is "new" both times.
		const known = new Set(row.data);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		hashes.forEach((h, i) => {
			if (known.has(h)) result.processed.push(items[i]);
			else {
				result.new.push(items[i]);
				row.data.push(h);
			}
		});
		if (options.maxEntries) row.data.splice(0, Math.max(0, row.data.length - options.maxEntries));
		this.store.write(key, row);
		return result;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<void> {
		this.store.calls.removeProcessed++;
		if (options.mode !== 'entries') throw new Error('Removing processed data is not possible in mode "latest"');
		this.timed(() => {
			const key = rowKey(scope, contextData);
			const row = this.store.read(key);
			if (!row) return;
			for (const h of items.map(hash)) {
				const index = row.data.indexOf(h);
				if (index !== -1) row.data.splice(index, 1);
			}
			this.store.write(key, row);
		});
	}

	async clearAllProcessedItems(scope: DeduplicationScope, contextData: ICheckProcessedContextData): Promise<void> {
		this.store.calls.clearAllProcessedItems++;
		this.store.rows.delete(rowKey(scope, contextData));
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<number> {
		this.store.calls.getProcessedDataCount++;
		const row = this.store.read(rowKey(scope, contextData));
		return options.mode === 'entries' && row ? row.data.length : 0;
	}
}
