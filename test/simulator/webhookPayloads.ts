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
 */

type Event = { event: string; payload: Record<string, unknown> };

function meetingObject(meeting: ZoomMeeting | ZoomWebinar, instance: ZoomMeetingInstance | ZoomWebinarInstance, ended: boolean) {
	return {
		id: String(meeting.id),
		uuid: instance.uuid,
		host_id: meeting.host_id,
		topic: meeting.topic,
		type: meeting.type,
		start_time: instance.start_time,
		timezone: meeting.timezone,
		duration: meeting.duration,
		...(ended ? { end_time: instance.end_time } : {}),
	};
}

function participantObject(row: ParticipantRow, joined: boolean) {
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
	meetingStarted(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance): Event {
		return { event: 'meeting.started', payload: { account_id: accountId, object: meetingObject(meeting, instance, false) } };
	},
	meetingEnded(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance): Event {
		return { event: 'meeting.ended', payload: { account_id: accountId, object: meetingObject(meeting, instance, true) } };
	},
	participantJoined(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance, row: ParticipantRow): Event {
		return {
			event: 'meeting.participant_joined',
			payload: { account_id: accountId, object: { ...meetingObject(meeting, instance, false), participant: participantObject(row, true) } },
		};
	},
	participantLeft(accountId: string, meeting: ZoomMeeting, instance: ZoomMeetingInstance, row: ParticipantRow): Event {
		return {
			event: 'meeting.participant_left',
			payload: { account_id: accountId, object: { ...meetingObject(meeting, instance, false), participant: participantObject(row, false) } },
		};
	},
	webinarStarted(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance): Event {
		return { event: 'webinar.started', payload: { account_id: accountId, object: meetingObject(webinar, instance, false) } };
	},
	webinarEnded(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance): Event {
		return { event: 'webinar.ended', payload: { account_id: accountId, object: meetingObject(webinar, instance, true) } };
	},
	webinarParticipantJoined(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance, row: ParticipantRow): Event {
		return {
			event: 'webinar.participant_joined',
			payload: { account_id: accountId, object: { ...meetingObject(webinar, instance, false), participant: participantObject(row, true) } },
		};
	},
	webinarParticipantLeft(accountId: string, webinar: ZoomWebinar, instance: ZoomWebinarInstance, row: ParticipantRow): Event {
		return {
			event: 'webinar.participant_left',
			payload: { account_id: accountId, object: { ...meetingObject(webinar, instance, false), participant: participantObject(row, false) } },
		};
	},
	webinarRegistrationCreated(accountId: string, webinar: ZoomWebinar, registrant: ZoomRegistrant): Event {
		const { occurrence_ids: _o, tracking_source, ...rest } = registrant;
		return {
			event: 'webinar.registration_created',
			payload: {
				account_id: accountId,
				object: {
					id: String(webinar.id),
					uuid: webinar.instances[webinar.instances.length - 1]?.uuid ?? '',
					host_id: webinar.host_id,
					topic: webinar.topic,
					type: webinar.type,
					start_time: webinar.start_time,
					duration: webinar.duration,
					timezone: webinar.timezone,
					registrant: { ...rest, ...(tracking_source ? { tracking_source } : {}) },
				},
			},
		};
	},
	/** `download_token` sits at the payload's top level, next to `object`. URLs are made absolute with `baseUrl`. */
	recordingCompleted(accountId: string, recording: ZoomRecording, baseUrl: string): Event {
		const abs = (p: string) => (p.startsWith('/') ? `${baseUrl}${p}` : p);
		const { download_access_token, ...rest } = recording;
		return {
			event: 'recording.completed',
			payload: {
				account_id: accountId,
				download_token: download_access_token,
				object: {
					...rest,
					share_url: abs(recording.share_url),
					recording_files: recording.recording_files.map((f) => ({ ...f, play_url: abs(f.play_url), download_url: abs(f.download_url) })),
				},
			},
		};
	},
};
