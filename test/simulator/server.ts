import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FaultQueue } from './faults';
import { flattenHeaders, json, parseBody, parseQuery, readBody, writeResponse, type SimRequest, type SimResponse } from './http';
import type { RequestRecorder } from './recorder';
import type { Timers } from './timers';
import type { Fault, ServiceName } from './types';

/** Where a path goes. Recording files and Brevo's CSV reports sit beside the APIs, as on the real hosts. */
export type Area = 'zoom-api' | 'zoom-oauth' | 'zoom-files' | 'brevo-api' | 'brevo-files';

const PREFIXES: { prefix: string; area: Area; service: ServiceName; keep?: string }[] = [
	{ prefix: '/zoom/v2', area: 'zoom-api', service: 'zoom' },
	{ prefix: '/zoom/oauth', area: 'zoom-oauth', service: 'zoom-oauth', keep: '/oauth' },
	{ prefix: '/zoom/rec', area: 'zoom-files', service: 'zoom', keep: '/rec' },
	{ prefix: '/brevo/v3', area: 'brevo-api', service: 'brevo' },
	{ prefix: '/brevo/files', area: 'brevo-files', service: 'brevo' },
];

export function classify(path: string): { area: Area; service: ServiceName; subPath: string } | undefined {
	for (const p of PREFIXES) {
		if (path === p.prefix || path.startsWith(`${p.prefix}/`)) {
			return { area: p.area, service: p.service, subPath: (p.keep ?? '') + path.slice(p.prefix.length) };
		}
	}
	return undefined;
}

export interface ServerDeps {
	now: () => number;
	recorder: RequestRecorder;
	faults: FaultQueue;
	timers: Timers;
	dispatch(area: Area, req: SimRequest): SimResponse;
	forced(fault: Exclude<Fault, { kind: 'latency' | 'reset' | 'lost-reply' }>, area: Area, req: SimRequest): SimResponse;
}

/**
 * The HTTP front: reads and records every request, applies injected faults, then hands the request
 * to its service. Paths are kept exactly as received: `req.url` is split by hand, because URL
 * parsing would normalise what Zoom's id rules depend on.
 */
export function createSimServer(deps: ServerDeps): Server {
	return createServer((req, res) => {
		handle(deps, req, res).catch((error: unknown) => {
			if (!res.headersSent) writeResponse(res, json(500, { code: 500, message: `Simulator error: ${String(error)}` }));
			else res.destroy();
		});
	});
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const target = req.url ?? '/';
	const q = target.indexOf('?');
	const path = q < 0 ? target : target.slice(0, q);
	const query = parseQuery(q < 0 ? '' : target.slice(q + 1));
	const rawBody = await readBody(req);
	const place = classify(path);
	if (!place) {
		writeResponse(res, json(404, { message: `Unknown simulator path ${path}: use /zoom/v2, /zoom/oauth or /brevo/v3` }));
		return;
	}
	const headers = flattenHeaders(req);
	const { body, invalidJson } = parseBody(headers['content-type'], rawBody);
	const method = (req.method ?? 'GET').toUpperCase();
	const simRequest: SimRequest = { service: place.service, method, path, subPath: place.subPath, query, headers, body, invalidJson, rawBody };
	const recorded = deps.recorder.record({ service: place.service, method, path, query, headers, body, at: deps.now() });

	const { delayMs, fault } = deps.faults.take({ service: place.service, method, path });
	if (delayMs > 0) await deps.timers.sleep(delayMs);
	if (fault?.kind === 'reset') {
		req.socket.destroy();
		return;
	}
	if (fault?.kind === 'lost-reply') {
		// Processed for real; only the answer never reaches the client.
		recorded.status = deps.dispatch(place.area, simRequest).status;
		recorded.replyLost = true;
		if (fault.status === undefined) req.socket.destroy();
		else if (!res.destroyed) writeResponse(res, deps.forced({ kind: 'status', status: fault.status }, place.area, simRequest));
		return;
	}
	const response = fault ? deps.forced(fault, place.area, simRequest) : deps.dispatch(place.area, simRequest);
	recorded.status = response.status;
	// Every HTTP server stamps its answers with its own clock (RFC 9110, 6.6.1): the simulator's is
	// the controllable one, so a client that reads Zoom's time from `Date` sees the simulated time.
	if (!res.destroyed) writeResponse(res, { ...response, headers: { Date: new Date(deps.now()).toUTCString(), ...(response.headers ?? {}) } });
}
