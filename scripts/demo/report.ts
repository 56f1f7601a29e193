/** What happened, in numbers a marketing-ops person checks: executions, contacts per list,
 *  events fired, emails sent. Returns whether everything the demo expects happened. */
import type { RestClient } from '../../test/e2e/harness';
import type { Simulator } from '../../test/simulator';
import type { Delivery } from './deliveries';

export async function reportDemo(client: RestClient, sim: Simulator, deliveries: Delivery[], say: (text: string) => void): Promise<boolean> {
	let ok = true;
	say('');
	say('what happened:');
	for (const delivery of deliveries) {
		const executions = await client.waitForExecutions(delivery.workflow.id, 1, 90_000).catch(() => []);
		const status = executions.map((e) => e.status).join(', ') || 'none';
		const good = delivery.valid && delivery.status === 200 && executions.length === 1 && executions[0].status === 'success';
		ok &&= good;
		say(`  ${good ? '✓' : '✗'} ${delivery.event} → "${delivery.workflow.name}": URL validation ${delivery.valid ? 'ok' : 'FAILED'}, HTTP ${delivery.status}, execution ${status}`);
	}
	const lists = [...sim.brevo.lists.values()].map((list) => {
		const members = [...sim.brevo.contacts.values()].filter((c) => c.listIds.includes(list.id)).length;
		return `${list.name} (#${list.id}): ${members}`;
	});
	const events = new Map<string, number>();
	for (const event of sim.brevo.events) events.set(event.event_name, (events.get(event.event_name) ?? 0) + 1);
	say(`  Brevo contacts per list — ${lists.join('; ')}`);
	say(`  Brevo events fired — ${[...events].map(([name, n]) => `${name}: ${n}`).join('; ') || 'none'}`);
	say(`  Brevo emails sent — ${sim.brevo.emails.length}`);
	const expected = ['zoom_webinar_attended', 'zoom_webinar_no_show'].every((name) => (events.get(name) ?? 0) > 0) && sim.brevo.emails.length > 0;
	ok &&= expected;
	return ok;
}
