import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { BrevoContact } from '../contacts/mapToBrevo';
import type { SkippedPerson, ZoomSource } from '../contacts/types';

/** What a marketer looks for first in an item, at its top: who, their status, score and level
 *  (the same values stay in `engagement`, where earlier workflows read them). */
function headline(contact: BrevoContact): IDataObject {
	const { status, score, leadLevel } = contact.engagement;
	const top: IDataObject = { email: contact.email };
	if (status !== undefined) top.status = status;
	if (score !== undefined) top.score = score;
	if (leadLevel !== undefined) top.leadLevel = leadLevel;
	return top;
}

/** Items the node emits: one per contact, one per skipped person, all paired with the input
 *  item they came from. Pure. */
export function contactItems(
	contacts: BrevoContact[],
	itemIndex: number,
	extra: (contact: BrevoContact, index: number) => IDataObject = () => ({}),
): INodeExecutionData[] {
	return contacts.map((contact, index) => ({
		json: { ...headline(contact), ...contact, ...extra(contact, index) } as unknown as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}

export function skippedItems(skipped: SkippedPerson[], source: ZoomSource, itemIndex: number): INodeExecutionData[] {
	return skipped.map((person) => ({
		json: {
			skipped: true,
			reason: person.reason,
			name: person.name,
			email: person.email,
			zoomRows: person.rows,
			hint: person.hint,
			source: { ...source },
		} as IDataObject,
		pairedItem: { item: itemIndex },
	}));
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
