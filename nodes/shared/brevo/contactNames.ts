/**
 * The first and last name Brevo holds for a contact (`GET /contacts/{identifier}` with
 * `identifierType=email_id`; Brevo API reference, "Get a contact's details"): for registering a
 * person whose input item carries only the email (a Brevo Trigger's list event). A contact Brevo
 * does not have (404) has no names; any other failure is an error.
 */
import { brevoFailure, isSuccess, openSession, sendToBrevo } from './request';
import type { Ctx } from './types';

/** What this reads of a contact's attributes as Brevo answers them (checked against the vendor's type in test/contracts). */
export type ContactNamesAnswer = { attributes?: Record<string, unknown> };

export interface ContactNames {
	firstName?: string;
	lastName?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export async function readContactNames(context: Ctx, email: string): Promise<ContactNames> {
	const session = await openSession(context);
	const request = {
		method: 'GET' as const,
		path: `/contacts/${encodeURIComponent(email)}`,
		qs: { identifierType: 'email_id' },
		what: `read the names of contact ${email}`,
	};
	const response = await sendToBrevo<ContactNamesAnswer>(session, request);
	if (response.status === 404) return {};
	if (!isSuccess(response.status)) throw brevoFailure(session, request, response);
	const attributes = response.body?.attributes ?? {};
	return { firstName: text(attributes.FIRSTNAME), lastName: text(attributes.LASTNAME) };
}
