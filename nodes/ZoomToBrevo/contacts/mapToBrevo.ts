import type { IDataObject } from 'n8n-workflow';

import type { ContactWrite } from '../../shared/brevo';
import { CONTACT_FIELDS, minutesOf, type AttributeMapping } from './fields';
import type { Person, ZoomSource } from './types';

/** One Brevo contact as the node emits it and (optionally) writes it. */
export interface BrevoContact extends ContactWrite {
	engagement: IDataObject;
	source: IDataObject;
	/** Set when the status attribute was left out: a later status was written for this meeting. */
	statusKept?: string;
	/** Poll, Q&A, survey and registration answers, when the sync read them. */
	answers?: IDataObject;
	/** A registrant's registration in Zoom: approved, pending (the host must approve) or denied,
	 *  and their own join link, which their registered event carries. */
	registration?: { status?: string; joinUrl?: string };
}

/** Figures Zoom did not give are left out of the item, not shown as empty. */
const definedOnly = (object: IDataObject): IDataObject => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** The person's answers as the item shows them (and events carry them): none, no field. */
function answersOf(person: Person): { answers?: IDataObject } {
	const answers = definedOnly({ ...person.answers, registration: person.registrationAnswers } as IDataObject);
	return Object.keys(answers).length > 0 ? { answers } : {};
}

/**
 * Strings many contacts of one sync have in common (first names, days, join times to the second):
 * one copy kept instead of one per contact. Bounded, so a sync of unique values does not hold a
 * second index of them: when full it starts over, and only repeats close together are shared.
 */
class StringPool {
	private seen = new Map<string, string>();

	constructor(private readonly limit = 10_000) {}

	share<T>(value: T): T {
		if (typeof value !== 'string') return value;
		const known = this.seen.get(value);
		if (known !== undefined) return known as T;
		if (this.seen.size >= this.limit) this.seen.clear();
		this.seen.set(value, value);
		return value;
	}
}

/** The engagement figures a contact shows, in the item's order; those Zoom did not give left out.
 *  Built by assignment, not Object.fromEntries: 100 000 of them share one hidden class. */
function engagementOf(person: Person, pool: StringPool): IDataObject {
	const { engagement } = person;
	const figures: IDataObject = {};
	const put = (name: string, value: IDataObject[string]) => {
		if (value !== undefined) figures[name] = pool.share(value);
	};
	put('status', engagement.status);
	put('attendedSeconds', engagement.attendedSeconds);
	put('attendedMinutes', minutesOf(engagement.attendedSeconds));
	put('sessions', engagement.sessions);
	put('firstJoin', engagement.firstJoin);
	put('lastLeave', engagement.lastLeave);
	put('attendancePercent', engagement.attendancePercent);
	put('zoomRows', person.rows);
	put('pollsAnswered', engagement.pollsAnswered);
	put('questionsAsked', engagement.questionsAsked);
	put('surveyAnswered', engagement.surveyAnswered);
	put('score', engagement.score);
	put('leadLevel', engagement.leadLevel);
	put('scoreWithout', engagement.scoreWithout);
	put('scoreKept', engagement.scoreKept);
	return figures;
}

/**
 * Maps the people of one sync onto Brevo contacts. What is the same for every contact is made
 * once and shared by all of them (issue #25: a 100 000-person sync held 100 000 copies): the
 * `source` object, the `listIds` array, the upper-cased attribute names, and repeated strings.
 * Shared objects are never written to after this: code that changes a contact replaces the
 * contact's own fields (statusOrder.ts, statusInBrevo.ts), never a shared one.
 */
export class ContactMapper {
	private readonly source: IDataObject;
	private readonly listIds: number[];
	private readonly attributes: Array<{ name: string; read: (typeof CONTACT_FIELDS)[keyof typeof CONTACT_FIELDS]['read'] }>;
	private readonly pool = new StringPool();

	constructor(
		private readonly zoomSource: ZoomSource,
		mapping: AttributeMapping[],
		listIds: number[],
		/** The workflow's time zone (n8n's getTimezone()): date attributes are days there. */
		private readonly timeZone = 'UTC',
		/** Options → Include Answers: the person's answers go into the item (10 000 people's answers
		 *  weigh on every node after this one, so only when asked). */
		private readonly options: { answers?: boolean } = {},
	) {
		this.source = { ...zoomSource };
		this.listIds = [...new Set(listIds)];
		this.attributes = mapping.map(({ attribute, field }) => ({ name: attribute.trim().toUpperCase(), read: CONTACT_FIELDS[field].read }));
	}

	/** Values Zoom did not give are left out rather than sent empty, so a sync never blanks an
	 *  attribute Brevo already has. */
	map(person: Person): BrevoContact {
		const attributes: IDataObject = {};
		for (const { name, read } of this.attributes) {
			const value = read(person, this.zoomSource, this.timeZone);
			if (value !== undefined && value !== '') attributes[name] = this.pool.share(value);
		}
		const contact: BrevoContact = {
			email: person.email,
			attributes,
			listIds: this.listIds,
			engagement: engagementOf(person, this.pool),
			source: this.source,
		};
		if (person.registrationStatus || person.joinUrl) contact.registration = definedOnly({ status: person.registrationStatus, joinUrl: person.joinUrl }) as BrevoContact['registration'];
		if (this.options.answers) Object.assign(contact, answersOf(person));
		return contact;
	}
}

/** One person mapped onto Brevo attributes (a ContactMapper for one: nothing shared). */
export function toBrevoContact(
	person: Person,
	source: ZoomSource,
	mapping: AttributeMapping[],
	listIds: number[],
	timeZone = 'UTC',
	{ answers = false } = {},
): BrevoContact {
	return new ContactMapper(source, mapping, listIds, timeZone, { answers }).map(person);
}
