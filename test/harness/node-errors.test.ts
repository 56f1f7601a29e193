/**
 * Node errors go where n8n puts them: the execution's resultData.error (with the node),
 * or, with continueOnFail, into the failing item's json.error while the run goes on.
 * Also covers multi-node chains, explicit connections and workflow static data.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runWorkflow } from './index';

const base = (name: string): INodeTypeDescription => ({
	displayName: name,
	name,
	group: ['transform'],
	version: 1,
	description: 'test node',
	defaults: { name },
	inputs: ['main'],
	outputs: ['main'],
	properties: [],
});

/** Doubles `n`; counts its runs in workflow static data. */
class Double implements INodeType {
	description = base('double');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const staticData = this.getWorkflowStaticData('node');
		staticData.runs = ((staticData.runs as number | undefined) ?? 0) + 1;
		return [this.getInputData().map((item, i) => ({ json: { n: (item.json.n as number) * 2 }, pairedItem: { item: i } }))];
	}
}

/** Fails items whose `n` is over 5, the way nodes implement continueOnFail. */
class Guard implements INodeType {
	description = base('guard');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			try {
				if ((item.json.n as number) > 5) {
					throw new NodeOperationError(this.getNode(), `n is too big: ${String(item.json.n)}`, { itemIndex: i });
				}
				out.push({ json: item.json, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

const nodeTypes = { 'test.double': new Double(), 'test.guard': new Guard() };
const items = [{ json: { n: 1 } }, { json: { n: 4 } }];

describe('node errors and chains', () => {
	it('runs a chain and returns each node output', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes: [],
			workflow: { nodes: [{ type: 'test.double', parameters: {} }, { type: 'test.guard', parameters: {} }] },
			inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.nodeExecutionOrder).toEqual(['Double', 'Guard']);
		expect(result.outputs.Double[0].map((i) => i.json.n)).toEqual([2, 4]);
		expect(result.outputs.Guard[0].map((i) => i.json.n)).toEqual([2, 4]);
	});

	it('puts a node error in `error`, naming the node, and stops the run', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes: [],
			workflow: {
				nodes: [
					{ name: 'Twice', type: 'test.double', parameters: {} },
					{ name: 'Check', type: 'test.guard', parameters: {} },
					{ name: 'Never', type: 'test.double', parameters: {} },
				],
			},
			inputItems: items,
		});
		expect(result.status).toBe('error');
		// The engine stores a plain copy of the error ({ ...error, message, stack }), not the instance.
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('n is too big: 8');
		expect(result.errorNode).toBe('Check');
		expect(result.runData.Check[0].error?.message).toBe('n is too big: 8');
		expect(result.runData.Never).toBeUndefined();
	});

	it('continueOnFail: the error becomes item data and the run goes on', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes: [],
			workflow: {
				nodes: [
					{ name: 'Twice', type: 'test.double', parameters: {} },
					{ name: 'Check', type: 'test.guard', parameters: {} },
				],
			},
			inputItems: items,
			continueOnFail: ['Check'],
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs.Check[0].map((i) => i.json)).toEqual([{ n: 2 }, { error: 'n is too big: 8' }]);
	});

	it('continueOnFail on a node that just throws: the engine passes its input items through', async () => {
		class Thrower implements INodeType {
			description = base('thrower');

			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				throw new NodeOperationError(this.getNode(), 'boom');
			}
		}
		const result = await runWorkflow({
			nodeTypes: { ...nodeTypes, 'test.thrower': new Thrower() },
			credentialTypes: [],
			workflow: {
				nodes: [
					{ name: 'T', type: 'test.thrower', parameters: {}, continueOnFail: true },
					{ name: 'After', type: 'test.double', parameters: {} },
				],
			},
			inputItems: [{ json: { n: 3 } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.outputs.T[0].map((i) => i.json)).toEqual([{ n: 3 }]);
		expect(result.runData.T[0].error?.message).toBe('boom');
		expect(result.outputs.After[0].map((i) => i.json)).toEqual([{ n: 6 }]);
	});

	it('engine quirk: when that node is the last one to run, the execution still ends with its error', async () => {
		class Thrower implements INodeType {
			description = base('thrower');

			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				throw new NodeOperationError(this.getNode(), 'boom');
			}
		}
		const result = await runWorkflow({
			nodeTypes: { 'test.thrower': new Thrower() },
			credentialTypes: [],
			workflow: { nodes: [{ name: 'T', type: 'test.thrower', parameters: {}, continueOnFail: true }] },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('boom');
		expect(result.outputs.T[0].map((i) => i.json)).toEqual([{}]);
	});

	it('honours explicit connections and a start node, and returns static data for the next run', async () => {
		const workflow = {
			nodes: [
				{ name: 'Check', type: 'test.guard', parameters: {} },
				{ name: 'Twice', type: 'test.double', parameters: {} },
			],
			connections: { Twice: { main: [[{ node: 'Check', type: 'main' as const, index: 0 }]] } },
			startNode: 'Twice',
		};
		const first = await runWorkflow({ nodeTypes, credentialTypes: [], workflow, inputItems: [{ json: { n: 1 } }] });
		expect(first.nodeExecutionOrder).toEqual(['Twice', 'Check']);
		expect(first.staticData).toEqual({ 'node:Twice': { runs: 1 } });

		const second = await runWorkflow({
			nodeTypes,
			credentialTypes: [],
			workflow: { ...workflow, staticData: first.staticData },
			inputItems: [{ json: { n: 1 } }],
		});
		expect(second.staticData).toEqual({ 'node:Twice': { runs: 2 } });
	});
});
