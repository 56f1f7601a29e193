/**
 * A Zoom delivery is processed once per node: the Zoom Trigger puts Zoom's tracking ID
 * (`x-zm-trackingid`, the same on every re-send of one event) on its item, and an item whose
 * tracking ID this node already processed is skipped — whether Zoom re-sent the delivery or
 * someone re-ran the execution.
 *
 * "Processed" means the sync finished: the delivery is claimed with its open marker when the sync
 * starts and the marker is forgotten when it ends. A run that crashed (a worker killed, n8n
 * restarted) or failed leaves the marker, so n8n's Retry or Zoom's re-send runs the sync in full:
 * contact writes are safe to repeat, and follow-ups keep their own claims (sendOnce.ts), so nobody
 * gets one twice.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { deliveryKey, openMarker } from './keys';
import { claim, release } from './record';

export interface DeliveryClaim {
	trackingId?: string;
	/** This node finished the same delivery before: skip the item. */
	alreadyProcessed: boolean;
	/** An earlier run of this delivery started and did not finish (crashed, failed, or still running). */
	unfinishedBefore: boolean;
	/** The sync finished: from now on the delivery is processed. */
	finish: () => Promise<void>;
}

const nothing = async () => {};

export function trackingIdOf(json: unknown): string | undefined {
	const value = (json as { trackingId?: unknown } | undefined)?.trackingId;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export async function claimDelivery(
	context: IExecuteFunctions,
	itemIndex: number,
	options: { dryRun: boolean; repeat: boolean; test: boolean },
): Promise<DeliveryClaim> {
	const trackingId = trackingIdOf(context.getInputData()[itemIndex]?.json);
	// A dry run writes nothing, so it does not use up the delivery either. Nor does a test in the
	// editor (n8n's manual mode): a second test of the same pinned delivery syncs again, as the
	// panel says, while each follow-up still reaches a person once (its own claim, sendOnce.ts).
	if (!trackingId || options.dryRun || options.test) return { trackingId, alreadyProcessed: false, unfinishedBefore: false, finish: nothing };
	const key = deliveryKey(trackingId);
	const open = openMarker(key);
	// One call claims the delivery and tells its past: never seen, finished, or left open.
	const before = await claim(context, 'node', [key, open]);
	const finished = before.has(key) && !before.has(open);
	if (finished && !options.repeat) {
		// The claim just re-opened a finished delivery: close it again.
		await release(context, 'node', [open]);
		return { trackingId, alreadyProcessed: true, unfinishedBefore: false, finish: nothing };
	}
	return {
		trackingId,
		alreadyProcessed: false,
		unfinishedBefore: before.has(key) && before.has(open),
		finish: async () => await release(context, 'node', [open]),
	};
}
