import { sleep } from 'n8n-workflow';

import { headerValue } from './httpFailure';

export type ZoomRateCategory = 'light' | 'medium' | 'heavy' | 'resourceIntensive';
export type ZoomPlan = 'free' | 'pro' | 'business';

/** Requests per second (Resource-intensive: per minute) by plan, from Zoom's rate-limit table.
 *  Free is documented only as "about 4/2/1 per second"; its per-minute figure is a cautious guess. */
export const ZOOM_PLAN_LIMITS: Record<ZoomPlan, Record<ZoomRateCategory, number>> = {
	free: { light: 4, medium: 2, heavy: 1, resourceIntensive: 1 },
	pro: { light: 30, medium: 20, heavy: 10, resourceIntensive: 10 },
	business: { light: 80, medium: 60, heavy: 40, resourceIntensive: 20 },
};

/** Zoom's windows, plus a little for clock granularity. A request is timed when its answer comes
 *  back (see afterResponse), which is never before Zoom counted it: it cannot leave our window
 *  before it leaves Zoom's, however long the network took. */
const WINDOW_MS: Record<ZoomRateCategory, number> = {
	light: 1025,
	medium: 1025,
	heavy: 1025,
	resourceIntensive: 60_025,
};

/** One request in the window: timed when sent, timed again when its answer arrives. */
interface Hit {
	at: number;
	answered: boolean;
}

export interface ZoomPacerStats {
	/** Requests let through. */
	requests: number;
	/** Time spent waiting to stay under the limit. */
	waitedMs: number;
	/** 429 answers seen (should stay 0 unless others share the account's budget). */
	rateLimited: number;
	retries: number;
	/** Time spent waiting before retries (Retry-After, backoff). */
	retryWaitedMs: number;
}

export interface ZoomPacerOptions {
	/** Default: n8n-workflow's sleep. */
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Keeps one node execution under Zoom's per-category rate limits, so an ordinary run gets no 429.
 * A sliding window of our own request times per category, sized from the plan; Zoom's
 * `X-RateLimit-*` headers tighten it when they report a lower limit, or fewer requests left than
 * we think (other workflows on the same account). No timers: it waits only when asked to send.
 */
export class ZoomPacer {
	readonly stats: ZoomPacerStats = { requests: 0, waitedMs: 0, rateLimited: 0, retries: 0, retryWaitedMs: 0 };

	private readonly limits: Record<ZoomRateCategory, number>;
	private readonly hits: Record<ZoomRateCategory, Hit[]> = { light: [], medium: [], heavy: [], resourceIntensive: [] };
	/** Categories in which other clients were seen spending the same account's budget. */
	private readonly shared: Record<ZoomRateCategory, boolean> = { light: false, medium: false, heavy: false, resourceIntensive: false };
	private readonly pause: (ms: number, signal?: AbortSignal) => Promise<void>;

	constructor(
		readonly plan: ZoomPlan,
		private readonly clock: () => number = Date.now,
		options: ZoomPacerOptions = {},
	) {
		this.limits = { ...ZOOM_PLAN_LIMITS[plan] };
		this.pause = options.sleep ?? sleep;
	}

	/** Another item of the same run names a plan: the stricter limits hold for the whole run. */
	usePlan(plan: ZoomPlan): void {
		for (const category of Object.keys(this.limits) as ZoomRateCategory[]) {
			this.limits[category] = Math.min(this.limits[category], ZOOM_PLAN_LIMITS[plan][category]);
		}
	}

	/** The pacer's clock, in milliseconds. */
	now(): number {
		return this.clock();
	}

	/** The limit currently used for a category (per second; per minute for Resource-intensive). */
	limitOf(category: ZoomRateCategory): number {
		return this.limits[category];
	}

	/** Waits until one more request of this category fits in the window, then counts it. */
	async beforeRequest(category: ZoomRateCategory, signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.clock();
			const hits = this.liveHits(category, now);
			const limit = this.limits[category];
			if (hits.length < limit) {
				hits.push({ at: now, answered: false });
				this.stats.requests++;
				return;
			}
			// The window has room again once all but limit − 1 of these hits have left it.
			const times = hits.map((hit) => hit.at).sort((a, b) => a - b);
			const waitMs = Math.max(1, times[times.length - limit] + WINDOW_MS[category] - now);
			this.stats.waitedMs += waitMs;
			await this.pause(waitMs, signal);
		}
	}

	/**
	 * Call when an answer (success or error) arrives, with its headers (may be empty). Times the
	 * request at its answer, then reads Zoom's rate-limit headers. Daily-limit headers count the
	 * day's budget, not the per-second one, and leave the window alone.
	 */
	afterResponse(category: ZoomRateCategory, headers: Record<string, unknown>): void {
		const now = this.clock();
		const hits = this.liveHits(category, now);
		const waiting = hits.find((hit) => !hit.answered);
		if (waiting) {
			waiting.at = now;
			waiting.answered = true;
		}
		const type = headerValue(headers, 'x-ratelimit-type');
		if (type !== undefined && !/qps|second|minute/i.test(type)) return;
		const limit = Number(headerValue(headers, 'x-ratelimit-limit'));
		if (Number.isInteger(limit) && limit > 0 && limit < this.limits[category]) this.limits[category] = limit;
		const remaining = Number(headerValue(headers, 'x-ratelimit-remaining') ?? NaN);
		if (!Number.isInteger(remaining) || remaining < 0) return;
		// Fewer left than our own count says: others spend the same budget. Count their requests as
		// if made now (they leave our window no earlier than they leave Zoom's), and from then on keep
		// one request in hand for theirs that are on the way.
		if (this.limits[category] - hits.length > remaining) this.shared[category] = true;
		const left = Math.max(0, remaining - (this.shared[category] ? 1 : 0));
		while (this.limits[category] - hits.length > left) hits.push({ at: now, answered: true });
	}

	/** The category's hits still inside the window. */
	private liveHits(category: ZoomRateCategory, now: number): Hit[] {
		const windowMs = WINDOW_MS[category];
		const live = this.hits[category].filter((hit) => hit.at > now - windowMs);
		this.hits[category] = live;
		return live;
	}

	/** Waits before a retry and counts it. */
	async waitBeforeRetry(waitMs: number, rateLimited: boolean, signal?: AbortSignal): Promise<void> {
		this.stats.retries++;
		if (rateLimited) this.stats.rateLimited++;
		this.stats.retryWaitedMs += waitMs;
		if (waitMs > 0) await this.pause(waitMs, signal);
	}

	/** Counts a 429 that is not retried. */
	noteRateLimited(): void {
		this.stats.rateLimited++;
	}
}
