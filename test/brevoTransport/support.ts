/** Runs the Brevo transport through n8n-core's engine (test/harness) against the simulator. */
import { runWorkflow, type RunResult } from '../harness';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import { BrevoV3Api } from '../../credentials/BrevoV3Api.credentials';
import type { BrevoContact } from '../../nodes/ZoomToBrevo/contacts/mapToBrevo';
import { BrevoProbe } from './brevoProbeNode';

export async function startBrevo(options: SimulatorOptions = {}): Promise<Simulator> {
	return await startSimulator(options);
}

export interface ProbeRun<T> extends RunResult {
	result: T;
}

export async function probe<T = any>(
	sim: Simulator,
	operation: string,
	args: unknown = {},
	credential: { apiKey?: string; baseUrl?: string } = {},
): Promise<ProbeRun<T>> {
	const run = await runWorkflow({
		nodeTypes: { 'test.brevoProbe': new BrevoProbe() },
		credentialTypes: [new BrevoV3Api()],
		credentials: {
			brevo: { type: 'brevoV3Api', data: { apiKey: credential.apiKey ?? sim.credentials.brevo.apiKey, baseUrl: credential.baseUrl ?? sim.brevoApiBaseUrl } },
		},
		workflow: { nodes: [{ name: 'Probe', type: 'test.brevoProbe', parameters: { operation } }] },
		inputItems: [{ json: { args } as any }],
	});
	return { ...run, result: run.outputs.Probe?.[0]?.[0]?.json.result as T };
}

export function contact(email: string, attributes: Record<string, unknown> = {}, listIds: number[] = []): BrevoContact {
	return { email, attributes: attributes as BrevoContact['attributes'], listIds, engagement: {}, source: {} };
}

/** Requests the transport made, without the simulator's host part. */
export const brevoCalls = (sim: Simulator) => sim.requests.filter((r) => r.service === 'brevo').map((r) => `${r.method} ${r.path.replace('/brevo/v3', '')}`);

export const writes = (sim: Simulator) => sim.requests.filter((r) => r.service === 'brevo' && r.method !== 'GET');

/** Waits until the simulator has finished its (real-timer) import processing. */
export async function importsSettled(sim: Simulator, timeoutMs = 5_000): Promise<void> {
	const start = Date.now();
	while ([...sim.brevo.processes.values()].some((p) => p.status !== 'completed' && p.status !== 'failed')) {
		if (Date.now() - start > timeoutMs) throw new Error('imports did not finish');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
