/**
 * Express-like request/response objects for WebhookContext. n8n hands the node its Express
 * `req`/`res` untouched (getRequestObject / getResponseObject), so these implement the
 * parts nodes use: on the request `headers` (lower-cased, as Node delivers them), `body`,
 * `rawBody` and `readRawBody()`, `query`, `params`, `get()`; on the response `status`,
 * `send`, `json`, `end`, `setHeader`/`set`/`header` and `headersSent`, with Express's
 * semantics for what `send` does with objects, strings and Buffers.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface WebhookRequestSpec {
	/** Default 'POST'. */
	method?: string;
	headers?: Record<string, string | string[] | undefined>;
	/** The exact bytes received (what HMAC signatures are computed over). */
	rawBody: Buffer;
	/**
	 * The parsed body n8n's body parser gives the node. Default: rawBody parsed as JSON when
	 * the content type is JSON (n8n's default parser), form fields for urlencoded, else {}.
	 */
	body?: unknown;
	query?: Record<string, string | string[]>;
	params?: Record<string, string>;
	/** Default '/webhook/<path>'. */
	url?: string;
}

export interface CapturedResponse {
	status: number;
	headers: Record<string, string>;
	/** What was sent: the object given to json()/send(object), a string, a Buffer, or undefined. */
	body: unknown;
	/** Whether anything was sent (send/json/end/sendStatus). */
	sent: boolean;
}

export type FakeRequest = ReturnType<typeof createFakeRequest>;
export type FakeResponse = ReturnType<typeof createFakeResponse>;

export function createFakeRequest(spec: WebhookRequestSpec, defaultUrl: string) {
	const headers: IncomingHttpHeaders = {};
	for (const [name, value] of Object.entries(spec.headers ?? {})) {
		if (value !== undefined) headers[name.toLowerCase()] = value;
	}
	const contentType = String(headers['content-type'] ?? '').split(';')[0].trim();
	const url = spec.url ?? defaultUrl;
	return {
		method: (spec.method ?? 'POST').toUpperCase(),
		url,
		originalUrl: url,
		path: url.split('?')[0],
		headers,
		rawBody: spec.rawBody,
		body: spec.body !== undefined ? spec.body : parseBody(spec.rawBody, contentType),
		query: spec.query ?? {},
		params: spec.params ?? {},
		contentType,
		/** n8n's raw-body reader; the body is already in memory here. */
		readRawBody: async () => {},
		get(name: string) {
			return headers[name.toLowerCase()];
		},
		header(name: string) {
			return headers[name.toLowerCase()];
		},
	};
}

export function createFakeResponse() {
	const captured: CapturedResponse = { status: 200, headers: {}, body: undefined, sent: false };
	const res = {
		captured,
		get headersSent() {
			return captured.sent;
		},
		get statusCode() {
			return captured.status;
		},
		set statusCode(code: number) {
			captured.status = code;
		},
		status(code: number) {
			captured.status = code;
			return res;
		},
		setHeader(name: string, value: string | number | readonly string[]) {
			captured.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
			return res;
		},
		set(name: string | Record<string, string>, value?: string) {
			if (typeof name === 'string') return res.setHeader(name, value ?? '');
			for (const [key, v] of Object.entries(name)) res.setHeader(key, v);
			return res;
		},
		header(name: string | Record<string, string>, value?: string) {
			return res.set(name, value);
		},
		getHeader(name: string) {
			return captured.headers[name.toLowerCase()];
		},
		removeHeader(name: string) {
			delete captured.headers[name.toLowerCase()];
		},
		json(body: unknown) {
			captured.headers['content-type'] ??= 'application/json; charset=utf-8';
			return finish(body);
		},
		/** Express: objects go out as JSON, strings as text/html, Buffers as octet-stream. */
		send(body?: unknown) {
			if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return res.json(body);
			if (typeof body === 'string') captured.headers['content-type'] ??= 'text/html; charset=utf-8';
			if (Buffer.isBuffer(body)) captured.headers['content-type'] ??= 'application/octet-stream';
			return finish(body);
		},
		sendStatus(code: number) {
			captured.status = code;
			return finish(String(code));
		},
		end(body?: unknown) {
			if (captured.sent) return res;
			return finish(body);
		},
		writeHead(code: number, headers?: Record<string, string>) {
			captured.status = code;
			for (const [key, v] of Object.entries(headers ?? {})) res.setHeader(key, v);
			return res;
		},
	};

	function finish(body: unknown) {
		if (captured.sent) {
			// Express would throw ERR_HTTP_HEADERS_SENT on a second send; make it visible.
			throw new Error('Cannot send a response twice (ERR_HTTP_HEADERS_SENT)');
		}
		captured.body = body;
		captured.sent = true;
		return res;
	}

	return res;
}

function parseBody(raw: Buffer, contentType: string): unknown {
	if (raw.length === 0) return {};
	if (contentType === 'application/json' || contentType.endsWith('+json')) {
		return JSON.parse(raw.toString('utf8')) as unknown;
	}
	if (contentType === 'application/x-www-form-urlencoded') {
		return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	}
	return {};
}
