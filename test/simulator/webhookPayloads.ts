import type { Sent, Zoom, ZoomRecordingCompletedEvent } from '../contracts/vendor';
import type {
	ParticipantRow,
	ZoomMeeting,
	ZoomMeetingInstance,
	ZoomRecording,
	ZoomRegistrant,
	ZoomWebinar,
	ZoomWebinarInstance,
} from './fixture/types';

/**
 * Payloads Zoom sends for the events the package listens to, built from fixture records so a demo
 * or test can deliver "what just happened" consistently with what the API later returns. Pass the
 * result as `payload` to `sim.sendWebhook`.
 *
 * Each is typed by Rivet's event type (`Sent<Zoom.MeetingEndedEvent>`: the body without
 * `event_ts`, which the sender adds), so tsc fails when one differs from Zoom's contract. Two are
 * not Zoom's yet (test/contracts/vendor.ts, "Known mismatches"): they follow what nodes/ reads until
 * nodes/ reads what Zoom sends.
 */

type MeetingObject = Sent<Zoom.MeetingEndedEvent>['payload']['object'];
type WebinarObject = Sent<Zoom.WebinarEndedEvent>['payload']['object'];
type JoinedParticipant = Sent<Zoom.MeetingParticipantJoinedEvent>['payload']['object']['participant'];
type LeftParticipant = Sent<Zoom.MeetingParticipantLeftEvent>['payload']['object']['participant'];

function meetingObject(meeting: ZoomMeeting, instance: ZoomMeetingInstance): Omit<MeetingObject, 'end_time'> {
	return {
		id: String(meeting.id),
		uuid: instance.uuid,
		host_id: meeting.host_id,
		topic: meeting.topic,
		type: meeting.type,
		start_time: instance.start_time,
		timezone: meeting.timezone,
		duration: meeting.duration,
	};
}

const endedMeeting = (meeting: ZoomMeeting, instance: ZoomMeetingInstance): MeetingObject => ({ ...meetingObject(meeting, instance), end_time: instance.end_time });

function webinarObject(webinar: ZoomWebinar, instance: ZoomWebinarInstance, ended: boolean): WebinarObject {
	return {
		id: String(webinar.id),
		uuid: instance.uuid,
		host_id: webinar.host_id,
		topic: webinar.topic,
		type: webinar.type,
		start_time: instance.start_time,
		timezone: webinar.timezone,
		duration: webinar.duration,
		...(ended ? { end_time: instance.end_time } : {}),
	};
}

/** Webinar participants always carry `id` (Rivet's webinar participant events): '' for guests, as in the lists. */
function participantObject(row: ParticipantRow, joined: true): JoinedParticipant & { id: string };
function participantObject(row: ParticipantRow, joined: false): LeftParticipant & { id: string };
function participantObject(row: ParticipantRow, joined: boolean): (JoinedParticipant | LeftParticipant) & { id: string } {
	return {
		user_id: row.user_id,
		user_name: row.name,
		id: row.id,
		participant_uuid: row.id || row.user_id,
		...(joined ? { join_time: row.join_time } : { leave_time: row.leave_time, leave_reason: 'left the meeting' }),
		email: row.user_email,
		registrant_id: row.registrant_id,
		customer_key: '',
		phone_number: '',
	};
}

export const zoomEventPayloads = {
	meetingStarted(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance): Sent<Zoom.MeetingStartedEvent> {
		return { event: 'meeting.started', payload: { account_id: accountId, object: meetingObject(meeting, instance) } };
	},
	meetingEnded(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance): Sent<Zoom.MeetingEndedEvent> {
		return { event: 'meeting.ended', payload: { account_id: accountId, object: endedMeeting(meeting, instance) } };
	},
	participantJoined(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance, row: ParticipantRow): Sent<Zoom.MeetingParticipantJoinedEvent> {
		return {
			event: 'meeting.participant_joined',
			payload: { account_id: accountId, object: { ...meetingObject(meeting, instance), participant: participantObject(row, true) } },
		};
	},
	participantLeft(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance, row: ParticipantRow): Sent<Zoom.MeetingParticipantLeftEvent> {
		return {
			event: 'meeting.participant_left',
			payload: { account_id: accountId, object: { ...meetingObject(meeting, instance), participant: participantObject(row, false) } },
		};
	},
	webinarStarted(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance): Sent<Zoom.WebinarStartedEvent> {
		return { event: 'webinar.started', payload: { account_id: accountId, object: webinarObject(webinar, instance, false) } };
	},
	webinarEnded(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance): Sent<Zoom.WebinarEndedEvent> {
		return { event: 'webinar.ended', payload: { account_id: accountId, object: webinarObject(webinar, instance, true) } };
	},
	webinarParticipantJoined(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance, row: ParticipantRow): Sent<Zoom.WebinarParticipantJoinedEvent> {
		return {
			event: 'webinar.participant_joined',
			payload: { account_id: accountId, object: { ...webinarObject(webinar, instance, false), participant: participantObject(row, true) } },
		};
	},
	webinarParticipantLeft(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance, row: ParticipantRow): Sent<Zoom.WebinarParticipantLeftEvent> {
		return {
			event: 'webinar.participant_left',
			payload: { account_id: accountId, object: { ...webinarObject(webinar, instance, false), participant: participantObject(row, false) } },
		};
	},
	webinarRegistrationCreated(accountId: string, webinar: ZoomWebinar, registrant: ZoomRegistrant): Sent<Zoom.WebinarRegistrationCreatedEvent> {
		const { occurrence_ids: _o, tracking_source, ...rest } = registrant;
		return {
			event: 'webinar.registration_created',
			payload: {
				account_id: accountId,
				object: {
					// A number here, unlike the start/end events (Rivet's WebinarRegistrationCreatedEvent).
					id: webinar.id,
					uuid: webinar.instances[webinar.instances.length - 1]?.uuid ?? '',
					host_id: webinar.host_id,
					topic: webinar.topic,
					type: webinar.type,
					start_time: webinar.start_time,
					duration: webinar.duration,
					timezone: webinar.timezone,
					// Zoom tells of a registration when it is made: approved or pending (a registrant
					// the host denied later was pending then).
					registrant: { ...rest, status: rest.status === 'denied' ? 'pending' : rest.status, ...(tracking_source ? { tracking_source } : {}) },
				},
			},
		};
	},
	/** `download_token` sits at the body's top level, next to `event` and `payload` (Zoom's example of
	 *  the event; Rivet's `RecordingCompletedEvent`). URLs are made absolute with `baseUrl`. */
	recordingCompleted(accountId: string, recording: ZoomRecording, baseUrl: string): Sent<ZoomRecordingCompletedEvent> {
		const abs = (p: string) => (p.startsWith('/') ? `${baseUrl}${p}` : p);
		const { download_access_token, ...rest } = recording;
		return {
			event: 'recording.completed',
			download_token: download_access_token,
			payload: {
				account_id: accountId,
				object: {
					...rest,
					share_url: abs(recording.share_url),
					recording_files: recording.recording_files.map((f) => ({ ...f, play_url: abs(f.play_url), download_url: abs(f.download_url) })),
				},
			},
		};
	},
};
