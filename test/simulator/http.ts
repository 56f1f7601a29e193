import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceName } from './types';

/** What a handler sees of a request. Paths stay raw (percent-encoded) because Zoom's id rules
 *  depend on how many times a UUID was encoded. */
export interface SimRequest {
	service: ServiceName;
	method: string;
	/** Full raw path, without the query string. */
	path: string;
	/** Raw path below the service prefix, e.g. `/users/me` for `/zoom/v2/users/me`. */
	subPath: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	/** True when the content type said JSON but the bytes did not parse. */
	invalidJson: boolean;
	rawBody: Buffer;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	/** Serialised as JSON unless `raw` is given. */
	json?: unknown;
	raw?: string | Buffer;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
	return { status, json: body, headers };
}

export function noContent(status = 204, headers?: Record<string, string>): SimResponse {
	return { status, headers };
}

/** Refuse bodies beyond this: far above Brevo's 10 MB import limit, only a guard against runaway clients. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function parseBody(contentType: string | undefined, raw: Buffer): { body: unknown; invalidJson: boolean } {
	if (raw.length === 0) return { body: undefined, invalidJson: false };
	const text = raw.toString('utf8');
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(text)), invalidJson: false };
	}
	if (type.includes('json') || (!type && /^\s*[[{]/.test(text))) {
		try {
			return { body: JSON.parse(text), invalidJson: false };
		} catch {
			return { body: text, invalidJson: type.includes('json') };
		}
	}
	return { body: text, invalidJson: false };
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		out[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

export function parseQuery(search: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(search));
}

export function writeResponse(res: ServerResponse, response: SimResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: string | Buffer | undefined;
	if (response.raw !== undefined) {
		payload = response.raw;
	} else if (response.json !== undefined) {
		payload = JSON.stringify(response.json);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json;charset=UTF-8';
		}
	}
	if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSimResponse(value: unknown): value is SimResponse {
	return isObject(value) && typeof value.status === 'number' && !('envelope' in value);
}
