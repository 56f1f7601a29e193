/**
 * Copies of the shapes nodes/ reads Zoom's and Brevo's answers into where nodes/ does not export
 * them (a local interface, or a type written inline as `zoom.get<{ ... }>(...)`), so the contract
 * checks can name them. Each copy is pinned to its source: mirrors.test.ts fails when the node's
 * declaration (comments and layout aside) is no longer exactly this one, so a change on the node
 * side cannot slip past the contract checks. Exporting them from nodes/ would make these copies
 * unnecessary (issue #24: nodes/ was not changed for it).
 */
import type { IDataObject } from 'n8n-workflow';

// --- Zoom -------------------------------------------------------------------------------------

/** nodes/ZoomToBrevo/actions/readZoom.ts: `GET /past_meetings/{id}` and `GET /webinars/{id}`. */
export interface MeetingDetails {
	id?: number | string;
	uuid?: string;
	topic?: string;
	start_time?: string;
	duration?: number;
	type?: number;
}

/** readZoom.ts, `GET /past_webinars/{webinarId}/instances`. */
export type PastSessionsAnswer = { webinars?: Array<{ uuid?: string; start_time?: string }> };

/** readZoom.ts, `GET /webinars/{webinarId}/tracking_sources`. */
export type TrackingSourcesAnswer = { tracking_sources?: Array<{ id?: string; source_name?: string }> };

/** nodes/ZoomToBrevo/actions/registerInZoom.ts: `GET /meetings/{id}` and `GET /webinars/{id}`. */
export interface Details {
	id?: number | string;
	uuid?: string;
	topic?: string;
	start_time?: string;
	timezone?: string;
	settings?: { approval_type?: number };
	occurrences?: Array<{ occurrence_id?: string; start_time?: string; status?: string }>;
}

/** registerInZoom.ts: rows of `GET /meetings|webinars/{id}/registrants`. */
export interface ZoomRegistrant {
	id?: string;
	email?: string;
	status?: string;
	join_url?: string;
}

/** registerInZoom.ts: the 201 answer of `POST /meetings|webinars/{id}/registrants`. */
export type RegistrationAnswer = { registrant_id?: string; join_url?: string; status?: string };

/** nodes/ZoomToBrevo/actions/shareRecording.ts: `GET /meetings/{meetingId}/recordings`. */
export interface RecordingInfo {
	uuid?: string;
	id?: number | string;
	type?: number | string;
	topic?: string;
	start_time?: string;
	share_url?: string;
	password?: string;
	recording_play_passcode?: string;
}

/** nodes/ZoomPollTrigger/accountUsers.ts: rows of `GET /users`. */
export interface ListedUser {
	id?: unknown;
}

/** nodes/ZoomPollTrigger/zoomReads.ts: rows of `GET /past_webinars/{webinarId}/instances`. */
export type PolledInstance = { uuid?: unknown; start_time?: unknown };

/** nodes/ZoomTrigger/subscription.ts: `GET /marketplace/app/event_subscription`. */
export interface SubscriptionList {
	event_subscriptions?: Array<{ event_subscription_id?: string; event_webhook_url?: string }>;
}

// --- Brevo ------------------------------------------------------------------------------------

/** nodes/shared/brevo/lists.ts: `GET /contacts/lists`. */
export type ListsPage = { lists?: Array<{ id?: unknown; name?: unknown }>; count?: unknown };

/** lists.ts: `GET /smtp/templates`. */
export type TemplatesPage = { templates?: Array<{ id?: unknown; name?: unknown; subject?: unknown }>; count?: unknown };

/** nodes/shared/brevo/contactsWhere.ts: `GET /contacts?filter=...`. */
export interface ContactsPage {
	contacts?: Array<{ email?: unknown; attributes?: IDataObject }>;
	count?: number;
}

/** nodes/shared/brevo/contactNames.ts: `GET /contacts/{identifier}?identifierType=email_id`. */
export type ContactNamesAnswer = { attributes?: Record<string, unknown> };

/** nodes/shared/brevo/email.ts: `POST /smtp/email`. */
export type EmailAnswer = { messageId?: string; messageIds?: string[] };

/** nodes/shared/brevo/import.ts: `POST /contacts/import`. */
export type ImportAnswer = { processId?: number };

/** nodes/shared/brevo/importPolling.ts: `GET /processes/{id}` and the rows of `GET /processes`. */
export interface BrevoProcess {
	id?: number;
	status?: string;
	info?: { import?: IDataObject };
}

/** nodes/shared/brevo/attributes.ts: `GET /contacts/attributes`. */
export type AttributesAnswer = { attributes?: Array<{ name?: unknown; type?: unknown; category?: unknown }> };

/** Where each copy comes from: the pin test (mirrors.test.ts) compares them. */
export const MIRRORS: Array<{ name: string; file: string; kind: 'interface' | 'inline' }> = [
	{ name: 'MeetingDetails', file: 'nodes/ZoomToBrevo/actions/readZoom.ts', kind: 'interface' },
	{ name: 'PastSessionsAnswer', file: 'nodes/ZoomToBrevo/actions/readZoom.ts', kind: 'inline' },
	{ name: 'TrackingSourcesAnswer', file: 'nodes/ZoomToBrevo/actions/readZoom.ts', kind: 'inline' },
	{ name: 'Details', file: 'nodes/ZoomToBrevo/actions/registerInZoom.ts', kind: 'interface' },
	{ name: 'ZoomRegistrant', file: 'nodes/ZoomToBrevo/actions/registerInZoom.ts', kind: 'interface' },
	{ name: 'RegistrationAnswer', file: 'nodes/ZoomToBrevo/actions/registerInZoom.ts', kind: 'inline' },
	{ name: 'RecordingInfo', file: 'nodes/ZoomToBrevo/actions/shareRecording.ts', kind: 'interface' },
	{ name: 'ListedUser', file: 'nodes/ZoomPollTrigger/accountUsers.ts', kind: 'interface' },
	{ name: 'PolledInstance', file: 'nodes/ZoomPollTrigger/zoomReads.ts', kind: 'inline' },
	{ name: 'SubscriptionList', file: 'nodes/ZoomTrigger/subscription.ts', kind: 'interface' },
	{ name: 'ListsPage', file: 'nodes/shared/brevo/lists.ts', kind: 'inline' },
	{ name: 'TemplatesPage', file: 'nodes/shared/brevo/lists.ts', kind: 'inline' },
	{ name: 'ContactsPage', file: 'nodes/shared/brevo/contactsWhere.ts', kind: 'interface' },
	{ name: 'ContactNamesAnswer', file: 'nodes/shared/brevo/contactNames.ts', kind: 'inline' },
	{ name: 'EmailAnswer', file: 'nodes/shared/brevo/email.ts', kind: 'inline' },
	{ name: 'ImportAnswer', file: 'nodes/shared/brevo/import.ts', kind: 'inline' },
	{ name: 'BrevoProcess', file: 'nodes/shared/brevo/importPolling.ts', kind: 'interface' },
	{ name: 'AttributesAnswer', file: 'nodes/shared/brevo/attributes.ts', kind: 'inline' },
];
