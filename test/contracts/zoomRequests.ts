/**
 * What nodes/ sends to Zoom, against Rivet's request types (test/contracts/vendor.ts):
 * - request bodies built as typed values are checked with `Reads`; bodies built as `IDataObject`
 *   list the field names they can send (`SendsFields`), and wire.test.ts type-checks the body the
 *   node's own code builds, as JSON, against the same vendor type;
 * - the query parameters of each call (`SendsFields` over Rivet's `...QueryParams` type).
 *
 * Type-only: `tsc -p tsconfig.test.json` judges this file; nothing here runs.
 */
import type { RegistrantInput } from '../../nodes/ZoomToBrevo/registration/registrant';
import type { Marketplace, Reads, SendsFields, Zoom, ZoomUsers } from './vendor';

// ---------------------------------------------------------------------------------------------
// Bodies

/**
 * Register Contacts: `zoomRegistrantBody` (registration/registrant.ts) sends `email`, `first_name`
 * and, when given, these; `source_id` for webinars only (registerContacts.ts drops it for meetings,
 * whose body has none).
 */
export type WebinarRegistrantFields = SendsFields<
	Zoom.WebinarsAddWebinarRegistrantRequestBody,
	'email' | 'first_name' | 'last_name' | 'org' | 'job_title' | 'phone' | 'country' | 'city' | 'source_id' | 'custom_questions'
>;
export type MeetingRegistrantFields = SendsFields<
	Zoom.MeetingsAddMeetingRegistrantRequestBody,
	'email' | 'first_name' | 'last_name' | 'org' | 'job_title' | 'phone' | 'country' | 'city' | 'custom_questions'
>;
/** The values: the node's typed input, field by field, as the body carries it. */
export type RegistrantValues = Reads<
	{
		email: RegistrantInput['email'];
		first_name: string;
		last_name?: RegistrantInput['lastName'];
		org?: RegistrantInput['org'];
		job_title?: RegistrantInput['jobTitle'];
		phone?: RegistrantInput['phone'];
		country?: RegistrantInput['country'];
		city?: RegistrantInput['city'];
		source_id?: RegistrantInput['sourceId'];
		custom_questions?: RegistrantInput['customQuestions'];
	},
	Zoom.WebinarsAddWebinarRegistrantRequestBody
>;

/**
 * Register Contacts in batches: `zoomBatchBody` (registration/batch.ts) sends `auto_approve`,
 * `registrants` (`email`, `first_name`, `last_name` when given) and, for meetings only,
 * `registrants_confirmation_email` (the webinar body has none).
 */
export type WebinarBatchFields = SendsFields<Zoom.WebinarsPerformBatchRegistrationRequestBody, 'auto_approve' | 'registrants'>;
export type MeetingBatchFields = SendsFields<Zoom.MeetingsPerformBatchRegistrationRequestBody, 'auto_approve' | 'registrants_confirmation_email' | 'registrants'>;
type BatchRow = { email: RegistrantInput['email']; first_name: string; last_name?: RegistrantInput['lastName'] };
export type BatchValues = [
	Reads<{ auto_approve: false; registrants: BatchRow[] }, Zoom.WebinarsPerformBatchRegistrationRequestBody>,
	Reads<{ auto_approve: false; registrants_confirmation_email: boolean; registrants: BatchRow[] }, Zoom.MeetingsPerformBatchRegistrationRequestBody>,
];

/** Zoom Trigger: `POST /marketplace/app/event_subscription` (subscription.ts, an `IDataObject`). */
export type SubscriptionFields = SendsFields<Marketplace.AppCreateEventSubscriptionRequestBody, 'event_subscription_name' | 'event_webhook_url' | 'events' | 'subscription_scope'>;
export type SubscriptionValues = Reads<
	{ event_subscription_name: string; event_webhook_url: string; events: string[]; subscription_scope: 'account' },
	Marketplace.AppCreateEventSubscriptionRequestBody
>;

// ---------------------------------------------------------------------------------------------
// Query parameters (zoomPaging.ts adds `page_size` and `next_page_token` to every list it walks)

type Paged = 'page_size' | 'next_page_token';

export type Queries = [
	/** readZoom.ts */
	SendsFields<Zoom.MeetingsGetPastMeetingParticipantsQueryParams, Paged>,
	SendsFields<Zoom.ReportsGetMeetingParticipantReportsQueryParams, Paged | 'include_fields'>,
	Reads<{ include_fields: 'registrant_id' }, Zoom.ReportsGetMeetingParticipantReportsQueryParams>,
	SendsFields<Zoom.WebinarsListWebinarRegistrantsQueryParams, Paged | 'status' | 'occurrence_id' | 'tracking_source_id'>,
	SendsFields<Zoom.WebinarsGetWebinarAbsenteesQueryParams, Paged | 'occurrence_id'>,
	SendsFields<Zoom.WebinarsListWebinarParticipantsQueryParams, Paged>,
	/** registerInZoom.ts */
	SendsFields<Zoom.MeetingsListMeetingRegistrantsQueryParams, Paged | 'status' | 'occurrence_id'>,
	SendsFields<Zoom.WebinarsAddWebinarRegistrantQueryParams, 'occurrence_ids'>,
	SendsFields<Zoom.MeetingsAddMeetingRegistrantQueryParams, 'occurrence_ids'>,
	/** shareRecording.ts, readRecordings.ts */
	SendsFields<Zoom.CloudRecordingGetMeetingRecordingsQueryParams, 'include_fields'>,
	/** listSearch.ts, zoomOptions.ts */
	SendsFields<Zoom.MeetingsListMeetingsQueryParams, Paged | 'type'>,
	Reads<{ type: 'previous_meetings' | 'upcoming' }, Zoom.MeetingsListMeetingsQueryParams>,
	SendsFields<Zoom.MeetingsGetMeetingQueryParams, 'show_previous_occurrences'>,
	SendsFields<Zoom.WebinarsGetWebinarQueryParams, 'show_previous_occurrences'>,
	/** zoomReads.ts, readRecordings.ts, accountUsers.ts */
	SendsFields<Zoom.ReportsGetMeetingReportsQueryParams, Paged | 'type' | 'from' | 'to'>,
	Reads<{ type: 'past'; from: string; to: string }, Zoom.ReportsGetMeetingReportsQueryParams>,
	SendsFields<Zoom.CloudRecordingListAllRecordingsQueryParams, Paged | 'from' | 'to'>,
	/** accountMeetings.ts */
	SendsFields<Zoom.ReportsGetHistoryMeetingAndWebinarListQueryParams, Paged | 'from' | 'to' | 'date_type' | 'meeting_type'>,
	Reads<{ from: string; to: string; date_type: 'end_time'; meeting_type: 'meeting' }, Zoom.ReportsGetHistoryMeetingAndWebinarListQueryParams>,
	SendsFields<ZoomUsers.UsersListUsersQueryParams, Paged | 'status'>,
	Reads<{ status: 'active' }, ZoomUsers.UsersListUsersQueryParams>,
	/** subscription.ts */
	SendsFields<Marketplace.AppGetUserOrAccountEventSubscriptionQueryParams, Paged | 'user_id' | 'account_id' | 'subscription_scope'>,
];

/**
 * M4, fixed: Rivet's "List webinars" takes `page_size` and `page_number`, no `next_page_token`
 * (PSZoom's Get-ZoomWebinarsFromUser names the same two). The Zoom transport (zoomPaging.ts) and the
 * webinar picker (listSearch.ts) follow `page_number` for a list whose first page gives no token,
 * and the simulator pages this list by number; before, a host's webinars past the first 300 were
 * never read.
 */
export type WebinarListPaging = SendsFields<Zoom.WebinarsListWebinarsQueryParams, 'page_size' | 'page_number'>;

/**
 * M5, fixed: Zoom's Marketplace reference (and Rivet) mark `user_id` and `account_id` required in
 * the query of `GET /marketplace/app/event_subscription`; the Zoom Trigger sent `page_size` only
 * (subscription.ts `findSubscription`, run when n8n checks the webhook exists), and the simulator
 * accepted it. It now sends the credential's account, one active user of it and the subscription
 * scope, and the simulator refuses a list without them.
 */
export type SubscriptionQuery = Reads<{ page_size: number; next_page_token?: string; user_id: string; account_id: string; subscription_scope: 'account' }, Marketplace.AppGetUserOrAccountEventSubscriptionQueryParams>;
