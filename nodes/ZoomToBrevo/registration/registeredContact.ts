/**
 * A person registered in Zoom, as the Brevo contact that carries their personal join link, and as
 * the `zoom_webinar_registered` event a Brevo automation sends the confirmation on. Pure.
 */

import type { AttributeNeed } from '../../shared/brevo';
import { brevoDate, zonedParts } from '../contacts/fields';
import { withoutEmpty, type FollowUpEvent } from '../contacts/followUpEvents';
import type { BrevoContact } from '../contacts/mapToBrevo';
import type { RegistrantInput } from './registrant';

/** The meeting or webinar registered for, as Zoom describes it. */
export interface RegisteredFor {
	kind: 'meeting' | 'webinar';
	id: string;
	uuid?: string;
	topic?: string;
	/** ISO, UTC: the start of the first occurrence registered for (or the only one). */
	startTime?: string;
	/** The meeting's or webinar's own time zone (IANA), in which its start is told. */
	timezone?: string;
	occurrenceIds?: string[];
}

/** What Zoom says of one registration. `found`: the person was registered already and reused. */
export interface Registration {
	person: RegistrantInput;
	registrantId?: string;
	joinUrl?: string;
	/** approved: the join link works; pending: the host must approve first (no link until then). */
	status: 'approved' | 'pending';
	how: 'registered' | 'found';
}

/** The attributes a registration writes, per kind (created with these types when missing). */
export function registrationAttributes(kind: RegisteredFor['kind']): AttributeNeed[] {
	const word = kind === 'meeting' ? 'MEETING' : 'WEBINAR';
	return [
		{ name: 'FIRSTNAME', type: 'text' },
		{ name: 'LASTNAME', type: 'text' },
		{ name: 'ZOOM_JOIN_URL', type: 'text' },
		{ name: 'ZOOM_REGISTRANT_ID', type: 'text' },
		{ name: 'ZOOM_REGISTRATION_STATUS', type: 'text' },
		{ name: `${word}_NAME`, type: 'text' },
		{ name: `${word}_START`, type: 'date' },
		{ name: `${word}_START_TIME`, type: 'text' },
	];
}

/** "2026-12-03 15:00 (Europe/Berlin)": the start as the invitation tells it, for templates. */
export function localStart(iso: string | undefined, timeZone: string): string | undefined {
	if (!iso) return undefined;
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return undefined;
	const { year, month, day, hour, minute } = zonedParts(ms, timeZone, true);
	return `${year}-${month}-${day} ${hour}:${minute} (${timeZone})`;
}

/**
 * The contact: names only when given (a registration never blanks a name Brevo has), the join
 * link only when it works (a pending registrant gets theirs from Zoom once approved).
 * `fallbackZone`: the workflow's, when Zoom names none.
 */
export function registeredContact(registration: Registration, target: RegisteredFor, listIds: number[], fallbackZone: string): BrevoContact {
	const word = target.kind === 'meeting' ? 'MEETING' : 'WEBINAR';
	const zone = target.timezone || fallbackZone;
	const { person } = registration;
	return {
		email: person.email,
		attributes: withoutEmpty({
			FIRSTNAME: person.firstName,
			LASTNAME: person.lastName,
			ZOOM_JOIN_URL: registration.status === 'approved' ? registration.joinUrl : undefined,
			ZOOM_REGISTRANT_ID: registration.registrantId,
			ZOOM_REGISTRATION_STATUS: registration.status,
			[`${word}_NAME`]: target.topic,
			[`${word}_START`]: brevoDate(target.startTime, zone),
			[`${word}_START_TIME`]: localStart(target.startTime, zone),
		}),
		listIds: [...new Set(listIds)],
		engagement: { status: 'registered' },
		source: withoutEmpty({ kind: target.kind, id: target.id, uuid: target.uuid, topic: target.topic, startTime: target.startTime, occurrenceIds: target.occurrenceIds?.join(',') }),
	};
}

/** zoom_webinar_registered (zoom_meeting_registered) with the person's own link. */
export function registeredEvent(contact: BrevoContact, registration: Registration, target: RegisteredFor, eventName: string): FollowUpEvent {
	return {
		event_name: eventName,
		identifiers: { email_id: contact.email },
		event_properties: withoutEmpty({
			zoom_kind: target.kind,
			zoom_id: target.id,
			topic: target.topic,
			start_time: target.startTime,
			start_time_local: contact.attributes[`${target.kind === 'meeting' ? 'MEETING' : 'WEBINAR'}_START_TIME`] as string | undefined,
			join_url: registration.status === 'approved' ? registration.joinUrl : undefined,
			registrant_id: registration.registrantId,
			status: registration.status,
			occurrence_ids: target.occurrenceIds?.join(','),
		}),
	};
}
