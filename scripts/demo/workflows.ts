/**
 * The example workflows in the demo's n8n, active: imported on the first start; on later starts
 * the ones made before are kept as the user left them (edits, renames), pointed at this run's
 * credentials where one was made again, and activated. An example whose workflow the user
 * deleted or archived is imported again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { productionWebhookUrl, waitForWebhook, type RestClient, type Workflow } from '../../test/e2e/harness';
import type { CredentialRefs } from './credentials';

export interface DemoWorkflow {
	file: string;
	id: string;
	name: string;
	/** How Zoom's events reach it: a webhook at `url` (`polls`: the Zoom Scheduled Trigger too, as a
	 *  safety net), or the Zoom Scheduled Trigger asking Zoom; or, for n8n's Brevo Trigger
	 *  (registration), run by hand from its node (`node`). */
	trigger: { kind: 'webhook'; url: string; polls: boolean } | { kind: 'poll' } | { kind: 'manual'; node: string };
	/** Whether it was made by an earlier start. */
	kept: boolean;
}

type WorkflowNode = Workflow['nodes'][number] & {
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
};

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const POLL_TRIGGER = 'n8n-nodes-zoom-brevo.zoomPollTrigger';
/** n8n's Brevo Trigger registers its webhook in the Brevo account on activation: with the
 *  simulator (or before the user picked their Brevo credential) the demo leaves it inactive. */
const BREVO_TRIGGER = 'n8n-nodes-base.sendInBlueTrigger';

/** Points every node's credentials at `credentials`; whether anything changed. */
function pointAt(nodes: WorkflowNode[], credentials: CredentialRefs): boolean {
	let changed = false;
	for (const node of nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			if (!credentials[type] || node.credentials![type].id === credentials[type].id) continue;
			node.credentials![type] = credentials[type];
			changed = true;
		}
	}
	return changed;
}

/** Active demo workflows; `saved` (example file → workflow id) is updated with what was made. */
export async function ensureWorkflows(
	client: RestClient,
	baseUrl: string,
	credentials: CredentialRefs,
	/** What the user would pick in a new import on this account (the simulator's lists, template and
	 *  webinar); with real accounts nothing: the examples' notes ask the user to pick. */
	pick: ((node: WorkflowNode) => void) | undefined,
	saved: Record<string, string>,
): Promise<DemoWorkflow[]> {
	const existing = (await client.listWorkflows()).filter((w) => !w.isArchived);
	const ready: DemoWorkflow[] = [];
	for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
		const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { name: string; nodes: WorkflowNode[] };
		const polls = example.nodes.some((node) => node.type === POLL_TRIGGER);
		// By the id this demo saved; without a record (deleted demo.json), by the example's name.
		const found = existing.find((w) => w.id === saved[file]) ?? (saved[file] ? undefined : existing.find((w) => w.name === example.name));
		let workflow: Workflow;
		let changed = false;
		if (found) {
			workflow = await client.getWorkflow(found.id);
			const nodes = workflow.nodes as WorkflowNode[];
			changed = pointAt(nodes, credentials);
			if (changed) workflow = await client.updateWorkflow(workflow.id, { nodes });
		} else {
			pointAt(example.nodes, credentials);
			for (const node of example.nodes) pick?.(node);
			workflow = await client.createWorkflow(example as never);
		}
		saved[file] = workflow.id;
		const brevoTrigger = (workflow.nodes as WorkflowNode[]).find((node) => node.type === BREVO_TRIGGER);
		if (brevoTrigger) {
			ready.push({ file, id: workflow.id, name: workflow.name, trigger: { kind: 'manual', node: brevoTrigger.name }, kept: Boolean(found) });
			continue;
		}
		// Activating publishes the saved version; an edit the user saved but did not publish is
		// published only where the demo had to change the workflow itself.
		if (!workflow.active || changed) await client.activateWorkflow(workflow.id);
		const hook = (workflow.nodes as WorkflowNode[]).find((n) => n.webhookId)?.webhookId;
		if (polls && !hook) {
			ready.push({ file, id: workflow.id, name: workflow.name, trigger: { kind: 'poll' }, kept: Boolean(found) });
			continue;
		}
		if (!hook) throw new Error(`the workflow "${workflow.name}" (${file}) has no Zoom Trigger any more: \`npm start -- --fresh\` starts over`);
		const url = productionWebhookUrl(baseUrl, `${hook}/webhook`);
		await waitForWebhook(url);
		ready.push({ file, id: workflow.id, name: workflow.name, trigger: { kind: 'webhook', url, polls }, kept: Boolean(found) });
	}
	return ready;
}
