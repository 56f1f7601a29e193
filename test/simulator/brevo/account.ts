import type { Brevo } from '../../contracts/vendor';
import type { BrevoAccount } from '../fixture/types';
import { json } from '../http';
import type { BrevoRoute } from './route';

/** `GET /account`, typed by the SDK's `GetAccountResponse` (`enterprise` is required there: the
 *  simulator left it out until issue #24). */
export function accountView(account: BrevoAccount) {
	return { ...account, organization_id: 'sim-org-0001', user_id: 1001, enterprise: false } satisfies Brevo.GetAccountResponse;
}

/** `GET /account`: what a credential test calls. */
export const accountRoutes: BrevoRoute[] = [
	{
		method: 'GET',
		pattern: '/account',
		handle(ctx) {
			return json(200, accountView(ctx.state.account));
		},
	},
];
