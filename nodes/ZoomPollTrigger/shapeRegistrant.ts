/**
 * A listed registrant as the Zoom Trigger's `webinar.registration_created` item: the webhook's body
 * (the webinar's fields and `registrant`, with the tracking source Zoom's webhook carries) goes
 * through the trigger's own shapeDelivery, so Zoom to Brevo's Sync One Registrant reads `person`
 * and the webinar's ID, UUID, topic and start time from either trigger alike.
 */
import type { IDataObject } from 'n8n-workflow';

import { shapeDelivery } from '../ZoomTrigger/shapeDelivery';
import type { ListedRegistrant } from './readRegistrants';
import { pollTrackingId } from './shapeEnded';
import type { ListedWebinar } from './zoomReads';

/** One registration: a registrant ID names a person's registration for one webinar. */
export const registrationKey = (webinarId: string, registrantId: string): string => `${webinarId}:${registrantId}`;

export function registrationCreatedItem(webinarId: string, webinar: ListedWebinar | undefined, registrant: ListedRegistrant, trackingSource?: IDataObject): IDataObject {
	const object: IDataObject = {
		// Zoom's webinar.registration_created carries the ID as a number (Rivet's
		// WebinarRegistrationCreatedEvent); the item's `id` is a string either way (shapeDelivery).
		id: /^\d+$/.test(webinarId) ? Number(webinarId) : webinarId,
		uuid: webinar?.uuid,
		host_id: webinar?.host_id,
		topic: webinar?.topic,
		type: webinar?.type,
		start_time: webinar?.start_time,
		duration: webinar?.duration,
		timezone: webinar?.timezone,
		registrant: trackingSource ? { ...registrant, tracking_source: trackingSource } : { ...registrant },
	};
	for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
	const body = { event: 'webinar.registration_created', event_ts: Date.parse(registrant.create_time), payload: { object } };
	return shapeDelivery(body, { trackingId: pollTrackingId('webinar.registration_created', registrationKey(webinarId, registrant.id)) });
}
