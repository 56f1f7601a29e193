/**
 * Plans a contact import: one Brevo import per set of target lists (the import puts everyone in a
 * request on the same lists), each split into request bodies of at most `maxBytes`. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonBytes } from './bytes';
import type { ContactWrite } from './types';

/** Brevo refuses import bodies over 10 MB and recommends staying near 8 MB. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_DEFAULT_BYTES = 8 * 1024 * 1024;

export interface ImportRow extends IDataObject {
	email: string;
	attributes: IDataObject;
}

export interface PlannedImport {
	/** Lists every contact of this request is put on (empty: Brevo's import cannot take them). */
	listIds: number[];
	rows: ImportRow[];
	/** Size of the serialized request body. */
	bytes: number;
	/** The exact body to send. */
	body: IDataObject;
}

export interface ImportPlan {
	batches: PlannedImport[];
	/** Contacts that alone exceed the size limit. */
	oversized: Array<{ email: string; bytes: number }>;
}

/** The attributes as the import sends them: without EMAIL (the contact's key: Brevo treats it as
 *  a change of address) and without undefined values. The contact's own object when it has
 *  neither, as a sync's contacts do: 100 000 copies were the import's largest cost (issue #25). */
function sendable(attributes: IDataObject | undefined): IDataObject {
	if (!attributes) return {};
	const names = Object.keys(attributes);
	if (names.every((name) => attributes[name] !== undefined && name.toUpperCase() !== 'EMAIL')) return attributes;
	const kept: IDataObject = {};
	for (const name of names) if (attributes[name] !== undefined && name.toUpperCase() !== 'EMAIL') kept[name] = attributes[name];
	return kept;
}

const sortedUnique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/**
 * One row per email (case-insensitive): later values win, list memberships add up. EMAIL inside the
 * attributes is dropped — it is the contact's key, and Brevo treats it as a change of address.
 * A row's attributes may be the contact's own object: nothing here writes to it (a second contact
 * of the same email gets the row a copy first), and neither does sending.
 */
export function mergeByEmail(contacts: ContactWrite[], listIds: number[]): Array<{ row: ImportRow; listIds: number[] }> {
	const merged = new Map<string, { row: ImportRow; listIds: number[]; copied: boolean }>();
	// A sync's contacts share one listIds array: their target lists are worked out once.
	let listsFor: number[] | undefined;
	let lists: number[] = [];
	for (const contact of contacts) {
		const email = contact.email.trim();
		const key = email.toLowerCase();
		const entry = merged.get(key);
		if (entry) {
			if (!entry.copied) {
				entry.row.attributes = { ...entry.row.attributes };
				entry.copied = true;
			}
			Object.assign(entry.row.attributes, sendable(contact.attributes));
			entry.listIds = sortedUnique([...entry.listIds, ...(contact.listIds ?? [])]);
			continue;
		}
		if (contact.listIds !== listsFor || listsFor === undefined) {
			listsFor = contact.listIds;
			lists = sortedUnique([...listIds, ...(contact.listIds ?? [])]);
		}
		merged.set(key, { row: { email, attributes: sendable(contact.attributes) }, listIds: lists, copied: false });
	}
	const rows: Array<{ row: ImportRow; listIds: number[] }> = [];
	for (const { row, listIds: own } of merged.values()) rows.push({ row, listIds: own });
	return rows;
}

function envelope(listIds: number[]): IDataObject {
	// Key order matters only for the size estimate, which serializes this same object.
	return { jsonBody: [], listIds, updateExistingContacts: true, emptyContactsAttributes: false, disableNotification: true };
}

export function planImport(contacts: ContactWrite[], listIds: number[], maxBytes: number): ImportPlan {
	const groups = new Map<string, { listIds: number[]; rows: ImportRow[] }>();
	let keyFor: number[] | undefined;
	let key = '';
	for (const { row, listIds: lists } of mergeByEmail(contacts, listIds)) {
		if (lists !== keyFor) {
			keyFor = lists;
			key = lists.join(',');
		}
		const group = groups.get(key) ?? { listIds: lists, rows: [] };
		group.rows.push(row);
		groups.set(key, group);
	}

	const batches: PlannedImport[] = [];
	const oversized: ImportPlan['oversized'] = [];
	for (const group of groups.values()) {
		const empty = envelope(group.listIds);
		const emptyBytes = jsonBytes(empty);
		let rows: ImportRow[] = [];
		let bytes = emptyBytes;
		const flush = () => {
			if (rows.length === 0) return;
			batches.push({ listIds: group.listIds, rows, bytes, body: { ...empty, jsonBody: rows } });
			rows = [];
			bytes = emptyBytes;
		};
		for (const row of group.rows) {
			const rowBytes = jsonBytes(row);
			if (emptyBytes + rowBytes > maxBytes) {
				oversized.push({ email: row.email, bytes: emptyBytes + rowBytes });
				continue;
			}
			// A comma separates each row from the previous one.
			const added = rowBytes + (rows.length > 0 ? 1 : 0);
			if (bytes + added > maxBytes) flush();
			bytes += rowBytes + (rows.length > 0 ? 1 : 0);
			rows.push(row);
		}
		flush();
	}
	return { batches, oversized };
}
