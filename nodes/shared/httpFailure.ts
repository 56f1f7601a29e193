/** Status and body of a failed request, wherever n8n's helpers put them: a raw axios-style error
 *  (`response`), or the NodeApiError that httpRequestWithAuthentication wraps it in (`httpCode`,
 *  `context.data`, `cause.response`). */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	/** e.g. ECONNRESET, ETIMEDOUT: a failure without an HTTP answer */
	networkCode?: string;
	/** response headers when known (Retry-After, rate-limit headers) */
	headers?: Record<string, unknown>;
}

interface ErrorShape {
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	cause?: ErrorShape & { code?: string };
	httpCode?: string | null;
	context?: { data?: unknown };
	code?: string;
}

export function httpFailureOf(error: unknown): HttpFailure {
	const e = (error ?? {}) as ErrorShape;
	const response = e.response ?? e.cause?.response ?? e.cause?.cause?.response;
	const fromCode = e.httpCode ? Number(e.httpCode) : undefined;
	const status = response?.status ?? (fromCode !== undefined && !Number.isNaN(fromCode) ? fromCode : undefined);
	return {
		status,
		body: response?.data ?? e.context?.data,
		headers: response?.headers,
		networkCode: status === undefined ? (e.cause?.code ?? e.code ?? e.cause?.cause?.code) : undefined,
	};
}
