import { backoffMs, decideRetry, retryAfterMs, type RetryInput } from '../../nodes/shared/retryPolicy';

const NOW = Date.parse('2026-03-02T23:59:30Z');
const base = (over: Partial<RetryInput>): RetryInput => ({ attempt: 1, nowMs: NOW, maxRetries: 5, maxWaitMs: 60_000, random: () => 0.5, ...over });

describe('decideRetry', () => {
	it('waits Retry-After seconds after a per-second 429', () => {
		expect(decideRetry(base({ status: 429, headers: { 'Retry-After': '1', 'X-RateLimit-Type': 'QPS' } }))).toEqual({
			retry: true,
			waitMs: 1000,
			reason: "Zoom's rate limit (HTTP 429), retry after 1000 ms",
		});
	});

	it('waits for the daily limit when it resets within maxWaitMs (Retry-After is an ISO date-time)', () => {
		const headers = { 'retry-after': '2026-03-03T00:00:00Z', 'x-ratelimit-type': 'Daily-limit' };
		expect(decideRetry(base({ status: 429, headers }))).toEqual({
			retry: true,
			waitMs: 30_000,
			reason: "Zoom's daily rate limit, which resets at 2026-03-03T00:00:00Z",
		});
	});

	it('does not wait for a daily reset further away than maxWaitMs, and names it', () => {
		const headers = { 'retry-after': '2026-03-03T00:00:00Z', 'x-ratelimit-type': 'Daily-limit' };
		expect(decideRetry(base({ status: 429, headers, maxWaitMs: 10_000 }))).toEqual({ retry: false, tooLongUntil: '2026-03-03T00:00:00Z' });
	});

	it('takes the next UTC midnight for a daily 429 without Retry-After', () => {
		const headers = { 'x-ratelimit-type': 'Daily-limit' };
		expect(decideRetry(base({ status: 429, headers, nowMs: Date.parse('2026-03-02T12:00:00Z') }))).toEqual({
			retry: false,
			tooLongUntil: '2026-03-03T00:00:00Z',
		});
	});

	it('waits at least a second after a 429 without Retry-After', () => {
		expect(decideRetry(base({ status: 429 }))).toMatchObject({ retry: true, waitMs: 1000 });
	});

	it('backs off exponentially with full jitter on 5xx and dropped connections, capped', () => {
		const waits = [1, 2, 3, 4, 5].map((attempt) => decideRetry(base({ status: 503, attempt, random: () => 1 })));
		expect(waits.map((d) => (d.retry ? d.waitMs : -1))).toEqual([500, 1000, 2000, 4000, 8000]);
		expect(decideRetry(base({ networkCode: 'ECONNRESET', attempt: 3, random: () => 0.25 }))).toEqual({
			retry: true,
			waitMs: 500,
			reason: 'the connection failed (ECONNRESET)',
		});
		expect(decideRetry(base({ networkCode: 'ETIMEDOUT', attempt: 1 }))).toMatchObject({ retry: true, waitMs: 250 });
		expect(backoffMs(20, () => 1)).toBe(30_000);
		expect(backoffMs(3, () => 0)).toBe(0);
	});

	it('honours Retry-After on a 503', () => {
		expect(decideRetry(base({ status: 503, headers: { 'Retry-After': '3' } }))).toMatchObject({ retry: true, waitMs: 3000 });
	});

	it('stops after maxRetries', () => {
		expect(decideRetry(base({ status: 502, attempt: 5 }))).toMatchObject({ retry: true });
		expect(decideRetry(base({ status: 502, attempt: 6 }))).toEqual({ retry: false });
		expect(decideRetry(base({ status: 429, headers: { 'retry-after': '1' }, attempt: 6 }))).toEqual({ retry: false });
	});

	it('does not retry 401 (n8n renews the token itself), other 4xx, 501, or configuration failures', () => {
		for (const status of [400, 401, 403, 404, 409, 501, 505]) expect(decideRetry(base({ status }))).toEqual({ retry: false });
		for (const networkCode of ['ECONNREFUSED', 'ENOTFOUND', 'CERT_HAS_EXPIRED']) expect(decideRetry(base({ networkCode }))).toEqual({ retry: false });
		expect(decideRetry(base({}))).toEqual({ retry: false });
	});
});

describe('retryAfterMs', () => {
	it('reads seconds or a date-time', () => {
		expect(retryAfterMs('2', NOW)).toBe(2000);
		expect(retryAfterMs('0.5', NOW)).toBe(500);
		expect(retryAfterMs('Tue, 03 Mar 2026 00:00:00 GMT', NOW)).toBe(30_000);
		expect(retryAfterMs('2026-03-02T23:00:00Z', NOW)).toBe(0);
		expect(retryAfterMs('soon', NOW)).toBeUndefined();
		expect(retryAfterMs(undefined, NOW)).toBeUndefined();
	});
});
