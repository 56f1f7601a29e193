/**
 * The simulator's controllable clock: pass `clock.now` as `startSimulator({ now })`. Every time the
 * simulator reads (token and page-token expiry, rate windows, the `Date` header, which meetings
 * have ended) comes from it, so a test can let hours pass between two polls without waiting.
 */
export class SimClock {
	private t: number;

	constructor(start: string | number = '2026-11-30T12:00:00Z') {
		this.t = typeof start === 'number' ? start : Date.parse(start);
	}

	/** Bound, so it can be handed over as a plain function. */
	readonly now = (): number => this.t;

	set(at: string | number): void {
		this.t = typeof at === 'number' ? at : Date.parse(at);
	}

	advance(ms: number): void {
		this.t += ms;
	}

	iso(offsetMs = 0): string {
		return new Date(this.t + offsetMs).toISOString().replace('.000Z', 'Z');
	}
}

/**
 * Zoom's clock for a simulator that a real n8n polls: n8n schedules its polls by its own clock, so
 * Zoom's time must go on with real time; `skip` moves it ahead (hours of downtime in an instant)
 * and the offset shows the trigger going by Zoom's clock, not n8n's. Pass `clock.now` as
 * `startSimulator({ now })`.
 */
export class LiveClock {
	constructor(private offsetMs = 0) {}

	readonly now = (): number => Date.now() + this.offsetMs;

	skip(ms: number): void {
		this.offsetMs += ms;
	}

	/** Zoom's time `offsetMs` from now, to the second, as Zoom writes times. */
	iso(offsetMs = 0): string {
		return new Date(Math.floor((this.now() + offsetMs) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
	}
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
