import type { Row, ZoomUsers } from '../../contracts/vendor';
import { json } from '../http';
import { safeDecode } from '../router';
import type { ZoomUser } from '../fixture/types';
import { zoomErrors } from './errors';
import { isPage, listKey, paginate } from './paging';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import type { IssuedToken, ZoomContext } from './state';

/** `me` is the user the token acts for (the owner for app-level tokens); ids and emails also work. */
export function findUser(ctx: ZoomContext, rawId: string, token: IssuedToken): ZoomUser | undefined {
	const id = safeDecode(rawId);
	const wanted = id === 'me' ? token.userId : id;
	return ctx.state.users.find((u) => u.id === wanted || u.email.toLowerCase() === wanted.toLowerCase());
}

/**
 * A user as "List users" lists them, typed by Rivet's `UsersListUsersResponse`: the list fields of
 * the fixture's user (`role_name`, `account_id` and `language` are "Get a user" fields, not the
 * list's; the simulator listed them until issue #24).
 */
export function listedUser(u: ZoomUser): Row<ZoomUsers.UsersListUsersResponse, 'users'> {
	return {
		id: u.id,
		first_name: u.first_name,
		last_name: u.last_name,
		display_name: u.display_name,
		email: u.email,
		type: u.type,
		pmi: u.pmi,
		timezone: u.timezone,
		dept: u.dept,
		created_at: u.created_at,
		last_login_time: u.last_login_time,
		status: u.status,
		verified: u.verified,
	};
}

export const userRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/users/:userId',
		category: 'light',
		scope: ZOOM_SCOPES.readUser,
		handle(ctx, _req, params, token) {
			const user = findUser(ctx, params.userId, token);
			return user ? json(200, user) : zoomErrors.userNotFound(safeDecode(params.userId));
		},
	},
	{
		// Zoom's "List users", as its OpenAPI spec describes it (generated into
		// https://docs.rs/zoom-api/latest/src/zoom_api/users.rs.html): rate limit label Medium, scope
		// user:read:admin (granular user:read:list_users:admin), `status` active | inactive | pending,
		// default active; `users[]` with `page_size`, `total_records`, `next_page_token` paging up to
		// 300 a page, walked through for this endpoint in https://developers.zoom.us/docs/api/pagination.
		method: 'GET',
		pattern: '/users',
		category: 'medium',
		scope: ZOOM_SCOPES.listUsers,
		handle(ctx, req) {
			const status = req.query.status || 'active';
			const users = ctx.state.users.filter((u) => u.status === status);
			const page = paginate(ctx, listKey(req.subPath, req.query, ['status']), req.query, users.length);
			if (!isPage(page)) return page;
			return json(200, {
				...page.envelope,
				page_number: Math.floor(page.start / page.pageSize) + 1,
				users: users.slice(page.start, page.end).map(listedUser),
			} satisfies ZoomUsers.UsersListUsersResponse);
		},
	},
];
