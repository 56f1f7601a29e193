/**
 * Register Contacts (issue #14): one input item → the person to register in Zoom, and the Zoom
 * request body for it. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

import { isValidEmail, normalizeEmail } from '../contacts/people';

/** What the node was given for one person (the fields of the node, filled from the input item). */
export interface RegistrantInput {
	email: string;
	firstName?: string;
	lastName?: string;
	/** Answers to the registration form's own questions, by their title in Zoom. */
	customQuestions: Array<{ title: string; value: string }>;
	/** The tracking source (UTM) the registration is credited to, by Zoom's source ID. */
	sourceId?: string;
	org?: string;
	jobTitle?: string;
	phone?: string;
	country?: string;
	city?: string;
}

const text = (value: unknown): string | undefined => {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
};

export type InputProblem = { field: 'email'; reason: 'missing' | 'invalid'; value?: string };

/** The person from the raw field values; an email that is missing or not an address is a problem. */
export function registrantInput(raw: {
	email: unknown;
	firstName?: unknown;
	lastName?: unknown;
	customQuestions?: Array<{ title?: unknown; value?: unknown }>;
	sourceId?: unknown;
	org?: unknown;
	jobTitle?: unknown;
	phone?: unknown;
	country?: unknown;
	city?: unknown;
}): RegistrantInput | InputProblem {
	const email = normalizeEmail(typeof raw.email === 'string' ? raw.email : raw.email === undefined || raw.email === null ? undefined : String(raw.email));
	if (!email) return { field: 'email', reason: 'missing' };
	if (!isValidEmail(email)) return { field: 'email', reason: 'invalid', value: email };
	const customQuestions = (raw.customQuestions ?? [])
		.map((q) => ({ title: text(q.title), value: text(q.value) }))
		.filter((q): q is { title: string; value: string } => q.title !== undefined && q.value !== undefined);
	return {
		email,
		firstName: text(raw.firstName),
		lastName: text(raw.lastName),
		customQuestions,
		sourceId: text(raw.sourceId),
		org: text(raw.org),
		jobTitle: text(raw.jobTitle),
		phone: text(raw.phone),
		country: text(raw.country),
		city: text(raw.city),
	};
}

export const isInputProblem = (value: RegistrantInput | InputProblem): value is InputProblem => 'reason' in value;

/**
 * Zoom's body for "Add a meeting registrant" / "Add a webinar registrant": email and first_name
 * are required; the rest only when given (Zoom keeps what it is sent, an empty string included).
 */
export function zoomRegistrantBody(person: RegistrantInput & { firstName: string }): IDataObject {
	const body: IDataObject = { email: person.email, first_name: person.firstName };
	const optional: Array<[string, string | undefined]> = [
		['last_name', person.lastName],
		['org', person.org],
		['job_title', person.jobTitle],
		['phone', person.phone],
		['country', person.country],
		['city', person.city],
		['source_id', person.sourceId],
	];
	for (const [name, value] of optional) if (value !== undefined) body[name] = value;
	if (person.customQuestions.length > 0) body.custom_questions = person.customQuestions;
	return body;
}
