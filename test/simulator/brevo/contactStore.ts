import type { BrevoContact } from '../fixture/types';
import { brevoTime, type BrevoContext, type BrevoState } from './state';
import type { AttributeCheck } from './validation';

export const IDENTIFIER_TYPES = ['email_id', 'contact_id', 'ext_id', 'phone_id', 'whatsapp_id', 'landline_number_id'] as const;

/** Finds a contact the way Brevo reads `{identifier}`: an email, a contact id, or what `identifierType` says. */
export function findContact(state: BrevoState, identifier: string, identifierType?: string): BrevoContact | undefined {
	const type = identifierType ?? (identifier.includes('@') ? 'email_id' : /^\d+$/.test(identifier) ? 'contact_id' : 'phone_id');
	const all = () => state.contacts.values();
	switch (type) {
		case 'email_id':
			return state.contacts.get(identifier.toLowerCase());
		case 'contact_id':
			for (const c of all()) if (String(c.id) === identifier) return c;
			return undefined;
		case 'ext_id':
			for (const c of all()) if (c.ext_id === identifier || c.attributes.EXT_ID === identifier) return c;
			return undefined;
		case 'phone_id':
			for (const c of all()) if (c.attributes.SMS === identifier) return c;
			return undefined;
		case 'whatsapp_id':
			for (const c of all()) if (c.attributes.WHATSAPP === identifier) return c;
			return undefined;
		case 'landline_number_id':
			for (const c of all()) if (c.attributes.LANDLINE_NUMBER === identifier) return c;
			return undefined;
		default:
			return undefined;
	}
}

export function createContact(ctx: BrevoContext, email: string): BrevoContact {
	const now = brevoTime(ctx.now());
	const contact: BrevoContact = {
		id: ctx.state.nextIds.contact++,
		// Brevo stores emails in lower case.
		email: email.toLowerCase(),
		emailBlacklisted: false,
		smsBlacklisted: false,
		createdAt: now,
		modifiedAt: now,
		attributes: {},
		listIds: [],
		listUnsubscribed: [],
	};
	ctx.state.contacts.set(contact.email, contact);
	return contact;
}

export function applyAttributes(contact: BrevoContact, check: Pick<AttributeCheck, 'set' | 'clear'>): void {
	Object.assign(contact.attributes, check.set);
	for (const name of check.clear) delete contact.attributes[name];
	if (typeof check.set.EXT_ID === 'string') contact.ext_id = check.set.EXT_ID;
}

/** Memberships are added to, never replaced (the pitfall the notes warn about). */
export function addToLists(contact: BrevoContact, listIds: number[]): void {
	for (const id of listIds) {
		if (!contact.listIds.includes(id)) contact.listIds.push(id);
		contact.listUnsubscribed = contact.listUnsubscribed.filter((l) => l !== id);
	}
}

export function removeFromLists(contact: BrevoContact, listIds: number[]): void {
	contact.listIds = contact.listIds.filter((id) => !listIds.includes(id));
}

export function changeEmail(state: BrevoState, contact: BrevoContact, email: string): void {
	state.contacts.delete(contact.email);
	contact.email = email.toLowerCase();
	state.contacts.set(contact.email, contact);
}

export function touch(ctx: BrevoContext, contact: BrevoContact): void {
	contact.modifiedAt = brevoTime(ctx.now());
}

/** Ids among `listIds` that name no list, or a message if the value is not a list of integers. */
export function unknownListIds(state: BrevoState, listIds: unknown): number[] | string {
	if (listIds === undefined) return [];
	if (!Array.isArray(listIds) || !listIds.every((id) => Number.isInteger(id))) return 'listIds must be an array of integers';
	return (listIds as number[]).filter((id) => !state.lists.has(id));
}
