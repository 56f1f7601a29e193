/**
 * Register Contacts in batches (issue #25): who may be registered by Zoom's "Perform batch
 * registration" instead of one request each, the body, and what a refused batch means. Pure.
 *
 * Zoom's reference, as generated SDKs of its OpenAPI spec quote it (konfig-sdks/zoom-meeting-java-sdk,
 * its docs folder: WebinarsApi.md `createBatchRegistrants` and MeetingsApi.md `batchRegistrantsCreate`;
 * the same text in speakeasy's zoom SDKs, "Perform batch registration"):
 * - `POST /webinars/{webinarId}/batch_registrants`: "Register up to 30 registrants at once for a
 *   scheduled webinar that requires registration"; "The webinar should be type `5`, a scheduled
 *   webinar. Other types of webinars are not supported by this API"; scopes `webinar:write`,
 *   `webinar:write:admin`; Rate Limit Label `HEAVY`. Errors: 400 code 300 "This API can only be
 *   used for scheduled webinars (type 5). Batch registration is not supported for other webinar
 *   types.", 3000 "Registration not enabled for this webinar", 3038 "The webinar is over"; 404
 *   code 3001 "Webinar does not exist", 3043 "Webinar has reached maximum attendee capacity.".
 * - `POST /meetings/{meetingId}/batch_registrants`: "Register up to 30 registrants at once for a
 *   meeting that requires registration"; "should be of type `2`, i.e., they should be scheduled
 *   meetings. Instant meetings and Recurring meetings are not supported by this API"; scopes
 *   `meeting:write`, `meeting:write:admin`; `Heavy`. Errors: 400 code 303 "This API can only be
 *   used for scheduled meeting(meeting type: 2). Batch registration is not supported for other
 *   meeting types.", 3038, 3161; 404 code 3001, 3043 capacity, 404 "Registration has not been
 *   enabled for this meeting".
 * - Bodies and answers (Rivet's `WebinarsPerformBatchRegistrationRequestBody` /
 *   `MeetingsPerformBatchRegistrationRequestBody`): `registrants[{email, first_name, last_name?}]`
 *   and `auto_approve`; meetings also `registrants_confirmation_email` ("Send confirmation Email to
 *   Registrants"). The answer: `registrants[{email, join_url, registrant_id}]`, no status.
 *   `auto_approve`: "If a meeting was scheduled with approval_type `1` (manual approval), but you
 *   would like to automatically approve the registrants that are added via this API, you can set
 *   the value of this field to `true`."
 * - Granular scopes for Server-to-Server apps: `webinar:write:batch_registrants:admin`,
 *   `meeting:write:batch_registrants:admin` (indico/indico-plugins vc_zoom/README.md and its
 *   AUTO_REGISTRATION_*_SCOPES, an app that uses both endpoints).
 * - The per-registrant limit of 3 requests a day covers batch registration too: Zoom's announcement,
 *   quoted on devforum.zoom.us/t/…/57798, lists "POST /v2/webinars/{webinarId}/batch_registrants
 *   Perform batch registration" under it, with the 429 "You have exceeded the daily rate limit (3) of
 *   Webinar Batch Registration API requests permitted for (…) this particular registrant."
 */
import type { IDataObject } from 'n8n-workflow';

import { refusalOf, isRegistrantDailyLimit, type Refusal } from './refusals';
import type { RegistrantInput } from './registrant';

/** Registrants per batch request, Zoom's maximum. */
export const BATCH_MAX = 30;

/** What this reads of the batch answer (checked against Rivet's type in test/contracts). */
export type BatchAnswer = { registrants?: Array<{ email?: string; join_url?: string; registrant_id?: string }> };

/** Zoom's scheduled meeting (2) and scheduled webinar (5): the only types batch registration takes. */
const BATCH_TYPE = { meeting: 2, webinar: 5 } as const;

/**
 * Whether the target takes batch registration: a scheduled meeting or webinar (its `type` as
 * `GET /meetings|webinars/{id}` gives it; unknown: no), no sessions chosen (the batch body has no
 * `occurrence_ids`), and registrants approved automatically. A host who approves by hand keeps
 * the per-person path: the batch answer has no status, so it cannot tell who waits for the host
 * (the add-registrant answer can: meetings leave `join_url` out while pending, webinars say
 * `status`); and `auto_approve: true` would approve people the host wants to approve.
 */
export function takesBatches(kind: 'meeting' | 'webinar', type: number | undefined, occurrenceIds: string[], approval: 'auto' | 'manual'): boolean {
	return type === BATCH_TYPE[kind] && occurrenceIds.length === 0 && approval === 'auto';
}

/**
 * A person the batch body can carry as the per-person body would: email, first and last name only
 * (no custom questions, profile fields or tracking source, which the batch body has no field for),
 * within Zoom's field limits (names 64, email 128: the spec's `maxLength`), so one person's long
 * name cannot get a whole batch refused; they go one by one and get Zoom's own answer.
 */
export function isPlain(person: RegistrantInput): boolean {
	const { customQuestions, sourceId, org, jobTitle, phone, country, city } = person;
	if (customQuestions.length > 0 || [sourceId, org, jobTitle, phone, country, city].some((v) => v !== undefined)) return false;
	return person.email.length <= 128 && (person.firstName ?? '').length <= 64 && (person.lastName ?? '').length <= 64;
}

/**
 * The batch body. `auto_approve: false`: the node never approves on the host's behalf (only
 * automatically approved targets are batched). `registrants_confirmation_email` (meetings only,
 * the webinar body has no such field): the per-person request sends Zoom's confirmation email as
 * the meeting's settings say; a batch sends it only when asked (indico/indico-plugins #321, "Batch-
 * added meeting registrants now get a Zoom confirmation email, matching single-registrant adds"),
 * so it is asked for unless the host turned the meeting's confirmation emails off.
 */
export function zoomBatchBody(kind: 'meeting' | 'webinar', people: Array<RegistrantInput & { firstName: string }>, confirmationEmail: boolean): IDataObject {
	const registrants = people.map((p) => ({ email: p.email, first_name: p.firstName, ...(p.lastName !== undefined ? { last_name: p.lastName } : {}) }));
	return { auto_approve: false, ...(kind === 'meeting' ? { registrants_confirmation_email: confirmationEmail } : {}), registrants };
}

export function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

interface ZoomBody {
	code?: number | string;
	message?: string;
}

/**
 * What a refused batch means for its people. 'per-person': nothing was registered and the refusal
 * is not one every person shares, so they are sent one by one, where each gets their own answer:
 * - the target's type does not take batches (400 / 300 or 303, "Batch registration is not
 *   supported"; the type is checked before sending, but may change);
 * - the app lacks the batch scope (400 / 4711 "does not contain scopes"): the scopes came with
 *   batching, and an app set up for the per-person path goes on working;
 * - one person's 3 requests a day are used (a 429 naming "this particular registrant"; Zoom did
 *   nothing): that person is told so (`overLimit`), the others go one by one;
 * - the target is full (3043, or "capacity"): a batch that does not fit does not mean nobody fits,
 *   and one by one those who fit are registered and the first refused stops the rest, as before
 *   batching. (Whether Zoom registers part of a batch before refusing it is not documented; if it
 *   did, the per-person request answers those with their registration, as for any repeat.)
 * Everything else holds for every person alike and is theirs, as the per-person path tells it
 * (registration off, over, not found, the host's account): no answer or a 5xx is 'unconfirmed',
 * resolved by the registrant list, never sent again.
 */
export function batchRefusalOf(
	status: number | undefined,
	body: unknown,
	kind: 'meeting' | 'webinar',
): { perPerson: true; overLimit?: string } | { perPerson: false; refusal: Refusal } {
	const { code, message = '' } = body && typeof body === 'object' ? (body as ZoomBody) : {};
	const numeric = Number(code);
	if (status === 400 && (numeric === 300 || numeric === 303) && /batch registration is not supported|only be used for scheduled/i.test(message)) return { perPerson: true };
	if (numeric === 4711 || /does not contain scopes/i.test(message)) return { perPerson: true };
	if (isRegistrantDailyLimit(status, body)) return { perPerson: true, overLimit: /\(([^()\s]+@[^()\s]+)\)/.exec(message)?.[1]?.toLowerCase() };
	const refusal = refusalOf(status, body, kind);
	if (refusal.reason === 'full') return { perPerson: true };
	return { perPerson: false, refusal };
}
