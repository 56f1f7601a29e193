/**
 * ATTENDANCE_STATUS never moves backwards for the same meeting instance or webinar, whichever
 * workflow writes it. n8n gives community nodes no store wider than one workflow (statusOrder.ts
 * holds the order within one), so Brevo itself is the shared truth: each contact whose status is
 * written also gets ZOOM_STATUS_FOR, naming the instance that status belongs to (keys.ts
 * `statusScopeOf`). Before writing, one paged read lists the contacts whose ZOOM_STATUS_FOR is this
 * instance, with their status; a contact that already has a later status for it keeps it.
 *
 * A recurring webinar's attendees and absentees also get ZOOM_STATUS_SESSION (keys.ts
 * `statusSessionOf`: the webinar, the session's start and its UUID). The rule, per contact:
 * - same session (or both for the webinar as a whole): a status never replaces a later one
 *   (registered < absent < waiting_room_only < attended);
 * - "registered" (a registrant sync names no session) never replaces any session's status;
 * - two sessions: the later session's status is the one the contact keeps, whichever is written
 *   last (attended session 1, then absent from session 2 → absent, with its no-show event).
 * A status for another instance is no obstacle: the attribute then holds the latest instance's
 * status, as a single contact attribute must. Two syncs of one instance that read before either
 * wrote (seconds apart, in two workflows) can still both write; the later one wins.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listBrevoAttributes, listContactsWhere, type AttributeNeed } from '../../shared/brevo';
import type { AttributeMapping } from '../contacts/fields';
import type { BrevoContact } from '../contacts/mapToBrevo';
import type { AttendanceStatus, ZoomSource } from '../contacts/types';
import { sessionStartIn, STATUS_ORDER, statusScopeOf, statusSessionOf } from './keys';
import { statusAttributes, withFields } from './statusOrder';

/** The contact attribute naming the meeting instance or webinar ATTENDANCE_STATUS belongs to. */
export const STATUS_FOR_ATTRIBUTE = 'ZOOM_STATUS_FOR';
export const STATUS_FOR_NEED: AttributeNeed = { name: STATUS_FOR_ATTRIBUTE, type: 'text' };
/** The contact attribute naming the recurring webinar session the status belongs to. */
export const STATUS_SESSION_ATTRIBUTE = 'ZOOM_STATUS_SESSION';
export const STATUS_SESSION_NEED: AttributeNeed = { name: STATUS_SESSION_ATTRIBUTE, type: 'text' };

/** What Brevo holds for one contact under this scope. */
export interface HeldStatus {
	status: unknown;
	/** ZOOM_STATUS_SESSION, when it names a session of this webinar. */
	session?: string;
}

const rank = (status: unknown) => STATUS_ORDER.indexOf(status as AttendanceStatus);

/**
 * Why Brevo's status stays, or undefined when the new one may be written. `session`: the new
 * status's session value (undefined: for the whole meeting instance or webinar).
 */
function keepsBrevo(held: HeldStatus, status: unknown, session: string | undefined, scope: string): string | undefined {
	const there = sessionStartIn(held.session, scope);
	const here = session === undefined ? undefined : sessionStartIn(session, scope);
	if (there && here && there.whole !== here.whole) {
		// Two sessions of one webinar: the later session wins, whatever its status.
		return here.start && there.start && here.start < there.start ? `Brevo has "${String(held.status)}" from a later session of this webinar (${there.start})` : undefined;
	}
	return rank(held.status) > rank(status) ? `Brevo already has "${String(held.status)}" for this ${scope.split(':')[0]} (written by this or another workflow), later than "${String(status)}"` : undefined;
}

/** `{ ...attributes, ...stamp }`, set key by key. */
function withStamp(attributes: IDataObject, stamp: IDataObject): IDataObject {
	const stamped: IDataObject = {};
	for (const name of Object.keys(attributes)) stamped[name] = attributes[name];
	for (const name of Object.keys(stamp)) stamped[name] = stamp[name];
	return stamped;
}

/**
 * Pure: the contacts to write, given what Brevo holds for this instance (by lower-cased email).
 * Status attributes, ZOOM_STATUS_FOR and ZOOM_STATUS_SESSION go out where Brevo's status stays.
 */
export function orderAgainstBrevo(
	contacts: BrevoContact[],
	attributes: string[],
	source: Pick<ZoomSource, 'kind' | 'id' | 'uuid' | 'startTime' | 'session'>,
	inBrevo: Map<string, HeldStatus>,
): { contacts: BrevoContact[]; heldBack: number } {
	const scope = statusScopeOf(source);
	const session = statusSessionOf(source);
	const stamp: IDataObject = session ? { [STATUS_FOR_ATTRIBUTE]: scope, [STATUS_SESSION_ATTRIBUTE]: session } : { [STATUS_FOR_ATTRIBUTE]: scope };
	let heldBack = 0;
	const ordered = contacts.map((contact) => {
		if (!attributes.some((name) => name in contact.attributes)) return contact;
		const held = inBrevo.get(contact.email.toLowerCase());
		const why = held === undefined ? undefined : keepsBrevo(held, contact.engagement.status, session, scope);
		// Copies set key by key, not spread: spread objects each get their own hidden class, 20 MB
		// over 100 000 contacts (issue #25); these share one.
		if (why === undefined) return withFields(contact, { attributes: withStamp(contact.attributes, stamp) });
		heldBack++;
		const withoutStatus: IDataObject = { ...contact.attributes };
		for (const name of attributes) delete withoutStatus[name];
		return withFields(contact, { attributes: withoutStatus, statusKept: `${attributes.join(', ')} left as it is: ${why}` });
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
	const inBrevo = new Map<string, HeldStatus>();
	if (exists) {
		const found = await listContactsWhere(context, STATUS_FOR_ATTRIBUTE, scope, `read the attendance statuses Brevo has for this ${source.kind}`);
		for (const { email, attributes: held } of found) inBrevo.set(email, { status: held[attributes[0]], session: held[STATUS_SESSION_ATTRIBUTE] as string | undefined });
	}
	return orderAgainstBrevo(contacts, attributes, source, inBrevo);
}
