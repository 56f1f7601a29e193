export const sleep = async (ms: number): Promise<void> =>
	await new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
	timeoutMs?: number;
	intervalMs?: number;
	/** Named in the timeout error. */
	what?: string;
}

/** Calls `probe` until it returns something other than undefined, or throws after the timeout
 *  (with the last probe error, if any). */
export async function waitFor<T>(
	probe: () => Promise<T | undefined> | T | undefined,
	{ timeoutMs = 30_000, intervalMs = 250, what = 'condition' }: WaitOptions = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
			lastError = undefined;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() >= deadline) {
			const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
		}
		await sleep(intervalMs);
	}
}
