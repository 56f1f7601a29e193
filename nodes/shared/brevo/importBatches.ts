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

/**
 * One row per email (case-insensitive): later values win, list memberships add up. EMAIL inside the
 * attributes is dropped — it is the contact's key, and Brevo treats it as a change of address.
 */
export function mergeByEmail(contacts: ContactWrite[], listIds: number[]): Array<{ row: ImportRow; listIds: number[] }> {
	const merged = new Map<string, { row: ImportRow; lists: Set<number> }>();
	for (const contact of contacts) {
		const email = contact.email.trim();
		const key = email.toLowerCase();
		const attributes: IDataObject = {};
		for (const [name, value] of Object.entries(contact.attributes ?? {})) {
			if (name.toUpperCase() === 'EMAIL' || value === undefined) continue;
			attributes[name] = value;
		}
		const entry = merged.get(key);
		if (entry) {
			Object.assign(entry.row.attributes, attributes);
			for (const id of contact.listIds ?? []) entry.lists.add(id);
		} else {
			merged.set(key, { row: { email, attributes }, lists: new Set([...listIds, ...(contact.listIds ?? [])]) });
		}
	}
	return [...merged.values()].map(({ row, lists }) => ({ row, listIds: [...lists].sort((a, b) => a - b) }));
}

function envelope(listIds: number[]): IDataObject {
	// Key order matters only for the size estimate, which serializes this same object.
	return { jsonBody: [], listIds, updateExistingContacts: true, emptyContactsAttributes: false, disableNotification: true };
}

export function planImport(contacts: ContactWrite[], listIds: number[], maxBytes: number): ImportPlan {
	const groups = new Map<string, { listIds: number[]; rows: ImportRow[] }>();
	for (const { row, listIds: lists } of mergeByEmail(contacts, listIds)) {
		const key = lists.join(',');
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
