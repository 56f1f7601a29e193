/**
 * Zoom's webhook events against Rivet's event types (test/contracts/vendor.ts):
 * - what the simulator signs: every builder of test/simulator/webhookPayloads.ts is typed
 *   `Sent<Zoom.XEvent>` there (tsc checks it in that file); the two that are not Zoom's yet are
 *   pinned here with `@ts-expect-error`, which fails as soon as the simulator sends Zoom's shape;
 * - what the Zoom Trigger reads off a delivery (nodes/ZoomTrigger/shapeDelivery.ts reads untyped
 *   JSON): each field name must be one of the event's (`ReadsFields`).
 *
 * Type-only: `tsc -p tsconfig.test.json` judges this file; nothing here runs.
 */
import type { zoomEventPayloads } from '../simulator/webhookPayloads';
import type { Reads, ReadsFields, Row, Sent, Zoom, ZoomRecordingCompletedEvent } from './vendor';

// ---------------------------------------------------------------------------------------------
// What the simulator signs

type Payloads = typeof zoomEventPayloads;

/** Typed by the event in webhookPayloads.ts; restated here so this file lists every event. */
export type SignedAsZoom = [
	Reads<ReturnType<Payloads['meetingStarted']>, Sent<Zoom.MeetingStartedEvent>>,
	Reads<ReturnType<Payloads['meetingEnded']>, Sent<Zoom.MeetingEndedEvent>>,
	Reads<ReturnType<Payloads['participantJoined']>, Sent<Zoom.MeetingParticipantJoinedEvent>>,
	Reads<ReturnType<Payloads['participantLeft']>, Sent<Zoom.MeetingParticipantLeftEvent>>,
	Reads<ReturnType<Payloads['webinarStarted']>, Sent<Zoom.WebinarStartedEvent>>,
	Reads<ReturnType<Payloads['webinarEnded']>, Sent<Zoom.WebinarEndedEvent>>,
	Reads<ReturnType<Payloads['webinarParticipantJoined']>, Sent<Zoom.WebinarParticipantJoinedEvent>>,
	Reads<ReturnType<Payloads['webinarParticipantLeft']>, Sent<Zoom.WebinarParticipantLeftEvent>>,
];

/** `download_token` next to `payload`, where Zoom puts it (M1, fixed). */
export type RecordingCompletedAsZoom = Reads<ReturnType<Payloads['recordingCompleted']>, Sent<ZoomRecordingCompletedEvent>>;

/** A numeric `object.id`, as Zoom sends it (M2, fixed). */
export type RegistrationCreatedAsZoom = Reads<ReturnType<Payloads['webinarRegistrationCreated']>, Sent<Zoom.WebinarRegistrationCreatedEvent>>;

// ---------------------------------------------------------------------------------------------
// What the Zoom Trigger reads (nodes/ZoomTrigger/shapeDelivery.ts, for the events of eventCatalogue.ts)

/** Every event: `event`, `event_ts`, `payload`; `payload.account_id`, `payload.object`; and the
 *  object's id, uuid, topic, host_id, start_time (end_time where there is one). */
type Envelope = 'event' | 'event_ts' | 'payload';
type Payload = 'account_id' | 'object';
type Instance = 'id' | 'uuid' | 'topic' | 'host_id' | 'start_time';

export type MeetingAndWebinarEvents = [
	ReadsFields<Zoom.MeetingStartedEvent, Envelope>,
	ReadsFields<Zoom.MeetingStartedEvent['payload'], Payload>,
	ReadsFields<Zoom.MeetingStartedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.MeetingEndedEvent, Envelope>,
	ReadsFields<Zoom.MeetingEndedEvent['payload'], Payload>,
	ReadsFields<Zoom.MeetingEndedEvent['payload']['object'], Instance | 'end_time'>,
	ReadsFields<Zoom.WebinarStartedEvent, Envelope>,
	ReadsFields<Zoom.WebinarStartedEvent['payload'], Payload>,
	ReadsFields<Zoom.WebinarStartedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.WebinarEndedEvent, Envelope>,
	ReadsFields<Zoom.WebinarEndedEvent['payload'], Payload>,
	ReadsFields<Zoom.WebinarEndedEvent['payload']['object'], Instance | 'end_time'>,
];

/** `personOf` for participant events: user_name, email, registrant_id, user_id, participant_uuid, and the join or leave. */
type Person = 'user_name' | 'email' | 'registrant_id' | 'user_id' | 'participant_uuid';

export type ParticipantEvents = [
	ReadsFields<Zoom.MeetingParticipantJoinedEvent, Envelope>,
	ReadsFields<Zoom.MeetingParticipantJoinedEvent['payload'], Payload>,
	ReadsFields<Zoom.MeetingParticipantJoinedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.MeetingParticipantJoinedEvent['payload']['object']['participant'], Person | 'join_time'>,
	ReadsFields<Zoom.MeetingParticipantLeftEvent, Envelope>,
	ReadsFields<Zoom.MeetingParticipantLeftEvent['payload'], Payload>,
	ReadsFields<Zoom.MeetingParticipantLeftEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.MeetingParticipantLeftEvent['payload']['object']['participant'], Person | 'leave_time' | 'leave_reason'>,
	ReadsFields<Zoom.WebinarParticipantJoinedEvent, Envelope>,
	ReadsFields<Zoom.WebinarParticipantJoinedEvent['payload'], Payload>,
	ReadsFields<Zoom.WebinarParticipantJoinedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.WebinarParticipantJoinedEvent['payload']['object']['participant'], Person | 'join_time'>,
	ReadsFields<Zoom.WebinarParticipantLeftEvent, Envelope>,
	ReadsFields<Zoom.WebinarParticipantLeftEvent['payload'], Payload>,
	ReadsFields<Zoom.WebinarParticipantLeftEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.WebinarParticipantLeftEvent['payload']['object']['participant'], Person | 'leave_time' | 'leave_reason'>,
];

/**
 * `personOf` for registration events reads `first_name`, `last_name`, `email`, `id`, `status`,
 * `join_url` and `tracking_source.source_name`. Not every event has all of them, and the trigger
 * takes what is there: `webinar.registration_approved` has no `status` (registrantFromEvent.ts
 * says "approved" from the event's name), `meeting.registration_created` no `tracking_source`.
 */
type Registrant = 'first_name' | 'last_name' | 'email' | 'id' | 'join_url';

export type RegistrationEvents = [
	ReadsFields<Zoom.WebinarRegistrationCreatedEvent, Envelope>,
	ReadsFields<Zoom.WebinarRegistrationCreatedEvent['payload'], Payload>,
	ReadsFields<Zoom.WebinarRegistrationCreatedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.WebinarRegistrationCreatedEvent['payload']['object']['registrant'], Registrant | 'status' | 'tracking_source'>,
	ReadsFields<Zoom.WebinarRegistrationApprovedEvent, Envelope>,
	ReadsFields<Zoom.WebinarRegistrationApprovedEvent['payload'], Payload>,
	ReadsFields<Zoom.WebinarRegistrationApprovedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.WebinarRegistrationApprovedEvent['payload']['object']['registrant'], Registrant | 'tracking_source'>,
	ReadsFields<Zoom.MeetingRegistrationCreatedEvent, Envelope>,
	ReadsFields<Zoom.MeetingRegistrationCreatedEvent['payload'], Payload>,
	ReadsFields<Zoom.MeetingRegistrationCreatedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.MeetingRegistrationCreatedEvent['payload']['object']['registrant'], Registrant | 'status'>,
	ReadsFields<NonNullable<Zoom.WebinarRegistrationCreatedEvent['payload']['object']['registrant']['tracking_source']>, 'source_name'>,
];

/**
 * `recordingOf` for `recording.completed` and `recording.transcript_completed`: the object's
 * `share_url`, `password`, `recording_play_passcode` and files; the download token from the
 * body's own `download_token`, where Zoom puts it (`payload.download_token` and
 * `object.download_token` are fallbacks for other senders, never Zoom's).
 */
type RecordingFile = 'id' | 'file_type' | 'recording_type' | 'file_size' | 'download_url' | 'play_url' | 'status';

export type RecordingEvents = [
	ReadsFields<Zoom.RecordingCompletedEvent, Envelope>,
	ReadsFields<Zoom.RecordingCompletedEvent['payload'], Payload>,
	ReadsFields<Zoom.RecordingCompletedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.RecordingCompletedEvent['payload']['object'], 'share_url' | 'password' | 'recording_play_passcode' | 'recording_files'>,
	ReadsFields<Row<Zoom.RecordingCompletedEvent['payload']['object'], 'recording_files'>, RecordingFile>,
	ReadsFields<Zoom.RecordingCompletedEvent, 'download_token'>,
	ReadsFields<Zoom.RecordingTranscriptCompletedEvent, Envelope>,
	ReadsFields<Zoom.RecordingTranscriptCompletedEvent['payload'], Payload>,
	ReadsFields<Zoom.RecordingTranscriptCompletedEvent['payload']['object'], Instance>,
	ReadsFields<Zoom.RecordingTranscriptCompletedEvent['payload']['object'], 'share_url' | 'password' | 'recording_files'>,
	ReadsFields<Row<Zoom.RecordingTranscriptCompletedEvent['payload']['object'], 'recording_files'>, RecordingFile>,
	ReadsFields<Zoom.RecordingTranscriptCompletedEvent, 'download_token'>,
];

