/**
 * The workflows the panels open: a Zoom to Brevo node after a manual trigger, or a Zoom Webhook
 * Trigger alone, each optionally with its trigger's output pinned (as after "Listen for test event").
 */
import type { Credentials } from './panels';

const SYNC = 'Zoom to Brevo';
const TRIGGER = 'Zoom Trigger';

/** Start → a new Zoom to Brevo node (current version) with both credentials, or only Zoom's. */
export function syncWorkflow(
	name: string,
	parameters: Record<string, unknown>,
	credentials: Credentials,
	{ withBrevo = true, startItem }: { withBrevo?: boolean; startItem?: Record<string, unknown> } = {},
): Record<string, unknown> {
	return {
		name: `Panel: ${name}`,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'sync',
				name: SYNC,
				type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
				typeVersion: 1.2,
				position: [250, 0],
				parameters,
				credentials: {
					zoomServerToServerOAuthApi: credentials.zoomServerToServerOAuthApi,
					...(withBrevo ? { brevoV3Api: credentials.brevoV3Api } : {}),
				},
			},
		],
		connections: { Start: { main: [[{ node: SYNC, type: 'main', index: 0 }]] } },
		...(startItem ? { pinData: { Start: [{ json: startItem }] } } : {}),
	};
}

/** A Zoom Webhook Trigger (current version) with its secret credential. */
export function triggerWorkflow(name: string, webhookId: string, credentials: Credentials, pinnedItem?: Record<string, unknown>): Record<string, unknown> {
	return {
		name: `Panel: ${name}`,
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: 'n8n-nodes-zoom-brevo.zoomTrigger',
				typeVersion: 1.2,
				position: [0, 0],
				webhookId,
				parameters: {},
				credentials: { zoomWebhookSecretApi: credentials.zoomWebhookSecretApi },
			},
		],
		connections: {},
		...(pinnedItem ? { pinData: { [TRIGGER]: [{ json: pinnedItem }] } } : {}),
	};
}
