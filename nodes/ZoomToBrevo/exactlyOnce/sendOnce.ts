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

export interface EventsOnceResult {
	/** One per follow-up given: `{ name, status, error? | note? | reason? }`. */
	perFollowUp: IDataObject[];
	summary: string;
}

export async function sendEventsOnce(context: IExecuteFunctions, followUps: EventFollowUp[], options: SendOnceOptions): Promise<EventsOnceResult> {
	const events = followUps.map((f) => f.event);
	assertEventNames(context, events);
	const nameOf = (i: number) => followUps[i].event.event_name;
	if (options.dryRun) {
		return {
			perFollowUp: followUps.map((_f, i) => ({ name: nameOf(i), status: 'dry-run' })),
			summary: `Brevo events — ${countStatuses(followUps.map(() => 'dry-run'))}`,
		};
	}

	const recorded = await claim(context, 'workflow', followUps.map((f) => f.key));
	const already = followUps.map((f) => !options.repeat && recorded.has(f.key));
	const toSend = followUps.filter((_f, i) => !already[i]);
	const outcome = await sendEvents(context, toSend.map((f) => f.event), { dryRun: false });

	const perFollowUp: IDataObject[] = [];
	const statuses: FollowUpStatus[] = [];
	let sentIndex = 0;
	followUps.forEach((_f, i) => {
		if (already[i]) {
			statuses.push('already sent');
			perFollowUp.push({ name: nameOf(i), status: 'already sent', note: 'sent to this person for this meeting or webinar by an earlier run of this workflow' });
			return;
		}
		const delivery = outcome.perEvent[sentIndex++];
		statuses.push(delivery.status);
		perFollowUp.push({ name: nameOf(i), ...delivery });
	});
	await release(
		context,
		'workflow',
		toSend.filter((_f, k) => notDelivered(outcome.perEvent[k].status)).map((f) => f.key),
	);

	const summary = `Brevo events — ${countStatuses(statuses)} in ${outcome.requests} request${outcome.requests === 1 ? '' : 's'}`;
	if (outcome.stoppedBy) {
		const error = outcome.stoppedBy;
		error.description = [
			error.description,
			`Events so far: ${countStatuses(statuses)}. A re-run sends only the ones not sent or failed; nobody gets an event twice.`,
		]
			.filter(Boolean)
			.join(' ');
		throw error;
	}
	return { perFollowUp, summary };
}
