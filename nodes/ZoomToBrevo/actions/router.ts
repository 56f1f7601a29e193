import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { logApiCallsOf } from '../../shared/apiCallLog';
import { readSyncSettings } from './settings';
import { shareRecording } from './shareRecording';
import { syncContacts } from './syncContacts';

/** Each input item is one sync (e.g. one meeting.ended event). With "Continue On Fail", a failed
 *  item becomes an error item and the others still run. */
export async function route(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	if (context.getNodeParameter('options.logApiCalls', 0, false) === true) logApiCallsOf(context);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const settings = readSyncSettings(context, itemIndex);
			const produced =
				settings.operation === 'shareRecording'
					? await shareRecording(context, itemIndex, settings)
					: await syncContacts(context, itemIndex, settings);
			output.push(...produced);
		} catch (error) {
			// n8n's own errors already say what to do; anything else gets wrapped with the item index.
			if (!context.continueOnFail()) {
				throw error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			}
			const failure = error as Error & { description?: string };
			output.push({
				json: { error: failure.message, ...(failure.description ? { description: failure.description } : {}) },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
