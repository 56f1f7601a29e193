/**
 * runWebhook: a trigger node's webhook() runs in n8n-core's WebhookContext with an
 * Express-like request (raw bytes, headers) and response; direct answers, `webhookResponse`
 * and `workflowData` come back as n8n would send them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import type {
	ICredentialType,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { runWebhook, runWebhookMethod } from './index';

class SigningSecretTestApi implements ICredentialType {
	name = 'signingSecretTestApi';

	displayName = 'Signing Secret Test';

	properties: ICredentialType['properties'] = [
		{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '' },
	];
}

/** Verifies an HMAC over the raw body; answers URL-validation challenges itself. */
class SignedTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Signed Trigger',
		name: 'signedTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test trigger',
		defaults: { name: 'Signed Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'signingSecretTestApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [{ displayName: 'Event', name: 'event', type: 'string', default: 'meeting.ended' }],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return this.getWorkflowStaticData('node').subscriptionId !== undefined;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				staticData.subscriptionId = 'sub-1';
				staticData.url = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').subscriptionId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		if (!req.rawBody) await req.readRawBody();
		const { secret } = await this.getCredentials('signingSecretTestApi');
		const expected = createHmac('sha256', secret as string).update(req.rawBody).digest('hex');
		const given = Buffer.from(String(this.getHeaderData()['x-signature'] ?? ''));
		if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
			this.getResponseObject().status(401).send('invalid signature');
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData();
		const staticData = this.getWorkflowStaticData('node');
		if (body.event === 'endpoint.url_validation') {
			staticData.validations = ((staticData.validations as number | undefined) ?? 0) + 1;
			return { webhookResponse: { plainToken: (body.payload as { plainToken: string }).plainToken } };
		}
		staticData.received = ((staticData.received as number | undefined) ?? 0) + 1;
		return { workflowData: [[{ json: { ...body, rawLength: req.rawBody.length } }]] };
	}
}

const secret = 's3cret';
const stored = { 'Signing secret': { type: 'signingSecretTestApi', data: { secret } } };
const sign = (raw: Buffer) => createHmac('sha256', secret).update(raw).digest('hex');
const common = {
	nodeType: new SignedTrigger(),
	credentialTypes: [new SigningSecretTestApi()],
	credentials: stored,
	parameters: {},
};

describe('runWebhook', () => {
	// Whitespace that a re-serialised body would lose: the signature only matches raw bytes.
	const raw = Buffer.from('{"event":"meeting.ended",  "payload":{"id":1}}');

	it('delivers the raw bytes and headers, and returns workflowData plus n8n\'s onReceived answer', async () => {
		const result = await runWebhook({
			...common,
			request: { headers: { 'Content-Type': 'application/json', 'X-Signature': sign(raw) }, rawBody: raw },
			staticData: { 'node:Signed Trigger': { received: 1 } },
		});
		expect(result.error).toBeUndefined();
		expect(result.workflowData).toEqual([[{ json: { event: 'meeting.ended', payload: { id: 1 }, rawLength: raw.length } }]]);
		// n8n 2.41.1 does not save what a webhook call that starts an execution wrote to static
		// data (see staticDataSavedByN8n): a trigger that relied on it (the Zoom Trigger's old
		// "Ignore Re-Sent Deliveries") would pass here only if the harness saved it.
		expect(result.staticData).toEqual({ 'node:Signed Trigger': { received: 1 } });
		// n8n 2.41 evaluates the description's responseData with the default 'firstEntryJson'
		// and, with no responseData declared, answers with that string (checked against a real
		// n8n 2.41.1: body "firstEntryJson", text/html).
		expect(result.response).toMatchObject({ status: 200, body: 'firstEntryJson', sent: true });
	});

	it('captures a direct answer from the node: res.status(401).send(...) + noWebhookResponse', async () => {
		const result = await runWebhook({
			...common,
			request: { headers: { 'content-type': 'application/json', 'x-signature': 'f'.repeat(64) }, rawBody: raw },
		});
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData).toBeUndefined();
		expect(result.response).toMatchObject({ status: 401, body: 'invalid signature', sent: true });
		expect(result.response.headers['content-type']).toMatch(/^text\/html/);
	});

	it('sends a webhookResponse as JSON and starts no workflow', async () => {
		const challenge = Buffer.from(JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'abc' } }));
		const result = await runWebhook({
			...common,
			request: { headers: { 'content-type': 'application/json', 'x-signature': sign(challenge) }, rawBody: challenge },
		});
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ plainToken: 'abc' });
		// A call that starts no execution: n8n saves what the node wrote.
		expect(result.staticData).toEqual({ 'node:Signed Trigger': { validations: 1 } });
		expect(result.response).toMatchObject({ status: 200, body: { plainToken: 'abc' }, sent: true });
	});

	it('answers 500 like n8n when webhook() throws', async () => {
		const result = await runWebhook({
			...common,
			credentials: {},
			request: { headers: { 'content-type': 'application/json' }, rawBody: raw },
		});
		expect(result.error).toBeDefined();
		expect(result.response).toMatchObject({
			status: 500,
			body: { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' },
		});
	});
});

describe('runWebhookMethod', () => {
	it('runs create / checkExists / delete with static data carried between calls', async () => {
		const created = await runWebhookMethod({ ...common, method: 'create', webhookId: 'wh-1' });
		expect(created.result).toBe(true);
		expect(created.staticData).toEqual({
			'node:Signed Trigger': { subscriptionId: 'sub-1', url: 'http://localhost:5678/webhook/wh-1/webhook' },
		});

		const exists = await runWebhookMethod({ ...common, method: 'checkExists', staticData: created.staticData });
		expect(exists.result).toBe(true);

		const deleted = await runWebhookMethod({ ...common, method: 'delete', staticData: created.staticData });
		expect(deleted.staticData).toEqual({ 'node:Signed Trigger': { url: 'http://localhost:5678/webhook/wh-1/webhook' } });
	});
});
