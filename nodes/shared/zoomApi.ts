import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { zoomApiBaseUrl } from './zoomEnvironment';
import { adviseOnZoomError } from './zoomErrors';

export type ZoomCredentialType = 'zoomServerToServerOAuthApi' | 'zoomUserOAuth2Api';

type ZoomContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface ZoomRequest {
	method: IHttpRequestMethods;
	/** Path below the API base, already encoded, e.g. `/users` */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Says in the user's words what the call is for; used in error messages. */
	what: string;
}

/** One authenticated call to Zoom's REST API. n8n's helper adds the token: for Server-to-Server
 *  it fetches one when missing and once more after a 401; for user OAuth2 it refreshes. */
export async function zoomApiRequest<T = IDataObject>(
	context: ZoomContext,
	credentialType: ZoomCredentialType,
	request: ZoomRequest,
): Promise<T> {
	const credentials = await context.getCredentials(credentialType);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${zoomApiBaseUrl(credentials)}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
	};
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
		)) as T;
	} catch (error) {
		const response = (error as { response?: { status?: number; data?: unknown } }).response;
		const cause = (error as { cause?: { response?: { status?: number; data?: unknown } } }).cause;
		const status = response?.status ?? cause?.response?.status ?? Number((error as { httpCode?: string }).httpCode);
		const body = response?.data ?? cause?.response?.data ?? (error as { context?: { data?: unknown } }).context?.data;
		const advice = adviseOnZoomError(Number.isNaN(status) ? undefined : status, body, request.what);
		throw new NodeApiError(context.getNode(), error as JsonObject, advice);
	}
}
