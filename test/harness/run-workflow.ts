/**
 * runWorkflow: one execution through n8n-core's real engine (`WorkflowExecute`), the same
 * code path n8n runs for a manual execution; only storage (credentials, static data) and
 * the CLI's process plumbing are replaced.
 */
import { harnessDeduplicator, harnessLogger } from './container';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ExecutionStatus,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore, type StoredCredentials } from './credential-store';
import { TestCredentialTypes } from './credential-types';
import { type CredentialOverwrites, TestCredentialsHelper } from './credentials-helper';
import { TestNodeTypes } from './node-types';
import { ProcessedDataStore } from './processed-data';
import { type TestNodeSpec, buildNodes, chainConnections } from './workflow-builder';

export interface RunOptions {
	/** Type name → node instance, e.g. { 'n8n-nodes-zoom-brevo.zoomToBrevo': new ZoomToBrevo() }. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	/** Instances of the credential classes the nodes use (oAuth2Api is built in). */
	credentialTypes: ICredentialType[];
	/**
	 * Stored credentials by name. Mutable: the harness saves updates (fetched or refreshed
	 * tokens) back here, as n8n saves them to its DB; pass the same object to the next run.
	 */
	credentials?: StoredCredentials;
	/** n8n's CREDENTIALS_OVERWRITE_DATA: type → fields that fill empty stored values. */
	credentialOverwrites?: CredentialOverwrites;
	/**
	 * n8n's processed-data table (the deduplication helpers). Mutable and kept by the caller, as
	 * n8n keeps its database: pass the same store to the next run. Default: an empty one.
	 */
	processedData?: ProcessedDataStore;
	workflow: {
		/** Default 'harness-workflow'. The deduplication store keys its records by it. */
		id?: string;
		/** The first node is the start node unless `startNode` names another. */
		nodes: TestNodeSpec[];
		/** Defaults to a straight chain of `nodes` in the order given. */
		connections?: IConnections;
		startNode?: string;
		/** Workflow static data as stored after a previous run (see RunResult.staticData). */
		staticData?: IDataObject;
		/** Defaults to { executionOrder: 'v1' }, what n8n 2.x gives new workflows. */
		settings?: IWorkflowSettings;
	};
	/** Items fed to the start node, as if from a Manual Trigger. Default: [{ json: {} }]. */
	inputItems?: INodeExecutionData[];
	/** true: every node continues on fail; a list: those nodes. A node spec's own setting wins. */
	continueOnFail?: boolean | string[];
	/** Default 'manual'. Use 'webhook' or 'trigger' for what a production run sees in getMode(). */
	mode?: WorkflowExecuteMode;
}

export interface RunResult {
	/** The execution's error (resultData.error): a node error carries `node`, its name in `node.name`. */
	error?: ExecutionError;
	/** Name of the node that failed the execution (the error's `node`, else the last node run). */
	errorNode?: string;
	status: ExecutionStatus;
	/** Node name → output branches (main) of its last run. */
	outputs: Record<string, INodeExecutionData[][]>;
	runData: IRunData;
	/** Node names in the order their runs finished. */
	nodeExecutionOrder: string[];
	/** Writes to stored credentials during this run (token fetches and refreshes). */
	credentialUpdates: number;
	/** Workflow static data after the run, to pass to the next run. */
	staticData: IDataObject;
	/** The whole IRun, for anything else. */
	run: IRun;
}

let executionCounter = 0;

export async function runWorkflow(opts: RunOptions): Promise<RunResult> {
	const nodeTypes = new TestNodeTypes(opts.nodeTypes);
	const store = new CredentialStore(opts.credentials ?? {});
	const credentialsHelper = new TestCredentialsHelper(
		new TestCredentialTypes(opts.credentialTypes, opts.nodeTypes),
		store,
		opts.credentialOverwrites,
	);

	const nodes = applyContinueOnFail(buildNodes(opts.workflow.nodes, nodeTypes, store), opts);
	if (nodes.length === 0) throw new Error('runWorkflow: the workflow has no nodes');
	const connections = opts.workflow.connections ?? chainConnections(nodes);
	const settings = opts.workflow.settings ?? { executionOrder: 'v1' };

	const workflowId = opts.workflow.id ?? 'harness-workflow';
	harnessDeduplicator.use(opts.processedData ?? new ProcessedDataStore());
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: deepCopy(opts.workflow.staticData ?? {}),
		settings,
	});

	// n8n's getStartNode only recognises trigger types, so the start node is named explicitly.
	const startName = opts.workflow.startNode ?? nodes[0].name;
	const startNode = workflow.getNode(startName);
	if (!startNode) throw new Error(`runWorkflow: no node named "${startName}"`);

	const mode = opts.mode ?? 'manual';
	const executionId = `harness-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowBase(workflowId, nodes, connections, settings));
	const nodeExecutionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		nodeExecutionOrder.push(nodeName);
	});

	const additionalData = createAdditionalData({ credentialsHelper, hooks, executionId, workflowId });
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: startNode, data: { main: [opts.inputItems ?? [{ json: {} }]] }, source: null },
			],
		},
	});

	harnessLogger.clear();
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);

	const { runData, error, lastNodeExecuted } = run.data.resultData;
	return {
		error,
		errorNode: error ? ((error as { node?: INode }).node?.name ?? lastNodeExecuted) : undefined,
		status: run.status,
		outputs: lastOutputs(runData),
		runData,
		nodeExecutionOrder,
		credentialUpdates: store.updates,
		staticData: plainStaticData(workflow.staticData),
		run,
	};
}

function applyContinueOnFail(nodes: INode[], opts: RunOptions): INode[] {
	const setting = opts.continueOnFail;
	if (!setting) return nodes;
	return nodes.map((node, i) => {
		const spec = opts.workflow.nodes[i];
		if (spec.continueOnFail !== undefined || spec.onError !== undefined) return node;
		const applies = setting === true || setting.includes(node.name);
		return applies ? { ...node, continueOnFail: true } : node;
	});
}

function lastOutputs(runData: IRunData): Record<string, INodeExecutionData[][]> {
	const outputs: Record<string, INodeExecutionData[][]> = {};
	for (const [name, runs] of Object.entries(runData)) {
		const main = runs[runs.length - 1]?.data?.main ?? [];
		outputs[name] = main.map((branch) => branch ?? []);
	}
	return outputs;
}

/** Workflow.staticData is an ObservableObject with a change flag; return plain data. */
export function plainStaticData(staticData: IDataObject): IDataObject {
	const copy = deepCopy(staticData);
	delete copy.__dataChanged;
	return copy;
}

function workflowBase(
	id: string,
	nodes: INode[],
	connections: IConnections,
	settings: IWorkflowSettings,
): IWorkflowBase {
	const now = new Date();
	return {
		id,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings,
	};
}
