/**
 * A poll trigger as n8n 2.41.1 runs it with its default (non-durable) cursors, through n8n-core's
 * own PollContext and PollTriggerExecutor:
 * - activation runs one poll (`executePollTrigger(true)`), then n8n saves the workflow's static
 *   data (active-workflow-manager.js, after adding the triggers);
 * - each Poll Times tick runs a poll; a poll that returns items is emitted, and emitting saves the
 *   static data (trigger-execution-context.factory.js `__emit` → saveStaticData);
 * - a poll that returns null saves nothing: without durable cursors `__commitCursor` has no staged
 *   cursor (poll-trigger-executor.js, poll-cursor.service.js). What it wrote lives on in memory
 *   until n8n stops.
 * `stored` is what n8n's database holds; `restart()` is n8n stopping and activating again from it.
 * The node type gets n8n's Poll Times parameter, as n8n's loader adds it to every polling node.
 */
import './container';

import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
// What n8n's directory loader adds to every polling node (applySpecialNodeParameters): Poll Times.
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import type { ICredentialType, IDataObject, INode, INodeExecutionData, INodeParameters, INodeType, WorkflowActivateMode, WorkflowExecuteMode } from 'n8n-workflow';
import { Workflow, deepCopy } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore, type StoredCredentials } from './credential-store';
import { TestCredentialTypes } from './credential-types';
import { type CredentialOverwrites, TestCredentialsHelper } from './credentials-helper';
import { TestNodeTypes } from './node-types';
import { plainStaticData } from './run-workflow';
import { buildNodes } from './workflow-builder';

export interface PollSessionOptions {
	nodeType: INodeType;
	/** Full type name. Default: 'harness.<description name>'. */
	type?: string;
	parameters: INodeParameters;
	credentialTypes: ICredentialType[];
	credentials?: StoredCredentials;
	credentialOverwrites?: CredentialOverwrites;
	/** Static data as n8n stored it before (e.g. from another session). */
	staticData?: IDataObject;
}

export interface PollOutcome {
	/** Items the poll emitted (one execution each time); [] when it returned null. */
	items: INodeExecutionData[];
	/** The error the poll failed with (n8n records a failed execution). */
	error?: Error;
}

export class PollSession {
	/** What n8n's database holds as the workflow's static data. */
	stored: IDataObject;
	private workflow?: Workflow;
	private readonly nodeTypes: TestNodeTypes;
	private readonly type: string;
	private readonly store: CredentialStore;
	private readonly helper: TestCredentialsHelper;
	private node?: INode;

	constructor(private readonly opts: PollSessionOptions) {
		this.type = opts.type ?? `harness.${opts.nodeType.description.name}`;
		// As n8n loads a polling node: its Poll Times parameter (default every minute) comes first.
		const { properties, polling } = opts.nodeType.description;
		if (polling && !properties.some((p) => p.name === 'pollTimes')) properties.unshift(...deepCopy(commonPollingParameters));
		this.nodeTypes = new TestNodeTypes({ [this.type]: opts.nodeType });
		this.store = new CredentialStore(opts.credentials ?? {});
		this.helper = new TestCredentialsHelper(new TestCredentialTypes(opts.credentialTypes, { [this.type]: opts.nodeType }), this.store, opts.credentialOverwrites);
		this.stored = deepCopy(opts.staticData ?? {});
	}

	/** Publishing the workflow (or n8n starting with it active): one poll, then static data saved. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollOutcome> {
		const [node] = buildNodes([{ type: this.type, parameters: this.opts.parameters }], this.nodeTypes, this.store);
		this.node = node;
		this.workflow = new Workflow({ id: 'harness-workflow', name: 'Harness workflow', nodes: [node], connections: {}, active: true, nodeTypes: this.nodeTypes, staticData: deepCopy(this.stored), settings: { executionOrder: 'v1' } });
		const outcome = await this.run('trigger', activation, true);
		this.save();
		return outcome;
	}

	/** One Poll Times tick. */
	async poll(): Promise<PollOutcome> {
		if (!this.workflow) throw new Error('PollSession: activate() first');
		return await this.run('trigger', 'update', false);
	}

	/** n8n stops (nothing more is saved) and starts again with the workflow active. */
	async restart(): Promise<PollOutcome> {
		this.workflow = undefined;
		return await this.activate('init');
	}

	/** Deactivating: n8n drops the poller; static data stays as stored. */
	deactivate(): void {
		this.workflow = undefined;
	}

	/** Fetch Test Event in the editor: a manual-mode poll over the stored data; nothing is saved. */
	async fetchTestEvent(): Promise<PollOutcome> {
		const [node] = buildNodes([{ type: this.type, parameters: this.opts.parameters }], this.nodeTypes, this.store);
		const workflow = new Workflow({ id: 'harness-workflow', name: 'Harness workflow', nodes: [node], connections: {}, active: false, nodeTypes: this.nodeTypes, staticData: deepCopy(this.stored), settings: { executionOrder: 'v1' } });
		return await this.execute(workflow, node, 'manual', 'manual', true);
	}

	private async run(mode: WorkflowExecuteMode, activation: WorkflowActivateMode, testing: boolean): Promise<PollOutcome> {
		return await this.execute(this.workflow as Workflow, this.node as INode, mode, activation, testing);
	}

	private async execute(workflow: Workflow, node: INode, mode: WorkflowExecuteMode, activation: WorkflowActivateMode, testing: boolean): Promise<PollOutcome> {
		const items: INodeExecutionData[] = [];
		let error: Error | undefined;
		const emit = (data: INodeExecutionData[][]) => {
			items.push(...(data[0] ?? []));
			if (mode !== 'manual') this.save();
		};
		const emitError = (e: Error) => {
			error = e;
		};
		const additionalData = createAdditionalData({ credentialsHelper: this.helper, executionId: 'harness-poll', workflowId: workflow.id });
		const context = new PollContext(workflow, node, additionalData, mode, activation, emit, emitError);
		const execute = Container.get(PollTriggerExecutor).create(workflow, node, context, () => true);
		try {
			await execute(testing);
		} catch (e) {
			// A testing poll (activation, Fetch Test Event) throws; n8n refuses the activation.
			error = e as Error;
		}
		return { items, error };
	}

	/** n8n's saveStaticData: written only when the node changed it. */
	private save(): void {
		const data = this.workflow?.staticData;
		if (!data || data.__dataChanged !== true) return;
		this.stored = plainStaticData(data);
		data.__dataChanged = false;
	}
}
