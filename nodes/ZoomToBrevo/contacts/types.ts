/** Zoom rows as the API returns them (only the fields the contacts are built from). */
export interface ParticipantRow {
	id?: string;
	name?: string;
	user_id?: string;
	registrant_id?: string;
	user_email?: string;
	/** The webinar/report endpoints sometimes say `email`. */
	email?: string;
	join_time?: string;
	leave_time?: string;
	/** Seconds in this row. */
	duration?: number;
	status?: 'in_meeting' | 'in_waiting_room' | string;
}

export interface RegistrantRow {
	id?: string;
	email?: string;
	first_name?: string;
	last_name?: string;
	status?: string;
	create_time?: string;
	join_url?: string;
	org?: string;
	job_title?: string;
	country?: string;
	city?: string;
	phone?: string;
	/** Zoom's tracking source: where the registration link was shared (UTM source). */
	source_id?: string;
	tracking_source?: { id?: string; source_name?: string } | string;
	/** Answers to the registration form's own questions. */
	custom_questions?: Array<{ title?: string; value?: string }>;
}

export type AttendanceStatus = 'attended' | 'waiting_room_only' | 'registered' | 'absent';

/**
 * What one person did in one meeting or webinar instance. Registrants and absentees come from
 * lists that say nothing about time in the meeting: their figures are absent, never zero, so a
 * sync of them leaves the figures an attendee sync wrote in Brevo alone.
 */
export interface Engagement {
	status: AttendanceStatus;
	attendedSeconds?: number;
	/** Rows in the meeting itself (each rejoin is a row); waiting-room rows are not sessions. */
	sessions?: number;
	firstJoin?: string;
	lastLeave?: string;
	/** attendedSeconds as a share of the meeting's length, 0–100, when the length is known. */
	attendancePercent?: number;
	/** Polls, Q&A and survey (issue #13): set only when the sync read them from Zoom, so a count
	 *  of 0 means "read, and did not answer", never "not read". */
	pollsAnswered?: number;
	questionsAsked?: number;
	surveyAnswered?: boolean;
	/** The lead score (when Score Leads is on) and its level by the thresholds. */
	score?: number;
	leadLevel?: 'hot' | 'warm' | 'cold';
	/** Signals the score had no value for (not read, or not known for this person). */
	scoreWithout?: string[];
	/** Why this sync gives no score or level (a signal it asked for could not be read). */
	scoreKept?: string;
}

/** One answer a person gave: a poll question, a Q&A question (with the host's answer), a survey
 *  question or a registration question. */
export interface Answer {
	question: string;
	answer?: string;
	/** Polls: which poll. */
	poll?: string;
}

export interface PersonAnswers {
	polls?: Answer[];
	questions?: Answer[];
	survey?: Answer[];
	registration?: Answer[];
}

/** The meeting or webinar instance the people come from. */
export interface ZoomSource {
	kind: 'meeting' | 'webinar';
	id: string;
	uuid?: string;
	topic?: string;
	startTime?: string;
	/** Actual length when Zoom reports it, else the scheduled length. */
	durationMinutes?: number;
	/** A recurring webinar's session the people come from (attendees, absentees): statuses and
	 *  follow-ups belong to it, not to the whole series. Absent for registrants, meetings (each
	 *  meeting instance has its own UUID already) and one-time webinars. */
	session?: ZoomSession;
}

/** One session of a recurring webinar: its instance UUID (or `occurrence:<id>` when only the
 *  occurrence is known) and when it started, which orders sessions against each other. */
export interface ZoomSession {
	id: string;
	startTime?: string;
}

export interface Person {
	/** Lower-cased and trimmed: the contact's key. */
	email: string;
	name?: string;
	firstName?: string;
	lastName?: string;
	registrantId?: string;
	utmSource?: string;
	org?: string;
	jobTitle?: string;
	country?: string;
	city?: string;
	joinUrl?: string;
	/** Registrants: Zoom's status of the registration (approved, pending, denied). */
	registrationStatus?: string;
	registeredAt?: string;
	/** Answers to the registration form's own questions (webinar registration details). */
	registrationAnswers?: Answer[];
	/** What the person answered in polls, Q&A and survey, when the sync read them. */
	answers?: PersonAnswers;
	engagement: Engagement;
	/** How many Zoom rows were merged into this person. */
	rows: number;
}

/** `not_an_attendee`: answered a poll, asked a question or filled the survey with an email that no
 *  participant row of the instance has (joined by phone, from another account or device). */
export type SkipReason = 'no_email' | 'invalid_email' | 'not_an_attendee';

/** Someone Zoom listed who cannot become a Brevo contact. Emitted, never dropped silently. */
export interface SkippedPerson {
	reason: SkipReason;
	name?: string;
	email?: string;
	rows: number;
	hint: string;
}

export interface PeopleResult {
	people: Person[];
	skipped: SkippedPerson[];
}
