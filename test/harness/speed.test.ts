/**
 * The harness must stay cheap enough to run many executions per test file: after the first
 * (module loading, DI), an execution through the real engine should take milliseconds.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { runWorkflow } from './index';

class Echo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Echo' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Label', name: 'label', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, i) => ({ json: { ...item.json, label: this.getNodeParameter('label', i) }, pairedItem: { item: i } }))];
	}
}

it('runs a warm two-node execution in milliseconds', async () => {
	const opts = {
		nodeTypes: { 'test.echo': new Echo() },
		credentialTypes: [],
		workflow: {
			nodes: [
				{ type: 'test.echo', parameters: { label: '={{ $json.n * 2 }}' } },
				{ type: 'test.echo', parameters: { label: 'second' } },
			],
		},
		inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }],
	};
	await runWorkflow(opts); // warm-up

	const runs = 20;
	const started = performance.now();
	for (let i = 0; i < runs; i++) {
		const result = await runWorkflow(opts);
		expect(result.outputs.Echo[0].map((item) => item.json.label)).toEqual([2, 4]);
	}
	const perRun = (performance.now() - started) / runs;
	// Measured ~2-5 ms; the bound only catches an order-of-magnitude regression.
	expect(perRun).toBeLessThan(100);
});
