import type { IDataObject } from 'n8n-workflow';

import { fromRegistrants, withRegistrationDetails } from '../contacts/fromRegistrants';
import { ParticipantMerger } from '../contacts/mergeParticipants';
import type { PeopleResult, Person, RegistrantRow, ZoomSession, ZoomSource } from '../contacts/types';
import { meetingPathId, type ZoomClient } from './zoomClient';

/** What this reads of `GET /webinars/{webinarId}/tracking_sources` (checked against the vendor's type in test/contracts). */
export type TrackingSourcesAnswer = { tracking_sources?: Array<{ id?: string; source_name?: string }> };

/** What this reads of `GET /past_webinars/{webinarId}/instances` (checked against the vendor's type in test/contracts). */
export type PastSessionsAnswer = { webinars?: Array<{ uuid?: string; start_time?: string }> };

/** What a sync read from Zoom: the instance, its people (contacts-to-be and skipped), and what
 *  optional reads failed (the sync goes on without them). */
export interface ZoomRead {
	source: ZoomSource;
	people: PeopleResult;
	warnings?: string[];
	/** Attendee and participant reads: the path segment that names the instance they read, for
	 *  reading its polls, Q&A and survey the same way. */
	instancePath?: string;
	/** Asked for by a sync that maps each person straight on (readMeetingParticipants' `oneByOne`):
	 *  the people, made one at a time as they are taken; `people.people` is then empty. */
	peopleOneByOne?: Iterable<Person>;
}

export interface MeetingDetails {
	id?: number | string;
	uuid?: string;
	topic?: string;
	start_time?: string;
	duration?: number;
	/** Webinars: 5 one-time, 6 recurring without a fixed time, 9 recurring with a fixed time. */
	type?: number;
}

const sourceOf = (kind: ZoomSource['kind'], details: MeetingDetails, fallbackId: string): ZoomSource => ({
	kind,
	id: details.id === undefined ? fallbackId : String(details.id),
	uuid: details.uuid,
	topic: details.topic,
	startTime: details.start_time,
	durationMinutes: typeof details.duration === 'number' ? details.duration : undefined,
});

const encodeId = (id: string) => encodeURIComponent(id);

export async function readMeetingParticipants(
	zoom: ZoomClient,
	meetingId: string,
	fromReport: boolean,
	/** Hand the people over one at a time (ZoomRead.peopleOneByOne) instead of as one array. */
	{ oneByOne = false } = {},
): Promise<ZoomRead> {
	const pathId = meetingPathId(meetingId);
	const details = await zoom.get<MeetingDetails>(`/past_meetings/${pathId}`, 'light', 'read the past meeting');
	const source = sourceOf('meeting', details, meetingId);
	const merger = new ParticipantMerger(source);
	if (fromReport) {
		await zoom.listInto(`/report/meetings/${pathId}/participants`, 'participants', 'heavy', "read Zoom's participant report", { include_fields: 'registrant_id' }, merger);
	} else {
		await zoom.listInto(`/past_meetings/${pathId}/participants`, 'participants', 'medium', 'list the meeting participants', undefined, merger);
	}
	if (!oneByOne) return { source, people: merger.result(), instancePath: pathId };
	const { people, skipped } = merger.drain();
	return { source, people: { people: [], skipped }, instancePath: pathId, peopleOneByOne: people };
}

async function webinarSource(zoom: ZoomClient, webinarId: string): Promise<{ source: ZoomSource; recurring: boolean }> {
	const details = await zoom.get<MeetingDetails>(`/webinars/${encodeId(webinarId)}`, 'light', 'read the webinar');
	return { source: sourceOf('webinar', details, webinarId), recurring: details.type === 6 || details.type === 9 };
}

type PastSession = { uuid: string; start_time?: string };

/** The webinar's past sessions (`GET /past_webinars/{webinarId}/instances`, Medium; Rivet's
 *  `WebinarsListPastWebinarInstancesResponse`: `webinars[].uuid`, `start_time`). */
async function pastSessions(zoom: ZoomClient, webinarId: string): Promise<PastSession[]> {
	const found = await zoom.get<PastSessionsAnswer>(
		`/past_webinars/${encodeId(webinarId)}/instances`,
		'medium',
		"list the webinar's past sessions",
	);
	return (found.webinars ?? []).filter((s): s is PastSession => Boolean(s.uuid));
}

/**
 * The session of a recurring webinar that attendees or absentees come from, so that statuses and
 * no-show events are per session (attended session 1, missed session 2 → two truths, not one).
 * - an occurrence: Zoom's occurrence ID is its start as epoch milliseconds;
 * - an instance UUID, or none (Zoom then reads the latest session): its start time comes from
 *   the webinar's past instances (`GET /past_webinars/{webinarId}/instances`, Medium; Rivet's
 *   `WebinarsListPastWebinarInstancesResponse`: `webinars[].uuid`, `start_time`), one call.
 * A one-time webinar has one session: none is named, and statuses stay per webinar as before.
 * The instance list is a nicety: when it cannot be read, the session is named by the UUID alone.
 */
async function webinarSession(
	zoom: ZoomClient,
	source: ZoomSource,
	which: { instanceUuid?: string; occurrenceId?: string },
	warnings: string[],
	known?: PastSession[],
): Promise<ZoomSession | undefined> {
	if (!which.instanceUuid && which.occurrenceId) {
		const ms = Number(which.occurrenceId);
		return { id: `occurrence:${which.occurrenceId}`, startTime: Number.isFinite(ms) ? new Date(ms).toISOString() : undefined };
	}
	try {
		const sessions = known ?? (await pastSessions(zoom, source.id));
		const session = which.instanceUuid
			? sessions.find((s) => s.uuid === which.instanceUuid)
			: [...sessions].sort((a, b) => String(a.start_time ?? '').localeCompare(String(b.start_time ?? ''))).pop();
		if (session) return { id: session.uuid, startTime: session.start_time };
	} catch (error) {
		warnings.push(`The session's start time was not read (${(error as Error).message}): its statuses are ordered by its UUID alone.`);
	}
	return which.instanceUuid ? { id: which.instanceUuid } : undefined;
}

/** Thrown when a session UUID is not among the chosen webinar's past sessions. */
export class SessionNotOfWebinar extends Error {}

/**
 * The source of one session's people: named by the session, not the series. `verifyUuid`: the
 * UUID's webinar is unknown (typed, or pinned without it), so it must be one of this webinar's
 * past sessions — else one webinar's people would be written under the other's name.
 */
async function sessionSource(
	zoom: ZoomClient,
	webinarId: string,
	which: { instanceUuid?: string; occurrenceId?: string; verifyUuid?: boolean },
	warnings: string[],
): Promise<ZoomSource> {
	const { source, recurring } = await webinarSource(zoom, webinarId);
	if (which.instanceUuid) source.uuid = which.instanceUuid;
	let known: PastSession[] | undefined;
	if (which.instanceUuid && which.verifyUuid) {
		known = await pastSessions(zoom, source.id);
		if (!known.some((s) => s.uuid === which.instanceUuid)) throw new SessionNotOfWebinar(which.instanceUuid);
	}
	const session = recurring ? await webinarSession(zoom, source, which, warnings, known) : undefined;
	if (!session) return source;
	// The series' UUID names no session: the session's own UUID (or occurrence) does.
	return { ...source, session, uuid: session.id.startsWith('occurrence:') ? undefined : session.id };
}

/**
 * Registrants carry no tracking source in Zoom's list; each tracking source's registrants are
 * listed with the `tracking_source_id` filter instead, which gives every registrant's UTM source.
 * Optional: when these reads fail, the sync goes on without UTM sources and says why.
 */
async function utmSourceByEmail(zoom: ZoomClient, webinarId: string, qs: IDataObject, warnings: string[]): Promise<Map<string, string>> {
	const byEmail = new Map<string, string>();
	try {
		const found = await zoom.get<TrackingSourcesAnswer>(
			`/webinars/${encodeId(webinarId)}/tracking_sources`,
			'light',
			"read the webinar's tracking sources",
		);
		for (const trackingSource of found.tracking_sources ?? []) {
			if (!trackingSource.id || !trackingSource.source_name) continue;
			const rows = await zoom.list<RegistrantRow>(
				`/webinars/${encodeId(webinarId)}/registrants`,
				'registrants',
				'medium',
				'list the registrants of a tracking source',
				{ ...qs, tracking_source_id: trackingSource.id },
			);
			for (const row of rows) if (row.email) byEmail.set(row.email.trim().toLowerCase(), trackingSource.source_name);
		}
	} catch (error) {
		const failure = error as Error & { description?: string | null };
		warnings.push(`UTM sources were not read, so no UTM_SOURCE was written: ${failure.message}. ${failure.description ?? ''}`.trim());
		return new Map();
	}
	return byEmail;
}

function withUtm(rows: RegistrantRow[], utm: Map<string, string>): RegistrantRow[] {
	if (utm.size === 0) return rows;
	return rows.map((row) => {
		const source = row.email ? utm.get(row.email.trim().toLowerCase()) : undefined;
		return source ? { ...row, tracking_source: { source_name: source } } : row;
	});
}

/** Registrants (filtered by `qs`), each with the UTM source of its registration when asked. */
async function registrantRows(zoom: ZoomClient, webinarId: string, qs: IDataObject, withUtmSource: boolean, warnings: string[]): Promise<RegistrantRow[]> {
	const rows = await zoom.list<RegistrantRow>(`/webinars/${encodeId(webinarId)}/registrants`, 'registrants', 'medium', 'list the webinar registrants', qs);
	return withUtmSource ? withUtm(rows, await utmSourceByEmail(zoom, webinarId, qs, warnings)) : rows;
}

export async function readWebinarRegistrants(
	zoom: ZoomClient,
	webinarId: string,
	filters: { status?: string; occurrenceId?: string },
	withDetails: boolean,
): Promise<ZoomRead> {
	const { source } = await webinarSource(zoom, webinarId);
	const qs: IDataObject = { status: filters.status ?? 'approved' };
	if (filters.occurrenceId) qs.occurrence_id = filters.occurrenceId;
	const warnings: string[] = [];
	return { source, people: fromRegistrants(await registrantRows(zoom, webinarId, qs, withDetails, warnings), 'registered'), warnings };
}

/** Absentees of the webinar's latest session, of one occurrence, or of one session named by its
 *  instance UUID (Zoom's absentee list takes a webinar's ID or an instance UUID in the path). */
export async function readWebinarAbsentees(
	zoom: ZoomClient,
	webinarId: string,
	occurrenceId: string | undefined,
	withDetails: boolean,
	instanceUuid?: string,
): Promise<ZoomRead> {
	const warnings: string[] = [];
	const source = await sessionSource(zoom, webinarId, { instanceUuid, occurrenceId }, warnings);
	const instance = instanceUuid ? meetingPathId(instanceUuid) : encodeId(webinarId);
	const qs: IDataObject = occurrenceId ? { occurrence_id: occurrenceId } : {};
	const rows = await zoom.list<RegistrantRow>(`/past_webinars/${instance}/absentees`, 'registrants', 'heavy', 'list the webinar absentees', qs);
	const utm = withDetails ? await utmSourceByEmail(zoom, webinarId, { status: 'approved' }, warnings) : new Map<string, string>();
	return { source, people: fromRegistrants(withUtm(rows, utm), 'absent'), warnings };
}

export async function readWebinarAttendees(
	zoom: ZoomClient,
	webinarId: string,
	instanceUuid: string | undefined,
	withDetails: boolean,
	/** The UUID's webinar is not known from the incoming item: check it against this webinar. */
	verifyUuid = false,
): Promise<ZoomRead> {
	const warnings: string[] = [];
	const source = await sessionSource(zoom, webinarId, { instanceUuid, verifyUuid }, warnings);
	const instance = instanceUuid ? meetingPathId(instanceUuid) : encodeId(webinarId);
	const merger = new ParticipantMerger(source);
	await zoom.listInto(`/past_webinars/${instance}/participants`, 'participants', 'medium', 'list the webinar attendees', {}, merger);
	const people = merger.result();
	if (!withDetails) return { source, people, warnings, instancePath: instance };
	// Names, organisation and UTM source come from each attendee's registration.
	const registrants = fromRegistrants(await registrantRows(zoom, webinarId, { status: 'approved' }, true, warnings), 'registered');
	return { source, people: { ...people, people: withRegistrationDetails(people.people, registrants.people) }, warnings, instancePath: instance };
}
