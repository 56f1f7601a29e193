/**
 * runWebhook / runWebhookMethod: call a trigger node's `webhook()` (or its
 * `webhookMethods`) the way n8n's WebhookService does, with a real WebhookContext from
 * n8n-core, and turn the result into the HTTP answer n8n 2.41's webhook handler would send.
 * The workflow the webhook would start is not run: `workflowData` is returned instead.
 */
import './container';

import { HookContext, WebhookContext, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WebhookType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow, deepCopy, isNodeClassInstance } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore, type StoredCredentials } from './credential-store';
import { TestCredentialTypes } from './credential-types';
import { type CredentialOverwrites, TestCredentialsHelper } from './credentials-helper';
import { type CapturedResponse, type WebhookRequestSpec, createFakeRequest, createFakeResponse } from './fake-http';
import { TestNodeTypes } from './node-types';
import { plainStaticData } from './run-workflow';
import { buildNodes } from './workflow-builder';

export interface WebhookNodeOptions {
	nodeType: INodeType | IVersionedNodeType;
	/** Full type name. Default: 'harness.<description name>'. */
	type?: string;
	/** Default: the description's default name. */
	name?: string;
	typeVersion?: number;
	parameters: INodeParameters;
	/** Credential type → stored credential name; default: wired by type, as in runWorkflow. */
	nodeCredentials?: Record<string, string>;
	credentialTypes?: ICredentialType[];
	/** Stored credentials (mutable, updates saved back), as in runWorkflow. */
	credentials?: StoredCredentials;
	credentialOverwrites?: CredentialOverwrites;
	/** The webhook id n8n assigns the node (part of production webhook URLs). */
	webhookId?: string;
	/** Which webhook of the node's description. Default 'default'. */
	webhookName?: WebhookType;
	/** Workflow static data as stored (e.g. by a previous `create`). After a call that starts an
	 *  execution, `runWebhook` hands back what n8n 2.41.1 stores: the data as it was before. */
	staticData?: IDataObject;
	/** 'webhook' (production, default) or 'manual' (test URL). */
	mode?: WorkflowExecuteMode;
}

export interface RunWebhookOptions extends WebhookNodeOptions {
	request: WebhookRequestSpec;
}

export interface RunWebhookResult {
	/** The HTTP answer: what the node sent itself, else what n8n would send for its result. */
	response: CapturedResponse;
	/** Items that would start the workflow; undefined when the webhook starts none. */
	workflowData?: INodeExecutionData[][];
	webhookResponse?: unknown;
	noWebhookResponse?: boolean;
	/** The error `webhook()` threw; n8n answers 500 and starts no workflow. */
	error?: Error;
	staticData: IDataObject;
	credentialUpdates: number;
}

export async function runWebhook(opts: RunWebhookOptions): Promise<RunWebhookResult> {
	const setup = prepare(opts);
	const { workflow, node, nodeType, additionalData, description, webhookData, store } = setup;

	const req = createFakeRequest(opts.request, `/webhook/${webhookData.path}`);
	const res = createFakeResponse();
	additionalData.httpRequest = req as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse = res as unknown as IWorkflowExecuteAdditionalData['httpResponse'];

	if (!nodeType.webhook) {
		throw new UnexpectedError('Node does not have any webhooks defined', { extra: { nodeName: node.name } });
	}
	const closeFunctions: Array<() => Promise<void>> = [];
	const context = new WebhookContext(workflow, node, additionalData, setup.mode, webhookData, closeFunctions, null);

	let result: IWebhookResponseData | undefined;
	let error: Error | undefined;
	try {
		// As WebhookService.runWebhook: class-style nodes get the context as an argument.
		result = isNodeClassInstance(nodeType)
			? await (nodeType.webhook as (ctx: WebhookContext) => Promise<IWebhookResponseData>)(context)
			: await nodeType.webhook.call(context);
	} catch (e) {
		error = e as Error;
	} finally {
		await Promise.allSettled(closeFunctions.map(async (fn) => await fn()));
	}

	respondLikeN8n(res, result, error, evaluate(setup, description));

	return {
		response: res.captured,
		workflowData: result?.workflowData,
		webhookResponse: result?.webhookResponse,
		noWebhookResponse: result?.noWebhookResponse,
		error,
		staticData: staticDataSavedByN8n(opts.staticData, workflow, result),
		credentialUpdates: store.updates,
	};
}

/**
 * What n8n 2.41.1 has stored after a webhook call. LiveWebhooks saves static data in the callback
 * of executeWebhook, when `__dataChanged` is set; but a call that starts an execution goes through
 * WorkflowRunner.run → establishContextForPersistence, which builds a second Workflow over the same
 * static-data object and so clears that flag first: whatever the node wrote is not saved. (Read in
 * n8n 2.41.1's dist/webhooks/live-webhooks.js and dist/workflow-runner.js; measured in real n8n by
 * test/e2e/zoomTrigger.e2e.test.ts and the queue-mode test.)
 */
function staticDataSavedByN8n(before: IDataObject | undefined, workflow: Workflow, result: IWebhookResponseData | undefined): IDataObject {
	const startsExecution = result?.workflowData !== undefined;
	return startsExecution ? deepCopy(before ?? {}) : plainStaticData(workflow.staticData);
}

export interface RunWebhookMethodOptions extends WebhookNodeOptions {
	method: 'checkExists' | 'create' | 'delete';
	/** Default 'activate'. */
	activation?: WorkflowActivateMode;
}

/** Calls `webhookMethods[webhookName][method]` with a HookContext, as n8n does on (de)activation. */
export async function runWebhookMethod(
	opts: RunWebhookMethodOptions,
): Promise<{ result: boolean | undefined; staticData: IDataObject; credentialUpdates: number; webhookUrl: string | undefined }> {
	const setup = prepare(opts);
	const { workflow, node, nodeType, additionalData, webhookData, store } = setup;
	const fn = nodeType.webhookMethods?.[webhookData.webhookDescription.name]?.[opts.method];
	if (!fn) throw new UnexpectedError(`Node has no webhook method "${opts.method}"`);
	const context = new HookContext(workflow, node, additionalData, setup.mode, opts.activation ?? 'activate', webhookData);
	const result = await fn.call(context);
	return {
		result,
		staticData: plainStaticData(workflow.staticData),
		credentialUpdates: store.updates,
		webhookUrl: context.getNodeWebhookUrl(webhookData.webhookDescription.name),
	};
}

function prepare(opts: WebhookNodeOptions) {
	const defaultDescription = NodeHelpers.getVersionedNodeType(opts.nodeType, opts.typeVersion).description;
	const type = opts.type ?? `harness.${defaultDescription.name}`;
	const nodeTypes = new TestNodeTypes({ [type]: opts.nodeType });
	const store = new CredentialStore(opts.credentials ?? {});
	const credentialsHelper = new TestCredentialsHelper(
		new TestCredentialTypes(opts.credentialTypes ?? [], { [type]: opts.nodeType }),
		store,
		opts.credentialOverwrites,
	);
	const [node] = buildNodes(
		[
			{
				name: opts.name ?? (defaultDescription.defaults.name as string | undefined),
				type,
				typeVersion: opts.typeVersion,
				parameters: opts.parameters,
				credentials: opts.nodeCredentials,
				webhookId: opts.webhookId ?? 'harness-webhook-id',
			},
		],
		nodeTypes,
		store,
	);
	const nodeType = nodeTypes.getByNameAndVersion(type, node.typeVersion);
	const workflowId = 'harness-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: deepCopy(opts.staticData ?? {}),
		settings: { executionOrder: 'v1' },
	});
	const mode = opts.mode ?? 'webhook';
	const additionalData = createAdditionalData({ credentialsHelper, executionId: 'harness-webhook', workflowId });

	const webhookName = opts.webhookName ?? 'default';
	const description = nodeType.description.webhooks?.find((w) => w.name === webhookName);
	if (!description) throw new UnexpectedError(`Node has no webhook named "${webhookName}"`);
	const setup = { workflow, node, nodeType, additionalData, mode, store, description };
	const path = String(evaluate(setup, description).simple('path', '') ?? '');
	const webhookData: IWebhookData = {
		httpMethod: String(evaluate(setup, description).simple('httpMethod', 'POST')) as IWebhookData['httpMethod'],
		node: node.name,
		path,
		webhookDescription: description,
		workflowId,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
		staticData: workflow.staticData,
	};
	return { ...setup, webhookData };
}

type Setup = { workflow: Workflow; node: INode; additionalData: IWorkflowExecuteAdditionalData; mode: WorkflowExecuteMode };

/** Webhook description fields may be expressions over the node's parameters. */
function evaluate(setup: Setup, description: IWebhookDescription) {
	const { workflow, node, additionalData, mode } = setup;
	const keys = getAdditionalKeys(additionalData, mode, null);
	return {
		simple: (field: string, fallback?: string | number | boolean) =>
			workflow.expression.getSimpleParameterValue(node, description[field] as string | boolean | undefined, mode, keys, undefined, fallback),
		complex: (field: string, fallback?: string) =>
			workflow.expression.getComplexParameterValue(node, description[field] as string | undefined, mode, keys, undefined, fallback),
	};
}

/**
 * What n8n 2.41's webhook handler (webhook-helpers.ts executeWebhook + the request handler)
 * sends when the node has not answered itself.
 */
function respondLikeN8n(
	res: ReturnType<typeof createFakeResponse>,
	result: IWebhookResponseData | undefined,
	error: Error | undefined,
	evaluated: ReturnType<typeof evaluate>,
) {
	const sendBody = (status: number, body: unknown) => {
		if (res.captured.sent) return;
		res.status(status);
		if (body === undefined) res.end();
		else if (typeof body === 'string') res.send(body);
		else res.json(body);
	};
	if (error) {
		// n8n answers "could not be started" with a 500 (unless the node already answered).
		sendBody(500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		return;
	}
	if (!result || result.noWebhookResponse === true) return;

	const responseCode = Number(evaluated.simple('responseCode', 200));
	if (result.workflowData === undefined) {
		sendBody(responseCode, result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Webhook call received' });
		return;
	}
	const responseMode = evaluated.simple('responseMode', 'onReceived');
	if (responseMode !== 'onReceived') return; // lastNode / responseNode answer after the run
	// n8n evaluates responseData with the default 'firstEntryJson' and answers with it when set.
	const responseData = evaluated.complex('responseData', 'firstEntryJson');
	if (responseData === 'noData') sendBody(responseCode, undefined);
	else if (responseData) sendBody(responseCode, responseData);
	else if (result.webhookResponse !== undefined) sendBody(responseCode, result.webhookResponse);
	else sendBody(responseCode, { message: 'Workflow was started' });
}
