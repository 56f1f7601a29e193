/**
 * Things that happen at clock times, for what a poll reads: meetings and webinar instances that
 * end, users (hosts) who join the account, webinars scheduled and people registering for them,
 * cloud recordings that finish processing. Records go straight into the simulator's Zoom state;
 * the endpoints decide from the clock what Zoom would show yet (an instance that has not ended is
 * not a past instance; a report lists it from its `reportedAt`).
 */
import { instanceUuid, zoomId } from './fixture/hash';
import { toZoomTime } from './fixture/participants';
import type { ParticipantRow, ZoomMeeting, ZoomMeetingInstance, ZoomRecording, ZoomRegistrant, ZoomUser, ZoomWebinar, ZoomWebinarInstance } from './fixture/types';
import { makeRecording } from './fixture/recordings';
import { makeRegistrants, trackingSources } from './fixture/webinars';
import type { ZoomState } from './zoom/state';

let serial = 0;
const next = (): number => ++serial;

/** Has the instance ended at `nowMs`? Zoom lists past instances only once they ended. */
export function hasEnded(instance: { end_time: string }, nowMs: number): boolean {
	return Date.parse(instance.end_time) <= nowMs;
}

/** Does a usage report list the instance at `nowMs`? Reports lag behind the end (`reportedAt`). */
export function isReported(instance: { end_time: string; reportedAt?: string }, nowMs: number): boolean {
	return hasEnded(instance, nowMs) && Date.parse(instance.reportedAt ?? instance.end_time) <= nowMs;
}

export function addHost(state: ZoomState, name = `Host ${next()}`): ZoomUser {
	const n = next();
	const [first, last = 'Host'] = name.split(' ');
	const user: ZoomUser = {
		id: zoomId(7, n, 501),
		first_name: first,
		last_name: last,
		display_name: name,
		email: `host${n}@simcorp.example`,
		type: 2,
		role_name: 'Member',
		pmi: 5560000000 + n,
		timezone: 'UTC',
		dept: 'Sales',
		created_at: '2025-01-01T00:00:00Z',
		last_login_time: '2026-01-01T00:00:00Z',
		status: 'active',
		account_id: state.accountId,
		language: 'en-US',
		verified: 1,
	};
	state.users.push(user);
	return user;
}

/** `people` rows, the host first: the report counts only instances with two or more people. */
function rowsFor(host: ZoomUser, startMs: number, endMs: number, people: number): ParticipantRow[] {
	return Array.from({ length: people }, (_, i) => ({
		id: i === 0 ? host.id : '',
		name: i === 0 ? host.display_name : `Guest ${i}`,
		user_id: String(16_000_000 + next()),
		registrant_id: '',
		user_email: i === 0 ? host.email : `guest${i}.${next()}@example.org`,
		join_time: toZoomTime(startMs),
		leave_time: toZoomTime(endMs),
		duration: Math.round((endMs - startMs) / 1000),
		failover: false,
		status: 'in_meeting' as const,
		internal_user: i === 0,
	}));
}

export interface MeetingEnding {
	host: ZoomUser;
	/** ISO times (Zoom's `yyyy-MM-ddTHH:mm:ssZ`). */
	start: string;
	end: string;
	topic?: string;
	/** An existing meeting gets a new instance (a recurring meeting); else a new meeting. */
	meeting?: ZoomMeeting;
	/** Default 3: host and two guests. */
	people?: number;
	/** When the report first lists it; default: at its end. */
	reportedAt?: string;
	/** The instance's UUID; default: one made from a counter, the same in every process (a demo
	 *  that ends a meeting at each start gives its own, or a poll cursor kept from the last start
	 *  would take the new meeting for the old one). */
	uuid?: string;
}

/** A meeting instance that ends at `end` (invisible to past-meeting reads before that). */
export function endMeeting(state: ZoomState, e: MeetingEnding): { meeting: ZoomMeeting; instance: ZoomMeetingInstance } {
	const n = next();
	const startMs = Date.parse(e.start);
	const endMs = Date.parse(e.end);
	const meeting: ZoomMeeting = e.meeting ?? {
		id: 81_000_000_000 + n,
		topic: e.topic ?? `Meeting ${n}`,
		type: 2,
		host_id: e.host.id,
		host_email: e.host.email,
		timezone: 'UTC',
		duration: Math.max(1, Math.round((endMs - startMs) / 60_000)),
		created_at: toZoomTime(startMs - 86_400_000),
		agenda: '',
		join_url: `https://zoom.us/j/${81_000_000_000 + n}`,
		instances: [],
	};
	if (!e.meeting) state.meetings.push(meeting);
	const rows = rowsFor(e.host, startMs, endMs, e.people ?? 3);
	const instance: ZoomMeetingInstance = {
		uuid: e.uuid ?? instanceUuid(7, n, 502),
		start_time: toZoomTime(startMs),
		end_time: toZoomTime(endMs),
		duration: Math.max(1, Math.round((endMs - startMs) / 60_000)),
		participants: rows,
		stats: { rows: rows.length, people: rows.length, withEmail: rows.length, withoutEmail: 0, waitingRoomOnly: 0, rejoinRows: 0 },
		...(e.reportedAt ? { reportedAt: e.reportedAt } : {}),
	};
	meeting.instances.push(instance);
	return { meeting, instance };
}

export interface WebinarEnding {
	host: ZoomUser;
	start: string;
	end: string;
	topic?: string;
	webinar?: ZoomWebinar;
	people?: number;
	reportedAt?: string;
}

/** A webinar (or a new instance of one) that ends at `end`. The webinar is listed by
 *  `/users/{userId}/webinars` from its creation, as Zoom lists scheduled webinars. */
export function endWebinar(state: ZoomState, e: WebinarEnding): { webinar: ZoomWebinar; instance: ZoomWebinarInstance } {
	const n = next();
	const startMs = Date.parse(e.start);
	const endMs = Date.parse(e.end);
	const webinar: ZoomWebinar = e.webinar ?? {
		id: 95_000_000_000 + n,
		topic: e.topic ?? `Webinar ${n}`,
		type: 5,
		host_id: e.host.id,
		host_email: e.host.email,
		start_time: toZoomTime(startMs),
		duration: Math.max(1, Math.round((endMs - startMs) / 60_000)),
		timezone: 'UTC',
		agenda: '',
		created_at: toZoomTime(startMs - 86_400_000),
		join_url: `https://zoom.us/w/${95_000_000_000 + n}`,
		registration_url: `https://zoom.us/webinar/register/WN_${n}`,
		occurrences: [],
		registrants: [],
		tracking_sources: [],
		instances: [],
	};
	if (!e.webinar) state.webinars.push(webinar);
	const instance: ZoomWebinarInstance = {
		uuid: instanceUuid(7, n, 503),
		start_time: toZoomTime(startMs),
		end_time: toZoomTime(endMs),
		duration: Math.max(1, Math.round((endMs - startMs) / 60_000)),
		attendees: rowsFor(e.host, startMs, endMs, e.people ?? 3),
		...(e.reportedAt ? { reportedAt: e.reportedAt } : {}),
	};
	webinar.instances.push(instance);
	return { webinar, instance };
}

export interface WebinarScheduling {
	host: ZoomUser;
	/** ISO time of its (first) session. */
	start: string;
	/** Minutes. Default 60. */
	duration?: number;
	topic?: string;
	/** 5 (default) a webinar, 9 a recurring one with a fixed time. */
	type?: 5 | 9;
}

/** A webinar scheduled for later, with the fixture's two tracking links and no registrants yet. */
export function scheduleWebinar(state: ZoomState, e: WebinarScheduling): ZoomWebinar {
	const n = next();
	const id = 96_000_000_000 + n;
	const joinUrl = `https://zoom.us/w/${id}`;
	const webinar: ZoomWebinar = {
		id,
		topic: e.topic ?? `Upcoming Webinar ${n}`,
		type: e.type ?? 5,
		host_id: e.host.id,
		host_email: e.host.email,
		start_time: toZoomTime(Date.parse(e.start)),
		duration: e.duration ?? 60,
		timezone: 'UTC',
		agenda: '',
		created_at: toZoomTime(Date.parse(e.start) - 7 * 86_400_000),
		join_url: joinUrl,
		registration_url: `https://zoom.us/webinar/register/WN_${n}`,
		occurrences: [],
		registrants: [],
		tracking_sources: trackingSources(n, id, joinUrl),
		instances: [],
	};
	state.webinars.push(webinar);
	return webinar;
}

export interface Registration {
	webinar: ZoomWebinar;
	/** ISO time of registering: Zoom lists the registrant from then on. */
	at: string;
	/** Default approved (Zoom's automatic approval). */
	status?: ZoomRegistrant['status'];
	/** The name of one of the webinar's tracking sources the person came through. */
	source?: string;
}

/** Someone registers for the webinar at `at` (the fixture's registrant fields, a new person). */
export function register(r: Registration): ZoomRegistrant {
	const n = next();
	const source = r.source === undefined ? undefined : r.webinar.tracking_sources.find((s) => s.source_name === r.source);
	if (r.source !== undefined && !source) throw new Error(`register: webinar ${r.webinar.id} has no tracking source ${r.source}`);
	const [made] = makeRegistrants({ seed: 7, webinarId: r.webinar.id, count: 1, firstIndex: n, joinUrl: r.webinar.join_url, createdMs: 0, sources: [] });
	if (source) source.registration_count++;
	const registrant: ZoomRegistrant = {
		...made,
		email: `registrant${n}@example.org`,
		status: r.status ?? 'approved',
		create_time: toZoomTime(Date.parse(r.at)),
		tracking_source: source ? { id: source.id, source_name: source.source_name, tracking_url: source.tracking_url } : undefined,
	};
	r.webinar.registrants.push(registrant);
	return registrant;
}

export interface RecordingCompletion {
	/** A meeting's instance, or a webinar's: Zoom records both alike. */
	meeting: ZoomMeeting | ZoomWebinar;
	instance: ZoomMeetingInstance | ZoomWebinarInstance;
	/** ISO time Zoom finishes processing the files; listed as `processing` from the end until then. Default: the end. */
	at?: string;
}

/** The meeting or webinar instance was recorded to the cloud: its recording (the fixture's four files) completes at `at`. */
export function recordingCompletes(state: ZoomState, r: RecordingCompletion): ZoomRecording {
	const recording = makeRecording(next(), state.accountId, r.meeting, r.instance);
	r.instance.recording = recording;
	if (r.at) r.instance.recordingCompletedAt = r.at;
	return recording;
}
