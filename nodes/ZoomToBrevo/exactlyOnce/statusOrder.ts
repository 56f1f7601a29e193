/**
 * ATTENDANCE_STATUS never moves backwards because a later sync ran: after an attendee sync wrote
 * "attended", a registrant or absentee sync of the same webinar leaves the status out. The order
 * is kept per meeting instance, webinar or recurring webinar session in n8n's deduplication store (one batched call per
 * sync, workflow scope: every Zoom to Brevo node of the workflow sees it); see keys.ts.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { AttributeMapping } from '../contacts/fields';
import type { BrevoContact } from '../contacts/mapToBrevo';
import type { AttendanceStatus, ZoomSource } from '../contacts/types';
import { statusKeys, statusScopeOf } from './keys';
import { claim, release } from './record';

export interface StatusOrderResult {
	/** The contacts to write: status attributes removed where a later status was written before. */
	contacts: BrevoContact[];
	heldBack: number;
	/** Forget what this call recorded (for the given emails, or all) when the write that follows
	 *  provably failed for them. */
	undo: (emails?: Set<string>) => Promise<void>;
}

/** Attributes that carry the attendance status (usually just ATTENDANCE_STATUS). */
export const statusAttributes = (mapping: AttributeMapping[]) =>
	mapping.filter((row) => row.field === 'attendanceStatus').map((row) => row.attribute);

export async function keepStatusOrder(
	context: IExecuteFunctions,
	contacts: BrevoContact[],
	mapping: AttributeMapping[],
	source: ZoomSource,
): Promise<StatusOrderResult> {
	const attributes = statusAttributes(mapping);
	if (attributes.length === 0 || contacts.length === 0) return { contacts, heldBack: 0, undo: async () => {} };

	const scope = statusScopeOf(source);
	// A recurring webinar's session orders its own statuses; any of them also blocks the
	// webinar's "registered" (a registrant sync names no session).
	const session = source.session ? `${scope}/${source.session.id}` : undefined;
	const keysOf = (email: string, status: AttendanceStatus): string[] => {
		const own = statusKeys(session ?? scope, email, status);
		const blocks = session ? [...own.blocks, ...statusKeys(scope, email, status).blocks] : own.blocks;
		return own.probe ? [own.probe, ...blocks] : blocks;
	};
	const probeOf = (email: string, status: AttendanceStatus) => statusKeys(session ?? scope, email, status).probe;
	// Only each contact's email and status are kept for undo, and its keys made again if it is
	// called: 100 000 contacts' keys held through the write were 35 MB (issue #25).
	const emails = contacts.map((contact) => contact.email);
	const statuses = contacts.map((contact) => contact.engagement.status as AttendanceStatus);
	const all = new Set<string>();
	for (let i = 0; i < emails.length; i++) for (const key of keysOf(emails[i], statuses[i])) all.add(key);
	const before = await claim(context, 'workflow', [...all]);
	all.clear();

	let heldBack = 0;
	const kept = contacts.map((contact, i) => {
		const probe = probeOf(emails[i], statuses[i]);
		if (!probe || !before.has(probe)) return contact;
		heldBack++;
		const withoutStatus = { ...contact.attributes };
		for (const name of attributes) delete withoutStatus[name];
		return withFields(contact, {
			attributes: withoutStatus,
			statusKept: `${attributes.join(', ')} left as it is: this workflow already wrote a later status for this ${source.kind}`,
		});
	});
	return {
		contacts: kept,
		heldBack,
		undo: async (only) => {
			const written = new Set<string>();
			for (let i = 0; i < emails.length; i++) {
				if (only && !only.has(emails[i])) continue;
				for (const key of keysOf(emails[i], statuses[i])) if (!before.has(key)) written.add(key);
			}
			await release(context, 'workflow', [...written]);
		},
	};
}

/**
 * A copy of the contact with some fields replaced, in the contact's own key order (the item's
 * order), new fields last; what `{ ...contact, ...fields }` gives. Set one by one: V8 gives every
 * object built by spreading its own hidden class, about 250 bytes each (issue #25), and the
 * copies share one when built in the same order.
 */
export function withFields(contact: BrevoContact, fields: Partial<BrevoContact>): BrevoContact {
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(contact)) copy[key] = key in fields ? fields[key as keyof BrevoContact] : contact[key as keyof BrevoContact];
	for (const key of Object.keys(fields)) if (!(key in copy)) copy[key] = fields[key as keyof BrevoContact];
	return copy as unknown as BrevoContact;
}
