/**
 * The one place that talks HTTP to Brevo: credential, base URL, pacing from the rate-limit headers,
 * bounded retries, and errors that say what to do.
 */
import type { Failure, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiCallObserverOf, recordCall, type ApiCallObserver } from '../apiCallLog';
import { httpFailureOf } from '../httpFailure';
import { adviseOnBrevoError, type BrevoErrorAdvice, type FailureFacts } from './errors';
import { BREVO_TIER_LIMITS, bucketOf, RatePacer, type BrevoTier } from './pacing';
import { BREVO_CREDENTIAL, BREVO_DEFAULT_BASE_URL, type BrevoRequest, type BrevoResponse, type Ctx } from './types';
import { pause } from './wait';

/** One run of work against Brevo: the base URL is read once and the pacing is shared by its calls. */
export interface BrevoSession {
	context: Ctx;
	baseUrl: string;
	pacer: RatePacer;
	/** Set when the node logs its API calls. */
	observe?: ApiCallObserver;
}

export const RETRY_POLICY = {
	/** 5xx and dropped connections: retried with exponential backoff and jitter. */
	serverRetries: 4,
	backoffBaseMs: 500,
	backoffMaxMs: 8_000,
	/** 429: retried after the reset Brevo announces, if it is no longer than this. */
	rateRetries: 5,
	maxRateWaitMs: 60_000,
	/** Spread concurrent executions that were stopped at the same moment. */
	rateJitterMs: 250,
};

/** Nothing reached Brevo: safe to send again even when the request must not be repeated. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED']);

/** Failures without an answer that are worth another try (the server may just have dropped us). */
const RETRYABLE_NETWORK_CODES = new Set([
	...NEVER_SENT_CODES,
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Errors after which Brevo may or may not have processed an at-most-once request. */
const unconfirmedErrors = new WeakSet<object>();

/** Whether Brevo may have processed the request that failed with `error` (its answer was lost or
 *  was a 5xx): the caller must not send it again and says "not confirmed". */
export const isUnconfirmed = (error: unknown): boolean => typeof error === 'object' && error !== null && unconfirmedErrors.has(error);

function unconfirmed(error: NodeApiError, what: string): NodeApiError {
	error.message = `No reliable answer from Brevo to "${what}": it may or may not have been processed`;
	error.description = `${error.description ? `${error.description} ` : ''}It was not sent again, so nobody gets it twice; check in Brevo whether it arrived.`;
	unconfirmedErrors.add(error);
	return error;
}

/**
 * One session per node execution (n8n gives each execution of a node its own context object):
 * every item and phase of the run — attributes, import, process checks, events, emails, upserts —
 * shares its pacer, so the run as a whole stays within Brevo's limits.
 */
const sessions = new WeakMap<Ctx, Promise<BrevoSession>>();
const tiers = new WeakMap<Ctx, BrevoTier>();

/** The account's rate-limit tier for this execution's session (before its first Brevo call). */
export function useBrevoTier(context: Ctx, tier: BrevoTier): void {
	tiers.set(context, tier);
}

export async function openSession(context: Ctx): Promise<BrevoSession> {
	let session = sessions.get(context);
	if (!session) {
		session = (async () => {
			const credentials = await context.getCredentials(BREVO_CREDENTIAL);
			const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
			const baseUrl = (configured || BREVO_DEFAULT_BASE_URL).replace(/\/+$/, '');
			const pacer = new RatePacer(Date.now, BREVO_TIER_LIMITS[tiers.get(context) ?? 'general']);
			return { context, baseUrl, pacer, observe: apiCallObserverOf(context) };
		})();
		sessions.set(context, session);
		// A failed credential read is not remembered: the next call tries again.
		session.catch(() => sessions.delete(context));
	}
	return await session;
}

function backoffMs(attempt: number): number {
	const ceiling = Math.min(RETRY_POLICY.backoffMaxMs, RETRY_POLICY.backoffBaseMs * 2 ** (attempt - 1));
	// "Equal jitter": at least half the step, so retries never bunch up at zero.
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return result;
	for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
		if (value === undefined || value === null) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

function failureOf(advice: BrevoErrorAdvice, resetSeconds?: number): Failure {
	if (advice.cause === 'rate-limited') {
		return resetSeconds !== undefined ? { cause: 'rate-limited', retryAfterMs: resetSeconds * 1000 } : { cause: 'rate-limited' };
	}
	return { cause: advice.cause };
}

/** The error for an answer Brevo gave (any status the caller does not accept). */
export function brevoFailure(session: BrevoSession, request: BrevoRequest, response: BrevoResponse, retries = 0): NodeApiError {
	const resetSeconds = session.pacer.limits(bucketOf(request.path))?.resetSeconds;
	const facts: FailureFacts = { status: response.status, body: response.body, baseUrl: session.baseUrl, retries, resetSeconds };
	const advice = adviseOnBrevoError(facts, request.what);
	const body = response.body && typeof response.body === 'object' ? (response.body as JsonObject) : { text: String(response.body ?? '') };
	return new NodeApiError(
		session.context.getNode(),
		{ ...body, httpCode: String(response.status) },
		{
			message: advice.message,
			description: advice.description,
			httpCode: String(response.status),
			failure: failureOf(advice, resetSeconds),
		},
	);
}

/**
 * Sends one request and returns Brevo's answer: any 2xx, or a 4xx other than 429 for the caller to
 * judge. Waits when the last answer of the same family said the budget is spent; retries 429 after
 * the announced reset and 5xx / dropped connections with backoff (an `atMostOnce` request only
 * after a 429 or a refused connection); throws a NodeApiError that says what to do once those
 * retries are used up.
 */
export async function sendToBrevo<T = unknown>(session: BrevoSession, request: BrevoRequest): Promise<BrevoResponse<T>> {
	const { context, pacer } = session;
	const bucket = bucketOf(request.path);
	let serverRetries = 0;
	let rateRetries = 0;
	for (let attempt = 1; ; attempt++) {
		const pacingFrom = Date.now();
		// Wait until the family's window has room (loop: the wait may end a little early).
		for (let paced = pacer.delayBefore(bucket); paced > 0 && paced <= RETRY_POLICY.maxRateWaitMs; paced = pacer.delayBefore(bucket)) {
			await pause(context, paced);
		}
		const answered = pacer.willSend(bucket);
		const seenBy = recordCall(session.observe, { service: 'brevo', method: request.method, path: request.path, attempt, pacingFrom });

		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${session.baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		let raw: IN8nHttpFullResponse;
		try {
			raw = (await context.helpers.httpRequestWithAuthentication.call(context, BREVO_CREDENTIAL, options)) as IN8nHttpFullResponse;
		} catch (error) {
			answered();
			const failure = httpFailureOf(error);
			seenBy(failure.status, failure.headers, failure.networkCode);
			const retryable = request.atMostOnce ? NEVER_SENT_CODES : RETRYABLE_NETWORK_CODES;
			if (failure.status === undefined && retryable.has(failure.networkCode ?? '') && serverRetries < RETRY_POLICY.serverRetries) {
				serverRetries++;
				await pause(context, backoffMs(serverRetries));
				continue;
			}
			// n8n's helper already wrapped the failure in a NodeApiError; wrapping again hands back that
			// same object, so the advice is put on it.
			const apiError = new NodeApiError(context.getNode(), error as JsonObject);
			const advice = adviseOnBrevoError({ ...failure, baseUrl: session.baseUrl, retries: serverRetries }, request.what);
			apiError.message = advice.message;
			apiError.description = advice.description;
			apiError.failure = failureOf(advice);
			const sent = !NEVER_SENT_CODES.has(failure.networkCode ?? '') && (failure.status === undefined || failure.status >= 500);
			throw request.atMostOnce && sent ? unconfirmed(apiError, request.what) : apiError;
		}

		answered();
		const response: BrevoResponse<T> = { status: raw.statusCode, body: raw.body as T, headers: lowerCaseHeaders(raw.headers) };
		pacer.record(bucket, response.headers);
		seenBy(response.status, response.headers);

		if (response.status === 429) {
			const waitMs = Math.max(pacer.delayBefore(bucket), 1000);
			if (rateRetries < RETRY_POLICY.rateRetries && waitMs <= RETRY_POLICY.maxRateWaitMs) {
				rateRetries++;
				await pause(context, waitMs + Math.random() * RETRY_POLICY.rateJitterMs);
				continue;
			}
			throw brevoFailure(session, request, response, rateRetries);
		}
		if (response.status >= 500) {
			// Brevo (or a proxy before it) may have processed the request before failing.
			if (request.atMostOnce) throw unconfirmed(brevoFailure(session, request, response), request.what);
			if (serverRetries < RETRY_POLICY.serverRetries) {
				serverRetries++;
				await pause(context, backoffMs(serverRetries));
				continue;
			}
			throw brevoFailure(session, request, response, serverRetries);
		}
		return response;
	}
}

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** One call whose only acceptable answer is a 2xx; its body is returned. */
export async function requestWithin<T>(session: BrevoSession, request: BrevoRequest): Promise<T> {
	const response = await sendToBrevo<T>(session, request);
	if (!isSuccess(response.status)) throw brevoFailure(session, request, response);
	return response.body;
}

/**
 * One authenticated call to Brevo's API (base URL from the `brevoV3Api` credential). 429 waits
 * for Brevo's announced reset and retries; 5xx and dropped connections back off and retry; any other
 * failure is a NodeApiError saying what to do.
 */
export async function brevoRequest<T>(context: Ctx, request: BrevoRequest): Promise<T> {
	return await requestWithin<T>(await openSession(context), request);
}

/**
 * Adds a sentence to an error on its way out (e.g. how much was already written), keeping its
 * class: a NodeApiError stays one, as does a NodeOperationError (e.g. a cancelled wait).
 */
export function withNote(session: BrevoSession, error: unknown, note: string): NodeApiError | NodeOperationError {
	const node = session.context.getNode();
	const wrapped = error instanceof NodeOperationError ? error : new NodeApiError(node, error as JsonObject);
	wrapped.description = [wrapped.description, note].filter(Boolean).join(' ');
	return wrapped;
}
