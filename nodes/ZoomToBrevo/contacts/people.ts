import type { SkippedPerson, SkipReason } from './types';

/** Brevo refuses addresses without a local part, an @ and a dotted domain; so do we, early. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const email = raw.trim().toLowerCase();
	return email === '' ? undefined : email;
}

export function isValidEmail(email: string): boolean {
	return EMAIL_PATTERN.test(email);
}

/** "Ada Lovelace Byron" → first "Ada", last "Lovelace Byron". Zoom gives one display name. */
export function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
	const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
	if (parts.length === 0) return {};
	return { firstName: parts[0], lastName: parts.length > 1 ? parts.slice(1).join(' ') : undefined };
}

const HINTS: Record<SkipReason, string> = {
	no_email:
		'Zoom shows no email for guests outside your account. Turn on registration for the meeting or webinar (or require sign-in) so Zoom records their email.',
	invalid_email: 'The email Zoom recorded is not a valid address; Brevo would refuse it.',
	not_an_attendee:
		'Answered a poll, asked a question or filled the survey with this email, but no attendee row has it (joined by phone, or from another account or device). Not made a contact: Zoom gives no attendance for this email. Route this output to a Brevo node if you want them anyway.',
};

export function skipped(reason: SkipReason, name: string | undefined, rows: number, email?: string): SkippedPerson {
	return { reason, name, email, rows, hint: HINTS[reason] };
}
