/**
 * Follow-ups (Brevo events, template emails) that reach each person at most once per meeting or
 * webinar instance: the key of each is recorded in n8n's deduplication store before it is sent,
 * follow-ups already recorded are not sent again, and the keys of those that provably did not go
 * out (refused by Brevo, never sent) are forgotten so a re-run sends them. A follow-up whose
 * answer was lost stays recorded: it may have arrived.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { assertEventNames, sendEvents, type BrevoEvent, type EventDelivery } from '../../shared/brevo';
import { claim, release } from './record';

export interface EventFollowUp {
	/** followUpKey('event', ...) */
	key: string;
	event: BrevoEvent;
}

export interface SendOnceOptions {
	dryRun: boolean;
	/** Options → Repeat Follow-Ups: send even what was sent before (and record it again). */
	repeat: boolean;
}

/** An event's delivery, or an email's: `sent` (Brevo gave a message ID). */
export type FollowUpStatus = EventDelivery['status'] | 'sent' | 'already sent' | 'dry-run';

/** Keys of follow-ups that provably did not reach anyone. */
export const notDelivered = (status: FollowUpStatus) => status === 'failed' || status === 'not sent';

/** Counts by status, in words: "38 accepted, 2 already sent before (not sent again), 1 failed". */
export function countStatuses(statuses: FollowUpStatus[]): string {
	const counts = new Map<FollowUpStatus, number>();
	for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
	const words: Record<FollowUpStatus, string> = {
		accepted: 'accepted',
		sent: 'sent',
		'already sent': 'already sent before (not sent again)',
		failed: 'failed',
		unconfirmed: 'not confirmed (not sent again)',
		'not sent': 'not sent',
		'dry-run': 'would be sent',
	};
	return [...counts].map(([status, n]) => `${n} ${words[status]}`).join(', ');
}

/** What became of one follow-up: its status, and the error, note or reason that goes with it. */
export type FollowUpDelivery = IDataObject & { status: FollowUpStatus };

export interface Batch {
	/** One per follow-up handed to `send`, in its order. */
	deliveries: FollowUpDelivery[];
	/** The failure that stopped sending (the follow-ups after it are `not sent`). */
	stoppedBy?: Error & { description?: string | null };
}

/**
 * The exactly-once protocol shared by every follow-up: record all keys in one store call; hand
 * `send` only those not recorded before (all of them with Repeat Follow-Ups); forget the keys of
 * those that provably did not go out, so a re-run sends them; if sending stopped, add to its error
 * how far it got and throw it. `what` names the follow-ups in that sentence ("Events").
 */
export async function sendOnce(
	context: IExecuteFunctions,
	keys: string[],
	options: { repeat: boolean; what: string; already: FollowUpDelivery },
	send: (fresh: number[]) => Promise<Batch>,
): Promise<FollowUpDelivery[]> {
	const recorded = await claim(context, 'workflow', keys);
	const fresh = keys.flatMap((key, i) => (options.repeat || !recorded.has(key) ? [i] : []));
	const batch = await send(fresh);
	const deliveries: FollowUpDelivery[] = keys.map(() => options.already);
	fresh.forEach((i, k) => (deliveries[i] = batch.deliveries[k]));
	await release(context, 'workflow', fresh.filter((i) => notDelivered(deliveries[i].status)).map((i) => keys[i]));

	if (batch.stoppedBy) {
		const error = batch.stoppedBy;
		error.description = [
			error.description,
			`${options.what} so far: ${countStatuses(deliveries.map((d) => d.status))}. A re-run sends only the ones not sent or failed; nobody gets one twice.`,
		]
			.filter(Boolean)
			.join(' ');
		throw error;
	}
	return deliveries;
}

export interface EventsOnceResult {
	/** One per follow-up given: `{ name, status, error? | note? | reason? }`. */
	perFollowUp: IDataObject[];
	summary: string;
	/** What to do in Brevo now that events arrived, when some did. */
	nextStep?: string;
}

export async function sendEventsOnce(context: IExecuteFunctions, followUps: EventFollowUp[], options: SendOnceOptions): Promise<EventsOnceResult> {
	const events = followUps.map((f) => f.event);
	assertEventNames(context, events);
	const named = (deliveries: FollowUpDelivery[]) => deliveries.map((delivery, i) => ({ name: events[i].event_name, ...delivery }));
	if (options.dryRun) {
		return {
			perFollowUp: named(followUps.map(() => ({ status: 'dry-run' }))),
			summary: `would send ${eventCounts(events)} to Brevo (events already sent to a person for this meeting or webinar would be left out)`,
		};
	}
	let requests = 0;
	const deliveries = await sendOnce(
		context,
		followUps.map((f) => f.key),
		{
			repeat: options.repeat,
			what: 'Events',
			already: { status: 'already sent', note: 'sent to this person for this meeting or webinar by an earlier run of this workflow' },
		},
		async (fresh) => {
			const outcome = await sendEvents(context, fresh.map((i) => events[i]), { dryRun: false });
			requests = outcome.requests;
			return { deliveries: outcome.perEvent, stoppedBy: outcome.stoppedBy };
		},
	);
	const went = events.filter((_e, i) => deliveries[i].status === 'sent' || deliveries[i].status === 'accepted');
	return {
		perFollowUp: named(deliveries),
		summary: `Brevo events (${eventCounts(events)}) — ${countStatuses(deliveries.map((d) => d.status))} in ${requests} request${requests === 1 ? '' : 's'}`,
		// The step a marketer takes next: nothing happens in Brevo until an automation listens.
		nextStep: went.length ? `Next: in Brevo, start an automation on the custom event ${[...new Set(went.map((e) => e.event_name))].join(' / ')}` : undefined,
	};
}

/** "249 zoom_webinar_attended, 102 zoom_webinar_no_show" */
function eventCounts(events: BrevoEvent[]): string {
	const counts = new Map<string, number>();
	for (const event of events) counts.set(event.event_name, (counts.get(event.event_name) ?? 0) + 1);
	return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
}
