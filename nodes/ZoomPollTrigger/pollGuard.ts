/**
 * One poll of a node at a time. n8n 2.41.1 starts each Poll Times tick without waiting for the
 * previous poll of the same node (n8n-core active-workflow-triggers.js registers
 * `() => void executePollTrigger()` on the cron), so a poll slower than its interval (many hosts,
 * a backoff, a catch-up) would run beside the next one: both read Zoom, both emit.
 *
 * The key is the node's static-data object. With n8n's default (non-durable) cursors every poll
 * of one activation gets that same in-memory object (`workflow.getStaticData('node', node)`, the
 * Workflow living as long as the activation), so it names "this node, this activation" and
 * nothing else: it is never saved, dies with the process, and a re-activation gets a new object
 * (then no stale entry can block it). With n8n's durable cursors each poll gets its own snapshot
 * and n8n fences the commits itself; the key then never collides, and the cursor decided at
 * emission (cursorSlot.ts) is what keeps polls apart.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

const inFlight = new WeakMap<object, Promise<unknown>>();

/** How often a waiting poll looks whether the one in flight finished, besides being woken by it. */
const WAIT_SLICE_MS = 1_000;

/**
 * Waits until `poll` settles, or `budgetMs` passed. Sliced so no long timer outlives the wait:
 * each slice races the poll, so the wait ends as soon as the poll does.
 */
async function waitFor(poll: Promise<unknown>, budgetMs: number): Promise<void> {
	let settled = false;
	const done = poll.then(
		() => (settled = true),
		() => (settled = true),
	);
	const deadline = Date.now() + budgetMs;
	while (!settled && Date.now() < deadline) {
		await Promise.race([done, sleep(Math.min(WAIT_SLICE_MS, Math.max(0, deadline - Date.now())))]);
	}
}

/**
 * Runs `poll` unless a poll of the same node is in flight. Then this one makes no Zoom call and
 * emits nothing (the poll in flight covers the same window, and the next tick reads on from its
 * cursor): it waits for that poll to finish, bounded by the poll budget n8n gives, and returns
 * null.
 *
 * Waiting instead of returning at once is what keeps the poll in flight alive: n8n 2.41.1's poll
 * executor (n8n-core poll-trigger-executor.js) acquires the workflow's expression isolate for each
 * tick and releases it in `finally` even when `acquireIsolate()` found it already held by the poll
 * in flight. A tick that returned at once would release the slow poll's isolate, which then fails
 * with "No bridge acquired" at its next expression (its credential's, on its next Zoom call).
 * Released after the slow poll finished, the second release is a no-op.
 */
export async function pollAlone<T>(context: IPollFunctions, key: object, poll: () => Promise<T>): Promise<T | null> {
	const running = inFlight.get(key);
	if (running) {
		await waitFor(running, context.getPollBudgetMs());
		return null;
	}
	const mine = poll();
	inFlight.set(key, mine);
	try {
		return await mine;
	} finally {
		if (inFlight.get(key) === mine) inFlight.delete(key);
	}
}
