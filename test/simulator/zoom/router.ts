import { isSimResponse, type SimRequest, type SimResponse } from '../http';
import { matchRoute } from '../router';
import type { ZoomRateCategory } from '../types';
import { unknownApiPath, zoomErrors } from './errors';
import { engagementRoutes } from './engagement';
import { eventSubscriptionRoutes } from './eventSubscriptions';
import { meetingRoutes } from './meetings';
import { authenticate } from './oauth';
import { pastMeetingRoutes } from './pastMeetings';
import type { ZoomRateLimiter } from './rateLimits';
import { recordingRoutes } from './recordings';
import { registrantRoutes } from './registrants';
import { reportRoutes } from './reports';
import type { ZoomRoute } from './route';
import { hasScope } from './scopes';
import type { ZoomContext } from './state';
import { userRecordingRoutes } from './userRecordings';
import { userRoutes } from './users';
import { webinarRoutes } from './webinars';

// Patterns only match paths with as many segments, so order does not matter here.
const ROUTES: ZoomRoute[] = [
	...meetingRoutes,
	...webinarRoutes,
	...userRoutes,
	...pastMeetingRoutes,
	...recordingRoutes,
	...userRecordingRoutes,
	...reportRoutes,
	...eventSubscriptionRoutes,
	...engagementRoutes,
	...registrantRoutes,
];

/** The rate-limit category of an API path, for forced 429s; Light when the path is unknown. */
export function zoomCategoryOf(method: string, subPath: string): ZoomRateCategory {
	return matchRoute(ROUTES, method, subPath)?.route.category ?? 'light';
}

/** Zoom's order: authenticate, check scopes, spend rate budget, then answer. */
export function handleZoomApi(ctx: ZoomContext, limiter: ZoomRateLimiter, req: SimRequest): SimResponse {
	const match = matchRoute(ROUTES, req.method, req.subPath);
	if (!match) return unknownApiPath(`/v2${req.subPath}`);
	const { route, params } = match;
	// Refusals before the budget is spent still carry the rate-limit headers.
	const refuse = (response: SimResponse): SimResponse => ({ ...response, headers: { ...limiter.peekHeaders(route.category, ctx.now()), ...(response.headers ?? {}) } });
	const token = authenticate(ctx, req);
	if (isSimResponse(token)) return refuse(token);
	if (route.appTokenOnly && token.kind === 'user') return refuse(zoomErrors.appTokenRequired());
	if (route.scope && !hasScope(token.scopes, route.scope)) return refuse(zoomErrors.missingScope(route.scope.granular));
	const admitted = limiter.admit(route.category, ctx.now());
	if ('response' in admitted) return admitted.response;
	const response = route.handle(ctx, req, params, token);
	return { ...response, headers: { ...admitted.headers, ...(response.headers ?? {}) } };
}
