import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { BrevoContact } from '../contacts/mapToBrevo';
import type { SkippedPerson, ZoomSource } from '../contacts/types';

/**
 * Items the node emits: one per contact, one per skipped person, all paired with the input item
 * they came from.
 *
 * An item is what a marketer looks for first, at its top (who, their status, score and level; the
 * same values stay in `engagement`, where earlier workflows read them), then the contact's own
 * fields, then `extra`. Its fields are set one by one rather than spread
 * (`{ ...headline, ...contact, ...extra }`): V8 gives every object built by spreading its own
 * hidden class, about 250 bytes each, 20 MB for 80 000 contacts; set in the same order, all items
 * share one (issue #25).
 *
 * Each contact is let go from `contacts` once its item is built: the item holds its fields, and a
 * 100 000-person sync does not hold the contacts' own objects as well. The caller's array is empty
 * afterwards.
 */
export function contactItems(
	contacts: BrevoContact[],
	itemIndex: number,
	extra: (contact: BrevoContact, index: number) => IDataObject = () => ({}),
	into: INodeExecutionData[] = [],
): INodeExecutionData[] {
	// One pairing object for all: n8n reads it and never writes to it.
	const pairedItem = { item: itemIndex };
	for (let index = 0; index < contacts.length; index++) {
		const contact = contacts[index];
		into.push(contactItem(contact, pairedItem, extra(contact, index)));
		(contacts as Array<BrevoContact | undefined>)[index] = undefined;
	}
	contacts.length = 0;
	return into;
}

/** One contact's item (see contactItems), paired by the object given, which all items share. */
export function contactItem(contact: BrevoContact, pairedItem: { item: number }, more: IDataObject = {}): INodeExecutionData {
	const { status, score, leadLevel } = contact.engagement;
	const json: IDataObject = { email: contact.email };
	if (status !== undefined) json.status = status;
	if (score !== undefined) json.score = score;
	if (leadLevel !== undefined) json.leadLevel = leadLevel;
	for (const key of Object.keys(contact)) json[key] = contact[key as keyof BrevoContact] as IDataObject[string];
	for (const key of Object.keys(more)) json[key] = more[key];
	return { json, pairedItem };
}

export function skippedItems(skipped: SkippedPerson[], source: ZoomSource, itemIndex: number, into: INodeExecutionData[] = []): INodeExecutionData[] {
	// One copy of the source for all of them, as contacts share theirs (mapToBrevo.ts).
	const shared = { ...source };
	const pairedItem = { item: itemIndex };
	for (const person of skipped) {
		into.push({
			json: {
				skipped: true,
				reason: person.reason,
				name: person.name,
				email: person.email,
				zoomRows: person.rows,
				hint: person.hint,
				source: shared,
			} as IDataObject,
			pairedItem,
		});
	}
	return into;
}

/** One line for the node's execution hints, e.g. "412 contacts, 37 skipped (no email: 35, ...)".
 *  `written` says what reached Brevo; undefined means nothing was meant to (emit only). */
export function summaryLine(contacts: number, skipped: SkippedPerson[], written: string | undefined, { skippedOutput = false } = {}): string {
	const reasons = new Map<string, number>();
	for (const person of skipped) reasons.set(person.reason, (reasons.get(person.reason) ?? 0) + 1);
	const why = [...reasons].map(([reason, n]) => `${reason.replace(/_/g, ' ')}: ${n}`).join(', ');
	const where = skippedOutput ? 'see the Skipped output' : 'see the items with "skipped": true';
	return [
		`${contacts} contact${contacts === 1 ? '' : 's'}`,
		skipped.length > 0 ? `${skipped.length} skipped (${why}) — ${where}` : '0 skipped',
		written ?? 'nothing written to Brevo (Write to Brevo is "No — Emit the Contacts Only")',
	]
		.filter(Boolean)
		.join('; ');
}

/** The item for an input item whose Zoom delivery this node already processed. */
export function alreadyProcessedItem(trackingId: string, itemIndex: number): INodeExecutionData {
	return {
		json: {
			skipped: true,
			reason: 'already_processed',
			trackingId,
			hint: 'This node already processed this Zoom delivery (same tracking ID): Zoom re-sent it, or the execution was re-run. Nothing was read or written. To process it again on purpose, turn on Options → Repeat Follow-Ups.',
		},
		pairedItem: { item: itemIndex },
	};
}
