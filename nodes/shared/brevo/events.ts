/**
 * Custom events (what starts Brevo automations), sent in batches through `POST /events/batch`.
 * Each event is sent at most once: a request whose answer was lost or was a 5xx is not repeated
 * (its events are `unconfirmed`), and sending stops at the first failure so that what was not
 * sent can be sent by a re-run.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type NodeApiError } from 'n8n-workflow';

import { deliveriesOf, failuresOf, invalidEventNames, planEvents, type BrevoEvent, type EventDelivery } from './eventBatches';
import { brevoFailure, isSuccess, isUnconfirmed, openSession, sendToBrevo } from './request';

export type { BrevoEvent, EventDelivery } from './eventBatches';
export { planEvents } from './eventBatches';

export interface EventOutcome {
	/** One per event given, in the same order. */
	perEvent: EventDelivery[];
	requests: number;
	/** The failure that stopped sending; the events after it are `not sent`. The caller reports it. */
	stoppedBy?: NodeApiError | NodeOperationError;
}

/** Stops before anything is sent when Brevo would refuse an event name. */
export function assertEventNames(context: IExecuteFunctions, events: BrevoEvent[]): void {
	const invalid = invalidEventNames(events);
	if (invalid.length > 0) {
		throw new NodeOperationError(context.getNode(), `Brevo would refuse the event name${invalid.length > 1 ? 's' : ''} ${invalid.map((n) => `"${String(n)}"`).join(', ')}`, {
			description: 'Event names are 1 to 255 characters: letters, digits, "-" and "_" only (e.g. zoom_webinar_attended). Change the event name in the node.',
		});
	}
}

/**
 * `request`: when the caller sends its own plan one request at a time (sendOnce.ts), which request
 * of how many this is, so errors name it as the whole plan does.
 */
export async function sendEvents(
	context: IExecuteFunctions,
	events: BrevoEvent[],
	options: { dryRun?: boolean; request?: { number: number; of: number } },
): Promise<EventOutcome> {
	assertEventNames(context, events);
	const plan = planEvents(events);
	const perEvent: EventDelivery[] = events.map(() => ({ status: 'not sent', reason: 'dry run' }));
	for (const { index, error } of plan.refused) perEvent[index] = { status: 'not sent', reason: error };
	const outcome: EventOutcome = { perEvent, requests: 0 };
	if (options.dryRun || plan.chunks.length === 0) return outcome;

	const session = await openSession(context);
	for (let i = 0; i < plan.chunks.length; i++) {
		const chunk = plan.chunks[i];
		const request = {
			method: 'POST' as const,
			path: '/events/batch',
			body: { events: chunk.map((index) => events[index]) as unknown as IDataObject[] },
			what: `send ${chunk.length} events (request ${options.request && plan.chunks.length === 1 ? `${options.request.number} of ${options.request.of}` : `${i + 1} of ${plan.chunks.length}`})`,
			atMostOnce: true,
		};
		try {
			const response = await sendToBrevo(session, request);
			outcome.requests++;
			// A 4xx without a per-event breakdown refused the request as a whole.
			const brokenDown = response.status === 400 && failuresOf(response.body, chunk.length) !== undefined;
			if (!isSuccess(response.status) && !brokenDown) throw brevoFailure(session, request, response);
			const answered = deliveriesOf(response.status, response.body, chunk.length);
			chunk.forEach((index, k) => (perEvent[index] = answered[k]));
		} catch (error) {
			const failure = error as NodeApiError | NodeOperationError;
			const here: EventDelivery = isUnconfirmed(error)
				? { status: 'unconfirmed', note: failure.message }
				: { status: 'failed', error: failure.message };
			for (const index of chunk) perEvent[index] = here;
			for (const later of plan.chunks.slice(i + 1)) {
				for (const index of later) perEvent[index] = { status: 'not sent', reason: 'sending stopped at an earlier failure' };
			}
			outcome.stoppedBy = failure;
			return outcome;
		}
	}
	return outcome;
}
