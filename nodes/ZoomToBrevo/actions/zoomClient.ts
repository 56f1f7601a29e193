import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { meetingPathId } from '../../shared/meetingId';
import { zoomApiBaseUrl } from '../../shared/zoomEnvironment';
import type { ZoomPacer, ZoomRateCategory } from '../../shared/zoomPacer';
import { zoomListAll, zoomListInto, zoomRequestWithRetry, type ZoomListSink } from '../../shared/zoomPaging';
import type { ZoomSettings } from './settings';

/** Zoom reads for one input item, paced by the execution's one pacer (shared by every item), so
 *  the whole run stays under the account's rate limits. */
export interface ZoomClient {
	get<T>(path: string, category: ZoomRateCategory, what: string, qs?: IDataObject): Promise<T>;
	list<T>(path: string, listKey: string, category: ZoomRateCategory, what: string, qs?: IDataObject): Promise<T[]>;
	/** Every row into `sink`, page by page, none kept here (a large meeting's rows). */
	listInto<T>(path: string, listKey: string, category: ZoomRateCategory, what: string, qs: IDataObject | undefined, sink: ZoomListSink<T>): Promise<void>;
	/** A request that changes something in Zoom: never repeated, except after a 429 that says
	 *  Zoom did nothing and waiting helps (`isFinal429` names those it does not). */
	post<T>(path: string, body: IDataObject, category: ZoomRateCategory, what: string, qs?: IDataObject, isFinal429?: (body: unknown) => boolean): Promise<T>;
	readonly pacer: ZoomPacer;
}

export function createZoomClient(context: IExecuteFunctions, settings: ZoomSettings, pacer: ZoomPacer): ZoomClient {
	const options = { pacer, maxWaitMs: settings.maxDailyWaitMs };
	const credentialType = settings.credentialType;
	// Reading a credential decrypts it: once per execution is enough for the base URL.
	let baseUrl: string | undefined;
	const apiBase = async () => (baseUrl ??= zoomApiBaseUrl(await context.getCredentials(credentialType)));
	return {
		pacer,
		get: async <T>(path: string, category: ZoomRateCategory, what: string, qs?: IDataObject) =>
			await zoomRequestWithRetry<T>(
				context,
				credentialType,
				{ method: 'GET', path, qs, what, category, baseUrl: await apiBase() },
				options,
			),
		post: async <T>(path: string, body: IDataObject, category: ZoomRateCategory, what: string, qs?: IDataObject, isFinal429?: (body: unknown) => boolean) =>
			await zoomRequestWithRetry<T>(
				context,
				credentialType,
				{ method: 'POST', path, qs, body, what, category, baseUrl: await apiBase() },
				{ ...options, isFinal429 },
			),
		list: async <T>(path: string, listKey: string, category: ZoomRateCategory, what: string, qs?: IDataObject) =>
			(await zoomListAll<T>(context, { credentialType, path, qs, listKey, category, what, baseUrl: await apiBase() }, options)).rows,
		listInto: async <T>(path: string, listKey: string, category: ZoomRateCategory, what: string, qs: IDataObject | undefined, sink: ZoomListSink<T>) => {
			await zoomListInto<T>(context, { credentialType, path, qs, listKey, category, what, baseUrl: await apiBase() }, options, sink);
		},
	};
}

export { meetingPathId };
