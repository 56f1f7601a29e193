import type { Person, ZoomSource } from './types';

/**
 * The contact fields a Brevo attribute can be filled from, with the Brevo attribute type each one
 * needs (used when a missing attribute is created). Names are the user's words.
 */
export type BrevoAttributeType = 'text' | 'date' | 'float' | 'boolean';

export interface ContactField {
	label: string;
	type: BrevoAttributeType;
	/** `timeZone`: the workflow's (IANA name), for dates. */
	read: (person: Person, source: ZoomSource, timeZone: string) => string | number | boolean | undefined;
}

/** Making a formatter costs far more than using one (it was most of a 10 000-person sync's CPU
 *  time): one per time zone and precision, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();
function zonedFormat(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
	const key = `${timeZone}|${withTime}`;
	let format = formats.get(key);
	if (!format) {
		const time: Intl.DateTimeFormatOptions = withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {};
		formats.set(key, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', ...time })));
	}
	return format;
}

/** The parts of an instant in a time zone ("year", "month", "day", and "hour", "minute" with time). */
export function zonedParts(ms: number, timeZone: string, withTime = false): Record<string, string> {
	return Object.fromEntries(zonedFormat(timeZone, withTime).formatToParts(ms).map((p) => [p.type, p.value]));
}

/** Instants already dated, per time zone: people join at the same seconds (a meeting's start),
 *  and formatting a date makes a dozen short-lived objects (issue #25: a 100 000-person sync). */
const dayCache = new Map<string, Map<number, string>>();

/**
 * Brevo date attributes take YYYY-MM-DD (anything else is refused with "Invalid date format"), a
 * calendar day: the day in the workflow's time zone, so a 21:30 New York meeting is dated that
 * evening, not the next UTC day.
 */
export const brevoDate = (iso: string | undefined, timeZone: string): string | undefined => {
	if (!iso) return undefined;
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return undefined;
	let days = dayCache.get(timeZone);
	if (!days) dayCache.set(timeZone, (days = new Map()));
	let date = days.get(ms);
	if (date === undefined) {
		const { year, month, day } = zonedParts(ms, timeZone);
		date = `${year}-${month}-${day}`;
		// Bounded: a sync of 100 000 distinct times keeps the latest few thousand, not all.
		if (days.size >= 5_000) days.clear();
		days.set(ms, date);
	}
	return date;
};


/** Seconds as minutes with one decimal; unknown stays unknown. */
export const minutesOf = (seconds: number | undefined): number | undefined =>
	seconds === undefined ? undefined : Math.round((seconds / 60) * 10) / 10;

export const CONTACT_FIELDS = {
	firstName: { label: 'First Name', type: 'text', read: (p) => p.firstName },
	lastName: { label: 'Last Name', type: 'text', read: (p) => p.lastName },
	fullName: { label: 'Full Name', type: 'text', read: (p) => p.name },
	attendanceStatus: { label: 'Attendance Status', type: 'text', read: (p) => p.engagement.status },
	firstJoinDate: { label: 'First Join Date', type: 'date', read: (p, _s, zone) => brevoDate(p.engagement.firstJoin, zone) },
	firstJoinTime: { label: 'First Join Time (ISO)', type: 'text', read: (p) => p.engagement.firstJoin },
	lastLeaveTime: { label: 'Last Leave Time (ISO)', type: 'text', read: (p) => p.engagement.lastLeave },
	minutesAttended: {
		label: 'Minutes Attended',
		type: 'float',
		read: (p) => minutesOf(p.engagement.attendedSeconds),
	},
	secondsAttended: { label: 'Seconds Attended', type: 'float', read: (p) => p.engagement.attendedSeconds },
	sessions: { label: 'Sessions (Joins)', type: 'float', read: (p) => p.engagement.sessions },
	attendancePercent: { label: 'Attendance %', type: 'float', read: (p) => p.engagement.attendancePercent },
	topic: { label: 'Meeting or Webinar Topic', type: 'text', read: (_p, s) => s.topic },
	sourceKind: { label: 'Source Kind (Meeting/Webinar)', type: 'text', read: (_p, s) => s.kind },
	sourceId: { label: 'Meeting or Webinar ID', type: 'text', read: (_p, s) => s.id },
	sourceDate: { label: 'Meeting or Webinar Date', type: 'date', read: (_p, s, zone) => brevoDate(s.startTime, zone) },
	registrantId: { label: 'Registrant ID', type: 'text', read: (p) => p.registrantId },
	registrationDate: { label: 'Registration Date', type: 'date', read: (p, _s, zone) => brevoDate(p.registeredAt, zone) },
	utmSource: { label: 'UTM Source (Registration Tracking Source)', type: 'text', read: (p) => p.utmSource },
	joinUrl: { label: 'Join URL', type: 'text', read: (p) => p.joinUrl },
	organization: { label: 'Organization', type: 'text', read: (p) => p.org },
	jobTitle: { label: 'Job Title', type: 'text', read: (p) => p.jobTitle },
	country: { label: 'Country', type: 'text', read: (p) => p.country },
	city: { label: 'City', type: 'text', read: (p) => p.city },
	// Engagement depth (issue #13): set only when the sync read polls, Q&A or survey, or scored.
	pollsAnswered: { label: 'Polls Answered', type: 'float', read: (p) => p.engagement.pollsAnswered },
	questionsAsked: { label: 'Q&A Questions Asked', type: 'float', read: (p) => p.engagement.questionsAsked },
	surveyAnswered: { label: 'Survey Answered', type: 'boolean', read: (p) => p.engagement.surveyAnswered },
	engagementScore: { label: 'Engagement Score (Lead Score)', type: 'float', read: (p) => p.engagement.score },
	leadLevel: { label: 'Lead Level (Hot/Warm/Cold)', type: 'text', read: (p) => p.engagement.leadLevel },
} satisfies Record<string, ContactField>;

export type ContactFieldName = keyof typeof CONTACT_FIELDS;

export const isContactField = (name: string): name is ContactFieldName => name in CONTACT_FIELDS;

export interface AttributeMapping {
	/** Brevo attribute name, upper case (Brevo's convention). */
	attribute: string;
	field: ContactFieldName;
}

/** The product page's field mapping, plus the engagement figures (the webinar default; version 1's
 *  default for every resource). */
export const DEFAULT_MAPPING: AttributeMapping[] = [
	{ attribute: 'FIRSTNAME', field: 'firstName' },
	{ attribute: 'LASTNAME', field: 'lastName' },
	{ attribute: 'MEETING_JOIN_DATE', field: 'firstJoinDate' },
	{ attribute: 'MEETING_DURATION', field: 'minutesAttended' },
	{ attribute: 'WEBINAR_NAME', field: 'topic' },
	{ attribute: 'ATTENDANCE_STATUS', field: 'attendanceStatus' },
	{ attribute: 'UTM_SOURCE', field: 'utmSource' },
	{ attribute: 'ZOOM_ATTENDANCE_PERCENT', field: 'attendancePercent' },
	{ attribute: 'ZOOM_SESSIONS', field: 'sessions' },
];

/** Meetings (version 1.1 on): the topic goes to MEETING_NAME, so a meeting sync never overwrites
 *  the WEBINAR_NAME that webinar campaigns segment on (the product page's meeting code writes no
 *  title at all). */
export const MEETING_DEFAULT_MAPPING: AttributeMapping[] = DEFAULT_MAPPING.map((row) =>
	row.attribute === 'WEBINAR_NAME' ? { attribute: 'MEETING_NAME', field: row.field } : row,
);
