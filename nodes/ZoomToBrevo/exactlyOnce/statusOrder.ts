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
	const keysOf = contacts.map((contact) => {
		const status = contact.engagement.status as AttendanceStatus;
		const own = statusKeys(session ?? scope, contact.email, status);
		return session ? { probe: own.probe, blocks: [...own.blocks, ...statusKeys(scope, contact.email, status).blocks] } : own;
	});
	const keysFor = (i: number) => (keysOf[i].probe ? [keysOf[i].probe as string, ...keysOf[i].blocks] : keysOf[i].blocks);
	const all = [...new Set(contacts.flatMap((_c, i) => keysFor(i)))];
	const before = await claim(context, 'workflow', all);

	let heldBack = 0;
	const kept = contacts.map((contact, i) => {
		const probe = keysOf[i].probe;
		if (!probe || !before.has(probe)) return contact;
		heldBack++;
		const withoutStatus = { ...contact.attributes };
		for (const name of attributes) delete withoutStatus[name];
		return {
			...contact,
			attributes: withoutStatus,
			statusKept: `${attributes.join(', ')} left as it is: this workflow already wrote a later status for this ${source.kind}`,
		};
	});
	return {
		contacts: kept,
		heldBack,
		undo: async (emails) => {
			const written = contacts.flatMap((contact, i) => (emails && !emails.has(contact.email) ? [] : keysFor(i)));
			await release(context, 'workflow', [...new Set(written)].filter((key) => !before.has(key)));
		},
	};
}
