/** Imports the example workflows with the demo's credentials, and activates them. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { productionWebhookUrl, waitForWebhook, type RestClient } from '../../test/e2e/harness';

export interface DemoWorkflow {
	file: string;
	id: string;
	name: string;
	url: string;
}

interface ExampleNode {
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

export async function importExamples(
	client: RestClient,
	baseUrl: string,
	credentials: Record<string, { id: string; name: string }>,
	templateId: number,
): Promise<DemoWorkflow[]> {
	const imported: DemoWorkflow[] = [];
	for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { name: string; nodes: ExampleNode[] };
		for (const node of workflow.nodes) {
			for (const type of Object.keys(node.credentials ?? {})) node.credentials![type] = credentials[type];
			if (node.parameters.shareMode === 'email') node.parameters.templateId = templateId;
		}
		const created = await client.createWorkflow(workflow as never);
		await client.activateWorkflow(created.id);
		const hook = workflow.nodes.find((n) => n.webhookId)!.webhookId!;
		const url = productionWebhookUrl(baseUrl, `${hook}/webhook`);
		await waitForWebhook(url);
		imported.push({ file, id: created.id, name: workflow.name, url });
	}
	return imported;
}
