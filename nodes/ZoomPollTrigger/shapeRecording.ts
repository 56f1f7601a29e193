/**
 * A completed recording as the Zoom Trigger's `recording.completed` item: the recording Zoom's
 * `GET /meetings/{uuid}/recordings` answers is the object Zoom's webhook carries, and its
 * `download_access_token` is the webhook's `download_token` (at the body's top level, next to
 * `payload`, as Zoom sends it). Through the trigger's own shapeDelivery, Zoom to Brevo's Share Recording reads the
 * instance UUID and ID from either trigger alike.
 */
import type { IDataObject } from 'n8n-workflow';

import { shapeDelivery } from '../ZoomTrigger/shapeDelivery';
import { pollTrackingId } from './shapeEnded';

/** `seenAtMs`: Zoom's time at the poll that found it completed (the list names no completion time). */
export function recordingCompletedItem(recording: IDataObject, seenAtMs: number): IDataObject {
	const { download_access_token: downloadToken, ...object } = recording;
	const payload: IDataObject = { account_id: object.account_id, object };
	if (payload.account_id === undefined) delete payload.account_id;
	const body = { event: 'recording.completed', event_ts: seenAtMs, ...(downloadToken === undefined ? {} : { download_token: downloadToken }), payload };
	return shapeDelivery(body, { trackingId: pollTrackingId('recording.completed', String(object.uuid)) });
}
