import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { ZoomPacer } from '../../shared/zoomPacer';
import { zoomRequestWithRetry } from '../../shared/zoomPaging';
import { listItemsMatching, meetingListItem, webinarListItem, type ZoomMeetingSummary } from './listItems';

/** A dropdown should answer or explain within seconds, not wait out a daily limit. */
const MAX_WAIT_MS = 10_000;

function credentialTypeOf(context: ILoadOptionsFunctions) {
	return context.getNodeParameter('authentication', 'serverToServer') === 'userOAuth2' ? 'zoomUserOAuth2Api' : 'zoomServerToServerOAuthApi';
}

/** One page of the credential user's meetings or webinars (`me`: the user of an OAuth2
 *  credential, the app's owner for Server-to-Server). */
async function listPage(
	context: ILoadOptionsFunctions,
	kind: 'meetings' | 'webinars',
	qs: IDataObject,
	paginationToken: string | undefined,
): Promise<{ rows: ZoomMeetingSummary[]; next?: string }> {
	const body = await zoomRequestWithRetry<IDataObject>(
		context,
		credentialTypeOf(context),
		{
			method: 'GET',
			path: `/users/me/${kind}`,
			qs: { ...qs, page_size: 300, ...(paginationToken ? { next_page_token: paginationToken } : {}) },
			category: 'medium',
			what: `list your Zoom ${kind}`,
		},
		{ pacer: new ZoomPacer('pro'), maxWaitMs: MAX_WAIT_MS },
	);
	const rows = Array.isArray(body[kind]) ? (body[kind] as ZoomMeetingSummary[]) : [];
	const next = typeof body.next_page_token === 'string' && body.next_page_token !== '' ? body.next_page_token : undefined;
	return { rows, next };
}

function result(items: INodeListSearchItems[], next: string | undefined): INodeListSearchResult {
	return next ? { results: items, paginationToken: next } : { results: items };
}

/** "From list" for the meeting: past meetings, since participants exist only once a meeting ended. */
export async function searchMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await listPage(this, 'meetings', { type: 'previous_meetings' }, paginationToken);
	return result(listItemsMatching(rows.map(meetingListItem), filter), next);
}

export async function searchWebinars(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { rows, next } = await listPage(this, 'webinars', {}, paginationToken);
	return result(listItemsMatching(rows.map(webinarListItem), filter), next);
}
