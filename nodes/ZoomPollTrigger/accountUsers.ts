/**
 * Hosts: Every User of the Account. Each poll lists the account's active users, then reads each
 * one as a chosen host (the same per-host reads, with the user's ID), so a user added to the
 * account is read from the next poll on and a user removed or deactivated is no longer read.
 * Meeting Ended reads no host: it lists the account's ended meetings once (accountMeetings.ts) and
 * keeps those whose host's email is an active user's, the listing here giving each one's ID.
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
import { checkDailyBudget, usesAccountListing } from './pollBudget';
import type { PollSettings } from './pollSettings';

/** A user as `GET /users` lists them (the fields the poll uses: Meeting Ended's account listing
 *  names hosts by email, accountMeetings.ts). */
export interface ListedUser {
	id?: unknown;
	email?: unknown;
}

/** The account's active users with their emails, each once (a user added mid-listing may cross a page boundary). */
export async function listAccountUsers(context: IPollFunctions, settings: Pick<PollSettings, 'credentialType'>, pacer: ZoomPacer): Promise<Array<{ id: string; email: string }>> {
	const list = await zoomListAll<ListedUser>(
		context,
		{ credentialType: settings.credentialType, path: '/users', qs: { status: 'active' }, listKey: 'users', category: 'medium', what: "list the account's users" },
		{ pacer },
	);
	const users = new Map<string, string>();
	for (const user of list.rows) {
		if (typeof user?.id === 'string' && user.id !== '' && !users.has(user.id)) users.set(user.id, typeof user.email === 'string' ? user.email : '');
	}
	return [...users].map(([id, email]) => ({ id, email }));
}

/** The IDs of the account's active users, each once. */
export async function listActiveUsers(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<string[]> {
	return (await listAccountUsers(context, settings, pacer)).map((user) => user.id);
}

/**
 * The hosts one poll reads: the settings' own, or every active user listed now (none for Meeting
 * Ended's account listing, which lists the users itself). Then the daily Heavy budget with that
 * many hosts, before any Heavy call. Fetch Test Event reads the one host
 * the node chose for it (the app's owner), so nobody is listed. New Webinar Registrant with chosen
 * webinars reads no host list, so the users are not listed for it.
 */
export async function pollHosts(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<string[]> {
	// Fetch Test Event reads one host, chosen from the settings (testEventHosts): no listing.
	if (!settings.everyUser || context.getMode() === 'manual') return settings.hosts;
	if (settings.event === 'webinar.registration_created' && settings.webinarIds.length > 0) return [];
	// Meeting Ended lists the account's meetings in one listing and finds the hosts by email there.
	if (usesAccountListing(settings)) return [];
	const hosts = await listActiveUsers(context, settings, pacer);
	checkDailyBudget(context, { ...settings, hosts }, true);
	return hosts;
}
