import type { Brevo } from '../../contracts/vendor';
import { isObject, json, type SimRequest, type SimResponse } from '../http';
import { addToLists, applyAttributes, createContact, touch, unknownListIds } from './contactStore';
import { brevoErrors } from './errors';
import type { BrevoRoute } from './route';
import { brevoTime, type BrevoContext, type BrevoProcess } from './state';
import { checkAttributes, isValidEmail } from './validation';

/** Brevo refuses import bodies over 10 MB (8 MB recommended). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

interface ImportRow {
	email: unknown;
	attributes: Record<string, unknown>;
}

/** `fileBody` CSV: a header line (EMAIL and attribute names), `;` or `,` separated, no quoting. */
function parseCsv(text: string): ImportRow[] {
	const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
	if (lines.length === 0) return [];
	const separator = lines[0].includes(';') ? ';' : ',';
	const header = lines[0].split(separator).map((h) => h.trim().toUpperCase());
	return lines.slice(1).map((line) => {
		const cells = line.split(separator);
		const attributes: Record<string, unknown> = {};
		let email: unknown;
		header.forEach((name, i) => {
			if (name === 'EMAIL') email = cells[i]?.trim();
			else attributes[name] = cells[i]?.trim() ?? '';
		});
		return { email, attributes };
	});
}

/**
 * Runs one import as Brevo does: unknown attributes and values that do not fit are dropped without
 * a word, invalid emails and repeated emails are reported, everyone else is created or updated and
 * added to the lists.
 */
function runImport(ctx: BrevoContext, process: BrevoProcess, rows: ImportRow[], options: ImportOptions): void {
	const result = { total: rows.length, created: 0, updated: 0, invalidEmails: [] as string[], duplicateEmails: [] as string[], ignoredAttributes: [] as string[] };
	const seen = new Set<string>();
	const ignored = new Set<string>();
	for (const row of rows) {
		if (!isValidEmail(row.email)) {
			result.invalidEmails.push(String(row.email ?? ''));
			continue;
		}
		const key = row.email.toLowerCase();
		if (seen.has(key)) {
			result.duplicateEmails.push(row.email);
			continue;
		}
		seen.add(key);
		const check = checkAttributes(ctx.state, row.attributes);
		check.unknown.forEach((name) => ignored.add(name));
		// checkAttributes leaves values that do not fit their type out of `set`: dropped, the row still counts.
		const set = check.set;
		let contact = ctx.state.contacts.get(key);
		if (contact) {
			if (options.updateExistingContacts) {
				applyAttributes(contact, { set, clear: options.emptyContactsAttributes ? check.clear : [] });
				result.updated++;
			}
		} else {
			contact = createContact(ctx, row.email);
			applyAttributes(contact, { set, clear: [] });
			result.created++;
		}
		addToLists(contact, options.listIds);
		touch(ctx, contact);
	}
	result.ignoredAttributes = [...ignored];
	process.result = result;
	process.status = 'completed';
	process.completedAt = ctx.now();
}

interface ImportOptions {
	listIds: number[];
	updateExistingContacts: boolean;
	emptyContactsAttributes: boolean;
}

function startImport(ctx: BrevoContext, req: SimRequest): SimResponse {
	if (req.rawBody.length > MAX_IMPORT_BYTES) {
		// Refused at Brevo's edge before the API sees it: an HTML page, not Brevo's JSON.
		return {
			status: 413,
			headers: { 'Content-Type': 'text/html' },
			raw: '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n</body>\r\n</html>\r\n',
		};
	}
	if (!isObject(req.body)) return brevoErrors.invalid('Invalid request body');
	const body = req.body;
	const sources = ['jsonBody', 'fileBody', 'fileUrl'].filter((k) => body[k] !== undefined);
	if (sources.length === 0) return brevoErrors.missing('fileUrl, fileBody or jsonBody is missing');
	if (sources.length > 1) return brevoErrors.invalid('Only one of fileUrl, fileBody or jsonBody is allowed');
	if (body.fileUrl !== undefined) return brevoErrors.invalid('fileUrl is not reachable (the simulator does not fetch files)');

	let rows: ImportRow[];
	if (body.jsonBody !== undefined) {
		if (!Array.isArray(body.jsonBody)) return brevoErrors.invalid('jsonBody should be an array');
		rows = body.jsonBody.map((item) => ({
			email: isObject(item) ? item.email : undefined,
			attributes: isObject(item) && isObject(item.attributes) ? item.attributes : {},
		}));
	} else {
		if (typeof body.fileBody !== 'string') return brevoErrors.invalid('fileBody should be a string');
		rows = parseCsv(body.fileBody);
	}

	let listIds: number[] = [];
	if (body.listIds !== undefined) {
		const unknown = unknownListIds(ctx.state, body.listIds);
		if (typeof unknown === 'string') return brevoErrors.invalid(unknown);
		if (unknown.length > 0) return brevoErrors.invalid(`Invalid list id: ${unknown[0]}`);
		listIds = body.listIds as number[];
	} else if (isObject(body.newList) && typeof body.newList.listName === 'string') {
		const id = ctx.state.nextIds.list++;
		ctx.state.lists.set(id, { id, name: body.newList.listName, folderId: Number(body.newList.folderId ?? 1), createdAt: brevoTime(ctx.now()) });
		listIds = [id];
	} else {
		return brevoErrors.missing('listIds or newList is missing');
	}

	const process: BrevoProcess = { id: ctx.state.nextIds.process++, name: 'IMPORTUSER', status: 'queued', createdAt: ctx.now() };
	ctx.state.processes.set(process.id, process);
	const options: ImportOptions = {
		listIds,
		updateExistingContacts: body.updateExistingContacts !== false,
		emptyContactsAttributes: body.emptyContactsAttributes === true,
	};
	const total = ctx.config.importProcessingMs;
	ctx.later(total / 2, () => {
		if (process.status === 'queued') process.status = 'processing';
	});
	ctx.later(total, () => runImport(ctx, process, rows, options));
	return json(202, { processId: process.id } satisfies Brevo.ImportContactsResponse);
}

function reportUrl(ctx: BrevoContext, process: BrevoProcess, kind: string, entries: string[] | undefined): string | null {
	return entries && entries.length > 0 ? `${ctx.baseUrl}/brevo/files/processes/${process.id}/${kind}.csv` : null;
}

/** `GET /processes/{id}` and the rows of `GET /processes`, typed by the SDK's `GetProcessResponse`. */
export function processView(ctx: BrevoContext, process: BrevoProcess): Brevo.GetProcessResponse {
	return {
		id: process.id,
		status: process.status,
		name: process.name,
		...(process.status === 'completed'
			? {
					info: {
						import: {
							invalid_emails: reportUrl(ctx, process, 'invalid_emails', process.result?.invalidEmails),
							duplicate_email_id: reportUrl(ctx, process, 'duplicate_email_id', process.result?.duplicateEmails),
							duplicate_contact_id: null,
							duplicate_ext_id: null,
							duplicate_phone_id: null,
							duplicate_whatsapp_id: null,
							duplicate_landline_number_id: null,
						},
					},
				}
			: {}),
	};
}

/** The CSV reports linked from a completed import (`/brevo/files/processes/{id}/{kind}.csv`). */
export function handleReportFile(ctx: BrevoContext, req: SimRequest): SimResponse {
	const match = /^\/processes\/(\d+)\/(invalid_emails|duplicate_email_id)\.csv$/.exec(req.subPath);
	const process = match ? ctx.state.processes.get(Number(match[1])) : undefined;
	if (!match || !process?.result) return brevoErrors.notFound('File not found');
	const entries = match[2] === 'invalid_emails' ? process.result.invalidEmails : process.result.duplicateEmails;
	return { status: 200, headers: { 'Content-Type': 'text/csv' }, raw: ['EMAIL', ...entries].join('\n') + '\n' };
}

export const importRoutes: BrevoRoute[] = [
	{ method: 'POST', pattern: '/contacts/import', handle: (ctx, req) => startImport(ctx, req) },
	{
		method: 'GET',
		pattern: '/processes',
		handle(ctx, req) {
			const limit = Math.min(Number(req.query.limit ?? 10), 50);
			const offset = Number(req.query.offset ?? 0);
			const all = [...ctx.state.processes.values()].sort((a, b) => (req.query.sort === 'asc' ? a.id - b.id : b.id - a.id));
			return json(200, { processes: all.slice(offset, offset + limit).map((p) => processView(ctx, p)), count: all.length } satisfies Brevo.GetProcessesResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/processes/:processId',
		handle(ctx, _req, params) {
			if (!/^\d+$/.test(params.processId)) return brevoErrors.invalid('Invalid process id');
			const process = ctx.state.processes.get(Number(params.processId));
			return process ? json(200, processView(ctx, process)) : brevoErrors.notFound('Process does not exist');
		},
	},
];
