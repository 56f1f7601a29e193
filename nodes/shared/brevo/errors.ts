/**
 * What a failed Brevo call means for the person running the workflow, and what to do about it.
 * Pure: the transport hands in what it got.
 */
import type { BrevoErrorBody } from './types';

export interface BrevoErrorAdvice {
	message: string;
	description: string;
	/** Why, as n8n's `Failure` says it (lets n8n decide whether waiting helps). */
	cause: 'rate-limited' | 'temporarily-unavailable' | 'credential-invalid' | 'configuration-invalid';
}

export interface FailureFacts {
	status?: number;
	body?: unknown;
	/** e.g. ECONNRESET: no HTTP answer */
	networkCode?: string;
	/** Base URL the request went to (from the credential). */
	baseUrl?: string;
	/** How many times the request was retried before giving up. */
	retries?: number;
	/** Seconds until Brevo's rate window frees up (x-sib-ratelimit-reset). */
	resetSeconds?: number;
}

export function brevoErrorBodyOf(body: unknown): BrevoErrorBody {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { code, message } = body as { code?: unknown; message?: unknown };
		return {
			code: typeof code === 'string' ? code : undefined,
			message: typeof message === 'string' ? message : undefined,
		};
	}
	return {};
}

/** The field or attribute a Brevo 400 message is about, when it names one. */
export function fieldNamedIn(message: string | undefined): string | undefined {
	if (!message) return undefined;
	const patterns = [
		/attribute not found:\s*([A-Za-z0-9_.-]+)/i,
		/value for attribute\s+([A-Za-z0-9_.-]+)/i,
		/^([A-Za-z0-9_.[\]]+) (?:is missing|should be|must be|is not valid|is invalid|is required)/i,
		/^invalid ([A-Za-z_]+(?: [A-Za-z_]+)?)(?::|$)/i,
		/in ([A-Za-z0-9_.[\]]+)$/,
	];
	for (const pattern of patterns) {
		const match = pattern.exec(message);
		if (match) return match[1];
	}
	return undefined;
}

function duration(seconds: number): string {
	if (seconds < 120) return `${Math.ceil(seconds)} s`;
	return `${Math.ceil(seconds / 60)} min`;
}

function invalidParameterAdvice(message: string | undefined, what: string, said: string): Omit<BrevoErrorAdvice, 'cause'> {
	const field = fieldNamedIn(message);
	const text = message ?? '';
	if (/attribute not found/i.test(text)) {
		return {
			message: `Brevo has no contact attribute${field ? ` ${field}` : ''} (while trying to ${what})`,
			description: `Create the attribute in Brevo (Contacts → Settings → Contact attributes), set the node to create missing attributes, or map that value to an existing attribute.${said}`,
		};
	}
	if (/\b(dates?|event_date)\b/i.test(text)) {
		return {
			message: `Brevo refused a date while trying to ${what}`,
			description: `Brevo date attributes take YYYY-MM-DD (no time). Send the date in that form, or map the value to a text attribute.${said}`,
		};
	}
	if (/\b(e-?mails?|email_id)\b/i.test(text)) {
		return {
			message: `Brevo refused an email address while trying to ${what}`,
			description: `Check the address (and that no EMAIL value is mapped inside the attributes).${said}`,
		};
	}
	if (/\b(phone|sms|whatsapp|landline)\b/i.test(text)) {
		return {
			message: `Brevo refused a phone number while trying to ${what}`,
			description: `Brevo wants numbers in international form, e.g. +33612345678. Fix or unmap the phone attribute.${said}`,
		};
	}
	if (/\b(lists?|listIds?|list_ids?)\b/i.test(text)) {
		return {
			message: `Brevo refused a list while trying to ${what}`,
			description: `Pick lists that exist in this Brevo account (the list picker shows them).${said}`,
		};
	}
	if (/\b(templates?|templateId|template_id)\b/i.test(text)) {
		return {
			message: `Brevo refused the template while trying to ${what}`,
			description: `Use the ID of an active template (Brevo → Campaigns → Templates).${said}`,
		};
	}
	return {
		message: field ? `Brevo refused the value of "${field}" while trying to ${what}` : `Brevo refused a parameter while trying to ${what}`,
		description: `Check ${field ? `"${field}"` : 'the value Brevo names'} and run again.${said}`,
	};
}

export function adviseOnBrevoError(facts: FailureFacts, what: string): BrevoErrorAdvice {
	const { status, networkCode } = facts;
	const { code, message } = brevoErrorBodyOf(facts.body);
	const said = message ? ` Brevo said: "${message}"${code ? ` (${code})` : ''}.` : '';
	const retried = facts.retries ? ` Tried ${facts.retries + 1} times.` : '';

	if (status === undefined) {
		return {
			message: `Could not reach Brevo to ${what}`,
			description: `The connection failed (${networkCode ?? 'no answer'}).${retried} Check the network between n8n and Brevo${facts.baseUrl ? ` (${facts.baseUrl})` : ''}, including n8n's proxy if it uses one.`,
			cause: networkCode === 'ECONNREFUSED' || networkCode === 'ENOTFOUND' ? 'configuration-invalid' : 'temporarily-unavailable',
		};
	}
	if (status === 401) {
		const ip = /\bip\b|ip address/i.test(message ?? '')
			? ' If Brevo mentions an unrecognised IP address, authorise n8n\'s address under Brevo → Security → Authorised IPs.'
			: '';
		return {
			message: `Brevo rejected the API key while trying to ${what}`,
			description: `Create a v3 API key under Brevo → SMTP & API → API Keys (not an SMTP key) and paste it into the Brevo credential.${ip}${said}`,
			cause: 'credential-invalid',
		};
	}
	if (status === 403) {
		return {
			message: `Brevo does not allow this account or key to ${what}`,
			description: `Check that the account's plan includes this feature and that the key is not restricted.${said}`,
			cause: 'configuration-invalid',
		};
	}
	if (status === 429) {
		const reset = facts.resetSeconds !== undefined ? ` It frees up in about ${duration(facts.resetSeconds)}.` : '';
		return {
			message: `Brevo's rate limit stopped the request to ${what}`,
			description: `Brevo allows 10 requests per second on contacts and events and 100 per hour on other endpoints such as import status; other workflows using the same key share that budget.${reset}${retried} Run again later, or use fewer, larger requests (batch import).${said}`,
			cause: 'rate-limited',
		};
	}
	if (status === 413) {
		return {
			message: `The request to ${what} is larger than Brevo accepts`,
			description: 'Brevo accepts import bodies of at most 10 MB (8 MB recommended). Lower the batch size.',
			cause: 'configuration-invalid',
		};
	}
	if (status >= 500) {
		return {
			message: `Brevo had a server error (HTTP ${status}) while trying to ${what}`,
			description: `This is on Brevo's side.${retried} Check status.brevo.com and run again later.${said}`,
			cause: 'temporarily-unavailable',
		};
	}
	if (code === 'duplicate_parameter') {
		return {
			message: `Brevo says it already exists, while trying to ${what}`,
			description: `For a contact this usually means an EMAIL, SMS or other unique attribute that another contact already has: do not map EMAIL into the attributes, and check phone attributes.${said}`,
			cause: 'configuration-invalid',
		};
	}
	if (code === 'missing_parameter') {
		const field = fieldNamedIn(message);
		return {
			message: `Brevo needs ${field ? `"${field}"` : 'a value that is missing'} to ${what}`,
			description: `Fill it in and run again.${said}`,
			cause: 'configuration-invalid',
		};
	}
	if (status === 404) {
		return {
			message: `Brevo found nothing to ${what}`,
			description: `Check the IDs used (list, template, process or contact): they must exist in this Brevo account.${said}`,
			cause: 'configuration-invalid',
		};
	}
	if (status === 400) {
		return { ...invalidParameterAdvice(message, what, said), cause: 'configuration-invalid' };
	}
	return {
		message: `Brevo answered HTTP ${status} while trying to ${what}`,
		description: message ? `Brevo said: "${message}"${code ? ` (${code})` : ''}.` : 'No details were given.',
		cause: 'configuration-invalid',
	};
}
