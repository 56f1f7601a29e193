import { NodeOperationError, sleep } from 'n8n-workflow';

import type { Ctx } from './types';

/** Waits `ms`, in slices, so a cancelled execution stops waiting within a second. */
export async function pause(context: Ctx, ms: number): Promise<void> {
	const signal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	let left = Math.max(0, Math.round(ms));
	while (left > 0) {
		if (signal?.aborted) {
			throw new NodeOperationError(context.getNode(), 'The execution was cancelled while waiting for Brevo');
		}
		const step = Math.min(left, 1000);
		await sleep(step);
		left -= step;
	}
}
