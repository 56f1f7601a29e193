import type { SimFixture } from './fixture/types';
import type { BrevoState } from './brevo/state';
import type { ZoomState } from './zoom/state';

export type ServiceName = 'zoom' | 'zoom-oauth' | 'brevo';

export interface SimulatorOptions {
	/** Default: `makeFixture()`. */
	fixture?: SimFixture;
	/** Default 0 = ephemeral. The simulator always listens on 127.0.0.1. */
	port?: number;
	/**
	 * Milliseconds since the epoch (default `Date.now`). Token and page-token expiry, rate-limit
	 * windows and the daily-limit day follow this clock, so tests can move time instead of waiting.
	 * Brevo import processing uses real timers regardless.
	 */
	now?: () => number;
	zoom?: {
		accountId?: string;
		clientId?: string;
		clientSecret?: string;
		/** The user-managed OAuth app (authorization_code / refresh_token; client_credentials too). */
		userOAuth?: { clientId?: string; clientSecret?: string };
		/** Scopes every issued token carries. Default: every scope the package needs (granular names). */
		grantedScopes?: string[];
		/** Default 3600. Fractions allowed (tests). */
		tokenTtlSeconds?: number;
		/** Default 900 (Zoom's 15 minutes). */
		pageTokenTtlSeconds?: number;
		/** Default 'pro'. Chooses the per-category limits of zoom-api.md. */
		plan?: 'free' | 'pro' | 'business';
		/** Per-second (Resource-intensive: per-minute) limits, overriding the plan's. */
		rateLimits?: Partial<Record<ZoomRateCategory, number>>;
		/** Heavy + Resource-intensive requests per UTC day. Default per plan. */
		dailyLimit?: number;
		/** Test knob: every 2xx says this many requests are left (X-RateLimit-Remaining), as headers
		 *  that lag behind would; the limits are still enforced. */
		reportRemaining?: number;
	};
	brevo?: {
		apiKey?: string;
		/** `/contacts*`, default 10 per second. */
		contactsPerSecond?: number;
		/** `POST /events`, default 10 per second. */
		eventsPerSecond?: number;
		/** `/smtp/email`, default 1000 per second. */
		emailPerSecond?: number;
		/** Everything else (account, processes), default 100 per hour. */
		otherPerHour?: number;
		/** How long an import takes from queued to completed. Default 200 ms. */
		importProcessingMs?: number;
		/** Test knob: every 2xx says this many requests are left (x-sib-ratelimit-remaining), as
		 *  headers that lag behind would; the limits are still enforced. */
		reportRemaining?: number;
	};
}

export type ZoomRateCategory = 'light' | 'medium' | 'heavy' | 'resourceIntensive';

export interface RecordedRequest {
	service: ServiceName;
	method: string;
	/** The raw path as received (still percent-encoded), without the query string. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** Parsed JSON, a form object, the raw text, or undefined when empty. */
	body: unknown;
	/** 0 while unanswered, and for connections reset by a fault. */
	status: number;
	/** Processed with `status`, but the answer was lost (a 'lost-reply' fault). */
	replyLost?: boolean;
	/** Arrival time (simulator clock, ms). */
	at: number;
}

export interface FaultMatch {
	service?: ServiceName;
	/** Case-insensitive. */
	method?: string;
	/** A string matches when the raw path (without query) contains it; a RegExp is tested against it. */
	path?: string | RegExp;
}

/** Every fault applies to `times` matching requests (default 1), after letting `after` through (default 0). */
export type Fault = (
	| { kind: 'status'; status: number; body?: unknown; match?: FaultMatch; times?: number }
	| { kind: 'reset'; match?: FaultMatch; times?: number }
	/**
	 * The request is processed (the event stored, the email sent, the import started), then the
	 * answer is lost: the connection is dropped, or a proxy answers `status` (e.g. 504) instead.
	 */
	| { kind: 'lost-reply'; status?: number; match?: FaultMatch; times?: number }
	| { kind: 'latency'; ms: number; match?: FaultMatch; times?: number }
	| { kind: 'rate-limit'; scope: 'second' | 'daily'; match?: FaultMatch; times?: number }
	| { kind: 'unauthorized'; match?: FaultMatch; times?: number }
) & { after?: number };

export interface WebhookDelivery {
	event: string;
	payload: object;
	secretToken: string;
	/** Unix seconds; default now. Also sets `event_ts` (ms). */
	timestamp?: number;
	/** Default: a fresh random id. */
	trackingId?: string;
	/** Send exactly these bytes instead of JSON.stringify({event, event_ts, payload}). */
	rawBody?: string;
	/** Override the computed `x-zm-signature`. */
	signature?: string;
	/** Extra or replacement headers (lower-case names). */
	headers?: Record<string, string>;
	/** recording.completed and recording.transcript_completed: Zoom's token for the files, sent next
	 *  to `event` and `payload` (Zoom's example of recording.completed; Rivet's RecordingCompletedEvent). */
	download_token?: string;
}

export interface WebhookResult {
	status: number;
	body: string;
	headers: Record<string, string>;
}

export interface Simulator {
	url: string;
	zoomApiBaseUrl: string;
	zoomOAuthBaseUrl: string;
	brevoApiBaseUrl: string;
	credentials: {
		zoom: { accountId: string; clientId: string; clientSecret: string };
		zoomUser: { clientId: string; clientSecret: string };
		brevo: { apiKey: string };
	};
	requests: RecordedRequest[];
	clearRequests(): void;
	inject(fault: Fault): void;
	clearFaults(): void;
	expireTokens(): void;
	issuedTokens(): number;
	zoom: ZoomState;
	brevo: BrevoState;
	fixture: SimFixture;
	sendWebhook(targetUrl: string, delivery: WebhookDelivery): Promise<WebhookResult>;
	/** Zoom's endpoint check: posts `endpoint.url_validation` and says whether the answer was right. */
	sendUrlValidation(
		targetUrl: string,
		options: { secretToken: string; plainToken?: string; timestamp?: number },
	): Promise<WebhookResult & { plainToken: string; expectedEncryptedToken: string; valid: boolean }>;
	close(): Promise<void>;
}
