/**
 * Registration: `POST /webinars/{webinarId}/registrants`, `POST /meetings/{meetingId}/registrants`,
 * `POST /webinars/{webinarId}/batch_registrants`, `POST /meetings/{meetingId}/batch_registrants`
 * and `GET /meetings/{meetingId}/registrants` (the webinar list is in zoom/webinars.ts).
 *
 * Imitated from (search corpora "code", "pages", "docs"):
 * [J] Zoom's OpenAPI spec as konfig-sdks/zoom-meeting-java-sdk carries it (files of its docs folder): WebinarsApi.md
 *     `addRegistrant` (POST /webinars/{webinarId}/registrants; scopes `webinar:write`,
 *     `webinar:write:admin`; Rate Limit Label `LIGHT`; query `occurrence_ids` "A comma-separated list
 *     of webinar occurrence IDs"; 201 "Webinar registration created."; 400 codes 1010, 3000 "This
 *     webinar does not have registration as required: {webinarId}.", 3027 "Host cannot register.",
 *     3038 "Webinar is over, you cannot register now. ...", 3000 "You have reached the limit for the
 *     number of attendees you can add. Contact Zoom Support for more information."; 404 code 3001
 *     `Webinar "{webinarId}" not found or has expired.`; 429), MeetingsApi.md `addRegistrant`
 *     (POST /meetings/{meetingId}/registrants; `meeting:write:admin`, `meeting:write`; `Light`;
 *     "a maximum limit of 4,999 registrants per meeting and users will see an error if the
 *     meeting's capacity is reached"; 201 "Meeting registration created."; 400 code 3043 "Meeting
 *     has reached maximum attendee capacity.", 3000 "Cannot access meeting info.") and
 *     `listRegistrants` (GET /meetings/{meetingId}/registrants; `meeting:read:admin`; `Medium`;
 *     query `occurrence_id`, `status` pending/approved/denied, `page_size`, `next_page_token`);
 *     WebinarsAddRegistrantRequest.md and MeetingsAddRegistrantRequest.md (body: `first_name`
 *     and `email` required, `last_name`, `address`, `city`, `state`, `zip`, `country`, `phone`,
 *     `comments`, `custom_questions` [{title, value}], `industry`, `job_title`, `no_of_employees`,
 *     `org`, `purchasing_time_frame`, `role_in_purchase_process`, `language`; webinars also
 *     `source_id` "The tracking source's unique identifier"; meetings also `auto_approve`, for
 *     meetings scheduled with approval_type 1); WebinarsAddRegistrantResponse.md and
 *     MeetingsAddRegistrantResponse.md (201 body `id` (the meeting's / webinar's ID), `join_url`,
 *     `registrant_id`, `start_time`, `topic`, `occurrences` [{occurrence_id, start_time, duration,
 *     status}]; for meetings `join_url` "The API will not return this field if the meeting was
 *     created with the approval_type field value of 1 (manual approval)");
 *     MeetingsListRegistrantsResponse*.md (envelope and registrant fields as for webinars).
 * [B] The same spec's batch registration, konfig's TypeScript operation list (find_string
 *     "Registration has not been enabled for this meeting"): `/meetings/{meetingId}/batch_registrants`
 *     answers 404 with code 3001 "Meeting does not exist: {meetingId}.", 3043 "Meeting has reached
 *     maximum attendee capacity." and code 404 "Registration has not been enabled for this meeting:
 *     {meetingId}."; its delete-registrant entry lists that code-404 message under HTTP 400.
 * [W] Webinar capacity: harrisyang/api errors/WebinarAPIs.md and apifox.com/apidoc/docs-site/406120/
 *     api-5366026 (Zoom's webinar registrant-status errors): 400, code 3035 "Webinar has reached
 *     maximum attendee capacity."; occurrences: harrisyang/api errors/MeetingAPIs.md (delete a
 *     meeting): code 3000 "Invalid occurrence_id.".
 * [E] Zoom's error definitions, marketplace.zoom.us/docs/api-reference/error-definitions: invalid
 *     fields answer 400 `{code: 300, message: "Validation Failed.", errors: [{field, message:
 *     "Invalid field."}]}`; a body that is no JSON object `{code: 300, message: "Request Body should
 *     be a valid JSON object."}`. Field limits (first/last name 64, email 128): api-docs.integration.app
 *     /apps/zoom/operations/add-a-webinar-registrant (the spec's `maxLength`).
 * [D1] devforum.zoom.us/t/why-are-now-limited-to-only-3-add-webinar-registrant-api-calls-per-day/57798:
 *     "Maximum 3 requests per day" per registrant, reset at GMT 00:00:00, answered 429 with code 429;
 *     "the Add Webinar Registrant endpoint smoothly handles duplicate registration attempts, it just
 *     returns the existing registrant if there already is one."
 * [D2] devforum.zoom.us/t/429-error-for-user-who-is-not-registered/141856: the add-webinar-registrant
 *     wording "You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests
 *     for the registrant (user@example.com). You can resume these API requests at GMT 00:00:00."
 * [D3] devforum.zoom.us/t/rate-limit-counter-was-not-spent-when-i-called-add-a-meeting-registrant/125510:
 *     Zoom staff: calling Add a meeting registrant "more than 3 times" (same meeting, same email)
 *     gives 429. devforum.zoom.us/t/webinar-wrong-rate-limit-applied/122482 quotes Zoom's rate-limit
 *     page: such limits are "per day (UTC) for the same registrant in the same meeting/webinar".
 * [D4] devforum.zoom.us/t/zoom-api-create-meeting-api-rate-limit-sample-error-when-breaching-limit/18928:
 *     a per-user daily limit answers 429 with the endpoint's own category headers (Light), no
 *     Retry-After date.
 * [C] developers.zoom.us/changelog/zoom-workplace/zoom-one-november-21-2022.md: "Support for
 *     restricting the number of registrants in the Meetings > Add a meeting registrant API".
 * [K] Batch registration, Zoom's reference as konfig-sdks/zoom-meeting-java-sdk carries it (its docs folder): WebinarsApi.md
 *     `createBatchRegistrants` (POST /webinars/{webinarId}/batch_registrants: "Register up to 30
 *     registrants at once for a scheduled webinar that requires registration"; "The webinar should be
 *     type `5`, a scheduled webinar. Other types of webinars are not supported by this API"; scopes
 *     `webinar:write`, `webinar:write:admin`; Rate Limit Label `HEAVY`; "HTTP Status Code: 200 OK
 *     Registrants added." under the 201 key; 400 code 300 "This API can only be used for scheduled
 *     webinars (type 5). Batch registration is not supported for other webinar types.", 3038 "The
 *     webinar is over. ...", 3000 "Registration not enabled for this webinar: {0}", 3000 "You have
 *     reached the limit for the number of attendees you can add. ..."; 404 code 3001 "Webinar does not
 *     exist: {0}.", 3043 "Webinar has reached maximum attendee capacity.") and MeetingsApi.md
 *     `batchRegistrantsCreate` (POST /meetings/{meetingId}/batch_registrants: "Register up to 30
 *     registrants at once for a meeting that requires registration"; "should be of type `2`, i.e.,
 *     they should be scheduled meetings. Instant meetings and Recurring meetings are not supported by
 *     this API"; `meeting:write`, `meeting:write:admin`; `Heavy`; 400 code 3038, 303 "This API can only
 *     be used for scheduled meeting(meeting type: 2). Batch registration is not supported for other
 *     meeting types.", 3161; 404 code 3001 "Meeting does not exist: {meetingId}.", 3043 "Meeting has
 *     reached maximum attendee capacity.", 404 "Registration has not been enabled for this meeting:
 *     {meetingId}."); MeetingsBatchRegistrantsCreateRequest.md (`auto_approve`: "If a meeting was
 *     scheduled with approval_type `1` (manual approval), but you would like to automatically approve
 *     the registrants that are added via this API, you can set the value of this field to `true`",
 *     `registrants_confirmation_email` "Send confirmation Email to Registrants", `registrants`). Bodies
 *     and answers as Rivet types them (`WebinarsPerformBatchRegistrationRequestBody`, `...Response`:
 *     `registrants[{email, join_url, registrant_id}]`). indico/indico-plugins vc_zoom, an app that uses
 *     both endpoints on real accounts, expects HTTP 201 from them (api/client.py
 *     `batch_meeting_registrants`), and found the webinar body ignores `registrants_confirmation_email`
 *     (pull request #321).
 * [D5] devforum.zoom.us/t/why-are-now-limited-to-only-3-add-webinar-registrant-api-calls-per-day/57798
 *     quotes Zoom's announcement: the 3 requests a day per registrant cover "POST
 *     /v2/webinars/{webinarId}/batch_registrants Perform batch registration", answered 429 code 429
 *     "You have exceeded the daily rate limit (3) of Webinar Batch Registration API requests permitted
 *     for (email) this particular registrant. You may resume these requests at GMT 00:00:00."
 * [S] developers.zoom.us/changelog/meetings/september-21-2026: "New status response field in the
 *     following Webinars APIs: ... POST /v2/webinars/{webinarId}/registrants" (not in Rivet 0.4.0).
 *
 * What no doc says, and the simulator chooses:
 * - checks run in this order: unknown meeting/webinar, body validation, the per-registrant daily
 *   limit (every request with a valid body counts, duplicates and refusals included, per meeting or
 *   webinar, email case-blind and UTC day of the simulator clock), registration disabled, occurrence
 *   ids, duplicate, capacity;
 * - a meeting without registration answers 404 / code 404 as batch registration [B] does (the add
 *   endpoint's own list does not name it), also for `GET /meetings/{id}/registrants`;
 * - full webinars answer 400 / 3035 [W]; full meetings 400 / 3043 [J]; capacity counts approved and
 *   pending registrants; meetings never take more than 4,999 [J];
 * - the meeting 429 message is the webinar one [D2] with "meeting";
 * - a duplicate (same email, case-blind) answers 201 with the stored registrant's id and join_url,
 *   adds newly chosen occurrences to it (no `occurrence_ids` on a recurring one: all occurrences),
 *   and keeps its status and profile;
 * - a `pending` registrant's 201 has no `join_url`, for webinars too (documented for meetings only);
 *   the stored registrant keeps its personal link, which the list shows, as for fixture registrants;
 * - `occurrences` in the 201 body only for recurring meetings/webinars: the ones registered for;
 *   `start_time` is the webinar's, or the meeting's first occurrence; no `participant_pin_code`;
 * - `language` is accepted and not stored (the list endpoints show no such field); registering for
 *   an ended webinar (3038) is not imitated, since every fixture webinar lies in the simulator's past.
 *
 * Batch registration [K], and what no doc says of it:
 * - checks in this order: unknown meeting/webinar (404 / 3001), body, type (webinar 5 only: 400 /
 *   300; meeting 2 only: 400 / 303), registration off (webinar 400 / 3000, meeting 404 / 404), the
 *   registrants (1 to 30; 31 or more, none, or an invalid email / first_name / last_name: Zoom's
 *   generic 400 / 300 "Validation Failed." [E] naming `registrants` or `registrants[i].field`:
 *   the reference names the limit, not the error), the daily limit, capacity;
 * - every registrant of a batch that passed validation counts one request against their 3 a day,
 *   shared with the add endpoint [D5] (the announcement lists both under one limit); one registrant
 *   over the limit refuses the whole batch with 429 [D5], and nobody in it is registered;
 * - capacity: a batch whose new registrants do not all fit is refused whole (404 / 3043), nobody
 *   registered (the reference names the error, not whether a part is registered);
 * - 201 (indico's expectation; the reference's text says 200) with one row per registrant sent, in
 *   the order sent, a duplicate (case-blind, in the list or twice in the body) answered with the
 *   stored registrant; status approved when the target approves automatically, or approves by hand
 *   and `auto_approve` is true, pending otherwise; `join_url` left out while pending, as the add
 *   endpoint does (the batch answer has no status field to say so);
 * - `registrants_confirmation_email` is accepted and sends nothing (the simulator sends no Zoom
 *   email); the webinar body ignores it, as indico found.
 */
import type { WebinarRegistrationAnswer, Zoom } from '../../contracts/vendor';
import { isSimResponse, json, type SimRequest, type SimResponse } from '../http';
import { toZoomTime } from '../fixture/participants';
import type { ZoomOccurrence, ZoomRegistrant, ZoomRegistrationSettings, ZoomTrackingSource } from '../fixture/types';
import { randomAlnum } from '../random';
import { safeDecode } from '../router';
import { zoomError, zoomErrors } from './errors';
import { isPage, listKey, paginate } from './paging';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { publicRegistrant, registeredFor } from './webinars';

/** Add / update requests one registrant may make per meeting or webinar per UTC day [D1][D3]. */
export const REGISTRANT_DAILY_LIMIT = 3;
/** Registrants a meeting takes at most [J]. */
export const MEETING_REGISTRANT_MAX = 4999;

export const DEFAULT_WEBINAR_REGISTRATION: ZoomRegistrationSettings = { approval_type: 0, registrants_restrict_number: 0 };
export const DEFAULT_MEETING_REGISTRATION: ZoomRegistrationSettings = { approval_type: 2, registrants_restrict_number: 0 };

const PROFILE_FIELDS = [
	'last_name',
	'address',
	'city',
	'country',
	'zip',
	'state',
	'phone',
	'industry',
	'org',
	'job_title',
	'purchasing_time_frame',
	'role_in_purchase_process',
	'no_of_employees',
	'comments',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type ChoiceField = 'purchasing_time_frame' | 'role_in_purchase_process' | 'no_of_employees';

/**
 * The choices the add-registrant body takes for the fixed questions, as Rivet types
 * `WebinarsAddWebinarRegistrantRequestBody` and `MeetingsAddMeetingRegistrantRequestBody` (the
 * same for both); another value is an invalid field [E]. A `Record` of every choice, so tsc fails
 * when one is missing or not Zoom's. Zoom's spec disagrees with itself on the employee brackets:
 * the bodies take "101-500" and "500-1,000", the registrant lists give "101-250", "251-500" and
 * "501-1,000"; the simulator stores what it was sent (the package neither sends nor reads them).
 */
const CHOICES: { [K in ChoiceField]: Record<NonNullable<Zoom.WebinarsAddWebinarRegistrantRequestBody[K]>, true> } = {
	purchasing_time_frame: { '': true, 'Within a month': true, '1-3 months': true, '4-6 months': true, 'More than 6 months': true, 'No timeframe': true },
	role_in_purchase_process: { '': true, 'Decision Maker': true, 'Evaluator/Recommender': true, Influencer: true, 'Not involved': true },
	no_of_employees: {
		'': true,
		'1-20': true,
		'21-50': true,
		'51-100': true,
		'101-500': true,
		'500-1,000': true,
		'1,001-5,000': true,
		'5,001-10,000': true,
		'More than 10,000': true,
	},
};
const CHOICE_FIELDS = Object.keys(CHOICES) as ChoiceField[];
const isChoiceField = (field: string): field is ChoiceField => (CHOICE_FIELDS as string[]).includes(field);
const setChoice = <K extends ChoiceField>(registrant: ZoomRegistrant, field: K, value: string) => {
	registrant[field] = value as ZoomRegistrant[K];
};

interface Target {
	kind: 'meeting' | 'webinar';
	id: number;
	/** Meetings 2 or 8, webinars 5 or 9: batch registration takes 2 and 5 only [K]. */
	type: number;
	topic: string;
	startTime: string;
	registration: ZoomRegistrationSettings;
	occurrences: ZoomOccurrence[];
	registrants: ZoomRegistrant[];
	sources: ZoomTrackingSource[];
	personalJoinUrl: () => string;
}

function numericId(raw: string): string {
	return safeDecode(raw);
}

function webinarTarget(ctx: ZoomContext, rawId: string): Target | SimResponse {
	const id = numericId(rawId);
	const webinar = ctx.state.webinars.find((w) => String(w.id) === id);
	if (!webinar) return zoomError(404, 3001, `Webinar "${id}" not found or has expired.`);
	return {
		kind: 'webinar',
		id: webinar.id,
		type: webinar.type,
		topic: webinar.topic,
		startTime: webinar.start_time,
		registration: webinar.registration ?? DEFAULT_WEBINAR_REGISTRATION,
		occurrences: webinar.occurrences,
		registrants: webinar.registrants,
		sources: webinar.tracking_sources,
		// As the fixture's registrants: the webinar link with a personal token.
		personalJoinUrl: () => `${webinar.join_url}?tk=${randomAlnum(43)}`,
	};
}

function meetingTarget(ctx: ZoomContext, rawId: string): Target | SimResponse {
	const id = numericId(rawId);
	const meeting = ctx.state.meetings.find((m) => String(m.id) === id);
	if (!meeting) return zoomErrors.meetingNotFound(id);
	meeting.registrants ??= [];
	const occurrences = meeting.occurrences ?? [];
	return {
		kind: 'meeting',
		id: meeting.id,
		type: meeting.type,
		topic: meeting.topic,
		startTime: occurrences[0]?.start_time ?? meeting.instances[meeting.instances.length - 1]?.start_time ?? meeting.created_at,
		registration: meeting.registration ?? DEFAULT_MEETING_REGISTRATION,
		occurrences,
		registrants: meeting.registrants,
		sources: [],
		personalJoinUrl: () => {
			const url = new URL(meeting.join_url);
			const pwd = url.searchParams.get('pwd');
			return `${url.origin}/w/${meeting.id}?tk=${randomAlnum(43)}${pwd ? `&pwd=${pwd}` : ''}`;
		},
	};
}

function registrationDisabled(target: Target): SimResponse {
	return target.kind === 'webinar'
		? zoomError(400, 3000, `This webinar does not have registration as required: ${target.id}.`)
		: zoomError(404, 404, `Registration has not been enabled for this meeting: ${target.id}.`);
}

function validationFailed(fields: string[]): SimResponse {
	return json(400, { code: 300, message: 'Validation Failed.', errors: fields.map((field) => ({ field, message: 'Invalid field.' })) });
}

function str(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function validate(body: Record<string, unknown>): string[] {
	const bad: string[] = [];
	const email = body.email;
	if (typeof email !== 'string' || email.length > 128 || !EMAIL.test(email)) bad.push('email');
	const first = body.first_name;
	if (typeof first !== 'string' || first.trim() === '' || first.length > 64) bad.push('first_name');
	if (body.last_name !== undefined && (typeof body.last_name !== 'string' || body.last_name.length > 64)) bad.push('last_name');
	const questions = body.custom_questions;
	if (
		questions !== undefined &&
		(!Array.isArray(questions) || questions.some((q) => !q || typeof q !== 'object' || typeof (q as { title?: unknown }).title !== 'string'))
	) {
		bad.push('custom_questions');
	}
	for (const field of CHOICE_FIELDS) {
		const value = body[field];
		if (value !== undefined && !(typeof value === 'string' && Object.hasOwn(CHOICES[field], value))) bad.push(field);
	}
	return bad;
}

function utcDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The 201 body [J], typed by Rivet's `MeetingsAddMeetingRegistrantResponse` and, for webinars,
 * `WebinarsAddWebinarRegistrantResponse` with the registration's `status`, which Zoom added to
 * "Add a webinar registrant" ([S], test/contracts/vendor.ts); `join_url` left out while the
 * registrant waits for approval.
 */
export function registrationAnswer(target: Target, r: ZoomRegistrant) {
	const registered = target.occurrences.filter((o) => registeredFor(r, o.occurrence_id));
	const answer = {
		id: target.id,
		...(r.status === 'approved' ? { join_url: r.join_url } : {}),
		registrant_id: r.id,
		start_time: target.startTime,
		topic: target.topic,
		...(target.occurrences.length > 0 ? { occurrences: registered } : {}),
	} satisfies Zoom.MeetingsAddMeetingRegistrantResponse;
	return target.kind === 'webinar' ? ({ ...answer, status: r.status } satisfies WebinarRegistrationAnswer) : answer;
}

function created(target: Target, r: ZoomRegistrant): SimResponse {
	return json(201, registrationAnswer(target, r));
}

/** A new registrant from an add or batch body (already validated), stored with the target's others. */
function newRegistrant(ctx: ZoomContext, target: Target, fields: Record<string, unknown>, occurrenceIds: string[] | undefined, approved: boolean): ZoomRegistrant {
	const email = str(fields.email);
	const source = target.kind === 'webinar' ? target.sources.find((s) => s.id === fields.source_id) : undefined;
	if (source) source.registration_count++;
	const questions = Array.isArray(fields.custom_questions) ? (fields.custom_questions as { title: string; value?: unknown }[]) : [];
	const registrant: ZoomRegistrant = {
		id: randomAlnum(22),
		email,
		first_name: str(fields.first_name),
		last_name: '',
		address: '',
		city: '',
		country: '',
		zip: '',
		state: '',
		phone: '',
		industry: '',
		org: '',
		job_title: '',
		purchasing_time_frame: '',
		role_in_purchase_process: '',
		no_of_employees: '',
		comments: '',
		custom_questions: questions.map((q) => ({ title: q.title, value: str(q.value) })),
		status: approved ? 'approved' : 'pending',
		// Whole seconds, rounded down: rounded up, a registrant made in the second half of a second
		// would be stamped in the future and missing from a list read right after.
		create_time: toZoomTime(Math.floor(ctx.now() / 1000) * 1000),
		join_url: target.personalJoinUrl(),
		occurrence_ids: occurrenceIds,
		tracking_source: source ? { id: source.id, source_name: source.source_name, tracking_url: source.tracking_url } : undefined,
	};
	for (const field of PROFILE_FIELDS) {
		// validate() let only Zoom's choices through (CHOICES).
		if (isChoiceField(field)) setChoice(registrant, field, str(fields[field]));
		else registrant[field] = str(fields[field]);
	}
	target.registrants.push(registrant);
	return registrant;
}

function register(ctx: ZoomContext, req: SimRequest, found: Target | SimResponse): SimResponse {
	if (isSimResponse(found)) return found;
	const target = found;
	const body = req.body;
	if (req.invalidJson || !body || typeof body !== 'object' || Array.isArray(body)) {
		return zoomError(400, 300, 'Request Body should be a valid JSON object.');
	}
	const fields = body as Record<string, unknown>;
	const bad = validate(fields);
	if (bad.length > 0) return validationFailed(bad);
	const email = str(fields.email);

	const key = `${target.kind}:${target.id}:${email.toLowerCase()}:${utcDay(ctx.now())}`;
	const count = (ctx.state.registrantAdds.get(key) ?? 0) + 1;
	ctx.state.registrantAdds.set(key, count);
	if (count > REGISTRANT_DAILY_LIMIT) {
		return zoomError(
			429,
			429,
			`You have exceeded the daily rate limit of (${REGISTRANT_DAILY_LIMIT}) for Add a ${target.kind} registrant API requests for the registrant (${email}). You can resume these API requests at GMT 00:00:00.`,
		);
	}

	if (target.registration.approval_type === 2) return registrationDisabled(target);

	const requested = (req.query.occurrence_ids ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const known = new Set(target.occurrences.filter((o) => o.status === 'available').map((o) => o.occurrence_id));
	if (requested.some((id) => !known.has(id))) return zoomError(400, 3000, 'Invalid occurrence_id.');
	const occurrenceIds = requested.length > 0 ? [...new Set(requested)] : undefined;

	const existing = target.registrants.find((r) => r.email.toLowerCase() === email.toLowerCase());
	if (existing) {
		if (!occurrenceIds) existing.occurrence_ids = undefined;
		else if (existing.occurrence_ids) existing.occurrence_ids = [...new Set([...existing.occurrence_ids, ...occurrenceIds])];
		return created(target, existing);
	}

	const configured = target.registration.registrants_restrict_number;
	const limit = target.kind === 'meeting' ? Math.min(configured > 0 ? configured : MEETING_REGISTRANT_MAX, MEETING_REGISTRANT_MAX) : configured;
	const taken = target.registrants.filter((r) => r.status !== 'denied').length;
	if (limit > 0 && taken >= limit) {
		return target.kind === 'webinar'
			? zoomError(400, 3035, 'Webinar has reached maximum attendee capacity.')
			: zoomError(400, 3043, 'Meeting has reached maximum attendee capacity.');
	}

	const autoApprove = target.kind === 'meeting' && fields.auto_approve === true;
	const registrant = newRegistrant(ctx, target, fields, occurrenceIds, target.registration.approval_type === 0 || autoApprove);
	return created(target, registrant);
}

/** Registrants per batch request [K]. */
export const BATCH_REGISTRANTS_MAX = 30;

/** The 201 body [K], typed by Rivet's batch response types; `join_url` only once approved. */
function batchAnswer(target: Target, registrants: ZoomRegistrant[]) {
	const rows = registrants.map((r) => ({ email: r.email, ...(r.status === 'approved' ? { join_url: r.join_url } : {}), registrant_id: r.id }));
	return target.kind === 'webinar'
		? ({ registrants: rows } satisfies Zoom.WebinarsPerformBatchRegistrationResponse)
		: ({ registrants: rows } satisfies Zoom.MeetingsPerformBatchRegistrationResponse);
}

/** `POST /webinars|meetings/{id}/batch_registrants` [K][D5]; the choices are in the header. */
function batchRegister(ctx: ZoomContext, req: SimRequest, kind: 'meeting' | 'webinar', rawId: string): SimResponse {
	const found = kind === 'webinar' ? webinarTarget(ctx, rawId) : meetingTarget(ctx, rawId);
	const shownId = numericId(rawId);
	if (isSimResponse(found)) return zoomError(404, 3001, `${kind === 'webinar' ? 'Webinar' : 'Meeting'} does not exist: ${shownId}.`);
	const target = found;
	const body = req.body;
	if (req.invalidJson || !body || typeof body !== 'object' || Array.isArray(body)) {
		return zoomError(400, 300, 'Request Body should be a valid JSON object.');
	}
	if (kind === 'webinar' && target.type !== 5) {
		return zoomError(400, 300, 'This API can only be used for scheduled webinars (type 5). Batch registration is not supported for other webinar types.');
	}
	if (kind === 'meeting' && target.type !== 2) {
		return zoomError(400, 303, 'This API can only be used for scheduled meeting(meeting type: 2). Batch registration is not supported for other meeting types.');
	}
	if (target.registration.approval_type === 2) {
		return kind === 'webinar'
			? zoomError(400, 3000, `Registration not enabled for this webinar: ${target.id}`)
			: zoomError(404, 404, `Registration has not been enabled for this meeting: ${target.id}.`);
	}
	const fields = body as Record<string, unknown>;
	const list = fields.registrants;
	if (!Array.isArray(list) || list.length === 0 || list.length > BATCH_REGISTRANTS_MAX) return validationFailed(['registrants']);
	if (fields.auto_approve !== undefined && typeof fields.auto_approve !== 'boolean') return validationFailed(['auto_approve']);
	const bad = list.flatMap((entry, i) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [`registrants[${i}]`];
		const { email, first_name, last_name } = entry as Record<string, unknown>;
		return validate({ email, first_name, last_name }).map((field) => `registrants[${i}].${field}`);
	});
	if (bad.length > 0) return validationFailed(bad);
	const people = (list as Array<Record<string, unknown>>).map((entry) => ({ email: str(entry.email), first_name: str(entry.first_name), last_name: entry.last_name }));

	// Every registrant of the batch spends one of their 3 requests a day, shared with the add endpoint [D5].
	const day = utcDay(ctx.now());
	let over: string | undefined;
	for (const email of new Set(people.map((p) => p.email.toLowerCase()))) {
		const key = `${target.kind}:${target.id}:${email}:${day}`;
		const count = (ctx.state.registrantAdds.get(key) ?? 0) + 1;
		ctx.state.registrantAdds.set(key, count);
		if (count > REGISTRANT_DAILY_LIMIT) over ??= people.find((p) => p.email.toLowerCase() === email)!.email;
	}
	if (over !== undefined) {
		return zoomError(
			429,
			429,
			`You have exceeded the daily rate limit (${REGISTRANT_DAILY_LIMIT}) of ${kind === 'webinar' ? 'Webinar' : 'Meeting'} Batch Registration API requests permitted for (${over}) this particular registrant. You may resume these requests at GMT 00:00:00.`,
		);
	}

	const existing = (email: string) => target.registrants.find((r) => r.email.toLowerCase() === email.toLowerCase());
	const fresh = new Set(people.filter((p) => !existing(p.email)).map((p) => p.email.toLowerCase()));
	const configured = target.registration.registrants_restrict_number;
	const limit = target.kind === 'meeting' ? Math.min(configured > 0 ? configured : MEETING_REGISTRANT_MAX, MEETING_REGISTRANT_MAX) : configured;
	const taken = target.registrants.filter((r) => r.status !== 'denied').length;
	if (limit > 0 && taken + fresh.size > limit) {
		return zoomError(404, 3043, `${kind === 'webinar' ? 'Webinar' : 'Meeting'} has reached maximum attendee capacity.`);
	}

	const approved = target.registration.approval_type === 0 || fields.auto_approve === true;
	const registered = people.map((p) => existing(p.email) ?? newRegistrant(ctx, target, p, undefined, approved));
	return json(201, batchAnswer(target, registered));
}

const STATUSES = ['pending', 'approved', 'denied'];

export const registrantRoutes: ZoomRoute[] = [
	{
		method: 'POST',
		pattern: '/webinars/:webinarId/registrants',
		category: 'light',
		scope: ZOOM_SCOPES.addWebinarRegistrant,
		handle: (ctx, req, params) => register(ctx, req, webinarTarget(ctx, params.webinarId)),
	},
	{
		method: 'POST',
		pattern: '/meetings/:meetingId/registrants',
		category: 'light',
		scope: ZOOM_SCOPES.addMeetingRegistrant,
		handle: (ctx, req, params) => register(ctx, req, meetingTarget(ctx, params.meetingId)),
	},
	{
		method: 'POST',
		pattern: '/webinars/:webinarId/batch_registrants',
		category: 'heavy',
		scope: ZOOM_SCOPES.batchWebinarRegistrants,
		handle: (ctx, req, params) => batchRegister(ctx, req, 'webinar', params.webinarId),
	},
	{
		method: 'POST',
		pattern: '/meetings/:meetingId/batch_registrants',
		category: 'heavy',
		scope: ZOOM_SCOPES.batchMeetingRegistrants,
		handle: (ctx, req, params) => batchRegister(ctx, req, 'meeting', params.meetingId),
	},
	{
		method: 'GET',
		pattern: '/meetings/:meetingId/registrants',
		category: 'medium',
		scope: ZOOM_SCOPES.listMeetingRegistrants,
		handle(ctx, req, params) {
			const target = meetingTarget(ctx, params.meetingId);
			if (isSimResponse(target)) return target;
			if (target.registration.approval_type === 2) return registrationDisabled(target);
			const status = req.query.status || 'approved';
			if (!STATUSES.includes(status)) return zoomErrors.invalidField('status');
			const occurrenceId = req.query.occurrence_id || undefined;
			// Listed from `create_time` on the clock, in registration order, as the webinar list (zoom/webinars.ts).
			const nowMs = ctx.now();
			const registrants = target.registrants
				.filter((r) => Date.parse(r.create_time) <= nowMs && r.status === status && registeredFor(r, occurrenceId))
				.sort((a, b) => Date.parse(a.create_time) - Date.parse(b.create_time));
			const page = paginate(ctx, listKey(req.subPath, req.query, ['status', 'occurrence_id']), req.query, registrants.length);
			if (!isPage(page)) return page;
			return json(200, {
				...page.envelope,
				page_number: Math.floor(page.start / page.pageSize) + 1,
				registrants: registrants.slice(page.start, page.end).map(publicRegistrant),
			} satisfies Zoom.MeetingsListMeetingRegistrantsResponse);
		},
	},
];
