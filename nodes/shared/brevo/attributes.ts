/**
 * Contact attributes. Brevo's import drops values of attributes that do not exist (and values that
 * do not fit an attribute's type) without a word, so they are checked, and created, first.
 */
import { NodeOperationError } from 'n8n-workflow';

import { openSession, requestWithin, sendToBrevo, brevoFailure, isSuccess, withNote, type BrevoSession } from './request';
import { brevoErrorBodyOf } from './errors';
import type { Ctx } from './types';

/** What this reads of the answer of `GET /contacts/attributes` (checked against the vendor's type in test/contracts). */
export type AttributesAnswer = { attributes?: Array<{ name?: unknown; type?: unknown; category?: unknown }> };

export interface AttributeNeed {
	name: string;
	type: 'text' | 'date' | 'float' | 'boolean';
}

export interface BrevoAttribute {
	name: string;
	type: string;
	category: string;
}

/** How each type is called in Brevo's interface. */
const TYPE_LABELS: Record<string, string> = { text: 'Text', date: 'Date', float: 'Number', boolean: 'Boolean', id: 'ID', category: 'Category' };
const label = (type: string) => TYPE_LABELS[type] ?? type;

/** Names Brevo accepts for a new attribute. */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Categories whose attributes a contact write can set. */
const WRITABLE_CATEGORIES = new Set(['normal', 'category']);

/** Whether values of `needed` land in an existing attribute of type `existing` (text takes anything). */
function fits(existing: string, needed: AttributeNeed['type']): boolean {
	return existing === needed || existing === 'text' || existing === 'id';
}

/**
 * The account's attributes, read once per execution (its Brevo session): a sync asks twice (does
 * ZOOM_STATUS_FOR exist, which attributes to create), and each read counts in the contacts rate
 * budget. Attributes this execution creates are added to it; one another workflow creates meanwhile
 * is found on creation (Brevo's duplicate_parameter, below).
 */
const attributesOf = new WeakMap<BrevoSession, Promise<BrevoAttribute[]>>();

async function fetchAttributes(session: BrevoSession): Promise<BrevoAttribute[]> {
	let listed = attributesOf.get(session);
	if (!listed) {
		listed = readAttributes(session);
		attributesOf.set(session, listed);
		// A failed read is not remembered: the next asks again.
		listed.catch(() => attributesOf.delete(session));
	}
	return await listed;
}

async function readAttributes(session: BrevoSession): Promise<BrevoAttribute[]> {
	const body = await requestWithin<AttributesAnswer>(session, {
		method: 'GET',
		path: '/contacts/attributes',
		what: 'list contact attributes',
	});
	return (body?.attributes ?? []).map((a) => ({
		name: String(a.name ?? ''),
		type: typeof a.type === 'string' ? a.type : '',
		category: typeof a.category === 'string' ? a.category : '',
	}));
}

export async function listBrevoAttributes(context: Ctx): Promise<BrevoAttribute[]> {
	return await fetchAttributes(await openSession(context));
}

export async function ensureAttributes(
	context: Ctx,
	needed: AttributeNeed[],
	onMissing: 'create' | 'fail',
): Promise<{ created: string[]; existing: string[] }> {
	const node = context.getNode();
	// Brevo stores names in upper case and compares them without case.
	const wanted = new Map<string, AttributeNeed>();
	for (const need of needed) {
		const name = need.name.trim().toUpperCase();
		if (name && !wanted.has(name)) wanted.set(name, { name, type: need.type });
	}
	if (wanted.size === 0) return { created: [], existing: [] };

	const session = await openSession(context);
	const have = new Map((await fetchAttributes(session)).map((a) => [a.name.toUpperCase(), a]));

	const existing: string[] = [];
	const missing: AttributeNeed[] = [];
	const misfits: string[] = [];
	for (const need of wanted.values()) {
		const found = have.get(need.name);
		if (!found) {
			missing.push(need);
			continue;
		}
		existing.push(need.name);
		if (!WRITABLE_CATEGORIES.has(found.category)) {
			misfits.push(`${need.name} is a ${found.category} attribute, which contact writes cannot set`);
		} else if (found.type && found.type !== 'category' && !fits(found.type, need.type)) {
			misfits.push(`${need.name} is a ${label(found.type)} attribute, but the value mapped to it is ${label(need.type)}`);
		}
	}
	if (misfits.length > 0) {
		throw new NodeOperationError(node, `Brevo attribute${misfits.length > 1 ? 's do' : ' does'} not fit the values mapped to ${misfits.length > 1 ? 'them' : 'it'}`, {
			description: `${misfits.join('; ')}. Brevo would drop those values without a word. Map them to other attribute names, or change the attribute in Brevo (Contacts → Settings → Contact attributes).`,
		});
	}
	if (missing.length === 0) return { created: [], existing };

	const invalid = missing.filter((need) => !ATTRIBUTE_NAME.test(need.name));
	if (invalid.length > 0) {
		throw new NodeOperationError(node, `Not a valid Brevo attribute name: ${invalid.map((n) => n.name).join(', ')}`, {
			description: 'Brevo attribute names start with a letter and use only letters, digits and underscores (e.g. ZOOM_MINUTES).',
		});
	}
	if (onMissing === 'fail') {
		const list = missing.map((n) => `${n.name} (${label(n.type)})`).join(', ');
		throw new NodeOperationError(node, `Brevo has no contact attribute${missing.length > 1 ? 's' : ''} ${missing.map((n) => n.name).join(', ')}`, {
			description: `Create ${missing.length > 1 ? 'them' : 'it'} in Brevo under Contacts → Settings → Contact attributes, category Normal: ${list}. Or let the node create missing attributes. Without ${missing.length > 1 ? 'them' : 'it'}, Brevo's import drops those values without a word.`,
		});
	}

	const created: string[] = [];
	for (const need of missing) {
		const request = {
			method: 'POST' as const,
			path: `/contacts/attributes/normal/${encodeURIComponent(need.name)}`,
			body: { type: need.type },
			what: `create the contact attribute ${need.name} (${label(need.type)})`,
		};
		try {
			const response = await sendToBrevo(session, request);
			if (isSuccess(response.status)) created.push(need.name);
			// Created meanwhile by another execution: it exists now, which is all that matters.
			else if (brevoErrorBodyOf(response.body).code === 'duplicate_parameter') existing.push(need.name);
			else throw brevoFailure(session, request, response);
			(await fetchAttributes(session)).push({ name: need.name, type: need.type, category: 'normal' });
		} catch (error) {
			throw withNote(session, error, created.length ? `Created before this: ${created.join(', ')}.` : '');
		}
	}
	return { created, existing };
}
