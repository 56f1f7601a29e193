/**
 * Runs the Zoom list probe through n8n-core's engine against the simulator (not a test file).
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type StoredCredentials } from '../harness';
import { simCredentials } from '../simCredentials';
import type { Simulator } from '../simulator';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { zoomListProbe, type ProbeSetup } from './zoomListProbeNode';

export function s2sCredentials(sim: Simulator): StoredCredentials {
	return {
		zoomS2S: {
			type: 'zoomServerToServerOAuthApi',
			data: { ...simCredentials.zoomS2S(sim), accessToken: '' },
		},
	};
}

export interface ProbeParameters {
	mode?: 'list' | 'get' | 'raw';
	path: string;
	listKey?: string;
	category?: string;
	plan?: string;
	maxRetries?: number;
	maxWaitMs?: number;
	repeat?: number;
	credential?: 'zoomServerToServerOAuthApi' | 'zoomUserOAuth2Api';
}

export async function runProbe(
	sim: Simulator,
	parameters: ProbeParameters,
	setup: ProbeSetup = {},
	credentials: StoredCredentials = s2sCredentials(sim),
) {
	const credential = parameters.credential ?? 'zoomServerToServerOAuthApi';
	const stored = Object.keys(credentials)[0];
	const result = await runWorkflow({
		nodeTypes: { 'test.zoomListProbe': zoomListProbe(setup) },
		credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api()],
		credentials,
		workflow: {
			nodes: [
				{
					name: 'Probe',
					type: 'test.zoomListProbe',
					parameters: { mode: 'list', listKey: 'participants', category: 'medium', ...parameters, credential } as IDataObject as never,
					credentials: { [credential]: stored },
				},
			],
		},
	});
	const json = result.outputs.Probe?.[0]?.[0]?.json as IDataObject | undefined;
	return { ...result, json };
}

export interface ListOutput {
	rows: Array<{ user_id: string } & IDataObject>;
	pages: number;
	restarts: number;
	totalRecords?: number;
	stats: { requests: number; waitedMs: number; rateLimited: number; retries: number; retryWaitedMs: number };
	elapsedMs: number;
}

export const zoomCalls = (sim: Simulator) => sim.requests.filter((r) => r.service === 'zoom');
export const tokenRequests = (sim: Simulator) =>
	sim.requests.filter((r) => r.service === 'zoom-oauth' && r.path.endsWith('/oauth/token'));

/** A real clock moved to a chosen instant: time still passes, so pacing and sleeps behave. */
export function shiftedClock(startIso: string) {
	const offset = Date.parse(startIso) - Date.now();
	return () => Date.now() + offset;
}
