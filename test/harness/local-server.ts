/**
 * A real HTTP server on 127.0.0.1 (random port) for tests: requests made by nodes through
 * n8n-core go over the wire, so headers, query strings, bodies and status codes are what a
 * real API would see. The handler decides each answer; every request is recorded.
 */
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path and query, e.g. '/v1/things?x=1'. */
	url: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** rawBody parsed as JSON or form data when the content type says so, else the text. */
	body: unknown;
}

export interface LocalResponse {
	status?: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON. */
	body?: unknown;
}

export type LocalHandler = (req: RecordedRequest) => LocalResponse | Promise<LocalResponse>;

export interface LocalServer {
	url: string;
	requests: RecordedRequest[];
	/** Replace the handler (e.g. to start answering 401 mid-test). */
	setHandler(handler: LocalHandler): void;
	close(): Promise<void>;
}

export async function startLocalServer(handler: LocalHandler = () => ({ status: 404 })): Promise<LocalServer> {
	let current = handler;
	const requests: RecordedRequest[] = [];

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
			const recorded: RecordedRequest = {
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				path: parsed.pathname,
				query: parsed.searchParams,
				headers: req.headers,
				rawBody,
				body: parseBody(rawBody, req.headers['content-type']),
			};
			requests.push(recorded);
			Promise.resolve()
				.then(() => current(recorded))
				.then(
					(answer) => send(res, answer),
					(error: Error) => send(res, { status: 500, body: { message: error.message } }),
				);
		});
	});
	// Keep-alive sockets would hold jest open after close().
	server.keepAliveTimeout = 1;

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setHandler(next) {
			current = next;
		},
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function send(res: import('node:http').ServerResponse, answer: LocalResponse) {
	const headers = { ...answer.headers };
	let payload: string | Buffer | undefined;
	if (answer.body === undefined || typeof answer.body === 'string' || Buffer.isBuffer(answer.body)) {
		payload = answer.body as string | Buffer | undefined;
	} else {
		payload = JSON.stringify(answer.body);
		headers['content-type'] ??= 'application/json';
	}
	res.writeHead(answer.status ?? 200, headers);
	res.end(payload);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	if (contentType?.includes('json')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	return text;
}
