import type { SimRequest, SimResponse } from '../http';
import type { RouteSpec } from '../router';
import type { BrevoContext } from './state';

export interface BrevoRoute extends RouteSpec {
	handle(ctx: BrevoContext, req: SimRequest, params: Record<string, string>): SimResponse;
}
