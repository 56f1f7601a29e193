import type { BrevoAttribute } from '../fixture/types';
import type { BrevoState } from './state';

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(value: unknown): value is string {
	return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

/**
 * Dates must be `YYYY-MM-DD` and a real calendar day. Brevo documents that format only; the
 * simulator refuses full date-times too, so the package is pushed to send what Brevo documents.
 */
export function isValidDate(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export type AttributeValue = string | number | boolean;

/** Coerces one value for an attribute's type, or says why it does not fit. */
export function coerceAttribute(attribute: BrevoAttribute, value: unknown): { value: AttributeValue } | { error: string } {
	const name = attribute.name;
	switch (attribute.type) {
		case 'date':
			return isValidDate(value) ? { value } : { error: 'Invalid date format' };
		case 'float': {
			const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
			return Number.isFinite(n) ? { value: n } : { error: `Invalid value for attribute ${name}: a number is expected` };
		}
		case 'boolean':
			if (typeof value === 'boolean') return { value };
			if (value === 'true' || value === 'false') return { value: value === 'true' };
			return { error: `Invalid value for attribute ${name}: a boolean is expected` };
		case 'category': {
			const option = attribute.enumeration?.find((e) => e.value === Number(value) || e.label === value);
			return option ? { value: option.value } : { error: `Invalid value for attribute ${name}: not one of its categories` };
		}
		case 'text':
		case 'id':
		default:
			if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
				if (name === 'SMS' || name === 'WHATSAPP' || name === 'LANDLINE_NUMBER') {
					return /^\+?[0-9]{6,15}$/.test(String(value).replace(/[\s-]/g, '')) ? { value: String(value) } : { error: 'Invalid phone number' };
				}
				return { value: typeof value === 'string' ? value : String(value) };
			}
			return { error: `Invalid value for attribute ${name}` };
	}
}

export interface AttributeCheck {
	/** Values to set (by upper-case name). */
	set: Record<string, AttributeValue>;
	/** Names to clear ('' or null given). */
	clear: string[];
	/** Unknown names (the single-contact endpoints refuse them, the import drops them). */
	unknown: string[];
	/** First problem with a known attribute's value. */
	error?: string;
	/** Value of `EMAIL` given inside the attributes, if any. */
	email?: string;
}

export function checkAttributes(state: BrevoState, attributes: Record<string, unknown>): AttributeCheck {
	const result: AttributeCheck = { set: {}, clear: [], unknown: [] };
	for (const [rawName, value] of Object.entries(attributes)) {
		const name = rawName.toUpperCase();
		if (name === 'EMAIL') {
			result.email = typeof value === 'string' ? value : String(value);
			continue;
		}
		const attribute = state.attributes.get(name);
		if (!attribute) {
			result.unknown.push(rawName);
			continue;
		}
		if (value === null || value === '') {
			result.clear.push(name);
			continue;
		}
		const coerced = coerceAttribute(attribute, value);
		if ('error' in coerced) {
			result.error ??= coerced.error;
			continue;
		}
		result.set[name] = coerced.value;
	}
	return result;
}
