/**
 * Test files run many executions through one harness: each run must start from a clean slate
 * (same input → same output, expressions evaluated per run, nothing carried over). How fast the
 * harness is belongs to the benchmark, not to a test.
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

it('gives every repeated execution the same result, with its expressions evaluated afresh', async () => {
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
	for (let run = 1; run <= 20; run++) {
		const inputItems = [{ json: { n: run } }, { json: { n: run + 1 } }];
		const result = await runWorkflow({ ...opts, inputItems });
		expect(result.outputs.Echo[0].map((item) => item.json.label)).toEqual([run * 2, (run + 1) * 2]);
		expect(result.outputs['Echo1'][0].map((item) => item.json)).toEqual([
			{ n: run, label: 'second' },
			{ n: run + 1, label: 'second' },
		]);
	}
});
