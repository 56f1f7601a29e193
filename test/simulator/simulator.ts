import type { AddressInfo } from 'node:net';
import { handleBrevoApi } from './brevo/router';
import { handleReportFile } from './brevo/imports';
import { BrevoRateLimiter, bucketOf } from './brevo/rateLimits';
import { brevoErrors } from './brevo/errors';
import { createBrevoState, type BrevoConfig, type BrevoContext } from './brevo/state';
import { FaultQueue } from './faults';
import { DEFAULT_ACCOUNT_ID, makeFixture } from './fixture';
import { json, type SimRequest, type SimResponse } from './http';
import { RequestRecorder } from './recorder';
import { createSimServer, type Area } from './server';
import { Timers } from './timers';
import type { Fault, Simulator, SimulatorOptions } from './types';
import { sendUrlValidation, sendWebhook } from './webhooks';
import { zoomErrors } from './zoom/errors';
import { handleAuthorize, handleToken, OAUTH_ERRORS } from './zoom/oauth';
import { PLAN_DAILY_LIMITS, PLAN_LIMITS, ZoomRateLimiter } from './zoom/rateLimits';
import { handleRecordingFile } from './zoom/recordings';
import { handleZoomApi, zoomCategoryOf } from './zoom/router';
import { DEFAULT_GRANTED_SCOPES } from './zoom/scopes';
import { createZoomState, type ZoomConfig, type ZoomContext } from './zoom/state';

/** Credentials and limits used when a test does not choose its own. */
export const SIM_DEFAULTS = {
	zoom: {
		accountId: DEFAULT_ACCOUNT_ID,
		clientId: 'simS2SClientId00000001',
		clientSecret: 'simS2SClientSecret0000000000000001',
		userOAuth: { clientId: 'simUserClientId0000001', clientSecret: 'simUserClientSecret00000000000001' },
		/** Not used by the simulator itself: a ready-made secret for `sendWebhook` and trigger credentials. */
		webhookSecretToken: 'simWebhookSecretToken000001',
		grantedScopes: DEFAULT_GRANTED_SCOPES,
		tokenTtlSeconds: 3600,
		pageTokenTtlSeconds: 900,
		plan: 'pro' as const,
	},
	brevo: {
		apiKey: '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',
		contactsPerSecond: 10,
		eventsPerSecond: 10,
		emailPerSecond: 1000,
		otherPerHour: 100,
		importProcessingMs: 200,
	},
};

function zoomConfig(options: SimulatorOptions): ZoomConfig {
	const zoom = options.zoom ?? {};
	const plan = zoom.plan ?? SIM_DEFAULTS.zoom.plan;
	return {
		accountId: zoom.accountId ?? SIM_DEFAULTS.zoom.accountId,
		clientId: zoom.clientId ?? SIM_DEFAULTS.zoom.clientId,
		clientSecret: zoom.clientSecret ?? SIM_DEFAULTS.zoom.clientSecret,
		userClientId: zoom.userOAuth?.clientId ?? SIM_DEFAULTS.zoom.userOAuth.clientId,
		userClientSecret: zoom.userOAuth?.clientSecret ?? SIM_DEFAULTS.zoom.userOAuth.clientSecret,
		grantedScopes: [...(zoom.grantedScopes ?? SIM_DEFAULTS.zoom.grantedScopes)],
		tokenTtlMs: (zoom.tokenTtlSeconds ?? SIM_DEFAULTS.zoom.tokenTtlSeconds) * 1000,
		pageTokenTtlMs: (zoom.pageTokenTtlSeconds ?? SIM_DEFAULTS.zoom.pageTokenTtlSeconds) * 1000,
		plan,
		limits: { ...PLAN_LIMITS[plan], ...(zoom.rateLimits ?? {}) },
		dailyLimit: zoom.dailyLimit ?? PLAN_DAILY_LIMITS[plan],
	};
}

function brevoConfig(options: SimulatorOptions): BrevoConfig {
	const brevo = options.brevo ?? {};
	const d = SIM_DEFAULTS.brevo;
	return {
		apiKey: brevo.apiKey ?? d.apiKey,
		contactsPerSecond: brevo.contactsPerSecond ?? d.contactsPerSecond,
		eventsPerSecond: brevo.eventsPerSecond ?? d.eventsPerSecond,
		emailPerSecond: brevo.emailPerSecond ?? d.emailPerSecond,
		otherPerHour: brevo.otherPerHour ?? d.otherPerHour,
		importProcessingMs: brevo.importProcessingMs ?? d.importProcessingMs,
	};
}

/** The `reportRemaining` test knob: a 2xx answer says `remaining` requests are left, whatever the
 *  window holds (headers that lag behind); the limit itself is still enforced. */
function lagging(response: SimResponse, header: string, remaining: number | undefined): SimResponse {
	if (remaining === undefined || response.status >= 300 || !response.headers || !(header in response.headers)) return response;
	return { ...response, headers: { ...response.headers, [header]: String(remaining) } };
}

/** A body given as a string is sent as it is; anything else as JSON. */
function statusFault(fault: Extract<Fault, { kind: 'status' }>, area: Area): SimResponse {
	if (typeof fault.body === 'string') return { status: fault.status, headers: { 'Content-Type': 'text/plain' }, raw: fault.body };
	if (fault.body !== undefined) return json(fault.status, fault.body);
	if ([502, 503, 504].includes(fault.status)) {
		// What a load balancer in front of either API answers: HTML, not the API's JSON.
		const title = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' }[fault.status as 502 | 503 | 504];
		return { status: fault.status, headers: { 'Content-Type': 'text/html' }, raw: `<html><head><title>${fault.status} ${title}</title></head><body><center><h1>${fault.status} ${title}</h1></center></body></html>` };
	}
	if (area.startsWith('brevo')) return json(fault.status, { code: 'internal_error', message: 'Internal server error' });
	if (area === 'zoom-oauth') return json(fault.status, { reason: 'Internal Error', error: 'server_error' });
	return json(fault.status, { code: fault.status, message: 'Internal Error' });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const now = options.now ?? Date.now;
	const fixture = options.fixture ?? makeFixture();
	const zConfig = zoomConfig(options);
	const bConfig = brevoConfig(options);
	const recorder = new RequestRecorder();
	const faults = new FaultQueue();
	const timers = new Timers();
	const zoomState = createZoomState(fixture.zoom, zConfig.accountId);
	const brevoState = createBrevoState(fixture.brevo, now());
	const zoomLimiter = new ZoomRateLimiter(zoomState, zConfig.limits, zConfig.dailyLimit);
	const brevoLimiter = new BrevoRateLimiter(bConfig);

	// The base URL is known once listening; the contexts read it from here.
	const place = { baseUrl: '' };
	const zoomCtx: ZoomContext = {
		state: zoomState,
		config: zConfig,
		now,
		get baseUrl() {
			return place.baseUrl;
		},
	};
	const brevoCtx: BrevoContext = {
		state: brevoState,
		config: bConfig,
		now,
		get baseUrl() {
			return place.baseUrl;
		},
		later: (ms, fn) => timers.later(ms, fn),
	};

	const dispatch = (area: Area, req: SimRequest): SimResponse => {
		switch (area) {
			case 'zoom-api':
				return lagging(handleZoomApi(zoomCtx, zoomLimiter, req), 'X-RateLimit-Remaining', options.zoom?.reportRemaining);
			case 'zoom-oauth':
				if (req.method === 'POST' && req.subPath === '/oauth/token') return handleToken(zoomCtx, req);
				if (req.method === 'GET' && req.subPath === '/oauth/authorize') return handleAuthorize(zoomCtx, req);
				return json(404, { reason: 'Not Found', error: 'not_found' });
			case 'zoom-files':
				return handleRecordingFile(zoomCtx, req);
			case 'brevo-api':
				return lagging(handleBrevoApi(brevoCtx, brevoLimiter, req), 'x-sib-ratelimit-remaining', options.brevo?.reportRemaining);
			case 'brevo-files':
				return handleReportFile(brevoCtx, req);
		}
	};

	const forced = (fault: Exclude<Fault, { kind: 'latency' | 'reset' | 'lost-reply' }>, area: Area, req: SimRequest): SimResponse => {
		switch (fault.kind) {
			case 'status':
				return statusFault(fault, area);
			case 'unauthorized':
				if (area === 'zoom-oauth') return OAUTH_ERRORS.invalidClient();
				return area.startsWith('brevo') ? brevoErrors.unauthorized() : zoomErrors.invalidToken();
			case 'rate-limit': {
				if (area.startsWith('brevo')) return brevoLimiter.forced(bucketOf(req.subPath), fault.scope);
				const category = area === 'zoom-api' ? zoomCategoryOf(req.method, req.subPath) : 'light';
				return fault.scope === 'daily' ? zoomLimiter.dailyLimitResponse(category, now()) : zoomLimiter.windowLimitResponse(category);
			}
		}
	};

	const server = createSimServer({ now, recorder, faults, timers, dispatch, forced });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	place.baseUrl = url;
	const delivery = { now, clientId: zConfig.clientId };
	let closed: Promise<void> | undefined;

	return {
		url,
		zoomApiBaseUrl: `${url}/zoom/v2`,
		zoomOAuthBaseUrl: `${url}/zoom`,
		brevoApiBaseUrl: `${url}/brevo/v3`,
		credentials: {
			zoom: { accountId: zConfig.accountId, clientId: zConfig.clientId, clientSecret: zConfig.clientSecret },
			zoomUser: { clientId: zConfig.userClientId, clientSecret: zConfig.userClientSecret },
			brevo: { apiKey: bConfig.apiKey },
		},
		requests: recorder.requests,
		clearRequests: () => recorder.clear(),
		inject: (fault) => faults.add(fault),
		clearFaults: () => faults.clear(),
		expireTokens() {
			for (const token of zoomState.tokens.values()) token.expiresAt = Number.NEGATIVE_INFINITY;
		},
		issuedTokens: () => zoomState.issuedTokenCount,
		zoom: zoomState,
		brevo: brevoState,
		fixture,
		sendWebhook: (targetUrl, d) => sendWebhook(delivery, targetUrl, d),
		sendUrlValidation: (targetUrl, o) => sendUrlValidation(delivery, targetUrl, o),
		close() {
			closed ??= new Promise<void>((resolve) => {
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		},
	};
}
