import type { SimRequest, SimResponse } from '../http';
import type { RouteSpec } from '../router';
import type { ZoomRateCategory } from '../types';
import type { ScopeRequirement } from './scopes';
import type { IssuedToken, ZoomContext } from './state';

/** One Zoom REST endpoint: its rate-limit category and scope are checked before `handle` runs. */
export interface ZoomRoute extends RouteSpec {
	category: ZoomRateCategory;
	scope?: ScopeRequirement;
	/** App-owned endpoints (event subscriptions) refuse tokens that act for a user. */
	appTokenOnly?: boolean;
	handle(ctx: ZoomContext, req: SimRequest, params: Record<string, string>, token: IssuedToken): SimResponse;
}
