import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { zoomApiRequest, type ZoomCredentialType } from '../../nodes/shared/zoomApi';

/**
 * Test-only node: lists one Zoom user per input item through the package's own Zoom transport,
 * optionally pausing between items so a short-lived token can expire mid-execution.
 */
export class ZoomProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Probe',
		name: 'zoomProbe',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Zoom Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{ name: 'zoomServerToServerOAuthApi', required: false },
			{ name: 'zoomUserOAuth2Api', required: false },
		],
		properties: [
			{ displayName: 'Credential', name: 'credential', type: 'string', default: 'zoomServerToServerOAuthApi' },
			{ displayName: 'Pause (Ms)', name: 'pauseMs', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const credential = this.getNodeParameter('credential', i) as ZoomCredentialType;
			const pauseMs = this.getNodeParameter('pauseMs', i) as number;
			if (i > 0 && pauseMs > 0) await sleep(pauseMs);
			const answer = await zoomApiRequest(this, credential, {
				method: 'GET',
				path: '/users',
				qs: { page_size: 1 },
				what: 'list users',
			});
			out.push({ json: answer, pairedItem: { item: i } });
		}
		return [out];
	}
}
