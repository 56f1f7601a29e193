import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { httpFailureOf } from '../../nodes/shared/httpFailure';
import { zoomApiResponse, type ZoomCredentialType } from '../../nodes/shared/zoomApi';
import { ZoomPacer, type ZoomPlan, type ZoomRateCategory } from '../../nodes/shared/zoomPacer';
import { zoomListAll, zoomRequestWithRetry } from '../../nodes/shared/zoomPaging';

export interface ProbeSetup {
	/** The pacer's clock (and the clock the retry policy reads). Default Date.now. */
	clock?: () => number;
	/** Jitter for backoff. Default Math.random. */
	random?: () => number;
}

const description: INodeTypeDescription = {
	displayName: 'Zoom List Probe',
	name: 'zoomListProbe',
	group: ['transform'],
	version: 1,
	description: 'test node',
	defaults: { name: 'Zoom List Probe' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [
		{ name: 'zoomServerToServerOAuthApi', required: false },
		{ name: 'zoomUserOAuth2Api', required: false },
	],
	properties: [
		{ displayName: 'Credential', name: 'credential', type: 'string', default: 'zoomServerToServerOAuthApi' },
		{ displayName: 'Mode', name: 'mode', type: 'string', default: 'list' },
		{ displayName: 'Path', name: 'path', type: 'string', default: '/users' },
		{ displayName: 'List Key', name: 'listKey', type: 'string', default: 'users' },
		{ displayName: 'Category', name: 'category', type: 'string', default: 'medium' },
		{ displayName: 'Plan', name: 'plan', type: 'string', default: 'pro' },
		{ displayName: 'Max Retries', name: 'maxRetries', type: 'number', default: 5 },
		{ displayName: 'Max Wait (Ms)', name: 'maxWaitMs', type: 'number', default: 60000 },
		{ displayName: 'Repeat', name: 'repeat', type: 'number', default: 1 },
	],
};

/**
 * Test-only node driving the Zoom transport through n8n-core's engine:
 * - `list`: zoomListAll over `path`, output { rows, pages, restarts, totalRecords, stats, elapsedMs };
 * - `get`: zoomRequestWithRetry once, output { body, stats, elapsedMs };
 * - `raw`: `repeat` bare calls with no pacing or retry, output what each answered or how it
 *   failed (status, headers, body as httpFailureOf reads them from n8n's error).
 * `setup` gives the pacer a clock and the backoff a fixed jitter.
 */
export function zoomListProbe(setup: ProbeSetup = {}): INodeType {
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [[{ json: await probe(this, setup), pairedItem: { item: 0 } }]];
		},
	};
}

async function probe(context: IExecuteFunctions, setup: ProbeSetup): Promise<IDataObject> {
	const param = <T>(name: string) => context.getNodeParameter(name, 0) as T;
	const credentialType = param<ZoomCredentialType>('credential');
	const mode = param<string>('mode');
	const path = param<string>('path');
	const category = param<ZoomRateCategory>('category');
	const what = 'list the probe';
	const pacer = new ZoomPacer(param<ZoomPlan>('plan'), setup.clock);
	const options = { pacer, maxRetries: param<number>('maxRetries'), maxWaitMs: param<number>('maxWaitMs'), random: setup.random };
	const started = Date.now();

	if (mode === 'list') {
		const list = await zoomListAll<IDataObject>(context, { credentialType, path, listKey: param('listKey'), category, what }, options);
		return { ...list, stats: { ...pacer.stats }, elapsedMs: Date.now() - started };
	}
	if (mode === 'get') {
		const body = await zoomRequestWithRetry<IDataObject>(context, credentialType, { method: 'GET', path, what, category }, options);
		return { body, stats: { ...pacer.stats }, elapsedMs: Date.now() - started };
	}
	const calls: IDataObject[] = [];
	for (let i = 0; i < param<number>('repeat'); i++) {
		try {
			const { headers } = await zoomApiResponse(context, credentialType, { method: 'GET', path, what });
			calls.push({ ok: true, headers });
		} catch (error) {
			const failure = httpFailureOf(error);
			calls.push({ ok: false, status: failure.status, headers: failure.headers, body: failure.body as IDataObject });
		}
	}
	return { calls };
}
