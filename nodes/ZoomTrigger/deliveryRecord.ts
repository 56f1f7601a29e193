/**
 * Zoom re-sends a delivery it thinks was not acknowledged (+5, +20 and +60 minutes) with the same
 * x-zm-trackingid. The trigger remembers the tracking IDs it has started a workflow for in the
 * workflow's static data, bounded in size and age.
 *
 * Best effort only. n8n saves static data after a webhook call when it changed, but n8n 2.41.1
 * clears the "changed" flag while it starts the execution (workflow-runner →
 * establishContextForPersistence builds a second Workflow over the same static-data object), so a
 * record written by a call that starts the workflow is not saved. The README and the examples use
 * n8n's Remove Duplicates node keyed on the tracking ID, which keeps its record in the database.
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
