/**
 * ATTENDANCE_STATUS never moves backwards for the same meeting instance or webinar, whichever
 * workflow writes it. n8n gives community nodes no store wider than one workflow (statusOrder.ts
 * holds the order within one), so Brevo itself is the shared truth: each contact whose status is
 * written also gets ZOOM_STATUS_FOR, naming the instance that status belongs to (keys.ts
 * `statusScopeOf`). Before writing, one paged read lists the contacts whose ZOOM_STATUS_FOR is this
 * instance, with their status; a contact that already has a later status for it keeps it.
 *
 * A status for another instance is no obstacle: the attribute then holds the latest instance's
 * status, as a single contact attribute must. Two syncs of one instance that read before either
 * wrote (seconds apart, in two workflows) can still both write; the later one wins.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listBrevoAttributes, listContactsWhere, type AttributeNeed } from '../../shared/brevo';
import type { AttributeMapping } from '../contacts/fields';
import type { BrevoContact } from '../contacts/mapToBrevo';
import type { AttendanceStatus, ZoomSource } from '../contacts/types';
import { STATUS_ORDER, statusScopeOf } from './keys';
import { statusAttributes } from './statusOrder';

/** The contact attribute naming the meeting instance or webinar ATTENDANCE_STATUS belongs to. */
export const STATUS_FOR_ATTRIBUTE = 'ZOOM_STATUS_FOR';
export const STATUS_FOR_NEED: AttributeNeed = { name: STATUS_FOR_ATTRIBUTE, type: 'text' };

const rank = (status: unknown) => STATUS_ORDER.indexOf(status as AttendanceStatus);

/**
 * Pure: the contacts to write, given each one's status in Brevo for this instance (by lower-cased
 * email). Status attributes and ZOOM_STATUS_FOR go out where Brevo has a later status for it.
 */
export function orderAgainstBrevo(
	contacts: BrevoContact[],
	attributes: string[],
	scope: string,
	inBrevo: Map<string, unknown>,
	kind: string,
): { contacts: BrevoContact[]; heldBack: number } {
	let heldBack = 0;
	const ordered = contacts.map((contact) => {
		if (!attributes.some((name) => name in contact.attributes)) return contact;
		const current = inBrevo.get(contact.email.toLowerCase());
		const status = contact.engagement.status;
		if (current === undefined || rank(current) <= rank(status)) {
			return { ...contact, attributes: { ...contact.attributes, [STATUS_FOR_ATTRIBUTE]: scope } };
		}
		heldBack++;
		const withoutStatus: IDataObject = { ...contact.attributes };
		for (const name of attributes) delete withoutStatus[name];
		return {
			...contact,
			attributes: withoutStatus,
			statusKept: `${attributes.join(', ')} left as it is: Brevo already has "${String(current)}" for this ${kind} (written by this or another workflow), later than "${String(status)}"`,
		};
	});
	return { contacts: ordered, heldBack };
}

/** Reads what Brevo holds for this instance (one request per 1 000 contacts that have it) and orders. */
export async function keepStatusOrderInBrevo(
	context: IExecuteFunctions,
	contacts: BrevoContact[],
	mapping: AttributeMapping[],
	source: ZoomSource,
): Promise<{ contacts: BrevoContact[]; heldBack: number }> {
	const attributes = statusAttributes(mapping).map((name) => name.trim().toUpperCase());
	if (attributes.length === 0 || contacts.length === 0) return { contacts, heldBack: 0 };
	const scope = statusScopeOf(source);
	// Before the first sync that writes it, the attribute does not exist and nobody has a status.
	const exists = (await listBrevoAttributes(context)).some((attribute) => attribute.name.toUpperCase() === STATUS_FOR_ATTRIBUTE);
	const inBrevo = new Map<string, unknown>();
	if (exists) {
		const found = await listContactsWhere(context, STATUS_FOR_ATTRIBUTE, scope, `read the attendance statuses Brevo has for this ${source.kind}`);
		for (const { email, attributes: held } of found) inBrevo.set(email, held[attributes[0]]);
	}
	return orderAgainstBrevo(contacts, attributes, scope, inBrevo, source.kind);
}
