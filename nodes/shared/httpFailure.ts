/** Status and body of a failed request, wherever n8n's helpers put them: a raw axios-style error
 *  (`response`), or the NodeApiError that httpRequestWithAuthentication wraps it in (`httpCode`,
 *  `context.data`, `cause.response`). The wrapped axios error is the NodeApiError's `cause`, and
 *  its `response.headers` carry Retry-After and the rate-limit headers. */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	/** e.g. ECONNRESET, ETIMEDOUT: a failure without an HTTP answer */
	networkCode?: string;
	/** response headers when known (Retry-After, rate-limit headers), names in lower case */
	headers?: Record<string, string>;
}

interface ErrorShape {
	response?: { status?: number; data?: unknown; headers?: unknown };
	cause?: ErrorShape & { code?: string };
	httpCode?: string | null;
	context?: { data?: unknown };
	code?: string;
}

/** Response headers as a plain object with lower-case names (axios hands over an AxiosHeaders). */
export function normalizeHeaders(raw: unknown): Record<string, string> {
	if (!raw || typeof raw !== 'object') return {};
	const source = raw as { toJSON?: () => unknown };
	const plain = typeof source.toJSON === 'function' ? source.toJSON() : raw;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries((plain ?? {}) as Record<string, unknown>)) {
		if (value === undefined || value === null || typeof value === 'function') continue;
		headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
	}
	return headers;
}

/** One header, whatever the case of its name. */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted && value !== undefined && value !== null) return String(value);
	}
	return undefined;
}

export function httpFailureOf(error: unknown): HttpFailure {
	const e = (error ?? {}) as ErrorShape;
	const response = e.response ?? e.cause?.response ?? e.cause?.cause?.response;
	const fromCode = e.httpCode ? Number(e.httpCode) : undefined;
	const status = response?.status ?? (fromCode !== undefined && !Number.isNaN(fromCode) ? fromCode : undefined);
	return {
		status,
		body: response?.data ?? e.context?.data,
		headers: response?.headers ? normalizeHeaders(response.headers) : undefined,
		networkCode: status === undefined ? (e.cause?.code ?? e.code ?? e.cause?.cause?.code) : undefined,
	};
}
