import { SlidingWindow } from '../rateLimit';
import type { ZoomRateCategory } from '../types';
import type { ZoomState } from './state';
import { json, type SimResponse } from '../http';

/** Per-second limits (Resource-intensive: per minute) by plan, from zoom-api.md. Free is "about
 *  4/2/1 per second"; its per-minute and daily figures are not documented, so they are guesses. */
export const PLAN_LIMITS: Record<'free' | 'pro' | 'business', Record<ZoomRateCategory, number>> = {
	free: { light: 4, medium: 2, heavy: 1, resourceIntensive: 1 },
	pro: { light: 30, medium: 20, heavy: 10, resourceIntensive: 10 },
	business: { light: 80, medium: 60, heavy: 40, resourceIntensive: 20 },
};

export const PLAN_DAILY_LIMITS: Record<'free' | 'pro' | 'business', number> = { free: 30_000, pro: 30_000, business: 60_000 };

const CATEGORY_LABEL: Record<ZoomRateCategory, string> = {
	light: 'Light',
	medium: 'Medium',
	heavy: 'Heavy',
	resourceIntensive: 'Resource-intensive',
};

const QPS_MESSAGE = 'You have reached the maximum per-second rate limit for this API. Try again later.';
const PER_MINUTE_MESSAGE = 'You have reached the maximum per-minute rate limit for this API. Try again later.';
const DAILY_MESSAGE =
	'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';

function utcDay(now: number): string {
	return new Date(now).toISOString().slice(0, 10);
}

/** Zoom's daily limit resets at 00:00 UTC and says so as an ISO date-time in `Retry-After`. */
export function nextUtcMidnight(now: number): string {
	const d = new Date(now);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString().replace('.000Z', 'Z');
}

function countsTowardsDaily(category: ZoomRateCategory): boolean {
	return category === 'heavy' || category === 'resourceIntensive';
}

/**
 * Zoom's account-wide limits: a sliding window per category (one second; one minute for
 * Resource-intensive) and a daily budget shared by Heavy and Resource-intensive calls. Each route
 * names its category from Zoom's "Rate Limit Label" (zoom/route.ts): e.g. the reports Heavy, batch
 * registration (`POST /webinars|meetings/{id}/batch_registrants`) Heavy, so every batch also takes
 * one from the daily budget (zoom/registrants.ts [K]).
 */
export class ZoomRateLimiter {
	private readonly windows: Record<ZoomRateCategory, SlidingWindow>;

	constructor(
		private readonly state: ZoomState,
		private readonly limits: Record<ZoomRateCategory, number>,
		private readonly dailyLimit: number,
	) {
		this.windows = {
			light: new SlidingWindow(limits.light, 1000),
			medium: new SlidingWindow(limits.medium, 1000),
			heavy: new SlidingWindow(limits.heavy, 1000),
			resourceIntensive: new SlidingWindow(limits.resourceIntensive, 60_000),
		};
	}

	private daily(now: number): { day: string; count: number } {
		const day = utcDay(now);
		if (this.state.dailyUsage.day !== day) this.state.dailyUsage = { day, count: 0 };
		return this.state.dailyUsage;
	}

	/** Takes one request from the budgets, or answers the 429 Zoom would send. */
	admit(category: ZoomRateCategory, now: number): { headers: Record<string, string> } | { response: SimResponse } {
		if (countsTowardsDaily(category)) {
			const usage = this.daily(now);
			if (usage.count >= this.dailyLimit) return { response: this.dailyLimitResponse(category, now) };
		}
		const result = this.windows[category].take(now);
		if (!result.allowed) return { response: this.windowLimitResponse(category, result.resetMs) };
		if (countsTowardsDaily(category)) {
			const usage = this.daily(now);
			usage.count++;
			// Heavy calls report the daily budget, the one that actually runs out.
			return { headers: this.headers(category, 'Daily-limit', this.dailyLimit, this.dailyLimit - usage.count) };
		}
		return { headers: this.headers(category, 'QPS', this.limits[category], result.remaining) };
	}

	/** The headers without spending anything: for answers refused before the budget is touched (401, scopes). */
	peekHeaders(category: ZoomRateCategory, now: number): Record<string, string> {
		if (countsTowardsDaily(category)) {
			return this.headers(category, 'Daily-limit', this.dailyLimit, this.dailyLimit - this.daily(now).count);
		}
		return this.headers(category, 'QPS', this.limits[category], this.windows[category].peek(now).remaining);
	}

	windowLimitResponse(category: ZoomRateCategory, resetMs = 1000): SimResponse {
		const message = category === 'resourceIntensive' ? PER_MINUTE_MESSAGE : QPS_MESSAGE;
		return json(429, { code: 429, message }, {
			...this.headers(category, 'QPS', this.limits[category], 0),
			'Retry-After': String(Math.max(1, Math.ceil(resetMs / 1000))),
		});
	}

	dailyLimitResponse(category: ZoomRateCategory, now: number): SimResponse {
		return json(429, { code: 429, message: DAILY_MESSAGE }, {
			...this.headers(category, 'Daily-limit', this.dailyLimit, 0),
			'Retry-After': nextUtcMidnight(now),
		});
	}

	private headers(category: ZoomRateCategory, type: 'QPS' | 'Daily-limit', limit: number, remaining: number): Record<string, string> {
		return {
			'X-RateLimit-Category': CATEGORY_LABEL[category],
			'X-RateLimit-Type': type,
			'X-RateLimit-Limit': String(limit),
			'X-RateLimit-Remaining': String(Math.max(0, remaining)),
		};
	}
}
