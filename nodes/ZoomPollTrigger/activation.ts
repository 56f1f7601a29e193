/**
 * What the first poll of an activation means, as the Start From field says: "Empty: only what
 * happens after activation".
 *
 * n8n 2.41.1 tells the node why it activates (`getActivationMode()`), read from its source:
 * - 'activate': the user published a workflow that had no published version, the first time or
 *   after unpublishing it (workflow.service.js `previousActiveVersionId ? 'update' : 'activate'`;
 *   with the publication outbox, workflow-publication-applier.js: Publish with no old version);
 * - 'init': n8n starting with the workflow published; 'leadershipChange': another main took over
 *   (multi-main); 'update': a published workflow re-published or reconciled.
 * Only 'activate' follows a pause the user chose; the others follow n8n being down or a change
 * made while the workflow stayed published, and docs/zoom-scheduled-trigger.md promises those catch up from the
 * saved cursor.
 *
 * n8n runs one poll at activation, then every tick with the same poll functions
 * (n8n-core active-workflow-triggers.js `activatePollTrigger`: `executePollTrigger(true)`, then
 * the cron calls the same executor), so every tick reports the activation's mode too. The first
 * poll is told apart by the node's static-data object: a new activation builds a new Workflow,
 * hence a new object; the ticks of that activation share it. (With n8n's durable cursors each
 * tick gets a fresh snapshot, but n8n builds those ticks in 'update' mode.)
 */
import type { IPollFunctions } from 'n8n-workflow';

const polled = new WeakSet<object>();

/** Whether this poll is the first of an activation the user made after a pause: start afresh. */
export function startsAfresh(context: IPollFunctions, staticData: object): boolean {
	const first = !polled.has(staticData);
	polled.add(staticData);
	return first && context.getActivationMode() === 'activate';
}
