import type { Brevo } from '../../contracts/vendor';
import { isObject, json, noContent, type SimRequest, type SimResponse } from '../http';
import { safeDecode } from '../router';
import type { BrevoContact } from '../fixture/types';
import { addToLists, applyAttributes, changeEmail, createContact, findContact, IDENTIFIER_TYPES, removeFromLists, touch, unknownListIds } from './contactStore';
import { brevoErrors } from './errors';
import type { BrevoRoute } from './route';
import type { BrevoContext } from './state';
import { checkAttributes, isValidEmail } from './validation';

/**
 * `GET /contacts/{identifier}`, typed by the SDK's
 * `GetContactInfoResponse` (whose `whatsappBlacklisted` is required: the simulator left it out
 * until issue #24).
 */
export function contactView(contact: BrevoContact) {
	const { ext_id: _ext, ...rest } = contact;
	return { ...rest, whatsappBlacklisted: false, statistics: {} } satisfies Brevo.GetContactInfoResponse;
}

/** A row of `GET /contacts`, typed by the SDK's `GetContacts` (`GetContactDetails`): no `statistics`
 *  there (the simulator listed them until issue #24). */
export function contactRow(contact: BrevoContact): Brevo.GetContactDetails {
	const { statistics: _statistics, ...row } = contactView(contact);
	return row;
}

function lookup(ctx: BrevoContext, req: SimRequest, rawIdentifier: string): BrevoContact | SimResponse {
	const type = req.query.identifierType;
	if (type !== undefined && !(IDENTIFIER_TYPES as readonly string[]).includes(type)) return brevoErrors.invalid('Invalid identifierType');
	const contact = findContact(ctx.state, safeDecode(rawIdentifier), type);
	return contact ?? brevoErrors.notFound('Contact does not exist');
}

function isContact(value: BrevoContact | SimResponse): value is BrevoContact {
	return 'email' in value;
}

/**
 * Validates and applies `attributes`, `listIds` and `unlinkListIds` to a contact. Unknown attributes
 * are refused here (the import endpoint drops them instead).
 */
function prepareChanges(ctx: BrevoContext, contact: BrevoContact | undefined, body: Record<string, unknown>): SimResponse | (() => void) {
	const attributes = body.attributes === undefined ? {} : body.attributes;
	if (!isObject(attributes)) return brevoErrors.invalid('attributes should be an object');
	const check = checkAttributes(ctx.state, attributes);
	if (check.unknown.length > 0) return brevoErrors.invalid(`Attribute not found: ${check.unknown[0]}`);
	if (check.error) return brevoErrors.invalid(check.error);
	if (check.email !== undefined) {
		if (!isValidEmail(check.email)) return brevoErrors.invalid('Invalid email address');
		const other = ctx.state.contacts.get(check.email.toLowerCase());
		// Setting EMAIL to an address another contact owns is the "EMAIL inside attributes" duplicate error.
		if (other && other !== contact) return brevoErrors.duplicate('Contact already exist');
	}
	for (const key of ['listIds', 'unlinkListIds'] as const) {
		const unknown = unknownListIds(ctx.state, body[key]);
		if (typeof unknown === 'string') return brevoErrors.invalid(unknown.replace('listIds', key));
		if (unknown.length > 0) return brevoErrors.notFound('List ID does not exist');
	}
	return () => {
		if (!contact) return;
		applyAttributes(contact, check);
		if (check.email !== undefined && check.email.toLowerCase() !== contact.email) changeEmail(ctx.state, contact, check.email);
		if (typeof body.ext_id === 'string') contact.ext_id = body.ext_id;
		if (Array.isArray(body.listIds)) addToLists(contact, body.listIds as number[]);
		if (Array.isArray(body.unlinkListIds)) removeFromLists(contact, body.unlinkListIds as number[]);
		if (typeof body.emailBlacklisted === 'boolean') contact.emailBlacklisted = body.emailBlacklisted;
		touch(ctx, contact);
	};
}

function createOrUpsert(ctx: BrevoContext, req: SimRequest): SimResponse {
	if (!isObject(req.body)) return brevoErrors.invalid('Invalid request body');
	const body = req.body;
	if (body.email === undefined) return brevoErrors.missing('email is missing');
	if (!isValidEmail(body.email)) return brevoErrors.invalid('Invalid email address');
	const existing = ctx.state.contacts.get(body.email.toLowerCase());
	if (existing && body.updateEnabled !== true) return brevoErrors.duplicate('Contact already exist');
	const apply = (contact: BrevoContact | undefined) => prepareChanges(ctx, contact, body);
	if (existing) {
		const change = apply(existing);
		if (typeof change !== 'function') return change;
		change();
		return noContent();
	}
	const check = apply(undefined);
	if (typeof check !== 'function') return check;
	const contact = createContact(ctx, body.email);
	const change = apply(contact);
	if (typeof change === 'function') change();
	return json(201, { id: contact.id } satisfies Brevo.CreateContactResponse);
}

/**
 * `filter` of GET /contacts: "Filter the contacts on the basis of attributes. Allowed operator:
 * equals", e.g. `equals(FIRSTNAME,"Antoine")`, `equals(B1, true)` (Brevo API reference, "Get all
 * the contacts"; @getbrevo/brevo 6.0.3 GetContactsRequest.filter). Values compare as text; the
 * multiple-choice and category forms are not imitated (the package filters text attributes only).
 * Another operator is answered 400 invalid_parameter (Brevo's docs allow only equals; the message
 * is the simulator's own).
 */
export function parseEqualsFilter(filter: string): { attribute: string; value: string } | undefined {
	const match = /^equals\(\s*([A-Za-z0-9_]+)\s*,\s*(?:"([^"]*)"|([^)]*?))\s*\)$/.exec(filter.trim());
	if (!match) return undefined;
	return { attribute: match[1].toUpperCase(), value: match[2] ?? match[3] };
}

export const contactRoutes: BrevoRoute[] = [
	{
		method: 'GET',
		pattern: '/contacts',
		handle(ctx, req) {
			const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
			const offset = Number(req.query.offset ?? 0);
			if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return brevoErrors.outOfRange('limit should be between 0 and 1000');
			let all = [...ctx.state.contacts.values()];
			if (req.query.filter !== undefined) {
				const filter = parseEqualsFilter(req.query.filter);
				if (!filter) return brevoErrors.invalid('Invalid filter: only equals(ATTRIBUTE, value) is allowed');
				all = all.filter((contact) => String(contact.attributes[filter.attribute] ?? '') === filter.value);
			}
			return json(200, { contacts: all.slice(offset, offset + limit).map(contactRow), count: all.length } satisfies Brevo.GetContacts);
		},
	},
	{ method: 'POST', pattern: '/contacts', handle: (ctx, req) => createOrUpsert(ctx, req) },
	{
		method: 'GET',
		pattern: '/contacts/:identifier',
		handle(ctx, req, params) {
			const contact = lookup(ctx, req, params.identifier);
			return isContact(contact) ? json(200, contactView(contact)) : contact;
		},
	},
	{
		method: 'PUT',
		pattern: '/contacts/:identifier',
		handle(ctx, req, params) {
			const contact = lookup(ctx, req, params.identifier);
			if (!isContact(contact)) return contact;
			if (!isObject(req.body)) return brevoErrors.invalid('Invalid request body');
			const change = prepareChanges(ctx, contact, req.body);
			if (typeof change !== 'function') return change;
			change();
			return noContent();
		},
	},
	{
		method: 'DELETE',
		pattern: '/contacts/:identifier',
		handle(ctx, req, params) {
			const contact = lookup(ctx, req, params.identifier);
			if (!isContact(contact)) return contact;
			ctx.state.contacts.delete(contact.email);
			return noContent();
		},
	},
];
