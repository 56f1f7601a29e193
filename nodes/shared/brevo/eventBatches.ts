/**
 * Checks and packs custom events for `POST /events/batch`. Pure. Brevo's documented limits: 200
 * events and 512 KB per request, event_properties at most 50 KB, event names of at most 255
 * letters, digits, `-` and `_`.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonBytes } from './bytes';

export interface BrevoEvent {
	event_name: string;
	identifiers: { email_id: string };
	event_properties?: IDataObject;
	contact_properties?: IDataObject;
	event_date?: string;
}

export const EVENT_LIMITS = {
	eventsPerRequest: 200,
	/** Below Brevo's 512 KB, for headroom. */
	bytesPerRequest: 480 * 1024,
	propertiesBytes: 50 * 1024,
};

export const EVENT_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Event names Brevo would refuse, each once. */
export function invalidEventNames(events: BrevoEvent[]): string[] {
	return [...new Set(events.map((e) => e.event_name).filter((name) => typeof name !== 'string' || !EVENT_NAME.test(name)))];
}

export interface EventPlan {
	chunks: BrevoEvent[][];
	/** Events not sent, with the reason. */
	refused: Array<{ email: string; error: string }>;
}

export function planEvents(events: BrevoEvent[]): EventPlan {
	const chunks: BrevoEvent[][] = [];
	const refused: EventPlan['refused'] = [];
	const envelopeBytes = jsonBytes({ events: [] });
	let chunk: BrevoEvent[] = [];
	let bytes = envelopeBytes;
	for (const event of events) {
		const email = event.identifiers?.email_id;
		if (typeof email !== 'string' || email.trim() === '') {
			refused.push({ email: String(email ?? ''), error: 'No email_id to say whose event it is' });
			continue;
		}
		if (event.event_properties && jsonBytes(event.event_properties) > EVENT_LIMITS.propertiesBytes) {
			refused.push({ email, error: `event_properties are larger than Brevo's 50 KB limit (${jsonBytes(event.event_properties)} bytes)` });
			continue;
		}
		const eventBytes = jsonBytes(event);
		if (envelopeBytes + eventBytes > EVENT_LIMITS.bytesPerRequest) {
			refused.push({ email, error: `The event is larger than one Brevo request allows (${eventBytes} bytes)` });
			continue;
		}
		const added = eventBytes + (chunk.length > 0 ? 1 : 0);
		if (chunk.length >= EVENT_LIMITS.eventsPerRequest || bytes + added > EVENT_LIMITS.bytesPerRequest) {
			chunks.push(chunk);
			chunk = [];
			bytes = envelopeBytes;
		}
		bytes += eventBytes + (chunk.length > 0 ? 1 : 0);
		chunk.push(event);
	}
	if (chunk.length > 0) chunks.push(chunk);
	return { chunks, refused };
}

/**
 * Per-event failures from a 207 (or an all-failed 400) answer: `errors: [{eventIndex, message}]`,
 * where eventIndex is one index or a list of indexes into the request's events.
 */
export function failuresOf(body: unknown, chunk: BrevoEvent[]): { failed: Array<{ email: string; error: string }>; unmatched: string[] } | undefined {
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject).errors)) return undefined;
	const failed: Array<{ email: string; error: string }> = [];
	const unmatched: string[] = [];
	for (const entry of (body as { errors: unknown[] }).errors) {
		const { eventIndex, index, message } = (entry ?? {}) as { eventIndex?: unknown; index?: unknown; message?: unknown };
		const error = typeof message === 'string' ? message : 'Refused by Brevo';
		const raw = eventIndex ?? index;
		const indexes = (Array.isArray(raw) ? raw : [raw]).map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < chunk.length);
		if (indexes.length === 0) unmatched.push(error);
		for (const i of indexes) failed.push({ email: chunk[i].identifiers.email_id, error });
	}
	return { failed, unmatched };
}
