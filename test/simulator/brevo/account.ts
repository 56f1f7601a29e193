import { json } from '../http';
import type { BrevoRoute } from './route';

/** `GET /account`: what a credential test calls. */
export const accountRoutes: BrevoRoute[] = [
	{
		method: 'GET',
		pattern: '/account',
		handle(ctx) {
			return json(200, { ...ctx.state.account, organization_id: 'sim-org-0001', user_id: 1001 });
		},
	},
];
