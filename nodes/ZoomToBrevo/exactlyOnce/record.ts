/**
 * n8n's deduplication store (`this.helpers.checkProcessedAndRecord`, the store of n8n's Remove
 * Duplicates node). It lives in n8n's database, so it holds across executions, re-runs and queue
 * mode workers. Each call reads and writes one record per workflow (or node), so callers batch
 * their keys into one call.
 */
import type { DeduplicationScope, ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * How many keys a workflow's record keeps (oldest dropped first): about 5 MB in n8n's database,
 * the follow-ups and statuses of some 50 000 people — weeks of webinars for most teams, and far
 * longer than Zoom's re-sends (+5, +20, +60 minutes) or anyone's re-run of an execution.
 */
export const RECORD_OPTIONS: ICheckProcessedOptions = { mode: 'entries', maxEntries: 200_000 };

/** Node scope: deliveries this node processed. Workflow scope: follow-ups and statuses, shared
 *  by every Zoom to Brevo node of the workflow (an attendees node and an absentees node). */
export type RecordScope = Extract<DeduplicationScope, 'node' | 'workflow'>;

function storeError(context: IExecuteFunctions, error: unknown, consequence: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `n8n's deduplication store failed: ${(error as Error).message}`, {
		description: `Zoom to Brevo remembers what it sent in the store n8n's Remove Duplicates node uses. If a Remove Duplicates node in this workflow keeps "Latest Date" or "Latest Incremental Key" with the scope Workflow, give it the scope Node. ${consequence}`,
	});
}

/**
 * n8n's store reads a record and writes it back without a lock: two executions that create the
 * same record at once collide (the second insert fails on the unique key; nothing of it was
 * recorded). Trying again then finds the record and updates it.
 */
async function withRetries<T>(work: () => Promise<T>, fail: (error: unknown) => NodeOperationError): Promise<T> {
	let lastError: unknown;
	for (let attempt = 1; attempt <= 3; attempt++) {
		try {
			return await work();
		} catch (error) {
			lastError = error;
		}
		if (attempt < 3) await sleep(50 * attempt + Math.floor(Math.random() * 100));
	}
	throw fail(lastError);
}

/**
 * n8n's store has no lock: two executions whose calls overlap both read the record without the
 * other's keys, both "claim" the same follow-up, and the later write drops the earlier one's keys
 * (measured in real n8n 2.41.1: two deliveries of one meeting sent together, everyone got the event
 * twice in 3 runs of 8). Executions of one n8n process (regular mode; one queue worker) share this
 * module, so its calls on one record are made one at a time here. Across queue workers nothing in
 * n8n can serialize them (docs/exactly-once.md, Limits).
 */
const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(context: IExecuteFunctions, scope: RecordScope, work: () => Promise<T>): Promise<T> {
	const record = `${context.getWorkflow().id ?? ''}|${scope === 'node' ? context.getNode().id : ''}`;
	const previous = inFlight.get(record) ?? Promise.resolve();
	const mine = previous.then(work, work);
	// The chain holds only what is still running: the last call removes it.
	const settled = mine.then(
		() => undefined,
		() => undefined,
	);
	inFlight.set(record, settled);
	void settled.then(() => {
		if (inFlight.get(record) === settled) inFlight.delete(record);
	});
	return await mine;
}

/**
 * Records `keys` and returns those that were recorded before this call. One call for all keys;
 * duplicates in `keys` count once.
 */
export async function claim(context: IExecuteFunctions, scope: RecordScope, keys: string[]): Promise<Set<string>> {
	const unique = [...new Set(keys)];
	if (unique.length === 0) return new Set();
	const { processed } = await withRetries(
		async () => await oneAtATime(context, scope, async () => await context.helpers.checkProcessedAndRecord(unique, scope, RECORD_OPTIONS)),
		(error) => storeError(context, error, 'Nothing was sent after this.'),
	);
	return new Set(processed.map(String));
}

/** Forgets keys whose follow-up provably did not happen, so a re-run sends it. */
export async function release(context: IExecuteFunctions, scope: RecordScope, keys: string[]): Promise<void> {
	const unique = [...new Set(keys)];
	if (unique.length === 0) return;
	await withRetries(
		async () => await oneAtATime(context, scope, async () => await context.helpers.removeProcessed(unique, scope, RECORD_OPTIONS)),
		(error) => storeError(context, error, 'Follow-ups that were not sent may stay recorded as sent: run again with Options → Repeat Follow-Ups to send them.'),
	);
}
