import type { INodePropertyOptions } from 'n8n-workflow';

/** `*` in the Events parameter means every event the Zoom app sends to this URL. */
export const ANY_EVENT = '*';

/** Zoom events this trigger knows how to shape. Others still pass through with "Any Event". */
export const ZOOM_EVENTS: INodePropertyOptions[] = [
	{ name: 'Any Event', value: ANY_EVENT, description: 'Every event the Zoom app delivers' },
	{ name: 'Meeting Ended', value: 'meeting.ended' },
	{ name: 'Meeting Participant Joined', value: 'meeting.participant_joined' },
	{ name: 'Meeting Participant Left', value: 'meeting.participant_left' },
	{ name: 'Meeting Registration Created', value: 'meeting.registration_created' },
	{ name: 'Meeting Started', value: 'meeting.started' },
	{ name: 'Recording Completed', value: 'recording.completed' },
	{ name: 'Recording Transcript Completed', value: 'recording.transcript_completed' },
	{ name: 'Webinar Ended', value: 'webinar.ended' },
	{ name: 'Webinar Participant Joined', value: 'webinar.participant_joined' },
	{ name: 'Webinar Participant Left', value: 'webinar.participant_left' },
	{ name: 'Webinar Registration Approved', value: 'webinar.registration_approved' },
	{ name: 'Webinar Registration Created', value: 'webinar.registration_created' },
	{ name: 'Webinar Started', value: 'webinar.started' },
];

/** The concrete events behind a selection, for registering a subscription with Zoom
 *  (Zoom has no wildcard: "Any Event" subscribes to the whole catalogue). */
export function eventsToSubscribe(selected: string[]): string[] {
	const all = ZOOM_EVENTS.map((option) => String(option.value)).filter((v) => v !== ANY_EVENT);
	return selected.includes(ANY_EVENT) ? all : selected.filter((event) => all.includes(event));
}

export function isSelected(selected: string[], event: string): boolean {
	return selected.includes(ANY_EVENT) || selected.includes(event);
}
