/**
 * The contacts whose attribute equals a value, with their attributes: `GET /contacts` with
 * `filter=equals(ATTRIBUTE,"value")`, in pages of 1 000 (Brevo API reference, "Get all the
 * contacts": limit at most 1000, offset, filter by contact attributes with the equals operator,
 * e.g. `filter=equals(FIRSTNAME,"Antoine")`; the same text in Brevo's SDK, @getbrevo/brevo 6.0.3
 * GetContactsRequest.filter). One request per 1 000 contacts found, in the contacts rate budget.
 * The attribute must exist: callers check it first.
 */
import type { IDataObject } from 'n8n-workflow';

import { openSession, requestWithin } from './request';
import type { Ctx } from './types';

export const CONTACTS_PER_PAGE = 1000;

export interface ContactAttributes {
	email: string;
	attributes: IDataObject;
}

export interface ContactsPage {
	contacts?: Array<{ email?: unknown; attributes?: IDataObject }>;
	count?: number;
}

/** The filter's value as Brevo's examples quote text: inside double quotes, none in it. */
export function equalsFilter(attribute: string, value: string): string {
	return `equals(${attribute.trim().toUpperCase()},"${value.replace(/"/g, '')}")`;
}

export async function listContactsWhere(context: Ctx, attribute: string, value: string, what: string): Promise<ContactAttributes[]> {
	const session = await openSession(context);
	const found: ContactAttributes[] = [];
	for (let offset = 0; ; offset += CONTACTS_PER_PAGE) {
		const page = await requestWithin<ContactsPage>(session, {
			method: 'GET',
			path: '/contacts',
			qs: { limit: CONTACTS_PER_PAGE, offset, filter: equalsFilter(attribute, value) },
			what: `${what} (page ${offset / CONTACTS_PER_PAGE + 1})`,
		});
		const contacts = Array.isArray(page?.contacts) ? page.contacts : [];
		for (const contact of contacts) {
			if (typeof contact.email === 'string') found.push({ email: contact.email.toLowerCase(), attributes: contact.attributes ?? {} });
		}
		// The last page is short; `count` (all matches) ends it early when it is exact.
		if (contacts.length < CONTACTS_PER_PAGE || (typeof page.count === 'number' && offset + contacts.length >= page.count)) return found;
	}
}
