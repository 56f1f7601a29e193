import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { zoomApiBaseUrl } from './zoomEnvironment';
import { adviseOnZoomError } from './zoomErrors';
import { httpFailureOf, normalizeHeaders } from './httpFailure';

export type ZoomCredentialType = 'zoomServerToServerOAuthApi' | 'zoomUserOAuth2Api';

export type ZoomContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ZoomRequest {
	method: IHttpRequestMethods;
	/** Path below the API base, already encoded, e.g. `/users` */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Says in the user's words what the call is for; used in error messages. */
	what: string;
	/** The API base when the caller already knows it (read once per execution, not per call). */
	baseUrl?: string;
}

/** One authenticated call to Zoom's REST API. n8n's helper adds the token: for Server-to-Server
 *  it fetches one when missing and once more after a 401; for user OAuth2 it refreshes. */
export async function zoomApiRequest<T = IDataObject>(
	context: ZoomContext,
	credentialType: ZoomCredentialType,
	request: ZoomRequest,
): Promise<T> {
	return (await zoomApiResponse<T>(context, credentialType, request)).body;
}

/** The same call, answering the body and the response headers (Zoom's rate-limit headers).
 *  A failure is a NodeApiError with advice; its `cause` is the HTTP client's error, where
 *  `httpFailureOf` finds the status, body and headers. */
export async function zoomApiResponse<T = IDataObject>(
	context: ZoomContext,
	credentialType: ZoomCredentialType,
	request: ZoomRequest,
): Promise<{ body: T; headers: Record<string, string>; status: number }> {
	const baseUrl = request.baseUrl ?? zoomApiBaseUrl(await context.getCredentials(credentialType));
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		// Only changes what a success returns; errors still throw, so n8n's own 401 handling
		// (token renewal, OAuth2 refresh) runs as usual.
		returnFullResponse: true,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
		)) as IN8nHttpFullResponse;
		return { body: response.body as T, headers: normalizeHeaders(response.headers), status: response.statusCode };
	} catch (error) {
		const { status, body, networkCode } = httpFailureOf(error);
		const apiError = new NodeApiError(context.getNode(), error as JsonObject);
		// No HTTP answer and no network code: the failure is the credential's own (e.g. the token
		// request), and its message already says what to do.
		if (status === undefined && networkCode === undefined) throw apiError;
		const advice = adviseOnZoomError(status, body, request.what, networkCode);
		// n8n's helper already wrapped the failure in a NodeApiError, and wrapping again hands that
		// same object back unchanged: put the advice on it.
		apiError.message = advice.message;
		apiError.description = advice.description;
		throw apiError;
	}
}
