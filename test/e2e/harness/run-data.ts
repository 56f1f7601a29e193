/** Reading what an execution produced. n8n's REST API returns an execution's `data` as a
 *  `flatted` string (circular-safe JSON); `parseFlatted` is that format's parser. */

const REF = String;
type Ref = InstanceType<typeof String>;

/** Parses the output of flatted's `stringify` (same algorithm as flatted's `parse`). */
export function parseFlatted(text: string): unknown {
	const input = (JSON.parse(text, (_key, value: unknown) =>
		typeof value === 'string' ? new REF(value) : value,
	) as unknown[]).map((value) => (value instanceof REF ? String(value) : value));
	const root = input[0];
	if (typeof root !== 'object' || root === null) return root;
	const seen = new Set<unknown>([root]);
	const revive = (output: Record<string, unknown>): Record<string, unknown> => {
		const lazy: Array<[string, Record<string, unknown>]> = [];
		for (const key of Object.keys(output)) {
			const value = output[key];
			if (value instanceof REF) {
				const target = input[Number(String(value as Ref))];
				if (typeof target === 'object' && target !== null && !seen.has(target)) {
					seen.add(target);
					lazy.push([key, target as Record<string, unknown>]);
				} else {
					output[key] = target;
				}
			}
		}
		for (const [key, target] of lazy) output[key] = revive(target);
		return output;
	};
	return revive(root as Record<string, unknown>);
}

export interface NodeRun {
	startTime?: number;
	executionStatus?: string;
	error?: { message?: string; description?: string; [key: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: unknown }> | null> };
	[key: string]: unknown;
}

export interface RunExecutionData {
	resultData: {
		runData: Record<string, NodeRun[]>;
		error?: { message?: string; [key: string]: unknown };
		lastNodeExecuted?: string;
	};
	[key: string]: unknown;
}

/** The json of every item a node output on `outputIndex` in its run `runIndex`. */
export function nodeOutputJson(
	data: RunExecutionData,
	nodeName: string,
	{ runIndex = 0, outputIndex = 0 }: { runIndex?: number; outputIndex?: number } = {},
): Array<Record<string, unknown>> {
	const runs = data.resultData.runData[nodeName];
	if (!runs) {
		throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(data.resultData.runData).join(', ')}`);
	}
	const run = runs[runIndex];
	if (!run) throw new Error(`node "${nodeName}" has no run #${runIndex}`);
	if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message ?? JSON.stringify(run.error)}`);
	return (run.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The error of a node's run, if it failed. */
export function nodeError(data: RunExecutionData, nodeName: string, runIndex = 0): NodeRun['error'] {
	return data.resultData.runData[nodeName]?.[runIndex]?.error;
}
