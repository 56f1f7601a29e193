/**
 * Hosts: Every User of the Account. Each poll lists the account's active users, then reads each
 * one as a chosen host (the same per-host reads, with the user's ID), so a user added to the
 * account is read from the next poll on and a user removed or deactivated is no longer read.
 *
 * `GET /users?status=active`: Zoom's "List users" (scope `user:read:admin`, granular
 * `user:read:list_users:admin`; rate limit label **Medium**, as Zoom's OpenAPI spec says,
 * generated into https://docs.rs/zoom-api/latest/src/zoom_api/users.rs.html; `status` defaults to
 * `active`). Pages follow `next_page_token` with `page_size` up to 300, as Zoom's pagination guide
 * walks through with this very endpoint (https://developers.zoom.us/docs/api/pagination): ⌈U / 300⌉
 * Medium calls a poll for U users, no Heavy call, so nothing toward the daily limit.
 *
 * Why the cursors need nothing more: each event's cursor (cursor.ts) is one per workflow, keyed by
 * what Zoom emits, never by host (Meeting Ended and Webinar Ended: the instance UUID; New Webinar
 * Registrant: webinar ID and registrant ID; Recording Completed: the instance UUID), and every host
 * is read over the same window, from the cursor's floor or horizon. A new user's rows are judged
 * like anyone's: what they host from joining on is emitted once. A removed user's rows are no
 * longer read; what the cursor recorded of them ages out at its horizon as for any host. A meeting
 * or webinar handed from one user to another keeps its key, so it is not emitted twice.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { zoomListAll } from '../shared/zoomPaging';
import { checkDailyBudget } from './pollBudget';
import type { PollSettings } from './pollSettings';

/** A user as `GET /users` lists them (the one field the poll uses). */
export interface ListedUser {
	id?: unknown;
}

/** The IDs of the account's active users, each once (a user added mid-listing may cross a page boundary). */
export async function listActiveUsers(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<string[]> {
	const list = await zoomListAll<ListedUser>(
		context,
		{ credentialType: settings.credentialType, path: '/users', qs: { status: 'active' }, listKey: 'users', category: 'medium', what: "list the account's users" },
		{ pacer },
	);
	const ids = list.rows.map((user) => user?.id).filter((id): id is string => typeof id === 'string' && id !== '');
	return [...new Set(ids)];
}

/**
 * The hosts one poll reads: the settings' own, or every active user listed now. Then the daily
 * Heavy budget with that many hosts, before any Heavy call. Fetch Test Event reads the one host
 * the node chose for it (the app's owner), so nobody is listed. New Webinar Registrant with chosen
 * webinars reads no host list, so the users are not listed for it.
 */
export async function pollHosts(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<string[]> {
	// Fetch Test Event reads one host, chosen from the settings (testEventHosts): no listing.
	if (!settings.everyUser || context.getMode() === 'manual') return settings.hosts;
	if (settings.event === 'webinar.registration_created' && settings.webinarIds.length > 0) return [];
	const hosts = await listActiveUsers(context, settings, pacer);
	checkDailyBudget(context, { ...settings, hosts }, true);
	return hosts;
}
