/**
 * Every Zoom answer nodes/ reads, against Zoom's own contract (Rivet 0.4.0, test/contracts/vendor.ts):
 * - `Reads<Vendor, NodeShape>`: the vendor's answer can be read as the node's shape, field types
 *   included (a field the node types `string` that Zoom sends as a number fails here);
 * - `Gaps<NodeShape, Vendor>`: every field the node's shape declares and the vendor's lacks, with
 *   the reason (a new such field fails here until it has one);
 * - `ReadsFields<Vendor, 'a' | 'b'>`: field names read off untyped objects (`IDataObject`).
 * Rivet types nearly every answer field optional; where the node's shape requires one,
 * `Present<Vendor, 'field'>` says so, with why at the use.
 *
 * Type-only: `tsc -p tsconfig.test.json` judges this file; nothing here runs.
 */
import type { ParticipantRow, RegistrantRow } from '../../nodes/ZoomToBrevo/contacts/types';
import type { PollsOrQuestions, SurveyReport } from '../../nodes/ZoomToBrevo/contacts/engagementRows';
import type { ZoomMeetingSummary } from '../../nodes/ZoomToBrevo/methods/listItems';
import type { ListedRecording } from '../../nodes/ZoomPollTrigger/readRecordings';
import type { ListedRegistrant } from '../../nodes/ZoomPollTrigger/readRegistrants';
import type { ListedWebinar, PolledInstance, ReportMeeting } from '../../nodes/ZoomPollTrigger/zoomReads';
import type { ListedUser } from '../../nodes/ZoomPollTrigger/accountUsers';
import type { HistoryMeeting } from '../../nodes/ZoomPollTrigger/accountMeetings';
import type { MeetingDetails, PastSessionsAnswer, TrackingSourcesAnswer } from '../../nodes/ZoomToBrevo/actions/readZoom';
import type { Details, RegistrationAnswer, ZoomRegistrant } from '../../nodes/ZoomToBrevo/actions/registerInZoom';
import type { BatchAnswer } from '../../nodes/ZoomToBrevo/registration/batch';
import type { RecordingInfo } from '../../nodes/ZoomToBrevo/actions/shareRecording';
import type { SubscriptionList, UserPage } from '../../nodes/ZoomTrigger/subscription';
import type {
	Gaps,
	Marketplace,
	Present,
	Reads,
	ReadsFields,
	Row,
	WebinarRegistrationAnswer,
	Zoom,
	ZoomListedRecording,
	ZoomMeetingRecording,
	ZoomRecordingFile,
	ZoomUsers,
} from './vendor';

// ---------------------------------------------------------------------------------------------
// Zoom to Brevo: the syncs (actions/readZoom.ts)

/** `GET /past_meetings/{meetingId}` (Light) and `GET /webinars/{webinarId}` (Light). */
export type PastMeeting = Reads<Zoom.MeetingsGetPastMeetingDetailsResponse, MeetingDetails>;
export const pastMeetingGaps: Gaps<MeetingDetails, Zoom.MeetingsGetPastMeetingDetailsResponse> = {};
export type Webinar = Reads<Zoom.WebinarsGetWebinarResponse, MeetingDetails>;
export const webinarGaps: Gaps<MeetingDetails, Zoom.WebinarsGetWebinarResponse> = {};

type PastParticipant = Row<Zoom.MeetingsGetPastMeetingParticipantsResponse, 'participants'>;
type ReportParticipant = Row<Zoom.ReportsGetMeetingParticipantReportsResponse, 'participants'>;
type WebinarParticipant = Row<Zoom.WebinarsListWebinarParticipantsResponse, 'participants'>;

/** `email`: read only when `user_email` is empty (mergeParticipants.ts, `row.user_email || row.email`). */
const NO_PARTICIPANT_EMAIL =
	'None of the three participant lists has `email` (Rivet; Zoom\'s "Get past meeting participants", "Get meeting participant reports", "List webinar participants"): the person\'s address is `user_email`. The node reads `email` only as a fallback when `user_email` is empty, so it costs nothing on a real account.';

/** `GET /past_meetings/{meetingId}/participants` (Medium, paged). */
export type PastParticipants = Reads<PastParticipant, ParticipantRow>;
export const pastParticipantGaps: Gaps<ParticipantRow, PastParticipant> = { email: NO_PARTICIPANT_EMAIL };
/** `GET /report/meetings/{meetingId}/participants?include_fields=registrant_id` (Heavy, paged). */
export type ReportParticipants = Reads<ReportParticipant, ParticipantRow>;
export const reportParticipantGaps: Gaps<ParticipantRow, ReportParticipant> = { email: NO_PARTICIPANT_EMAIL };
/** `GET /past_webinars/{webinarId}/participants` (Medium, paged). */
export type WebinarParticipants = Reads<WebinarParticipant, ParticipantRow>;
export const webinarParticipantGaps: Gaps<ParticipantRow, WebinarParticipant> = { email: NO_PARTICIPANT_EMAIL };

type ListedWebinarRegistrant = Row<Zoom.WebinarsListWebinarRegistrantsResponse, 'registrants'>;
type Absentee = Row<Zoom.WebinarsGetWebinarAbsenteesResponse, 'registrants'>;

const REGISTRANT_ROW_GAPS = {
	source_id:
		'Declared, never read (fromRegistrants.ts reads `tracking_source` only), and on no registrant list (Rivet; Zoom\'s "List webinar registrants"): `source_id` is a field of the add-registrant body.',
	tracking_source:
		"Zoom's registrant lists carry no tracking source (Rivet; that is why readZoom.ts lists each tracking source's registrants with `tracking_source_id`): the node sets it itself (readZoom.ts `withUtm`, registrantFromEvent.ts from the webhook's `registrant.tracking_source`).",
};

/** `GET /webinars/{webinarId}/registrants` (Medium, paged; `status`, `occurrence_id`, `tracking_source_id`). */
export type WebinarRegistrants = Reads<ListedWebinarRegistrant, RegistrantRow>;
export const webinarRegistrantGaps: Gaps<RegistrantRow, ListedWebinarRegistrant> = REGISTRANT_ROW_GAPS;
/** `GET /past_webinars/{webinarId}/absentees` (Heavy, paged). */
export type WebinarAbsentees = Reads<Absentee, RegistrantRow>;
export const absenteeGaps: Gaps<RegistrantRow, Absentee> = REGISTRANT_ROW_GAPS;

/** `GET /past_webinars/{webinarId}/instances` (Medium). */
export type PastSessions = Reads<Zoom.WebinarsListPastWebinarInstancesResponse, PastSessionsAnswer>;
export const pastSessionGaps: Gaps<Row<PastSessionsAnswer, 'webinars'>, Row<Zoom.WebinarsListPastWebinarInstancesResponse, 'webinars'>> = {};

/** `GET /webinars/{webinarId}/tracking_sources` (Light). */
export type TrackingSources = Reads<Zoom.WebinarsGetWebinarTrackingSourcesResponse, TrackingSourcesAnswer>;
export const trackingSourceGaps: Gaps<Row<TrackingSourcesAnswer, 'tracking_sources'>, Row<Zoom.WebinarsGetWebinarTrackingSourcesResponse, 'tracking_sources'>> = {};

// --- Polls, Q&A, survey (actions/readEngagement.ts, contacts/engagementRows.ts)

type Person = Row<PollsOrQuestions, 'questions'>;
type Detail = Row<Person, 'question_details'>;
const NO_POLLING_ID =
	"The node's `Detail` type is shared by polls, Q&A and survey; only poll answers carry `polling_id` (Rivet; Zoom's Q&A and survey references), and only pollRows reads it.";

/** `GET /past_meetings/{meetingId}/polls` and `GET /past_webinars/{webinarId}/polls` (Medium). */
export type MeetingPolls = Reads<Zoom.MeetingsListPastMeetingsPollResultsResponse, PollsOrQuestions>;
export type WebinarPolls = Reads<Zoom.WebinarsListPastWebinarPollResultsResponse, PollsOrQuestions>;
export const pollPersonGaps: Gaps<Person, Row<Zoom.MeetingsListPastMeetingsPollResultsResponse, 'questions'>> = {};
export const pollDetailGaps: Gaps<Detail, Row<Row<Zoom.WebinarsListPastWebinarPollResultsResponse, 'questions'>, 'question_details'>> = {};

/** `GET /past_meetings/{meetingId}/qa` and `GET /past_webinars/{webinarId}/qa` (Medium). */
export type MeetingQa = Reads<Zoom.MeetingsListPastMeetingsQAResponse, PollsOrQuestions>;
export type WebinarQa = Reads<Zoom.WebinarsListQAsOfPastWebinarResponse, PollsOrQuestions>;
export const qaDetailGaps: Gaps<Detail, Row<Row<Zoom.WebinarsListQAsOfPastWebinarResponse, 'questions'>, 'question_details'>> = { polling_id: NO_POLLING_ID };

/** `GET /report/meetings/{meetingId}/survey` and `GET /report/webinars/{webinarId}/survey` (Heavy). */
export type MeetingSurvey = Reads<Zoom.ReportsGetMeetingSurveyReportResponse, SurveyReport>;
export type WebinarSurvey = Reads<Zoom.ReportsGetWebinarSurveyReportResponse, SurveyReport>;
type Respondent = Row<SurveyReport, 'survey_answers'>;
type ZoomRespondent = Row<Zoom.ReportsGetWebinarSurveyReportResponse, 'survey_answers'>;
export const surveyRespondentGaps: Gaps<Respondent, ZoomRespondent> = {};
export const surveyDetailGaps: Gaps<Row<Respondent, 'answer_details'>, Row<ZoomRespondent, 'answer_details'>> = { polling_id: NO_POLLING_ID };

// --- Share Recording (actions/shareRecording.ts)

/** `GET /meetings/{meetingId}/recordings` (Light): Rivet's type as Zoom's reference amends it (vendor.ts). */
export type MeetingRecording = Reads<ZoomMeetingRecording, RecordingInfo>;
export const recordingGaps: Gaps<RecordingInfo, ZoomMeetingRecording> = {};

// --- Register Contacts (actions/registerInZoom.ts)

/** `GET /meetings/{meetingId}` and `GET /webinars/{webinarId}` (Light). */
export type MeetingForRegistration = Reads<Zoom.MeetingsGetMeetingResponse, Details>;
export type WebinarForRegistration = Reads<Zoom.WebinarsGetWebinarResponse, Details>;
export const meetingDetailGaps: Gaps<Details, Zoom.MeetingsGetMeetingResponse> = {};
export const webinarDetailGaps: Gaps<Details, Zoom.WebinarsGetWebinarResponse> = {};
export const settingsGaps: Gaps<NonNullable<Details['settings']>, NonNullable<Zoom.MeetingsGetMeetingResponse['settings']>> = {};
export const occurrenceGaps: Gaps<Row<Details, 'occurrences'>, Row<Zoom.MeetingsGetMeetingResponse, 'occurrences'>> = {};

/** `GET /meetings/{meetingId}/registrants` and `GET /webinars/{webinarId}/registrants` (Medium, paged). */
export type MeetingRegistrants = Reads<Row<Zoom.MeetingsListMeetingRegistrantsResponse, 'registrants'>, ZoomRegistrant>;
export type WebinarRegistrantsForRegistration = Reads<ListedWebinarRegistrant, ZoomRegistrant>;
export const registrantGaps: Gaps<ZoomRegistrant, Row<Zoom.MeetingsListMeetingRegistrantsResponse, 'registrants'>> = {};

/** `POST /meetings/{meetingId}/registrants` and `POST /webinars/{webinarId}/registrants` (Light): 201. */
export type MeetingRegistration = Reads<Zoom.MeetingsAddMeetingRegistrantResponse, RegistrationAnswer>;
export type WebinarRegistration = Reads<WebinarRegistrationAnswer, RegistrationAnswer>;
export const meetingRegistrationGaps: Gaps<RegistrationAnswer, Zoom.MeetingsAddMeetingRegistrantResponse> = {
	status:
		'Zoom\'s meeting answer has no `status` (Rivet; Zoom\'s "Add a meeting registrant"; the 2026-09-21 changelog added it to webinars only). registerInZoom.ts reads it, finds nothing, and tells a pending registration by the missing `join_url` when the meeting is approved by hand: right on a real account.',
};
export const webinarRegistrationGaps: Gaps<RegistrationAnswer, WebinarRegistrationAnswer> = {};

/** `POST /meetings/{meetingId}/batch_registrants` and `POST /webinars/{webinarId}/batch_registrants` (Heavy): 201. */
export type MeetingBatchRegistration = Reads<Zoom.MeetingsPerformBatchRegistrationResponse, BatchAnswer>;
export type WebinarBatchRegistration = Reads<Zoom.WebinarsPerformBatchRegistrationResponse, BatchAnswer>;
export const meetingBatchGaps: Gaps<BatchAnswer, Zoom.MeetingsPerformBatchRegistrationResponse> = {};
export const webinarBatchGaps: Gaps<BatchAnswer, Zoom.WebinarsPerformBatchRegistrationResponse> = {};
export const batchRowGaps: Gaps<Row<BatchAnswer, 'registrants'>, Row<Zoom.WebinarsPerformBatchRegistrationResponse, 'registrants'>> = {};

// --- Pickers (methods/listSearch.ts, methods/listItems.ts, methods/zoomOptions.ts)


/** `GET /users/{userId}/meetings` and `GET /users/{userId}/webinars` (Medium, paged). The picker
 *  requires `id`: Zoom lists every meeting and webinar with its ID (Rivet types every list field
 *  optional), and the picker offers it as the value. */
export type MeetingPicker = Reads<Present<Row<Zoom.MeetingsListMeetingsResponse, 'meetings'>, 'id'>, ZoomMeetingSummary>;
export type WebinarPicker = Reads<Present<Row<Zoom.WebinarsListWebinarsResponse, 'webinars'>, 'id'>, ZoomMeetingSummary>;
export const meetingPickerGaps: Gaps<ZoomMeetingSummary, Row<Zoom.MeetingsListMeetingsResponse, 'meetings'>> = {};
export const webinarPickerGaps: Gaps<ZoomMeetingSummary, Row<Zoom.WebinarsListWebinarsResponse, 'webinars'>> = {};
/** listSearch.ts reads `body[kind]` and `next_page_token` of both lists. */
export type PickerPages = [
	ReadsFields<Zoom.MeetingsListMeetingsResponse, 'meetings' | 'next_page_token'>,
	ReadsFields<Zoom.WebinarsListWebinarsResponse, 'webinars' | 'next_page_token'>,
];
/** zoomOptions.ts `getOccurrences`: `GET /meetings|webinars/{id}?show_previous_occurrences=true` (Light). */
export type OccurrencePicker = [
	ReadsFields<Zoom.MeetingsGetMeetingResponse, 'timezone' | 'occurrences'>,
	ReadsFields<Zoom.WebinarsGetWebinarResponse, 'timezone' | 'occurrences'>,
	ReadsFields<Row<Zoom.MeetingsGetMeetingResponse, 'occurrences'>, 'occurrence_id' | 'start_time' | 'status'>,
	ReadsFields<Row<Zoom.WebinarsGetWebinarResponse, 'occurrences'>, 'occurrence_id' | 'start_time' | 'status'>,
];
/** zoomOptions.ts `getTrackingSources`: `GET /webinars/{id}/tracking_sources` (Light). */
export type TrackingSourcePicker = ReadsFields<Row<Zoom.WebinarsGetWebinarTrackingSourcesResponse, 'tracking_sources'>, 'id' | 'source_name' | 'tracking_url'>;

// ---------------------------------------------------------------------------------------------
// Zoom Scheduled Trigger (nodes/ZoomPollTrigger)

type ReportRow = Row<Zoom.ReportsGetMeetingReportsResponse, 'meetings'>;

/**
 * `GET /report/users/{userId}/meetings?type=past&from&to` (Heavy, paged). `uuid` and `end_time`:
 * rows without them are dropped (zoomReads.ts, `typeof row.uuid === 'string'` and
 * `Date.parse(row.end_time)`); `id`: every report row has the meeting's ID (Zoom's "Get meeting
 * reports": `id`, "The meeting ID").
 */
export type MeetingReport = Reads<Present<ReportRow, 'uuid' | 'end_time' | 'id'>, ReportMeeting>;
export const meetingReportGaps: Gaps<ReportMeeting, ReportRow> = {
	host_id:
		"Zoom's meeting report names the host by `user_name`/`user_email` and has no `host_id` (Rivet's ReportsGetMeetingReportsResponse; Zoom's \"Get meeting reports\"). The node sets it itself from the user ID the report was read for (zoomReads.ts, withHost); M3, fixed: before, the Scheduled Trigger's meeting.ended items had no `hostId` on a real account.",
};

/**
 * accountMeetings.ts: `GET /report/history_meetings?from&to&date_type=end_time&meeting_type=meeting`
 * (Heavy, paged). Every field is optional in the node's shape and checked before use (rows without
 * `meeting_uuid`, `meeting_id`, `end_time` or `host_email` are dropped). No `host_id` in Zoom's row:
 * the node finds it by `host_email` in the account's user list (ListedUser's `email`).
 */
export type HistoryMeetings = Reads<Row<Zoom.ReportsGetHistoryMeetingAndWebinarListResponse, 'history_meetings'>, HistoryMeeting>;
export const historyMeetingGaps: Gaps<HistoryMeeting, Row<Zoom.ReportsGetHistoryMeetingAndWebinarListResponse, 'history_meetings'>> = {};

/** `GET /users/{userId}/webinars` (Medium, paged) and `GET /webinars/{webinarId}` (Light): rows
 *  without `id` are skipped (zoomReads.ts, readRegistrants.ts); a webinar read by its ID has it. */
export type HostWebinars = Reads<Present<Row<Zoom.WebinarsListWebinarsResponse, 'webinars'>, 'id'>, ListedWebinar>;
export type WebinarById = Reads<Present<Zoom.WebinarsGetWebinarResponse, 'id'>, ListedWebinar>;
export const hostWebinarGaps: Gaps<ListedWebinar, Row<Zoom.WebinarsListWebinarsResponse, 'webinars'>> = {};
export const webinarByIdGaps: Gaps<ListedWebinar, Zoom.WebinarsGetWebinarResponse> = {};

/** `GET /past_webinars/{webinarId}/instances` (Medium): every field `unknown`, checked before use. */
export type PolledInstances = Reads<Row<Zoom.WebinarsListPastWebinarInstancesResponse, 'webinars'>, PolledInstance>;
export const polledInstanceGaps: Gaps<PolledInstance, Row<Zoom.WebinarsListPastWebinarInstancesResponse, 'webinars'>> = {};

/** `GET /webinars/{webinarId}/registrants` (Medium, paged): rows without `id` or `create_time` are
 *  dropped (readRegistrants.ts); the rest is passed on as Zoom sent it (`IDataObject`). */
export type PolledRegistrants = Reads<Present<ListedWebinarRegistrant, 'id' | 'create_time'>, ListedRegistrant>;
export const polledRegistrantGaps: Gaps<ListedRegistrant, ListedWebinarRegistrant> = {};
/** readRegistrants.ts `trackingSources`: `GET /webinars/{webinarId}/tracking_sources` (Light), read off `IDataObject`s. */
export type PolledTrackingSources = ReadsFields<Row<Zoom.WebinarsGetWebinarTrackingSourcesResponse, 'tracking_sources'>, 'id' | 'registration_count' | 'source_name' | 'tracking_url'>;

/** `GET /users/{userId}/recordings?from&to` (Medium, paged): rows without `uuid` or `start_time`
 *  are dropped (readRecordings.ts); `recording_files[].status` decides completion. */
export type PolledRecordings = Reads<Present<ZoomListedRecording, 'uuid' | 'start_time'>, ListedRecording>;
export const polledRecordingGaps: Gaps<ListedRecording, ZoomListedRecording> = {};
export type PolledRecordingFiles = ReadsFields<ZoomRecordingFile, 'status'>;

/** readRecordings.ts `detail`: `GET /meetings/{uuid}/recordings?include_fields=download_access_token`
 *  (Light), an `IDataObject` that shapeRecording.ts and the trigger's shapeDelivery.ts read. */
export type PolledRecordingDetail = [
	ReadsFields<ZoomMeetingRecording, 'download_access_token' | 'account_id' | 'uuid' | 'id' | 'topic' | 'host_id' | 'start_time' | 'share_url' | 'password' | 'recording_play_passcode' | 'recording_files'>,
	ReadsFields<ZoomRecordingFile, 'id' | 'file_type' | 'recording_type' | 'file_size' | 'download_url' | 'play_url' | 'status'>,
];

/** accountUsers.ts: `GET /users?status=active` (Medium, paged). */
export type AccountUsers = Reads<Row<ZoomUsers.UsersListUsersResponse, 'users'>, ListedUser>;
export const accountUserGaps: Gaps<ListedUser, Row<ZoomUsers.UsersListUsersResponse, 'users'>> = {};

/** shared/zoomPaging.ts reads `next_page_token` and `total_records` of every paged list it walks. */
export type Paging = [
	ReadsFields<Zoom.MeetingsGetPastMeetingParticipantsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.ReportsGetMeetingParticipantReportsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.WebinarsListWebinarParticipantsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.WebinarsListWebinarRegistrantsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.WebinarsGetWebinarAbsenteesResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.MeetingsListMeetingRegistrantsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.ReportsGetMeetingReportsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.WebinarsListWebinarsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<Zoom.CloudRecordingListAllRecordingsResponse, 'next_page_token' | 'total_records'>,
	ReadsFields<ZoomUsers.UsersListUsersResponse, 'next_page_token' | 'total_records'>,
	// "Get history meeting and webinar list" sends no `total_records` (Rivet): the paging reads only the token.
	ReadsFields<Zoom.ReportsGetHistoryMeetingAndWebinarListResponse, 'next_page_token'>,
];

// ---------------------------------------------------------------------------------------------
// Zoom Trigger: event subscriptions (nodes/ZoomTrigger/subscription.ts)

/** `GET /marketplace/app/event_subscription?account_id=&user_id=&subscription_scope=account&page_size=300`
 *  (Medium), and the one `GET /users?status=active&page_size=1` that finds the user Zoom asks for. */
export type SubscriptionUsers = Reads<ZoomUsers.UsersListUsersResponse, UserPage>;
export type Subscriptions = Reads<Marketplace.AppGetUserOrAccountEventSubscriptionResponse, SubscriptionList>;
export const subscriptionGaps: Gaps<Row<SubscriptionList, 'event_subscriptions'>, Row<Marketplace.AppGetUserOrAccountEventSubscriptionResponse, 'event_subscriptions'>> = {};
/** `POST /marketplace/app/event_subscription` (Heavy): the trigger reads `event_subscription_id`. */
export type SubscriptionCreated = ReadsFields<Marketplace.AppCreateEventSubscriptionResponse, 'event_subscription_id'>;
