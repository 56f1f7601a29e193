import type { RecordedRequest } from './types';

/**
 * Keeps every request in arrival order. The array is handed out as `sim.requests` and cleared in
 * place, so a reference a test holds stays current.
 */
export class RequestRecorder {
	readonly requests: RecordedRequest[] = [];

	record(entry: Omit<RecordedRequest, 'status'>): RecordedRequest {
		const recorded: RecordedRequest = { ...entry, status: 0 };
		this.requests.push(recorded);
		return recorded;
	}

	clear(): void {
		this.requests.length = 0;
	}
}
