/**
 * n8n's deduplication store (`this.helpers.checkProcessedAndRecord`, the store of n8n's Remove
 * Duplicates node). It lives in n8n's database, so it holds across executions, re-runs and queue
 * mode workers. Each call reads and writes one record per workflow (or node), so callers batch
 * their keys into one call.
 */
import type { DeduplicationScope, ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
 * Records `keys` and returns those that were recorded before this call. One call for all keys;
 * duplicates in `keys` count once.
 */
export async function claim(context: IExecuteFunctions, scope: RecordScope, keys: string[]): Promise<Set<string>> {
	const unique = [...new Set(keys)];
	if (unique.length === 0) return new Set();
	try {
		const { processed } = await context.helpers.checkProcessedAndRecord(unique, scope, RECORD_OPTIONS);
		return new Set(processed.map(String));
	} catch (error) {
		throw storeError(context, error, 'Nothing was sent after this.');
	}
}

/** Forgets keys whose follow-up provably did not happen, so a re-run sends it. */
export async function release(context: IExecuteFunctions, scope: RecordScope, keys: string[]): Promise<void> {
	const unique = [...new Set(keys)];
	if (unique.length === 0) return;
	try {
		await context.helpers.removeProcessed(unique, scope, RECORD_OPTIONS);
	} catch (error) {
		throw storeError(context, error, 'Follow-ups that were not sent may stay recorded as sent: run again with Options → Repeat Follow-Ups to send them.');
	}
}
