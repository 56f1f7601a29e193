import { json, type SimResponse } from '../http';
import { SlidingWindow } from '../rateLimit';
import type { BrevoConfig } from './state';

export type BrevoBucket = 'contacts' | 'events' | 'email' | 'other';

/** Brevo's general tier: `/contacts*` and `/events*` per second, `/smtp/email` per second,
 *  everything else (account, processes) per hour. */
export function bucketOf(subPath: string): BrevoBucket {
	if (subPath === '/contacts' || subPath.startsWith('/contacts/')) return 'contacts';
	if (subPath === '/events' || subPath.startsWith('/events/')) return 'events';
	if (subPath === '/smtp/email') return 'email';
	return 'other';
}

export class BrevoRateLimiter {
	private readonly windows: Record<BrevoBucket, SlidingWindow>;

	constructor(config: BrevoConfig) {
		this.windows = {
			contacts: new SlidingWindow(config.contactsPerSecond, 1000),
			events: new SlidingWindow(config.eventsPerSecond, 1000),
			email: new SlidingWindow(config.emailPerSecond, 1000),
			other: new SlidingWindow(config.otherPerHour, 3_600_000),
		};
	}

	/** Every answer carries the `x-sib-ratelimit-*` headers; over the limit it is a 429 (no Retry-After). */
	admit(bucket: BrevoBucket, now: number): { headers: Record<string, string> } | { response: SimResponse } {
		const window = this.windows[bucket];
		const result = window.take(now);
		const headers = {
			'x-sib-ratelimit-limit': String(window.limit),
			'x-sib-ratelimit-remaining': String(result.remaining),
			'x-sib-ratelimit-reset': String(Math.max(1, Math.ceil(result.resetMs / 1000))),
		};
		if (!result.allowed) return { response: json(429, { code: 'too_many_requests', message: 'Too many requests' }, headers) };
		return { headers };
	}

	/** A forced 429 (fault injection) that looks like the real one. */
	forced(bucket: BrevoBucket, scope: 'second' | 'daily'): SimResponse {
		const window = this.windows[bucket];
		return json(429, { code: 'too_many_requests', message: 'Too many requests' }, {
			'x-sib-ratelimit-limit': String(window.limit),
			'x-sib-ratelimit-remaining': '0',
			'x-sib-ratelimit-reset': scope === 'second' ? '1' : '3600',
		});
	}
}
