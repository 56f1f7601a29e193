/**
 * A Zoom delivery is processed once per node: the Zoom Trigger puts Zoom's tracking ID
 * (`x-zm-trackingid`, the same on every re-send of one event) on its item, and an item whose
 * tracking ID this node already processed is skipped — whether Zoom re-sent the delivery or
 * someone re-ran the execution. A sync that fails forgets the ID again, so a retry runs in full
 * (its follow-ups are still sent at most once: sendOnce.ts).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { deliveryKey } from './keys';
import { claim, release } from './record';

export interface DeliveryClaim {
	trackingId?: string;
	/** This node processed the same delivery before: skip the item. */
	alreadyProcessed: boolean;
	/** Forget the delivery (the sync failed). */
	release: () => Promise<void>;
}

const nothing = async () => {};

export function trackingIdOf(json: unknown): string | undefined {
	const value = (json as { trackingId?: unknown } | undefined)?.trackingId;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export async function claimDelivery(context: IExecuteFunctions, itemIndex: number, options: { dryRun: boolean; repeat: boolean }): Promise<DeliveryClaim> {
	const trackingId = trackingIdOf(context.getInputData()[itemIndex]?.json);
	// A dry run writes nothing, so it does not use up the delivery either.
	if (!trackingId || options.dryRun) return { trackingId, alreadyProcessed: false, release: nothing };
	const key = deliveryKey(trackingId);
	const before = await claim(context, 'node', [key]);
	const alreadyProcessed = before.has(key) && !options.repeat;
	return {
		trackingId,
		alreadyProcessed,
		release: before.has(key) ? nothing : async () => await release(context, 'node', [key]),
	};
}
