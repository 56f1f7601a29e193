import { json, type SimResponse } from '../http';

/** Brevo errors are `{code, message}` with a string code. */
export function brevoError(status: number, code: string, message: string): SimResponse {
	return json(status, { code, message });
}

export const brevoErrors = {
	unauthorized: () => brevoError(401, 'unauthorized', 'Key not found'),
	invalid: (message: string) => brevoError(400, 'invalid_parameter', message),
	missing: (message: string) => brevoError(400, 'missing_parameter', message),
	outOfRange: (message: string) => brevoError(400, 'out_of_range', message),
	duplicate: (message: string) => brevoError(400, 'duplicate_parameter', message),
	notFound: (message: string) => brevoError(404, 'document_not_found', message),
	badJson: () => brevoError(400, 'bad_request', 'Invalid JSON in request body'),
	unknownRoute: () => brevoError(404, 'not_found', 'Invalid route'),
};
