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

/** Maps a person onto Brevo attributes. Values Zoom did not give are left out rather than sent
 *  empty, so a sync never blanks an attribute Brevo already has. */
export function toBrevoContact(
	person: Person,
	source: ZoomSource,
	mapping: AttributeMapping[],
	listIds: number[],
	/** The workflow's time zone (n8n's getTimezone()): date attributes are days there. */
	timeZone = 'UTC',
	/** Options → Include Answers: the person's answers go into the item (10 000 people's answers
	 *  weigh on every node after this one, so only when asked). */
	{ answers = false } = {},
): BrevoContact {
	const attributes: IDataObject = {};
	for (const { attribute, field } of mapping) {
		const value = CONTACT_FIELDS[field].read(person, source, timeZone);
		if (value !== undefined && value !== '') attributes[attribute.trim().toUpperCase()] = value;
	}
	const { engagement } = person;
	return {
		email: person.email,
		attributes,
		listIds: [...new Set(listIds)],
		engagement: definedOnly({
			status: engagement.status,
			attendedSeconds: engagement.attendedSeconds,
			attendedMinutes: minutesOf(engagement.attendedSeconds),
			sessions: engagement.sessions,
			firstJoin: engagement.firstJoin,
			lastLeave: engagement.lastLeave,
			attendancePercent: engagement.attendancePercent,
			zoomRows: person.rows,
			pollsAnswered: engagement.pollsAnswered,
			questionsAsked: engagement.questionsAsked,
			surveyAnswered: engagement.surveyAnswered,
			score: engagement.score,
			leadLevel: engagement.leadLevel,
			scoreWithout: engagement.scoreWithout,
			scoreKept: engagement.scoreKept,
		}),
		source: { ...source },
		...(person.registrationStatus || person.joinUrl ? { registration: definedOnly({ status: person.registrationStatus, joinUrl: person.joinUrl }) } : {}),
		...(answers ? answersOf(person) : {}),
	};
}
