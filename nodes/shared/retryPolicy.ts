import { headerValue } from './httpFailure';

/**
 * Whether a failed Zoom call is worth another try, and how long to wait first. Pure: the caller
 * hands in what it saw and the time; nothing here sleeps or reads a clock.
 *
 * - 429: wait what Retry-After says: seconds for the per-second limit, an ISO date-time for the
 *   daily one (which resets at 00:00 UTC). A reset further away than `maxWaitMs` is not waited
 *   for: the answer then carries `tooLongUntil` so the caller can name the time.
 * - 5xx (not 501/505) and dropped or timed-out connections: exponential backoff with full jitter.
 * - 401 and every other 4xx: no retry. n8n itself renews the token once on a 401.
 */
export type RetryDecision = { retry: true; waitMs: number; reason: string } | { retry: false };
export type RetryVerdict = RetryDecision | { retry: false; tooLongUntil?: string };

export interface RetryInput {
	status?: number;
	headers?: Record<string, unknown>;
	/** ECONNRESET, ETIMEDOUT, ...: the call got no HTTP answer */
	networkCode?: string;
	/** Which try just failed: 1 for the first request. A retry follows while attempt <= maxRetries. */
	attempt: number;
	nowMs: number;
	maxRetries: number;
	/** The longest single wait allowed (the daily limit can reset hours away). */
	maxWaitMs: number;
	/** Default Math.random; tests fix it. */
	random?: () => number;
}

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

/** Full jitter: anywhere between 0 and base·2^(attempt−1), capped. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/** Milliseconds Retry-After asks for (seconds, or a date-time), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function nextUtcMidnight(nowMs: number): number {
	const d = new Date(nowMs);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function decideRetry(input: RetryInput): RetryVerdict {
	const { status, headers, networkCode, attempt, nowMs, maxRetries, maxWaitMs } = input;
	const random = input.random ?? Math.random;

	if (status === 429) {
		const daily = /daily/i.test(headerValue(headers, 'x-ratelimit-type') ?? '');
		let waitMs = retryAfterMs(headerValue(headers, 'retry-after'), nowMs);
		if (waitMs === undefined) {
			waitMs = daily ? nextUtcMidnight(nowMs) - nowMs : Math.max(1000, backoffMs(attempt, random));
		}
		if (waitMs > maxWaitMs) return { retry: false, tooLongUntil: isoSeconds(nowMs + waitMs) };
		if (attempt > maxRetries) return { retry: false };
		const reason = daily
			? `Zoom's daily rate limit, which resets at ${isoSeconds(nowMs + waitMs)}`
			: `Zoom's rate limit (HTTP 429), retry after ${waitMs} ms`;
		return { retry: true, waitMs, reason };
	}

	let reason: string | undefined;
	if (status !== undefined && status >= 500 && status !== 501 && status !== 505) reason = `HTTP ${status}`;
	if (status === undefined && networkCode && TRANSIENT_NETWORK_CODES.has(networkCode)) {
		reason = `the connection failed (${networkCode})`;
	}
	if (reason === undefined || attempt > maxRetries) return { retry: false };

	const asked = retryAfterMs(headerValue(headers, 'retry-after'), nowMs);
	const waitMs = asked ?? Math.min(backoffMs(attempt, random), maxWaitMs);
	if (waitMs > maxWaitMs) return { retry: false, tooLongUntil: isoSeconds(nowMs + waitMs) };
	return { retry: true, waitMs, reason };
}
