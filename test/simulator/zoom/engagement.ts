/**
 * A past webinar's poll answers and Q&A: `GET /past_webinars/{webinarId}/polls`,
 * `GET /past_webinars/{webinarId}/qa`, `GET /report/webinars/{webinarId}/polls` and
 * `GET /report/webinars/{webinarId}/qa`.
 *
 * Imitated from Zoom's OpenAPI spec as SDKs carry it (search corpus "code"):
 * - paths, scopes, rate labels, plan: the zoom_api crate (docs.rs zoom-api), github.com/oxidecomputer/
 *   third-party-api-clients zoom/src/reports.rs (`webinar_polls`, `webinar_qa`: scope
 *   `report:read:admin`, Rate Limit Label `Heavy`, "Pro or a higher plan with Webinar add-on
 *   enabled") and zoom/src/webinars.rs (`list_past_poll_results`, `list_past_qa`: scopes
 *   `webinar:read:admin`, `webinar:read`, Rate Limit Label `Medium`, "Webinar license"); a webinar
 *   id means the latest instance, a UUID that starts with "/" or holds "//" is encoded twice;
 * - response shapes: github.com/dansleboby/ZoomPHP-sdk docs/Model ListPastWebinarPollResults200Response,
 *   ReportWebinarPolls200Response, ListPastWebinarQA200Response, ReportWebinarQA200Response and their
 *   `QuestionsInner` / `QuestionDetailsInner` models: envelope `id`, `uuid`, `start_time`,
 *   `questions` (no paging fields, no `page_size` / `next_page_token` parameters), each question
 *   `name`, `email`, `question_details`; poll details `question`, `answer`, `polling_id`,
 *   `date_time`; Q&A details `question`, `answer` ("'live answered' if this is a live answer");
 *   anonymous polls and Q&A give `name` "Anonymous Attendee"; `email` is '' for people outside the
 *   host's account "with some exceptions" (email display rules);
 * - several answers in one string: github.com/konfig-sdks/zoom-meeting-java-sdk docs/
 *   ReportsGetWebinarQaReportResponseQuestionsInnerQuestionDetailsInner.md ("All answers will be
 *   returned together and separated by semicolons"); the simulator joins a multiple-choice poll
 *   answer the same way;
 * - the free-plan refusal: 400, code 200, "This is only available for paid account:{accountId}."
 *   as the generated SDKs list it for the report endpoints (e.g. Speakeasy's ReportWebinarPolls200 /
 *   ReportWebinarQa200 remarks, found by find_string in the code corpus).
 * What no doc says, and the simulator chooses: the past_webinars variants answer on any plan (their
 * prerequisite is a webinar license, which every fixture webinar has); questions come in the
 * fixture's order; an instance without polls/Q&A answers an empty `questions` list.
 */
import { isSimResponse, json, type SimResponse } from '../http';
import type { ZoomWebinar, ZoomWebinarInstance } from '../fixture/types';
import { zoomErrors } from './errors';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { ZoomContext } from './state';
import { pastWebinar } from './webinars';

function envelope(webinar: ZoomWebinar, instance: ZoomWebinarInstance, questions: unknown[]) {
	return { id: webinar.id, uuid: instance.uuid, start_time: instance.start_time, questions };
}

function polls(ctx: ZoomContext, rawId: string): SimResponse {
	const found = pastWebinar(ctx, rawId);
	if (isSimResponse(found)) return found;
	return json(200, envelope(found.webinar, found.instance, found.instance.polls ?? []));
}

function qa(ctx: ZoomContext, rawId: string): SimResponse {
	const found = pastWebinar(ctx, rawId);
	if (isSimResponse(found)) return found;
	return json(200, envelope(found.webinar, found.instance, found.instance.qa ?? []));
}

export const engagementRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/polls',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastWebinarPolls,
		handle: (ctx, _req, params) => polls(ctx, params.webinarId),
	},
	{
		method: 'GET',
		pattern: '/past_webinars/:webinarId/qa',
		category: 'medium',
		scope: ZOOM_SCOPES.listPastWebinarQa,
		handle: (ctx, _req, params) => qa(ctx, params.webinarId),
	},
	{
		method: 'GET',
		pattern: '/report/webinars/:webinarId/polls',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportWebinarPolls,
		handle(ctx, _req, params) {
			if (ctx.config.plan === 'free') return zoomErrors.reportPaidOnly(ctx.state.accountId);
			return polls(ctx, params.webinarId);
		},
	},
	{
		method: 'GET',
		pattern: '/report/webinars/:webinarId/qa',
		category: 'heavy',
		scope: ZOOM_SCOPES.reportWebinarQa,
		handle(ctx, _req, params) {
			if (ctx.config.plan === 'free') return zoomErrors.reportPaidOnly(ctx.state.accountId);
			return qa(ctx, params.webinarId);
		},
	},
];
