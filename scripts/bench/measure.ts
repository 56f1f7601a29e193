/** Small measuring helpers for the benchmark: wall time and peak memory sampled while a task runs. */
export interface Measured<T> {
	value: T;
	ms: number;
	peakRssDeltaMb: number;
	peakHeapDeltaMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function measure<T>(task: () => Promise<T>): Promise<Measured<T>> {
	global.gc?.();
	const base = process.memoryUsage();
	let peakRss = base.rss;
	let peakHeap = base.heapUsed;
	const sampler = setInterval(() => {
		const now = process.memoryUsage();
		peakRss = Math.max(peakRss, now.rss);
		peakHeap = Math.max(peakHeap, now.heapUsed);
	}, 20);
	const started = performance.now();
	try {
		const value = await task();
		const ms = performance.now() - started;
		const end = process.memoryUsage();
		peakRss = Math.max(peakRss, end.rss);
		peakHeap = Math.max(peakHeap, end.heapUsed);
		return { value, ms, peakRssDeltaMb: mb(peakRss - base.rss), peakHeapDeltaMb: mb(peakHeap - base.heapUsed) };
	} finally {
		clearInterval(sampler);
	}
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
