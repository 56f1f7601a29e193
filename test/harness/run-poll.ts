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
 * - one activation builds one Workflow and one PollContext, and every tick reuses them: the same
 *   poll functions (so `getActivationMode()` stays the activation's, e.g. 'activate'), the same
 *   in-memory static data (n8n-core active-workflow-triggers.js `activatePollTrigger`: the poll
 *   functions are made once, `executePollTrigger(true)` runs at activation, then the cron calls
 *   `void executePollTrigger()` on the same executor);
 * - ticks do not wait for each other: the cron fires `void executePollTrigger()` (no in-flight
 *   guard), so `poll()` may be called again before the previous one settled;
 * - a poll that is still running when its workflow is deactivated has its result discarded
 *   (poll-trigger-executor.js `isCurrent()`).
 * `stored` is what n8n's database holds; `restart()` is n8n stopping and activating again from it.
 * The node type gets n8n's Poll Times parameter, as n8n's loader adds it to every polling node.
 */
import './container';

import { AsyncLocalStorage } from 'node:async_hooks';

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
	/** The workflow's time zone (Workflow Settings → Timezone); default: n8n's. */
	timezone?: string;
	/**
	 * What `getPollBudgetMs()` answers. n8n 2.41.1 passes it only with durable cursors; otherwise
	 * PollContext's default, 5 minutes (trigger-execution-context.factory.js, poll-context.js).
	 */
	pollBudgetMs?: number;
}

/** One activation as n8n holds it: its Workflow, its poll functions and its executor. */
interface Activation {
	workflow: Workflow;
	node: INode;
	context: PollContext;
	execute: (testing?: boolean) => Promise<void>;
	current: boolean;
}

/** Where the poll running in this async context reports what it emits. */
interface Outcome {
	items: INodeExecutionData[];
	error?: Error;
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
	private activation?: Activation;
	private readonly nodeTypes: TestNodeTypes;
	private readonly type: string;
	private readonly store: CredentialStore;
	private readonly helper: TestCredentialsHelper;
	/** n8n runs each poll in its own async context (poll-cursor-hooks.js); emissions find theirs here. */
	private readonly running = new AsyncLocalStorage<Outcome>();

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
		if (this.activation) this.activation.current = false;
		const { workflow, node } = this.build(true);
		const context = this.pollContext(workflow, node, 'trigger', activation);
		const own: Activation = { workflow, node, context, execute: async () => {}, current: true };
		own.execute = Container.get(PollTriggerExecutor).create(workflow, node, context, () => own.current);
		this.activation = own;
		const outcome = await this.run(own, true);
		// n8n saves the static data once the triggers are added (active-workflow-manager.js `add`);
		// a failed activation poll refuses the activation first: no ticks, nothing saved.
		if (outcome.error) this.deactivate();
		else this.save();
		return outcome;
	}

	/** One Poll Times tick; call it again before it settles for a tick that overlaps. */
	async poll(): Promise<PollOutcome> {
		if (!this.activation) throw new Error('PollSession: activate() first');
		return await this.run(this.activation, false);
	}

	/** n8n stops (nothing more is saved) and starts again with the workflow active. */
	async restart(): Promise<PollOutcome> {
		this.deactivate();
		return await this.activate('init');
	}

	/** Unpublishing (or n8n stopping): n8n drops the poller; static data stays as stored. */
	deactivate(): void {
		if (this.activation) this.activation.current = false;
		this.activation = undefined;
	}

	/** The node's static data as the running activation holds it in memory (not yet saved). */
	get memory(): IDataObject | undefined {
		const own = this.activation;
		return own ? (own.workflow.getStaticData('node', own.node) as IDataObject) : undefined;
	}

	/** The running activation's poll functions, as n8n hands them to the node (for a node's own poll steps). */
	get pollFunctions(): PollContext {
		if (!this.activation) throw new Error('PollSession: activate() first');
		return this.activation.context;
	}

	/** Fetch Test Event in the editor: a manual-mode poll over the stored data; nothing is saved. */
	async fetchTestEvent(): Promise<PollOutcome> {
		const { workflow, node } = this.build(false);
		const context = this.pollContext(workflow, node, 'manual', 'manual');
		const execute = Container.get(PollTriggerExecutor).create(workflow, node, context, () => true);
		return await this.running.run({ items: [] }, async () => {
			const outcome = this.running.getStore() as Outcome;
			try {
				await execute(true);
			} catch (e) {
				outcome.error = e as Error;
			}
			return { items: outcome.items, error: outcome.error };
		});
	}

	private build(active: boolean): { workflow: Workflow; node: INode } {
		const [node] = buildNodes([{ type: this.type, parameters: this.opts.parameters }], this.nodeTypes, this.store);
		const settings = { executionOrder: 'v1' as const, ...(this.opts.timezone ? { timezone: this.opts.timezone } : {}) };
		const workflow = new Workflow({ id: 'harness-workflow', name: 'Harness workflow', nodes: [node], connections: {}, active, nodeTypes: this.nodeTypes, staticData: deepCopy(this.stored), settings });
		return { workflow, node };
	}

	/** As trigger-execution-context.factory.js `getExecutePollFunctions`, without durable cursors. */
	private pollContext(workflow: Workflow, node: INode, mode: WorkflowExecuteMode, activation: WorkflowActivateMode): PollContext {
		const emit = (data: INodeExecutionData[][]) => {
			this.running.getStore()?.items.push(...(data[0] ?? []));
			if (mode !== 'manual' && this.activation?.workflow === workflow) this.save();
		};
		const emitError = (e: Error) => {
			const outcome = this.running.getStore();
			if (outcome) outcome.error = e;
		};
		const additionalData = createAdditionalData({ credentialsHelper: this.helper, executionId: 'harness-poll', workflowId: workflow.id });
		const budget = this.opts.pollBudgetMs;
		return new PollContext(workflow, node, additionalData, mode, activation, emit, emitError, undefined, undefined, undefined, budget === undefined ? undefined : () => budget);
	}

	private async run(own: Activation, testing: boolean): Promise<PollOutcome> {
		return await this.running.run({ items: [] }, async () => {
			const outcome = this.running.getStore() as Outcome;
			try {
				await own.execute(testing);
			} catch (e) {
				// A testing poll (activation) throws; n8n refuses the activation.
				outcome.error = e as Error;
			}
			return { items: outcome.items, error: outcome.error };
		});
	}

	/** n8n's saveStaticData: written only when the node changed it. */
	private save(): void {
		const data = this.activation?.workflow.staticData;
		if (!data || data.__dataChanged !== true) return;
		this.stored = plainStaticData(data);
		data.__dataChanged = false;
	}
}
