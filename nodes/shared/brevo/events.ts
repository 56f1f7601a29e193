/**
 * Custom events (what starts Brevo automations), sent in batches through `POST /events/batch`.
 * A 207 answer (some accepted) is reported per email; nothing is sent twice on purpose.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failuresOf, invalidEventNames, planEvents, type BrevoEvent } from './eventBatches';
import { brevoFailure, isSuccess, openSession, sendToBrevo, withNote } from './request';

export type { BrevoEvent } from './eventBatches';

export interface EventOutcome {
	sent: number;
	failed: Array<{ email: string; error: string }>;
	requests: number;
}

export async function sendEvents(context: IExecuteFunctions, events: BrevoEvent[], options: { dryRun?: boolean }): Promise<EventOutcome> {
	const invalid = invalidEventNames(events);
	if (invalid.length > 0) {
		throw new NodeOperationError(context.getNode(), `Brevo would refuse the event name${invalid.length > 1 ? 's' : ''} ${invalid.map((n) => `"${String(n)}"`).join(', ')}`, {
			description: 'Event names are 1 to 255 characters: letters, digits, "-" and "_" only (e.g. zoom_webinar_attended). Change the event name in the node.',
		});
	}
	const plan = planEvents(events);
	const outcome: EventOutcome = { sent: 0, failed: [...plan.refused], requests: 0 };
	if (options.dryRun || plan.chunks.length === 0) return outcome;

	const session = await openSession(context);
	for (let i = 0; i < plan.chunks.length; i++) {
		const chunk = plan.chunks[i];
		const request = {
			method: 'POST' as const,
			path: '/events/batch',
			body: { events: chunk as unknown as IDataObject[] },
			what: `send ${chunk.length} events (request ${i + 1} of ${plan.chunks.length})`,
		};
		try {
			const response = await sendToBrevo(session, request);
			outcome.requests++;
			const partial = response.status === 207 || response.status === 400 ? failuresOf(response.body, chunk) : undefined;
			if (partial) {
				outcome.failed.push(...partial.failed);
				for (const error of partial.unmatched) outcome.failed.push({ email: '', error: `Brevo refused an event without saying which: ${error}` });
				outcome.sent += Math.max(0, chunk.length - partial.failed.length - partial.unmatched.length);
			} else if (response.status === 207) {
				// Part accepted, and no breakdown to say which: count what Brevo says it took.
				const accepted = (response.body as IDataObject | undefined)?.successful_events;
				const sent = typeof accepted === 'number' ? accepted : 0;
				outcome.sent += sent;
				outcome.failed.push({ email: '', error: `Brevo accepted ${sent} of ${chunk.length} events without saying which were refused` });
			} else if (isSuccess(response.status)) {
				outcome.sent += chunk.length;
			} else {
				throw brevoFailure(session, request, response);
			}
		} catch (error) {
			throw withNote(
				session,
				error,
				i === 0 ? 'No events were sent before this.' : `${outcome.sent} events were sent before this (requests 1–${i}); running again would send those again.`,
			);
		}
	}
	return outcome;
}
