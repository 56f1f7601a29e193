/**
 * What a rate limit sees in the simulator's request log: the most requests in any sliding window.
 * Used by tests and the benchmark to hold the package to Zoom's and Brevo's limits.
 */
import type { RecordedRequest } from './types';
import { zoomCategoryOf } from './zoom/router';

/** The most of `times` (ms) that fall within any span shorter than `windowMs`. */
export function maxInAnyWindow(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/** Zoom API requests by rate category, as the simulator classifies them. */
export function zoomRequestsByCategory(requests: RecordedRequest[]): Record<string, RecordedRequest[]> {
	const byCategory: Record<string, RecordedRequest[]> = {};
	for (const request of requests.filter((r) => r.service === 'zoom')) {
		const subPath = request.path.replace(/^\/zoom\/v2/, '');
		(byCategory[zoomCategoryOf(request.method, subPath)] ??= []).push(request);
	}
	return byCategory;
}
