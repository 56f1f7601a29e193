import type { Brevo } from '../../contracts/vendor';
import { isObject, json, noContent, type SimRequest, type SimResponse } from '../http';
import type { BrevoContact } from '../fixture/types';
import { applyAttributes, createContact, findContact, touch } from './contactStore';
import { brevoErrors } from './errors';
import type { BrevoRoute } from './route';
import type { BrevoContext } from './state';
import { checkAttributes, isValidEmail } from './validation';

const EVENT_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const MAX_PROPERTIES_BYTES = 50 * 1024;

type Checked = { ok: true; apply: () => number } | { ok: false; message: string; missing?: boolean };

/**
 * Validates one event; `apply` records it and returns the contact id. An unknown `email_id` creates
 * the contact (events can introduce contacts); `contact_properties` update known attributes and
 * quietly skip unknown ones or values that do not fit.
 */
function checkEvent(ctx: BrevoContext, event: unknown, via: 'single' | 'batch'): Checked {
	if (!isObject(event)) return { ok: false, message: 'Invalid event' };
	const name = event.event_name;
	if (name === undefined) return { ok: false, message: 'event_name is missing', missing: true };
	if (typeof name !== 'string' || !EVENT_NAME.test(name)) {
		return { ok: false, message: 'event_name should be at most 255 characters: letters, digits, - and _' };
	}
	const identifiers = event.identifiers;
	if (!isObject(identifiers) || Object.keys(identifiers).length === 0) return { ok: false, message: 'identifiers is missing', missing: true };
	let contact: BrevoContact | undefined;
	let createEmail: string | undefined;
	if (identifiers.contact_id !== undefined) {
		contact = findContact(ctx.state, String(identifiers.contact_id), 'contact_id');
		if (!contact) return { ok: false, message: 'Contact not found for contact_id' };
	} else if (identifiers.email_id !== undefined) {
		if (!isValidEmail(identifiers.email_id)) return { ok: false, message: 'Invalid email_id' };
		contact = findContact(ctx.state, identifiers.email_id, 'email_id');
		if (!contact) createEmail = identifiers.email_id;
	} else if (identifiers.ext_id !== undefined) {
		contact = findContact(ctx.state, String(identifiers.ext_id), 'ext_id');
		if (!contact) return { ok: false, message: 'Contact not found for ext_id' };
	} else {
		return { ok: false, message: 'At least one of email_id, contact_id or ext_id is required' };
	}
	if (event.event_properties !== undefined) {
		if (!isObject(event.event_properties)) return { ok: false, message: 'event_properties should be an object' };
		if (Buffer.byteLength(JSON.stringify(event.event_properties)) > MAX_PROPERTIES_BYTES) {
			return { ok: false, message: 'event_properties should not exceed 50KB' };
		}
	}
	if (event.contact_properties !== undefined && !isObject(event.contact_properties)) {
		return { ok: false, message: 'contact_properties should be an object' };
	}
	if (event.event_date !== undefined && (typeof event.event_date !== 'string' || Number.isNaN(Date.parse(event.event_date)))) {
		return { ok: false, message: 'Invalid event_date' };
	}
	return {
		ok: true,
		apply: () => {
			const target = contact ?? createContact(ctx, createEmail as string);
			if (isObject(event.contact_properties)) {
				const check = checkAttributes(ctx.state, event.contact_properties);
				applyAttributes(target, { set: check.set, clear: [] });
				touch(ctx, target);
			}
			ctx.state.events.push({
				event_name: name,
				identifiers,
				event_properties: event.event_properties as Record<string, unknown> | undefined,
				contact_properties: event.contact_properties as Record<string, unknown> | undefined,
				event_date: event.event_date as string | undefined,
				contactId: target.id,
				receivedAt: ctx.now(),
				via,
			});
			return target.id;
		},
	};
}

function single(ctx: BrevoContext, req: SimRequest): SimResponse {
	const checked = checkEvent(ctx, req.body, 'single');
	if (!checked.ok) return checked.missing ? brevoErrors.missing(checked.message) : brevoErrors.invalid(checked.message);
	checked.apply();
	return noContent();
}

/**
 * `POST /events/batch` takes `{events: [...]}`: 202 when all are accepted, 207 with per-event
 * errors when some are, 400 with the same breakdown when none are. Sources: Brevo's reference
 * (https://developers.brevo.com/reference/create-batch-events: the request body; 202
 * `{message, count}` — "batchAcceptedResponse" in Brevo's event OpenAPI file) and changelog
 * (https://developers.brevo.com/changelog/2026/3/3: "returns a 207 status with a breakdown of
 * successful and failed events, including per-event error messages"). The breakdown's field
 * names (`successful_events`, `failed_events`, `errors[{eventIndex, message}]`) are this
 * simulator's reading of that sentence; the node trusts only what the answer actually contains.
 */
function batch(ctx: BrevoContext, req: SimRequest): SimResponse {
	const body = req.body;
	if (!isObject(body) || !Array.isArray(body.events)) {
		return brevoErrors.invalid('Invalid request body: expected an object with an "events" array');
	}
	if (body.events.length === 0) return brevoErrors.missing('events is missing');
	const failures = new Map<string, number[]>();
	let accepted = 0;
	body.events.forEach((event, index) => {
		const checked = checkEvent(ctx, event, 'batch');
		if (checked.ok) {
			checked.apply();
			accepted++;
		} else {
			failures.set(checked.message, [...(failures.get(checked.message) ?? []), index]);
		}
	});
	if (failures.size === 0) return json(202, { message: 'Batch accepted', count: accepted } satisfies Brevo.BatchAcceptedResponse);
	const breakdown: Brevo.BatchEventsResponse = {
		status: accepted > 0 ? 'partial_success' : 'failed',
		total_events: body.events.length,
		successful_events: accepted,
		failed_events: body.events.length - accepted,
		errors: [...failures].map(([message, eventIndex]) => ({ eventIndex, message })),
	};
	return json(accepted > 0 ? 207 : 400, breakdown);
}

export const eventRoutes: BrevoRoute[] = [
	{ method: 'POST', pattern: '/events', handle: (ctx, req) => single(ctx, req) },
	{ method: 'POST', pattern: '/events/batch', handle: (ctx, req) => batch(ctx, req) },
];
