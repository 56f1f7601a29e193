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

/** What became of one event. */
export type EventDelivery =
	/** Brevo took it (a 2xx, and not listed among the refused ones). */
	| { status: 'accepted' }
	/** Brevo refused it, or the request carrying it, and said why. */
	| { status: 'failed'; error: string }
	/** Sent, but Brevo's answer does not say whether it was taken. */
	| { status: 'unconfirmed'; note: string }
	/** Never sent. */
	| { status: 'not sent'; reason: string };

export interface EventPlan {
	/** Indexes into the events given, one list per request. */
	chunks: number[][];
	/** Events not sent (index into the events given), with the reason. */
	refused: Array<{ index: number; error: string }>;
}

export function planEvents(events: BrevoEvent[]): EventPlan {
	const chunks: number[][] = [];
	const refused: EventPlan['refused'] = [];
	const envelopeBytes = jsonBytes({ events: [] });
	let chunk: number[] = [];
	let bytes = envelopeBytes;
	events.forEach((event, index) => {
		const email = event.identifiers?.email_id;
		if (typeof email !== 'string' || email.trim() === '') {
			refused.push({ index, error: 'No email_id to say whose event it is' });
			return;
		}
		if (event.event_properties && jsonBytes(event.event_properties) > EVENT_LIMITS.propertiesBytes) {
			refused.push({ index, error: `event_properties are larger than Brevo's 50 KB limit (${jsonBytes(event.event_properties)} bytes)` });
			return;
		}
		const eventBytes = jsonBytes(event);
		if (envelopeBytes + eventBytes > EVENT_LIMITS.bytesPerRequest) {
			refused.push({ index, error: `The event is larger than one Brevo request allows (${eventBytes} bytes)` });
			return;
		}
		const added = eventBytes + (chunk.length > 0 ? 1 : 0);
		if (chunk.length >= EVENT_LIMITS.eventsPerRequest || bytes + added > EVENT_LIMITS.bytesPerRequest) {
			chunks.push(chunk);
			chunk = [];
			bytes = envelopeBytes;
		}
		bytes += eventBytes + (chunk.length > 0 ? 1 : 0);
		chunk.push(index);
	});
	if (chunk.length > 0) chunks.push(chunk);
	return { chunks, refused };
}

/**
 * Per-event failures from a 207 (or an all-failed 400) answer: `errors: [{eventIndex, message}]`,
 * where eventIndex is one index or a list of indexes into the request's events.
 */
export function failuresOf(body: unknown, size: number): { failed: Map<number, string>; unmatched: string[] } | undefined {
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject).errors)) return undefined;
	const failed = new Map<number, string>();
	const unmatched: string[] = [];
	for (const entry of (body as { errors: unknown[] }).errors) {
		const { eventIndex, index, message } = (entry ?? {}) as { eventIndex?: unknown; index?: unknown; message?: unknown };
		const error = typeof message === 'string' ? message : 'Refused by Brevo';
		const raw = eventIndex ?? index;
		const indexes = (Array.isArray(raw) ? raw : [raw]).map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < size);
		if (indexes.length === 0) unmatched.push(error);
		for (const i of indexes) if (!failed.has(i)) failed.set(i, error);
	}
	return { failed, unmatched };
}

/**
 * What each event of one request became, from Brevo's answer (a 2xx, or a 400 with a breakdown).
 * Brevo's changelog describes 207 with a per-event breakdown (`successful_events`,
 * `failed_events`, `errors[{eventIndex, message}]`), its OpenAPI file 202 `{message, count}` for
 * a batch accepted whole (https://developers.brevo.com/reference/create-batch-events,
 * https://developers.brevo.com/changelog/2026/3/3). An event is `accepted` only when Brevo's own
 * lists and counts say so; when they do not add up, the events Brevo did not name are
 * `unconfirmed`, never counted as sent or as refused. Pure.
 */
export function deliveriesOf(status: number, body: unknown, size: number): EventDelivery[] {
	const all = <T extends EventDelivery>(delivery: T) => Array.from({ length: size }, () => delivery);
	const breakdown = status === 207 || status === 400 ? failuresOf(body, size) : undefined;
	const successful = (body as IDataObject | undefined)?.successful_events;
	const counted = typeof successful === 'number' && Number.isInteger(successful) ? successful : undefined;
	if (!breakdown) {
		if (status === 207) {
			return all({
				status: 'unconfirmed',
				note: `Brevo took ${counted ?? 'some'} of ${size} events of this request without saying which: check this contact's events in Brevo`,
			});
		}
		return all({ status: 'accepted' });
	}
	const unlisted = size - breakdown.failed.size;
	// Events Brevo did not list as refused: accepted when its count (or, without a count, the
	// absence of unattributed errors) says all of them were.
	let others: EventDelivery;
	if (counted !== undefined ? counted >= unlisted : breakdown.unmatched.length === 0) others = { status: 'accepted' };
	else if (counted === 0) others = { status: 'failed', error: breakdown.unmatched[0] ?? 'Refused by Brevo' };
	else {
		others = {
			status: 'unconfirmed',
			note: `Brevo took ${counted ?? 'some'} of the ${unlisted} events it did not list as refused, without saying which${breakdown.unmatched.length ? ` (it also said: ${breakdown.unmatched[0]})` : ''}: check this contact's events in Brevo`,
		};
	}
	return Array.from({ length: size }, (_, i) => {
		const error = breakdown.failed.get(i);
		return error !== undefined ? { status: 'failed', error } : others;
	});
}
