/**
 * Zoom re-sends a delivery it thinks was not acknowledged (+5, +20 and +60 minutes) with the same
 * x-zm-trackingid. The trigger remembers the tracking IDs it has started a workflow for in the
 * workflow's static data, bounded in size and age, so one event starts one execution.
 *
 * Static data is saved by n8n after each webhook call, last write wins. In queue mode with
 * several webhook processors two copies of one delivery arriving at the same moment can both
 * pass; the README says how to add n8n's Remove Duplicates node for a hard guarantee.
 */
export interface DeliveryRecord {
	/** tracking ID → when it was first seen (ms since epoch), oldest first */
	seen?: Record<string, number>;
}

export interface RecordLimits {
	maxEntries: number;
	retentionMs: number;
}

/** Returns true when the tracking ID was seen within the retention window; otherwise records
 *  it and prunes what is too old or too many. Mutates `record`. */
export function seenBefore(
	record: DeliveryRecord,
	trackingId: string,
	nowMs: number,
	limits: RecordLimits,
): boolean {
	const seen = record.seen ?? {};
	const firstSeen = seen[trackingId];
	if (firstSeen !== undefined && nowMs - firstSeen <= limits.retentionMs) return true;

	const kept = Object.entries(seen).filter(
		([id, at]) => id !== trackingId && nowMs - at <= limits.retentionMs,
	);
	kept.push([trackingId, nowMs]);
	record.seen = Object.fromEntries(kept.slice(-limits.maxEntries));
	return false;
}
