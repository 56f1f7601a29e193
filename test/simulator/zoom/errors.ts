import { json, type SimResponse } from '../http';

/** Zoom answers errors as `{code, message}`; these are the codes and wordings Zoom uses. */
export function zoomError(status: number, code: number, message: string, headers?: Record<string, string>): SimResponse {
	return json(status, { code, message }, headers);
}

export const zoomErrors = {
	/** Unknown, malformed or missing bearer token. */
	invalidToken: () => zoomError(401, 124, 'Invalid access token.'),
	/** A token past its lifetime (also every token after `expireTokens()`): same code, Zoom's own wording. */
	expiredToken: () => zoomError(401, 124, 'Access token is expired.'),
	missingScope: (scope: string) => zoomError(400, 4711, `Invalid access token, does not contain scopes:[${scope}].`),
	/** Event subscriptions are app-owned: a user's token cannot manage them. */
	appTokenRequired: () =>
		zoomError(400, 4700, 'Invalid access token, this API requires an app-level token (account_credentials or client_credentials).'),
	meetingNotFound: (id: string) => zoomError(404, 3001, `Meeting does not exist: ${id}.`),
	webinarNotFound: (id: string) => zoomError(404, 3001, `Webinar does not exist: ${id}.`),
	userNotFound: (id: string) => zoomError(404, 1001, `User does not exist: ${id}.`),
	recordingNotFound: () => zoomError(404, 3301, 'This recording does not exist.'),
	olderThanOneYear: () => zoomError(400, 12702, 'Can not access a meeting a year ago.'),
	paidOnly: (accountId: string) => zoomError(400, 200, `Only available for Paid or ZMP account: ${accountId}.`),
	invalidPageToken: () => zoomError(400, 300, 'The next page token is invalid or expired.'),
	invalidField: (field: string) => zoomError(400, 300, `Invalid field: ${field}.`),
};

/** What Zoom's gateway answers for a path that is not an API at all (Spring-style body). */
export function unknownApiPath(path: string): SimResponse {
	return json(404, { timestamp: Date.now(), status: 404, error: 'Not Found', message: 'No message available', path });
}
