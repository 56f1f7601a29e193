import type { Fault, FaultMatch, ServiceName } from './types';

interface Armed {
	fault: Fault;
	remaining: number;
	/** Matching requests still to let through before the fault applies. */
	passes: number;
}

export interface FaultTarget {
	service: ServiceName;
	method: string;
	path: string;
}

export function faultMatches(match: FaultMatch | undefined, target: FaultTarget): boolean {
	if (!match) return true;
	if (match.service && match.service !== target.service) return false;
	if (match.method && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
	if (match.path !== undefined) {
		if (typeof match.path === 'string') return target.path.includes(match.path);
		match.path.lastIndex = 0;
		return match.path.test(target.path);
	}
	return true;
}

/**
 * Faults armed by a test, consumed in insertion order. Latency faults add up and let the request
 * go on; the first other matching fault decides the answer.
 */
export class FaultQueue {
	private armed: Armed[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (!(times > 0)) return;
		this.armed.push({ fault, remaining: times, passes: fault.after ?? 0 });
	}

	clear(): void {
		this.armed = [];
	}

	take(target: FaultTarget): { delayMs: number; fault?: Exclude<Fault, { kind: 'latency' }> } {
		let delayMs = 0;
		for (const entry of [...this.armed]) {
			if (!faultMatches(entry.fault.match, target)) continue;
			if (entry.passes > 0) {
				entry.passes--;
				continue;
			}
			entry.remaining--;
			if (entry.remaining <= 0) this.armed.splice(this.armed.indexOf(entry), 1);
			if (entry.fault.kind === 'latency') {
				delayMs += entry.fault.ms;
				continue;
			}
			return { delayMs, fault: entry.fault };
		}
		return { delayMs };
	}
}
