/**
 * "Log API Calls" (the product page's debug / verbose mode): one n8n log line per HTTP call to Zoom
 * or Brevo — method, path, status, time, pacing and the rate-limit headers — and nothing secret
 * (no tokens, keys, query strings or bodies).
 *
 * The node switches it on for its own execution context; the Zoom and Brevo transports, which
 * receive that same context, look the switch up here instead of every Brevo and Zoom function
 * taking one more parameter.
 */
import type { Logger } from 'n8n-workflow';

export interface ApiCallRecord {
	service: 'zoom' | 'brevo';
	method: string;
	/** Below the API base; query strings are left out (page tokens, filters). */
	path: string;
	/** Undefined when no answer came (dropped connection, timeout). */
	status?: number;
	networkCode?: string;
	durationMs: number;
	/** 1 for the first try of a request, 2 for its first retry, ... */
	attempt: number;
	/** Time spent waiting for the rate limit before this try. */
	pacedMs: number;
	/** The rate-limit headers of the answer, as sent. */
	rateLimit: Record<string, string>;
}

export type ApiCallObserver = (record: ApiCallRecord) => void;

const RATE_LIMIT_HEADER = /^(x-ratelimit-|x-sib-ratelimit-|retry-after$)/;

/** The rate-limit headers of an answer (lower-case names), for the log. */
export function rateLimitHeaders(headers: Record<string, string> | undefined): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) if (RATE_LIMIT_HEADER.test(name.toLowerCase())) picked[name.toLowerCase()] = value;
	return picked;
}

/** "Zoom GET /past_meetings/…/participants → 200 in 84 ms (paced 0 ms; x-ratelimit-remaining 19)" */
export function describeApiCall(record: ApiCallRecord): string {
	const service = record.service === 'zoom' ? 'Zoom' : 'Brevo';
	const outcome = record.status !== undefined ? String(record.status) : `no answer (${record.networkCode ?? 'network error'})`;
	const notes = [
		record.attempt > 1 ? `retry ${record.attempt - 1}` : '',
		`paced ${Math.round(record.pacedMs)} ms`,
		...Object.entries(record.rateLimit).map(([name, value]) => `${name} ${value}`),
	].filter(Boolean);
	return `${service} ${record.method.toUpperCase()} ${record.path.split('?')[0]} → ${outcome} in ${Math.round(record.durationMs)} ms (${notes.join('; ')})`;
}

/**
 * Called once a try is about to go out (its rate-limit wait is over, which began at `pacingFrom`):
 * returns what to call with the answer. Does nothing when calls are not logged.
 */
export function recordCall(
	observe: ApiCallObserver | undefined,
	call: Pick<ApiCallRecord, 'service' | 'method' | 'path' | 'attempt'> & { pacingFrom: number },
): (status: number | undefined, headers: Record<string, string> | undefined, networkCode?: string) => void {
	if (!observe) return () => undefined;
	const sentAt = Date.now();
	const { pacingFrom, ...known } = call;
	return (status, headers, networkCode) =>
		observe({ ...known, status, networkCode, durationMs: Date.now() - sentAt, pacedMs: sentAt - pacingFrom, rateLimit: rateLimitHeaders(headers) });
}

const observers = new WeakMap<object, ApiCallObserver>();

/** Logs every Zoom and Brevo call made with this execution context to n8n's log (info level). */
export function logApiCallsOf(context: { logger: Logger; getNode(): { name: string } }): void {
	const node = context.getNode().name;
	observers.set(context, (record) => context.logger.info(`${node}: ${describeApiCall(record)}`, { ...record, node }));
}

export function apiCallObserverOf(context: object): ApiCallObserver | undefined {
	return observers.get(context);
}
