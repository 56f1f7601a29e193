import type { AttendanceStatus, PeopleResult, Person, RegistrantRow } from './types';
import { isValidEmail, normalizeEmail, skipped } from './people';

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function trackingSourceOf(row: RegistrantRow): string | undefined {
	if (typeof row.tracking_source === 'string') return text(row.tracking_source);
	return text(row.tracking_source?.source_name);
}

/** The registration form's own questions that were answered; none: undefined. */
function registrationAnswersOf(row: RegistrantRow): Person['registrationAnswers'] {
	const answers = (row.custom_questions ?? [])
		.map((q) => ({ question: text(q.title), answer: text(q.value) }))
		.filter((q): q is { question: string; answer: string } => q.question !== undefined && q.answer !== undefined);
	return answers.length > 0 ? answers : undefined;
}

/**
 * Registrants (and absentees, who are registrants that never joined) become people with a status
 * and no attendance figures (not zeros: Zoom's lists say nothing about time in the meeting). A
 * person registered twice (e.g. for two occurrences) is one person.
 */
export function fromRegistrants(rows: RegistrantRow[], status: Extract<AttendanceStatus, 'registered' | 'absent'>): PeopleResult {
	const result: PeopleResult = { people: [], skipped: [] };
	const seen = new Map<string, Person>();

	for (const row of rows) {
		const name = [text(row.first_name), text(row.last_name)].filter(Boolean).join(' ') || undefined;
		const email = normalizeEmail(row.email);
		if (!email) {
			result.skipped.push(skipped('no_email', name, 1));
			continue;
		}
		if (!isValidEmail(email)) {
			result.skipped.push(skipped('invalid_email', name, 1, email));
			continue;
		}
		const known = seen.get(email);
		if (known) {
			known.rows += 1;
			continue;
		}
		const person: Person = {
			email,
			name,
			firstName: text(row.first_name),
			lastName: text(row.last_name),
			registrantId: text(row.id),
			utmSource: trackingSourceOf(row),
			org: text(row.org),
			jobTitle: text(row.job_title),
			country: text(row.country),
			city: text(row.city),
			joinUrl: text(row.join_url),
			registrationStatus: text(row.status),
			registeredAt: text(row.create_time),
			registrationAnswers: registrationAnswersOf(row),
			engagement: { status },
			rows: 1,
		};
		seen.set(email, person);
		result.people.push(person);
	}
	return result;
}

/** Attendees of a webinar enriched with what their registration said (name, UTM source, org). */
export function withRegistrationDetails(people: Person[], registrants: Person[]): Person[] {
	const byEmail = new Map(registrants.map((r) => [r.email, r]));
	return people.map((person) => {
		const registration = byEmail.get(person.email);
		if (!registration) return person;
		return {
			...registration,
			...Object.fromEntries(Object.entries(person).filter(([, value]) => value !== undefined)),
			name: registration.name ?? person.name,
			firstName: registration.firstName ?? person.firstName,
			lastName: registration.lastName ?? person.lastName,
			engagement: person.engagement,
			rows: person.rows,
		} as Person;
	});
}
