/**
 * Pacing from Brevo's `x-sib-ratelimit-*` headers. Brevo counts per family of endpoints (general
 * tier: `/contacts*` and `/events*` 10 per second, `/smtp/email` 1000 per second, everything else
 * 100 per hour), so each family is followed on its own. Pure: the clock is handed in.
 */
export type BrevoBucket = 'contacts' | 'events' | 'email' | 'other';

export function bucketOf(path: string): BrevoBucket {
	const bare = path.split('?')[0];
	if (bare === '/contacts' || bare.startsWith('/contacts/')) return 'contacts';
	if (bare === '/events' || bare.startsWith('/events/')) return 'events';
	if (bare === '/smtp/email') return 'email';
	return 'other';
}

export interface RateLimitHeaders {
	limit?: number;
	remaining?: number;
	/** Seconds until the window frees up. */
	resetSeconds?: number;
}

function numberHeader(headers: Record<string, string>, name: string): number | undefined {
	const raw = headers[name];
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) ? value : undefined;
}

export function rateLimitOf(headers: Record<string, string>): RateLimitHeaders {
	return {
		limit: numberHeader(headers, 'x-sib-ratelimit-limit'),
		remaining: numberHeader(headers, 'x-sib-ratelimit-remaining'),
		resetSeconds: numberHeader(headers, 'x-sib-ratelimit-reset'),
	};
}

/** When Brevo says the budget is spent but gives no (or a zero) reset. */
const RESET_FALLBACK_MS = 1000;

interface BucketState extends RateLimitHeaders {
	/** Clock time at which the window frees up. */
	resetAt?: number;
}

export class RatePacer {
	private readonly buckets = new Map<BrevoBucket, BucketState>();

	constructor(private readonly now: () => number = Date.now) {}

	/** Remembers what the last answer of this family said about the budget. */
	record(bucket: BrevoBucket, headers: Record<string, string>): void {
		const limits = rateLimitOf(headers);
		if (limits.remaining === undefined && limits.resetSeconds === undefined) return;
		const resetMs = limits.resetSeconds !== undefined && limits.resetSeconds > 0 ? limits.resetSeconds * 1000 : RESET_FALLBACK_MS;
		this.buckets.set(bucket, { ...limits, resetAt: this.now() + resetMs });
	}

	/** Milliseconds to wait before the next request of this family: until the reset when the budget is spent. */
	delayBefore(bucket: BrevoBucket): number {
		const state = this.buckets.get(bucket);
		if (!state || state.remaining === undefined || state.remaining > 0 || state.resetAt === undefined) return 0;
		return Math.max(0, state.resetAt - this.now());
	}

	/** What Brevo last said about this family's budget. */
	limits(bucket: BrevoBucket): RateLimitHeaders | undefined {
		const state = this.buckets.get(bucket);
		return state ? { limit: state.limit, remaining: state.remaining, resetSeconds: state.resetSeconds } : undefined;
	}
}
