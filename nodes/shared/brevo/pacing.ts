/**
 * Pacing for Brevo, per family of endpoints (Brevo counts them apart): never more requests in any
 * window than the account's tier allows (proactive: ordinary runs get no 429), and slower still
 * when Brevo's `x-sib-ratelimit-*` headers say the budget is spent. Pure: the clock is handed in.
 *
 * Limits from Brevo's rate-limit page (https://developers.brevo.com/docs/api-limits): general
 * tier `/contacts*` and `/events*` 10 per second, `/smtp/email` 1000 per second, everything else
 * 100 per hour; the Advanced tier (Professional and Enterprise plans) 20 per second and the
 * Extended tier 60 per second on contacts and events.
 */
export type BrevoBucket = 'contacts' | 'events' | 'email' | 'other';
export type BrevoTier = 'general' | 'advanced' | 'extended';

interface Window {
	limit: number;
	windowMs: number;
}

/** A little beyond each window for clock granularity between us and Brevo. */
const MARGIN_MS = 25;

export const BREVO_TIER_LIMITS: Record<BrevoTier, Record<BrevoBucket, Window>> = {
	general: { contacts: { limit: 10, windowMs: 1000 }, events: { limit: 10, windowMs: 1000 }, email: { limit: 1000, windowMs: 1000 }, other: { limit: 100, windowMs: 3_600_000 } },
	advanced: { contacts: { limit: 20, windowMs: 1000 }, events: { limit: 20, windowMs: 1000 }, email: { limit: 1000, windowMs: 1000 }, other: { limit: 100, windowMs: 3_600_000 } },
	extended: { contacts: { limit: 60, windowMs: 1000 }, events: { limit: 60, windowMs: 1000 }, email: { limit: 1000, windowMs: 1000 }, other: { limit: 100, windowMs: 3_600_000 } },
};

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
	/** Requests per family inside the window: timed when sent, timed again when answered. */
	private readonly sent: Record<BrevoBucket, Array<{ at: number }>> = { contacts: [], events: [], email: [], other: [] };

	constructor(
		private readonly now: () => number = Date.now,
		private readonly tier: Record<BrevoBucket, Window> = BREVO_TIER_LIMITS.general,
	) {}

	/**
	 * Counts a request of this family as sent now (call right before sending it); call the returned
	 * function when its answer (or failure) arrives. The request is then timed at its answer, which
	 * is never before Brevo counted it: a send that was slow to leave cannot make the next window
	 * look emptier to us than it is to Brevo.
	 */
	willSend(bucket: BrevoBucket): () => void {
		const hit = { at: this.now() };
		this.sent[bucket].push(hit);
		return () => {
			hit.at = this.now();
		};
	}

	/** Remembers what the last answer of this family said about the budget. */
	record(bucket: BrevoBucket, headers: Record<string, string>): void {
		const limits = rateLimitOf(headers);
		if (limits.remaining === undefined && limits.resetSeconds === undefined) return;
		const resetMs = limits.resetSeconds !== undefined && limits.resetSeconds > 0 ? limits.resetSeconds * 1000 : RESET_FALLBACK_MS;
		this.buckets.set(bucket, { ...limits, resetAt: this.now() + resetMs });
	}

	/** Milliseconds to wait before the next request of this family: until the tier's window has
	 *  room, and until the reset when Brevo said the budget is spent. */
	delayBefore(bucket: BrevoBucket): number {
		const now = this.now();
		const { limit, windowMs } = this.tier[bucket];
		const span = windowMs + MARGIN_MS;
		const live = this.sent[bucket].filter((hit) => hit.at > now - span);
		this.sent[bucket] = live;
		const times = live.map((hit) => hit.at).sort((a, b) => a - b);
		const windowWait = times.length < limit ? 0 : times[times.length - limit] + span - now;
		const state = this.buckets.get(bucket);
		const spent = state && state.remaining !== undefined && state.remaining <= 0 && state.resetAt !== undefined;
		return Math.max(0, windowWait, spent ? (state.resetAt as number) - now : 0);
	}

	/** What Brevo last said about this family's budget. */
	limits(bucket: BrevoBucket): RateLimitHeaders | undefined {
		const state = this.buckets.get(bucket);
		return state ? { limit: state.limit, remaining: state.remaining, resetSeconds: state.resetSeconds } : undefined;
	}
}
