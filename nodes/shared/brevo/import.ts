/**
 * Contacts in bulk through Brevo's asynchronous import (`POST /contacts/import`): attributes and
 * list memberships for thousands of contacts in a few requests. Existing contacts are updated and
 * added to the lists (never removed from others); empty values never blank existing attributes.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { IMPORT_DEFAULT_BYTES, IMPORT_MAX_BYTES, planImport, type PlannedImport } from './importBatches';
import { pollImports } from './importPolling';
import { isUnconfirmed, openSession, requestWithin, withNote } from './request';
import { upsertWithin } from './upsert';
import type { BatchReport, ContactWrite } from './types';

/** What this reads of the answer of `POST /contacts/import` (checked against the vendor's type in test/contracts). */
export type ImportAnswer = { processId?: number };

export type { BatchReport } from './types';


export interface ImportOptions {
	listIds: number[];
	/** Largest request body, default 8 MB (Brevo's recommendation); at most 10 MB (Brevo's limit). */
	maxBytes?: number;
	/** Follow the import processes until they finish (a few status requests; see POLLING). */
	waitForCompletion?: boolean;
	dryRun?: boolean;
}

const contactsWord = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

/** Brevo's import needs at least one list: contacts without any are written one by one instead. */
const NO_LIST_ROUTE = 'contacts API, one by one (Brevo imports only into lists, and this batch has none)';

function describeSent(reports: BatchReport[], failedIndex: number, maybeTaken: boolean): string {
	const total = reports.length;
	const firstUnsent = maybeTaken ? failedIndex + 1 : failedIndex;
	const unsent = reports.slice(firstUnsent).reduce((n, r) => n + r.contacts, 0);
	const notSent = [
		maybeTaken ? `Batch ${failedIndex + 1} (${contactsWord(reports[failedIndex].contacts)}) may or may not have been imported.` : '',
		firstUnsent < total ? `Not sent: batch${total - firstUnsent > 1 ? `es ${firstUnsent + 1}–${total}` : ` ${firstUnsent + 1}`} (${contactsWord(unsent)}).` : '',
	]
		.filter(Boolean)
		.join(' ');
	if (failedIndex === 0) return `Nothing was sent before this batch. ${notSent}`;
	const sent = reports.slice(0, failedIndex);
	const held = sent.reduce((n, r) => n + r.contacts, 0);
	const list = sent
		.map((r) => `batch ${r.batch} (${r.processId !== undefined ? `process ${r.processId}, ` : ''}${contactsWord(r.contacts)})`)
		.join(', ');
	return `Already sent: ${list} — ${contactsWord(held)} Brevo has accepted. ${notSent} Running again is safe: the import updates existing contacts instead of duplicating them.`;
}

async function writeWithoutList(session: Parameters<typeof upsertWithin>[0], batch: PlannedImport, report: BatchReport): Promise<void> {
	const results = await upsertWithin(
		session,
		batch.rows.map((row) => ({ email: row.email, attributes: row.attributes, listIds: [] })),
	);
	const failed = results.filter((r) => r.status === 'failed');
	report.status = failed.length === results.length ? 'failed' : 'completed';
	report.details = {
		...report.details,
		created: results.filter((r) => r.status === 'created').length,
		updated: results.filter((r) => r.status === 'updated').length,
		failed: failed.map((r) => ({ email: r.email, error: r.error ?? '' })),
	};
}

export async function importContacts(context: IExecuteFunctions, contacts: ContactWrite[], options: ImportOptions): Promise<BatchReport[]> {
	const maxBytes = Math.min(options.maxBytes ?? IMPORT_DEFAULT_BYTES, IMPORT_MAX_BYTES);
	if (!(maxBytes > 0)) {
		throw new NodeOperationError(context.getNode(), `The import batch size must be a positive number of bytes (got ${options.maxBytes})`);
	}
	const plan = planImport(contacts, options.listIds ?? [], maxBytes);
	if (plan.oversized.length > 0) {
		const examples = plan.oversized.slice(0, 5).map((o) => `${o.email} (${o.bytes} bytes)`);
		throw new NodeOperationError(context.getNode(), `${plan.oversized.length} contact(s) do not fit in one import request of ${maxBytes} bytes`, {
			description: `Raise the batch size or map fewer or shorter attributes: ${examples.join(', ')}${plan.oversized.length > 5 ? ', …' : ''}.`,
		});
	}

	const reports: BatchReport[] = plan.batches.map((batch, i) => ({
		batch: i + 1,
		contacts: batch.rows.length,
		bytes: batch.bytes,
		status: options.dryRun ? 'dry-run' : 'queued',
		details: {
			listIds: batch.listIds,
			emails: batch.rows.map((row) => row.email),
			...(batch.listIds.length === 0 ? { via: NO_LIST_ROUTE } : {}),
		},
	}));
	if (options.dryRun || reports.length === 0) return reports;

	const session = await openSession(context);
	for (let i = 0; i < plan.batches.length; i++) {
		const batch = plan.batches[i];
		const report = reports[i];
		try {
			if (batch.listIds.length === 0) {
				await writeWithoutList(session, batch, report);
				continue;
			}
			const accepted = await requestWithin<ImportAnswer>(session, {
				method: 'POST',
				path: '/contacts/import',
				body: batch.body,
				what: `import contacts (batch ${i + 1} of ${plan.batches.length}, ${contactsWord(batch.rows.length)})`,
				// A second import of the same batch would be harmless, but it is work Brevo may already
				// be doing: not repeated blindly, the error says what is known.
				atMostOnce: true,
			});
			if (typeof accepted?.processId === 'number') report.processId = accepted.processId;
		} catch (error) {
			throw withNote(session, error, describeSent(reports, i, isUnconfirmed(error)));
		}
	}

	if (options.waitForCompletion) await pollImports(session, reports);
	return reports;
}
