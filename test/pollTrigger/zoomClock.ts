import { HOUR, SimClock } from '../simulator/clock';

/** Something that happens once, between two answers of the simulator (e.g. mid-listing). */
export interface Meanwhile {
	when: () => boolean;
	then: () => void;
}

/**
 * Zoom's clock for the poll tests, three hours ahead of this machine's (the trigger must go by
 * Zoom's alone), whose `now` — the simulator's clock — also runs a `meanwhile` hook once its
 * condition holds.
 */
export function zoomClock() {
	const clock = new SimClock(Date.now() + 3 * HOUR);
	let pending: Meanwhile | undefined;
	return {
		clock,
		now: () => {
			if (pending?.when()) {
				const { then } = pending;
				pending = undefined;
				then();
			}
			return clock.now();
		},
		meanwhile: (hook: Meanwhile) => {
			pending = hook;
		},
		/** Whether the last hook ran (a test whose hook never ran tested nothing). */
		meanwhileRan: () => pending === undefined,
		/** Before each test: Zoom's "now" from this machine's, on a whole second; no hook. */
		reset: () => {
			clock.set(Math.floor(Date.now() / 1000) * 1000 + 3 * HOUR);
			pending = undefined;
		},
	};
}
