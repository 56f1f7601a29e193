import type { IDataObject } from 'n8n-workflow';

import { jsonBytes } from '../../shared/brevo/bytes';
import type { BrevoContact } from './mapToBrevo';
import type { AttendanceStatus, ZoomSource } from './types';

/** A Brevo custom event for one contact: what Brevo automations start on. */
export interface FollowUpEvent {
	event_name: string;
	identifiers: { email_id: string };
	event_properties: IDataObject;
	event_date?: string;
}

const STATUS_WORD: Record<AttendanceStatus, string> = {
	attended: 'attended',
	absent: 'no_show',
	registered: 'registered',
	waiting_room_only: 'waiting_room_only',
};

/** zoom_webinar_hot_lead, zoom_meeting_warm_lead: fired once per person and instance when the
 *  score reaches the level's threshold. */
export const leadEventName = (kind: ZoomSource['kind'], level: 'hot' | 'warm') => `zoom_${kind}_${level}_lead`;

/** zoom_webinar_attended, zoom_webinar_no_show, zoom_meeting_attended, ... */
export function eventNameByStatus(kind: ZoomSource['kind'], status: AttendanceStatus): string {
	return `zoom_${kind}_${STATUS_WORD[status]}`;
}

/** Properties and attributes without the values Zoom did not give (nothing sent empty). */
export const withoutEmpty = (object: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null && value !== ''));

/** Brevo refuses event_properties over 50 KB; answers are dropped from the end to stay under. */
export const EVENT_PROPERTIES_MAX_BYTES = 50 * 1024;

/** The properties with as many of the answers as fit (a long survey, many questions). */
export function withAnswers(properties: IDataObject, answers: IDataObject | undefined, maxBytes = EVENT_PROPERTIES_MAX_BYTES): IDataObject {
	if (!answers) return properties;
	const lists = Object.entries(answers).map(([kind, list]) => [kind, [...(list as IDataObject[])]] as [string, IDataObject[]]);
	const build = (truncated: boolean): IDataObject => ({
		...properties,
		answers: Object.fromEntries(lists.filter(([, list]) => list.length > 0)),
		...(truncated ? { answers_truncated: true } : {}),
	});
	let truncated = false;
	let built = build(false);
	while (jsonBytes(built) > maxBytes && lists.some(([, list]) => list.length > 0)) {
		// The longest list loses its last answer first.
		lists.reduce((longest, entry) => (entry[1].length > longest[1].length ? entry : longest))[1].pop();
		truncated = true;
		built = build(truncated);
	}
	return built;
}

export function followUpEvent(contact: BrevoContact, eventName: string, { answers = false } = {}): FollowUpEvent {
	const { engagement, source } = contact;
	// A recurring webinar's session: its own start, not the series'.
	const startTime = ((source.session as ZoomSource['session'])?.startTime ?? source.startTime) as string | undefined;
	return {
		event_name: eventName,
		identifiers: { email_id: contact.email },
		// Properties a Brevo automation can branch on or a template can print.
		event_properties: withAnswers(withoutEmpty({
			zoom_kind: source.kind,
			zoom_id: source.id,
			zoom_uuid: source.uuid,
			topic: source.topic,
			start_time: startTime,
			// A registrant's own link: the reminder for this registration mails this one, whatever
			// later registration changed ZOOM_JOIN_URL on the contact.
			join_url: engagement.status === 'registered' ? contact.registration?.joinUrl : undefined,
			status: engagement.status,
			minutes_attended: engagement.attendedMinutes,
			attendance_percent: engagement.attendancePercent,
			sessions: engagement.sessions,
			first_join: engagement.firstJoin,
			last_leave: engagement.lastLeave,
			polls_answered: engagement.pollsAnswered,
			questions_asked: engagement.questionsAsked,
			survey_answered: engagement.surveyAnswered,
			engagement_score: engagement.score,
			lead_level: engagement.leadLevel,
		}), answers ? contact.answers : undefined),
		event_date: (engagement.lastLeave as string | undefined) ?? startTime,
	};
}

/** The recording's links as a Brevo event for one recipient: a "recording ready" automation can
 *  email them, or branch on whether they attended (status). */
export function recordingReadyEvent(
	eventName: string,
	email: string,
	recording: { url: string; passcode: string; topic: string },
	source: ZoomSource,
	status: AttendanceStatus,
): FollowUpEvent {
	return {
		event_name: eventName,
		identifiers: { email_id: email },
		event_properties: withoutEmpty({
			recording_url: recording.url,
			recording_passcode: recording.passcode,
			topic: recording.topic || source.topic,
			zoom_kind: source.kind,
			zoom_id: source.id,
			zoom_uuid: source.uuid,
			start_time: source.startTime,
			status,
		}),
	};
}
