import { type SimRequest, type SimResponse } from '../http';
import { matchRoute } from '../router';
import { accountRoutes } from './account';
import { attributeRoutes } from './attributes';
import { contactRoutes } from './contacts';
import { emailRoutes } from './email';
import { brevoErrors } from './errors';
import { eventRoutes } from './events';
import { importRoutes } from './imports';
import { listRoutes } from './lists';
import { bucketOf, type BrevoRateLimiter } from './rateLimits';
import type { BrevoRoute } from './route';
import type { BrevoContext } from './state';

const paramCount = (r: BrevoRoute) => r.pattern.split('/').filter((s) => s.startsWith(':')).length;

// Literal paths win over parameters: `/contacts/lists` is not the contact called "lists".
const ROUTES: BrevoRoute[] = [
	...accountRoutes,
	...attributeRoutes,
	...listRoutes,
	...importRoutes,
	...contactRoutes,
	...eventRoutes,
	...emailRoutes,
].sort((a, b) => paramCount(a) - paramCount(b));

/** Brevo's order: api-key, rate budget, then the endpoint. */
export function handleBrevoApi(ctx: BrevoContext, limiter: BrevoRateLimiter, req: SimRequest): SimResponse {
	if (req.headers['api-key'] !== ctx.config.apiKey) return brevoErrors.unauthorized();
	const match = matchRoute(ROUTES, req.method, req.subPath);
	if (!match) return brevoErrors.unknownRoute();
	const admitted = limiter.admit(bucketOf(req.subPath), ctx.now());
	if ('response' in admitted) return admitted.response;
	if (req.invalidJson) return { ...brevoErrors.badJson(), headers: admitted.headers };
	const response = match.route.handle(ctx, req, match.params);
	return { ...response, headers: { ...admitted.headers, ...(response.headers ?? {}) } };
}
