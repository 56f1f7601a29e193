/**
 * Whether a webinar session's UUID belongs to the chosen webinar. Attendees are read by the UUID
 * and named by the webinar ID, so a pair that disagrees writes one webinar's people under the
 * other's name — e.g. another webinar picked in the list while *Webinar Instance UUID* still reads
 * `{{ $json.uuid }}` from the Zoom Trigger item. Pure.
 *
 * - `same`: the UUID is the incoming item's, and the item names this webinar (Zoom sent the pair);
 * - `other`: the UUID is the incoming item's, and the item names another webinar: certain mismatch;
 * - `unknown`: typed or pinned without its webinar — Zoom's list of the webinar's past sessions
 *   decides (readZoom.ts).
 */
import type { IDataObject } from 'n8n-workflow';

export type Pairing = 'same' | 'other' | 'unknown';

export function instancePairing(item: IDataObject | undefined, webinarId: string, uuid: string): Pairing {
	const itemUuid = typeof item?.uuid === 'string' ? item.uuid : undefined;
	const itemId = item?.id === undefined || item.id === null ? '' : String(item.id).replace(/\s+/g, '');
	if (itemUuid !== uuid || itemId === '') return 'unknown';
	return itemId === webinarId ? 'same' : 'other';
}

/** The error's words: what disagrees, and the one remedy. */
export function mismatchMessage(webinarId: string, uuid: string, itemId?: string): { message: string; description: string } {
	return {
		message: `Webinar Instance UUID ${uuid} is not a session of webinar ${webinarId}`,
		description: itemId
			? `The UUID comes from the incoming item, which is about webinar ${itemId}: the Webinar field was changed and the UUID was not. Clear Webinar Instance UUID to read webinar ${webinarId}'s latest session, or set Webinar back to the item's ({{ $json.id }}).`
			: `Zoom does not list it among webinar ${webinarId}'s past sessions. Clear Webinar Instance UUID to read the latest session, or give a UUID of this webinar (the Zoom Trigger's Webinar Ended item has it as uuid).`,
	};
}
