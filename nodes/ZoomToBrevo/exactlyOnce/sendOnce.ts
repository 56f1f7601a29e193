/**
 * Follow-ups (Brevo events, template emails) that reach each person at most once per meeting or
 * webinar instance, through crashes: claim → send → confirm, one group (one Brevo request, or a
 * few emails) at a time.
 *
 * - Claim: the group's keys are recorded in n8n's deduplication store with their open markers
 *   (keys.ts `openMarker`), in one call that also tells each key's past: new, done (sent and
 *   confirmed before) or open (an earlier run claimed it and never confirmed it).
 * - Send: only the new ones (everything with Repeat Follow-Ups; the open ones too with Send
 *   Unconfirmed Follow-Ups).
 * - Confirm: one call forgets the open marker of each follow-up Brevo took, and the key and marker
 *   of each that provably did not go out (refused, never sent), so a re-run sends it.
 *
 * A process killed mid-way leaves at most the group in flight open; the groups after it were never
 * claimed, so a retry sends them as new. The open ones are not sent again (they may have arrived):
 * each item lists them as `unconfirmed`, and Options → Send Unconfirmed Follow-Ups sends exactly
 * those. Brevo's answer lost in this run leaves the follow-up open the same way.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { assertEventNames, planEvents, sendEvents, type BrevoEvent, type EventDelivery } from '../../shared/brevo';
import { openMarker } from './keys';
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
	/** Options → Send Unconfirmed Follow-Ups: send the follow-ups an earlier run claimed and never confirmed. */
	sendUnconfirmed: boolean;
}

/** An event's delivery, or an email's: `sent` (Brevo gave a message ID). */
export type FollowUpStatus = EventDelivery['status'] | 'sent' | 'already sent' | 'dry-run';

/** Keys of follow-ups that provably did not reach anyone. */
export const notDelivered = (status: FollowUpStatus) => status === 'failed' || status === 'not sent';
const delivered = (status: FollowUpStatus) => status === 'accepted' || status === 'sent';

/** What became of one follow-up: its status, and the error, note or reason that goes with it.
 *  `earlierRun`: an unconfirmed follow-up claimed by an earlier run, not sent by this one. */
export type FollowUpDelivery = IDataObject & { status: FollowUpStatus; earlierRun?: boolean };

export const UNCONFIRMED_EARLIER_NOTE =
	"claimed by an earlier run of this workflow that stopped before Brevo confirmed it (the run's process stopped, Brevo's answer was lost, or that run is still going): it may have arrived, so it was not sent again. To send exactly these, run again with Options → Send Unconfirmed Follow-Ups";

/** Counts in words: "38 accepted, 2 already sent before (not sent again), 1 failed". */
export function countStatuses(deliveries: Array<Pick<FollowUpDelivery, 'status' | 'earlierRun'>>): string {
	const words: Record<string, string> = {
		accepted: 'accepted',
		sent: 'sent',
		'already sent': 'already sent before (not sent again)',
		failed: 'failed',
		unconfirmed: 'not confirmed (not sent again)',
		'unconfirmed earlier': 'left unconfirmed by an earlier run (not sent again; Options → Send Unconfirmed Follow-Ups sends them)',
		'not sent': 'not sent',
		'dry-run': 'would be sent',
	};
	const counts = new Map<string, number>();
	for (const { status, earlierRun } of deliveries) {
		const label = status === 'unconfirmed' && earlierRun ? 'unconfirmed earlier' : status;
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return [...counts].map(([label, n]) => `${n} ${words[label]}`).join(', ');
}

export interface Batch {
	/** One per follow-up handed to `send`, in its order. */
	deliveries: FollowUpDelivery[];
	/** The failure that stopped sending (the follow-ups after it are `not sent`). */
	stoppedBy?: Error & { description?: string | null };
}

type Past = 'new' | 'done' | 'open';

/**
 * The claim → send → confirm protocol shared by every follow-up. `groups` are indexes into `keys`,
 * in sending order: one claim call and one confirm call each, so a crash leaves at most one group
 * open. If sending stopped, its error says how far it got and is thrown after the confirm.
 * `what` names the follow-ups in that sentence ("Events").
 */
export async function sendOnce(
	context: IExecuteFunctions,
	keys: string[],
	groups: number[][],
	options: Omit<SendOnceOptions, 'dryRun'> & { what: string; already: FollowUpDelivery },
	send: (indexes: number[], group: number) => Promise<Batch>,
): Promise<FollowUpDelivery[]> {
	const deliveries: FollowUpDelivery[] = keys.map(() => ({ status: 'not sent', reason: 'sending stopped at an earlier failure' }));
	let stoppedBy: Batch['stoppedBy'];
	for (const [g, group] of groups.entries()) {
		// After a failure nothing more is claimed: a re-run finds the rest new.
		if (stoppedBy || group.length === 0) continue;
		const before = await claim(context, 'workflow', group.flatMap((i) => [keys[i], openMarker(keys[i])]));
		const past = new Map<number, Past>(group.map((i) => [i, !before.has(keys[i]) ? 'new' : before.has(openMarker(keys[i])) ? 'open' : 'done']));
		const toSend = group.filter((i) => past.get(i) === 'new' || options.repeat || (past.get(i) === 'open' && options.sendUnconfirmed));
		for (const i of group) {
			if (past.get(i) === 'done') deliveries[i] = options.already;
			if (past.get(i) === 'open') deliveries[i] = { status: 'unconfirmed', note: UNCONFIRMED_EARLIER_NOTE, earlierRun: true };
		}
		const batch: Batch = toSend.length > 0 ? await send(toSend, g) : { deliveries: [] };
		toSend.forEach((i, k) => (deliveries[i] = batch.deliveries[k]));
		await release(context, 'workflow', confirmations(keys, group, past, new Set(toSend), deliveries));
		stoppedBy = batch.stoppedBy;
	}

	if (stoppedBy) {
		stoppedBy.description = [
			stoppedBy.description,
			`${options.what} so far: ${countStatuses(deliveries)}. A re-run sends only the ones not sent or failed; nobody gets one twice.`,
		]
			.filter(Boolean)
			.join(' ');
		throw stoppedBy;
	}
	return deliveries;
}

/**
 * What the confirm call forgets for one group (pure): the open marker of each follow-up Brevo took
 * and of each done one the claim re-opened; the key too of a new one that provably did not go out.
 * An open one stays open unless Brevo took it now; so does one whose answer was lost.
 */
export function confirmations(keys: string[], group: number[], past: Map<number, Past>, sent: Set<number>, deliveries: FollowUpDelivery[]): string[] {
	const forget: string[] = [];
	for (const i of group) {
		const key = keys[i];
		const status = deliveries[i].status;
		if (!sent.has(i)) {
			if (past.get(i) === 'done') forget.push(openMarker(key));
		} else if (delivered(status)) {
			forget.push(openMarker(key));
		} else if (notDelivered(status)) {
			// Sent before (Repeat Follow-Ups) stays sent; only a new one is as if never claimed.
			if (past.get(i) === 'new') forget.push(key, openMarker(key));
			else if (past.get(i) === 'done') forget.push(openMarker(key));
		}
	}
	return forget;
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
	// One group per Brevo request; an event Brevo would refuse (no email) is never claimed.
	const plan = planEvents(events);
	let requests = 0;
	const deliveries = await sendOnce(
		context,
		followUps.map((f) => f.key),
		plan.chunks,
		{
			repeat: options.repeat,
			sendUnconfirmed: options.sendUnconfirmed,
			what: 'Events',
			already: { status: 'already sent', note: 'sent to this person for this meeting or webinar by an earlier run of this workflow' },
		},
		async (indexes, group) => {
			const outcome = await sendEvents(context, indexes.map((i) => events[i]), { dryRun: false, request: { number: group + 1, of: plan.chunks.length } });
			requests += outcome.requests;
			return { deliveries: outcome.perEvent, stoppedBy: outcome.stoppedBy };
		},
	);
	for (const { index, error } of plan.refused) deliveries[index] = { status: 'not sent', reason: error };
	const went = events.filter((_e, i) => delivered(deliveries[i].status));
	return {
		perFollowUp: named(deliveries),
		summary: `Brevo events (${eventCounts(events)}) — ${countStatuses(deliveries)} in ${requests} request${requests === 1 ? '' : 's'}`,
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
