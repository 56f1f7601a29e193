/**
 * A report row as the Zoom Trigger's `meeting.ended` item: the same webhook-shaped body goes
 * through the trigger's own shapeDelivery, so Zoom to Brevo reads both alike. The stable tracking
 * ID stands in for Zoom's `x-zm-trackingid`: Zoom to Brevo processes each delivery ID once.
 */
import type { IDataObject } from 'n8n-workflow';

import { shapeDelivery } from '../ZoomTrigger/shapeDelivery';
import type { EndedWebinarInstance, ReportMeeting } from './zoomReads';

export const pollTrackingId = (event: string, uuid: string): string => `poll:${event}:${uuid}`;

export function meetingEndedItem(row: ReportMeeting): IDataObject {
	const object: IDataObject = {
		id: row.id,
		uuid: row.uuid,
		host_id: row.host_id,
		host_email: row.user_email,
		topic: row.topic,
		type: row.type,
		start_time: row.start_time,
		end_time: row.end_time,
		duration: row.duration,
		participants_count: row.participants_count,
	};
	for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
	const body = { event: 'meeting.ended', event_ts: Date.parse(row.end_time), payload: { object } };
	return shapeDelivery(body, { trackingId: pollTrackingId('meeting.ended', row.uuid) });
}

/**
 * An ended webinar instance as the Zoom Trigger's `webinar.ended` item. Zoom's past-instance list
 * names no end time, so `endTime` is absent and `eventTime` is when Zoom's clock showed it ended
 * (the poll that found it); `duration` is the webinar's scheduled one, as in Zoom's webhook.
 */
export function webinarEndedItem(row: EndedWebinarInstance, seenAtMs: number): IDataObject {
	const { webinar } = row;
	const object: IDataObject = {
		id: webinar.id,
		uuid: row.uuid,
		host_id: webinar.host_id,
		topic: webinar.topic,
		type: webinar.type,
		start_time: row.start_time,
		timezone: webinar.timezone,
		duration: webinar.duration,
	};
	for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
	const body = { event: 'webinar.ended', event_ts: seenAtMs, payload: { object } };
	return shapeDelivery(body, { trackingId: pollTrackingId('webinar.ended', row.uuid) });
}
