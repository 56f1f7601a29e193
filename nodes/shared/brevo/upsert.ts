/**
 * Contacts one by one through `POST /contacts` with `updateEnabled: true` (create, or update the
 * existing one). List memberships in `listIds` are added to the contact's lists, never replace them.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { brevoErrorBodyOf } from './errors';
import { brevoFailure, isSuccess, openSession, sendToBrevo, withNote, type BrevoSession } from './request';
import type { ContactWrite } from './types';

export interface UpsertReport {
	email: string;
	status: 'created' | 'updated' | 'failed' | 'dry-run';
	error?: string;
}

/** A refusal about this one contact (its data), as opposed to one that would stop every contact. */
const isContactRefusal = (status: number) => status === 400 || status === 404 || status === 409 || status === 422;

export function upsertBody(contact: Pick<ContactWrite, 'email' | 'attributes' | 'listIds'>): IDataObject {
	const attributes: IDataObject = {};
	for (const [name, value] of Object.entries(contact.attributes ?? {})) {
		// EMAIL inside the attributes reads as "change this contact's address": a known duplicate trap.
		if (name.toUpperCase() === 'EMAIL' || value === undefined) continue;
		attributes[name] = value;
	}
	const body: IDataObject = { email: contact.email.trim(), attributes, updateEnabled: true };
	const listIds = [...new Set(contact.listIds ?? [])];
	if (listIds.length > 0) body.listIds = listIds;
	return body;
}

/** Writes the contacts in order, paced by Brevo's rate-limit headers. */
export async function upsertWithin(session: BrevoSession, contacts: Array<Pick<ContactWrite, 'email' | 'attributes' | 'listIds'>>): Promise<UpsertReport[]> {
	const reports: UpsertReport[] = [];
	for (const contact of contacts) {
		const request = { method: 'POST' as const, path: '/contacts', body: upsertBody(contact), what: `create or update contact ${contact.email}` };
		try {
			const response = await sendToBrevo(session, request);
			if (isSuccess(response.status)) {
				reports.push({ email: contact.email, status: response.status === 201 ? 'created' : 'updated' });
			} else if (isContactRefusal(response.status)) {
				const { code, message } = brevoErrorBodyOf(response.body);
				reports.push({ email: contact.email, status: 'failed', error: message ?? code ?? `HTTP ${response.status}` });
			} else {
				throw brevoFailure(session, request, response);
			}
		} catch (error) {
			// Stopping for everyone (key, rate limit, outage): say how far it got.
			const written = reports.filter((r) => r.status !== 'failed').length;
			throw withNote(
				session,
				error,
				`${written} of ${contacts.length} contacts were written before this; running again is safe (contacts are updated, not duplicated).`,
			);
		}
	}
	return reports;
}

export async function upsertContacts(
	context: IExecuteFunctions,
	contacts: ContactWrite[],
	options: { dryRun?: boolean },
): Promise<UpsertReport[]> {
	if (options.dryRun) return contacts.map((c) => ({ email: c.email, status: 'dry-run' }));
	if (contacts.length === 0) return [];
	return await upsertWithin(await openSession(context), contacts);
}
