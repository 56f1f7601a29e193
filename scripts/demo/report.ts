/**
 * What happened, in the terms a marketing-ops person checks: per Zoom event, the workflow it
 * started and what that wrote into Brevo (list by list, events, emails), then what Brevo holds.
 * Returns whether everything the demo expects happened.
 *
 * Follow-ups go to each person once per meeting instance, across restarts too: when an earlier
 * start already delivered these events, this run must send none of them again.
 */
import type { Simulator } from '../../test/simulator';
import type { BrevoSnapshot, Delivery } from './deliveries';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The lists Brevo was asked to put contacts on between two snapshots (list ids in request
 *  bodies, and the add-to-list path). */
function targetedLists(sim: Simulator, before: BrevoSnapshot, after: BrevoSnapshot): Set<number> {
	const ids = new Set<number>();
	for (const request of sim.requests.slice(before.requests, after.requests)) {
		if (request.service !== 'brevo') continue;
		const listIds = (request.body as { listIds?: unknown } | undefined)?.listIds;
		if (Array.isArray(listIds)) for (const id of listIds) ids.add(Number(id));
		const added = /\/contacts\/lists\/(\d+)\/contacts\/add$/.exec(request.path);
		if (added) ids.add(Number(added[1]));
	}
	return ids;
}

/** Per list a workflow wrote to: contacts written on it, how many of them are new to it. */
function listChanges(sim: Simulator, before: BrevoSnapshot, after: BrevoSnapshot): string[] {
	const lines: string[] = [];
	for (const id of targetedLists(sim, before, after)) {
		const members = after.members.get(id) ?? new Map<string, string>();
		const earlier = before.members.get(id) ?? new Map<string, string>();
		const written = [...members].filter(([email, modifiedAt]) => earlier.get(email) !== modifiedAt);
		if (!written.length) continue;
		const added = written.filter(([email]) => !earlier.has(email)).length;
		const name = sim.brevo.lists.get(id)?.name ?? `list ${id}`;
		const detail = added === written.length && members.size === added ? '' : `, ${added} of them new to the list (${members.size} on it now)`;
		lines.push(`list "${name}" (#${id}): ${plural(written.length, 'contact')} written${detail}`);
	}
	return lines;
}

function eventChanges(before: BrevoSnapshot, after: BrevoSnapshot): Map<string, number> {
	const fired = new Map<string, number>();
	for (const [name, count] of after.events) {
		const added = count - (before.events.get(name) ?? 0);
		if (added) fired.set(name, added);
	}
	return fired;
}

export function reportDemo(
	sim: Simulator,
	deliveries: Delivery[],
	{ deliveredBefore }: { deliveredBefore?: string },
	say: (text: string) => void,
): boolean {
	let ok = true;
	say('');
	say('what happened — each Zoom event, the workflow it started, and what that wrote into Brevo:');
	for (const delivery of deliveries) {
		const { via } = delivery;
		const lists = listChanges(sim, delivery.before, delivery.after);
		// A polled meeting is new at every start: its people must reach Brevo each time.
		const good = (via.kind === 'poll' ? lists.length > 0 : via.kind === 'manual' ? true : via.valid && via.status === 200) && delivery.execution === 'success';
		ok &&= good;
		const how =
			via.kind === 'webhook'
				? `URL validation ${via.valid ? 'ok' : 'FAILED'}, HTTP ${via.status}`
				: via.kind === 'manual'
					? `run by hand from ${plural(via.people, 'pinned Brevo list event')}`
					: `found by the Zoom Scheduled Trigger, synced ${via.seconds} s after the meeting ended`;
		say(`  ${good ? '✓' : '✗'} ${delivery.event} → "${delivery.workflow.name}": ${how}, execution ${delivery.execution}`);
		const written = [...lists, ...[...eventChanges(delivery.before, delivery.after)].map(([name, n]) => `event ${name}: ${n} sent`)];
		const emails = delivery.after.emails - delivery.before.emails;
		if (emails) written.push(`${plural(emails, 'email')} sent`);
		for (const line of written.length ? written : ['nothing new in Brevo']) say(`      ${line}`);
	}
	if (!deliveries.length) return ok;

	const first = deliveries[0].before;
	const last = deliveries[deliveries.length - 1].after;
	const fired = eventChanges(first, last);
	const emails = last.emails - first.emails;
	const lists = [...last.members].filter(([, members]) => members.size).map(([id, members]) => `"${sim.brevo.lists.get(id)?.name}" (#${id}) ${members.size}`);
	say(`  Brevo lists now — ${lists.join(' · ') || 'all empty'}`);
	if (deliveredBefore) {
		// Same meetings, same people as the earlier run: any follow-up a webhook delivery started now
		// is one sent twice. (The polled meeting is a new one at each start: its follow-ups are due.)
		const webhook = deliveries.filter((d) => d.via.kind !== 'poll');
		const resent = webhook.length ? eventChanges(webhook[0].before, webhook[webhook.length - 1].after) : new Map<string, number>();
		const resentEmails = webhook.length ? webhook[webhook.length - 1].after.emails - webhook[0].before.emails : 0;
		const again = [...resent.values()].reduce((sum, n) => sum + n, 0) + resentEmails;
		ok &&= again === 0;
		say(
			again === 0
				? `  ✓ no follow-up event or email sent again: every person got each one in the run of ${deliveredBefore} (kept in n8n's deduplication store; \`npm start -- --fresh\` starts over)`
				: `  ✗ ${plural(again, 'follow-up')} sent AGAIN although the run of ${deliveredBefore} sent them already`,
		);
	} else {
		const expected = ['zoom_webinar_attended', 'zoom_webinar_no_show'].every((name) => (fired.get(name) ?? 0) > 0) && emails > 0;
		ok &&= expected;
		if (!expected) say('  ✗ expected zoom_webinar_attended and zoom_webinar_no_show events and recording emails');
	}
	return ok;
}
