/**
 * Timers the simulator owns (import processing, injected latency). All are cancelled on close so
 * a finished test leaves nothing running.
 */
export class Timers {
	private readonly pending = new Set<NodeJS.Timeout>();

	later(ms: number, fn: () => void): void {
		const timer = setTimeout(() => {
			this.pending.delete(timer);
			fn();
		}, Math.max(0, ms));
		this.pending.add(timer);
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => this.later(ms, resolve));
	}

	clear(): void {
		for (const timer of this.pending) clearTimeout(timer);
		this.pending.clear();
	}
}
