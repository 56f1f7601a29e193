/**
 * A sliding-window counter: at most `limit` accepted hits in any `windowMs` span. Rejected hits do
 * not count, as with Zoom and Brevo, so a client that backs off recovers after one window.
 */
export class SlidingWindow {
	private hits: number[] = [];

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	private prune(now: number): void {
		const cutoff = now - this.windowMs;
		let drop = 0;
		while (drop < this.hits.length && this.hits[drop] <= cutoff) drop++;
		if (drop > 0) this.hits.splice(0, drop);
	}

	/** Counts the hit if there is room. */
	take(now: number): { allowed: boolean; remaining: number; resetMs: number } {
		this.prune(now);
		if (this.hits.length >= this.limit) {
			return { allowed: false, remaining: 0, resetMs: this.hits[0] + this.windowMs - now };
		}
		this.hits.push(now);
		return { allowed: true, remaining: this.limit - this.hits.length, resetMs: this.hits[0] + this.windowMs - now };
	}

	peek(now: number): { remaining: number; resetMs: number } {
		this.prune(now);
		const resetMs = this.hits.length > 0 ? this.hits[0] + this.windowMs - now : this.windowMs;
		return { remaining: Math.max(0, this.limit - this.hits.length), resetMs };
	}
}
