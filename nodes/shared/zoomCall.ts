import type { IDataObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiCallObserverOf, recordCall } from './apiCallLog';
import { httpFailureOf } from './httpFailure';
import { decideRetry } from './retryPolicy';
import { zoomApiResponse, type ZoomCredentialType, type ZoomRequest } from './zoomApi';
import type { ZoomPacer, ZoomRateCategory } from './zoomPacer';

export interface ZoomCallOptions {
	/** One per node execution: paces every call of the run. */
	pacer: ZoomPacer;
	/** Retries after the first try. Default 5. */
	maxRetries?: number;
	/** The longest single wait, e.g. for the daily limit to reset. Default 60 000 ms. */
	maxWaitMs?: number;
	/** Jitter source for backoff; tests fix it. Default Math.random. */
	random?: () => number;
	/** Sees the headers of every successful answer (the poll trigger reads Zoom's clock from `date`). */
	onAnswer?: (headers: Record<string, string>) => void;
	/** A 429 that waiting does not cure (e.g. a registrant's 3 registrations a day are used up):
	 *  thrown at once instead of retried. */
	isFinal429?: (body: unknown) => boolean;
}

type ZoomCallContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions;

/** Retrying a request that may already have changed something could do it twice. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function cancelSignalOf(context: ZoomCallContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * One Zoom call, paced to stay under the rate limit of its category and retried when Zoom asks
 * to wait (429) or fails for a moment (5xx, dropped connection). The errors it finally throws say
 * what happened and what to do.
 */
export async function zoomRequestWithRetry<T = IDataObject>(
	context: ZoomCallContext,
	credentialType: ZoomCredentialType,
	request: ZoomRequest & { category: ZoomRateCategory },
	options: ZoomCallOptions,
): Promise<T> {
	const { pacer } = options;
	const maxRetries = options.maxRetries ?? 5;
	const maxWaitMs = options.maxWaitMs ?? 60_000;
	const signal = cancelSignalOf(context);
	const { category, ...call } = request;
	const observe = apiCallObserverOf(context);

	for (let attempt = 1; ; attempt++) {
		const pacingFrom = Date.now();
		await pacer.beforeRequest(category, signal);
		const seenBy = recordCall(observe, { service: 'zoom', method: call.method, path: call.path, attempt, pacingFrom });
		try {
			const { body, headers, status } = await zoomApiResponse<T>(context, credentialType, call);
			pacer.afterResponse(category, headers);
			seenBy(status, headers);
			options.onAnswer?.(headers);
			return body;
		} catch (error) {
			const { status, headers, networkCode, body } = httpFailureOf(error);
			pacer.afterResponse(category, headers ?? {});
			seenBy(status, headers, networkCode);
			// A 429 means Zoom did nothing: safe to repeat, unless waiting would not help.
			const final429 = status === 429 && options.isFinal429?.(body) === true;
			const mayRepeat = IDEMPOTENT.has(call.method.toUpperCase()) || (status === 429 && !final429);
			const seen = { status, headers, networkCode, nowMs: pacer.now(), maxWaitMs, random: options.random };
			const decision = mayRepeat ? decideRetry({ ...seen, attempt, maxRetries }) : { retry: false as const };
			if (decision.retry) {
				await pacer.waitBeforeRetry(decision.waitMs, status === 429, signal);
				continue;
			}
			if (status === 429 && !final429) pacer.noteRateLimited();
			// zoomApiResponse already threw n8n's NodeApiError with advice; wrapping hands it back as it is.
			const failure = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
			// Say which endpoint failed (path without its query: no tokens or data).
			const endpoint = `Zoom endpoint: ${call.method} ${call.path.split('?')[0]}.`;
			if (!(failure.description ?? '').includes(endpoint)) failure.description = [failure.description, endpoint].filter(Boolean).join(' ');
			if ('tooLongUntil' in decision && decision.tooLongUntil) {
				throw limitError(failure, status, headers, decision.tooLongUntil, call.what, maxWaitMs);
			}
			// Out of retries for a failure that would otherwise have been retried.
			if (mayRepeat && attempt > maxRetries && decideRetry({ ...seen, attempt: 1, maxRetries: 1 }).retry) {
				const attempts = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
				failure.message = `${failure.message} (gave up after ${attempts})`;
				failure.description = `${failure.description ?? ''} n8n made ${attempts}, waiting longer each time.`.trim();
			}
			throw failure;
		}
	}
}

function limitError(
	error: NodeApiError,
	status: number | undefined,
	headers: Record<string, string> | undefined,
	until: string,
	what: string,
	maxWaitMs: number,
): NodeApiError {
	const daily = status === 429 && /daily/i.test(headers?.['x-ratelimit-type'] ?? '');
	const seconds = Math.round(maxWaitMs / 1000);
	if (daily) {
		// Name the category Zoom reported (X-RateLimit-Category), not the one we assume.
		const category = headers?.['x-ratelimit-category']?.trim();
		error.message = `Zoom's daily rate limit is used up: cannot ${what} before ${until} (UTC)`;
		error.description =
			`The account's daily budget for ${category ? `${category} Zoom APIs (as Zoom reported)` : 'this kind of Zoom API'} resets at ${until}, ` +
			`later than the ${seconds} s this node may wait. Run the workflow again after that time, ` +
			'spread large runs over several days, or ask Zoom for a higher daily limit.';
	} else {
		error.message = `Zoom asked to wait until ${until} (UTC) before trying to ${what} again`;
		error.description = `That is longer than the ${seconds} s this node may wait. Run the workflow again after that time.`;
	}
	return error;
}
