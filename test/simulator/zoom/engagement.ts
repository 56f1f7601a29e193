/**
 * Poll answers, Q&A and survey answers of past meetings and webinars:
 * `GET /past_meetings/{meetingId}/polls`, `GET /past_meetings/{meetingId}/qa`,
 * `GET /report/meetings/{meetingId}/polls`, `GET /report/meetings/{meetingId}/qa`,
 * `GET /report/meetings/{meetingId}/survey`, `GET /past_webinars/{webinarId}/polls`,
 * `GET /past_webinars/{webinarId}/qa`, `GET /report/webinars/{webinarId}/polls`,
 * `GET /report/webinars/{webinarId}/qa` and `GET /report/webinars/{webinarId}/survey`.
 *
 * Imitated from Zoom's OpenAPI spec as SDKs carry it (search corpus "code"):
 * - paths, scopes, rate labels, plans: the zoom_api crate (docs.rs zoom-api), github.com/oxidecomputer/
 *   third-party-api-clients zoom/src/reports.rs (`meeting_polls`: scope `report:read:admin`, Rate Limit
 *   Label `Heavy`, "Pro or a higher plan"; `webinar_polls`, `webinar_qa`: `report:read:admin`,
 *   `Heavy`, "Pro or a higher plan with Webinar add-on enabled"), zoom/src/meetings.rs
 *   (`list_past_polls`: `meeting:read:admin`, `meeting:read`, `Medium`, "Host user type must be
 *   Pro") and zoom/src/webinars.rs (`list_past_poll_results`, `list_past_qa`: `webinar:read:admin`,
 *   `webinar:read`, `Medium`, "Webinar license"); an id means the latest instance, a UUID that
 *   starts with "/" or holds "//" is encoded twice;
 * - poll and Q&A shapes: github.com/dansleboby/ZoomPHP-sdk/tree/HEAD/docs/Model: ListPastWebinarPollResults200Response,
 *   ReportWebinarPolls200Response, ReportMeetingPolls200Response, ListPastWebinarQA200Response,
 *   ReportWebinarQA200Response and their `QuestionsInner` / `QuestionDetailsInner` models
 *   (ListPastMeetingPolls200ResponseQuestionsInnerQuestionDetailsInner): envelope `id`, `uuid`,
 *   `start_time`, `questions` (no paging fields and no `page_size` / `next_page_token`
 *   parameters), each question `name`, `email`, `question_details`; poll details `question`,
 *   `answer`, `polling_id`, `date_time`; Q&A details `question`, `answer` ("'live answered' if this
 *   is a live answer"); anonymous polls and Q&A give `name` "Anonymous Attendee"; `email` is '' for
 *   people outside the host's account "with some exceptions" (email display rules);
 * - the survey report: github.com/konfig-sdks/zoom-meeting-java-sdk/blob/HEAD/docs/ReportsApi.md
 *   (getWebinarSurveyReport: webinarId only, no paging; "Pro or a higher plan with Webinar add-on
 *   enabled", `report:read:admin`, `HEAVY`) and the docs folder's ReportsGetWebinarSurveyReportResponse*.md
 *   (`webinar_id`, `webinar_uuid`, `start_time`, `survey_id`, `survey_name`, `survey_answers` of
 *   `email`, `name`, `first_name`, `last_name` ("Anonymous Attendee" when anonymous),
 *   `answer_details` of `question`, `question_id`, `answer`, `date_time`);
 * - meetings' Q&A and survey (Zoom added both to the Meetings API in 2023: developers.zoom.us
 *   changelog "Zoom Meeting API - April 17, 2023" lists `GET /v2/past_meetings/{meetingId}/qa` and
 *   `GET /v2/report/meetings/{meetingId}/qa`): github.com/pankajgarkoti/zoom-python
 *   (its MeetingsApi.md) `list_past_meeting_qa` ("List past meetings' Q&A": scopes
 *   `meeting:read:admin`, `meeting:read`, Rate Limit Label `Medium`, no parameters but the ID or
 *   UUID); the response as typed in zoom.github.io/rivet-javascript ReportsGetMeetingQAReportResponse
 *   (envelope `id`, `uuid`, `start_time`, `questions` of `name`, `email`, `question_details`, as
 *   for webinars); the konfig Java SDK's ReportsApi.md
 *   getMeetingSurveyReport ("Pro or a higher plan", `report:read:admin`, `HEAVY`, "Only available
 *   for Paid or ZMP account: {accountId}.") and zoom.github.io/rivet-javascript
 *   ReportsGetMeetingSurveyReportResponse (`meeting_id`, `meeting_uuid`, `start_time`, `survey_id`,
 *   `survey_name`, `survey_answers` as for webinars);
 * - several answers in one string: the same Java SDK's
 *   ReportsGetWebinarQaReportResponseQuestionsInnerQuestionDetailsInner.md ("All answers will be
 *   returned together and separated by semicolons"); the simulator joins multiple-choice poll and
 *   survey answers the same way;
 * - the free-plan refusal: the same ReportsApi.md lists for the webinar reports "Only available for
 *   Paid or ZMP account: {accountId}." and 400 with error code 200: the simulator's `paidOnly`, as
 *   for the participant reports.
 * What no doc says, and the simulator chooses: the past_* variants answer on any plan (their
 * prerequisite is a licensed host / webinar license, which every fixture host has); rows come in
 * the fixture's order; an instance without answers lists none.
 */
import type { Zoom } from '../../contracts/vendor';
import type { ZoomMeetingInstance, ZoomWebinarInstance } from '../fixture/types';
import { isSimResponse, json, type SimResponse } from '../http';
import { zoomErrors } from './errors';
import { findMeeting, parseInstanceRef } from './meetingIds';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { pastWebinar } from './webinars';

/** A past meeting instance (an ID: the latest), or Zoom's refusal. */
function pastMeeting(ctx: ZoomContext, rawId: string) {
	const ref = parseInstanceRef(rawId);
	const found = findMeeting(ctx.state, ref);
	if (!found?.instance) return zoomErrors.meetingNotFound(ref.shown);
	if (found.instance.olderThanOneYear) return zoomErrors.olderThanOneYear();
	return { meeting: found.meeting, instance: found.instance };
}

type Instance = ZoomMeetingInstance | ZoomWebinarInstance;

/**
 * The answers, each typed by Rivet's type of the endpoint the package reads (test/contracts):
 * polls as `MeetingsListPastMeetingsPollResultsResponse` / `WebinarsListPastWebinarPollResultsResponse`,
 * Q&A as `MeetingsListPastMeetingsQAResponse` / `WebinarsListQAsOfPastWebinarResponse`, surveys as
 * `ReportsGetMeetingSurveyReportResponse` / `ReportsGetWebinarSurveyReportResponse`. The report
 * variants of polls and Q&A answer the same bodies.
 */
export const engagementBodies = {
	meetingPolls: (id: number, instance: Instance) =>
		({ id, uuid: instance.uuid, start_time: instance.start_time, questions: instance.polls ?? [] }) satisfies Zoom.MeetingsListPastMeetingsPollResultsResponse,
	meetingQa: (id: number, instance: Instance) =>
		({ id, uuid: instance.uuid, start_time: instance.start_time, questions: instance.qa ?? [] }) satisfies Zoom.MeetingsListPastMeetingsQAResponse,
	meetingSurvey: (id: number, instance: Instance) =>
		({ meeting_id: id, meeting_uuid: instance.uuid, start_time: instance.start_time, ...(instance.survey ?? NO_SURVEY) }) satisfies Zoom.ReportsGetMeetingSurveyReportResponse,
	webinarPolls: (id: number, instance: Instance) =>
		({ id, uuid: instance.uuid, start_time: instance.start_time, questions: instance.polls ?? [] }) satisfies Zoom.WebinarsListPastWebinarPollResultsResponse,
	webinarQa: (id: number, instance: Instance) =>
		({ id, uuid: instance.uuid, start_time: instance.start_time, questions: instance.qa ?? [] }) satisfies Zoom.WebinarsListQAsOfPastWebinarResponse,
	webinarSurvey: (id: number, instance: Instance) =>
		({ webinar_id: id, webinar_uuid: instance.uuid, start_time: instance.start_time, ...(instance.survey ?? NO_SURVEY) }) satisfies Zoom.ReportsGetWebinarSurveyReportResponse,
};

const NO_SURVEY = { survey_id: '', survey_name: '', survey_answers: [] };

function meetingList(ctx: ZoomContext, rawId: string, list: 'polls' | 'qa'): SimResponse {
	const found = pastMeeting(ctx, rawId);
	if (isSimResponse(found)) return found;
	const { meeting, instance } = found;
	return json(200, list === 'polls' ? engagementBodies.meetingPolls(meeting.id, instance) : engagementBodies.meetingQa(meeting.id, instance));
}

function meetingSurvey(ctx: ZoomContext, rawId: string): SimResponse {
	const found = pastMeeting(ctx, rawId);
	if (isSimResponse(found)) return found;
	return json(200, engagementBodies.meetingSurvey(found.meeting.id, found.instance));
}

function webinarList(ctx: ZoomContext, rawId: string, list: 'polls' | 'qa'): SimResponse {
	const found = pastWebinar(ctx, rawId);
	if (isSimResponse(found)) return found;
	const { webinar, instance } = found;
	return json(200, list === 'polls' ? engagementBodies.webinarPolls(webinar.id, instance) : engagementBodies.webinarQa(webinar.id, instance));
}

function webinarSurvey(ctx: ZoomContext, rawId: string): SimResponse {
	const found = pastWebinar(ctx, rawId);
	if (isSimResponse(found)) return found;
	return json(200, engagementBodies.webinarSurvey(found.webinar.id, found.instance));
}

/** Report endpoints: scope and budget are checked by the router, the plan here. */
function paid(ctx: ZoomContext, answer: () => SimResponse): SimResponse {
	return ctx.config.plan === 'free' ? zoomErrors.paidOnly(ctx.state.accountId) : answer();
}

export const engagementRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/past_meetings/:meetingId/polls',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastMeetingPolls,
		handle: (ctx, _req, params) => meetingList(ctx, params.meetingId, 'polls'),
	},
	{
		method: 'GET',
		pattern: '/past_meetings/:meetingId/qa',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastMeetingQa,
		handle: (ctx, _req, params) => meetingList(ctx, params.meetingId, 'qa'),
	},
	{
		method: 'GET',
		pattern: '/report/meetings/:meetingId/polls',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportMeetingPolls,
		handle: (ctx, _req, params) => paid(ctx, () => meetingList(ctx, params.meetingId, 'polls')),
	},
	{
		method: 'GET',
		pattern: '/report/meetings/:meetingId/qa',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportMeetingQa,
		handle: (ctx, _req, params) => paid(ctx, () => meetingList(ctx, params.meetingId, 'qa')),
	},
	{
		method: 'GET',
		pattern: '/report/meetings/:meetingId/survey',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportMeetingSurvey,
		handle: (ctx, _req, params) => paid(ctx, () => meetingSurvey(ctx, params.meetingId)),
	},
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/polls',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastWebinarPolls,
		handle: (ctx, _req, params) => webinarList(ctx, params.webinarId, 'polls'),
	},
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/qa',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastWebinarQa,
		handle: (ctx, _req, params) => webinarList(ctx, params.webinarId, 'qa'),
	},
	{
		method: 'GET',
		pattern: '/report/webinars/:webinarId/polls',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportWebinarPolls,
		handle: (ctx, _req, params) => paid(ctx, () => webinarList(ctx, params.webinarId, 'polls')),
	},
	{
		method: 'GET',
		pattern: '/report/webinars/:webinarId/qa',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportWebinarQa,
		handle: (ctx, _req, params) => paid(ctx, () => webinarList(ctx, params.webinarId, 'qa')),
	},
	{
		method: 'GET',
		pattern: '/report/webinars/:webinarId/survey',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportWebinarSurvey,
		handle: (ctx, _req, params) => paid(ctx, () => webinarSurvey(ctx, params.webinarId)),
	},
];
