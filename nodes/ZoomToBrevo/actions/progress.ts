import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Runs a later step of a sync; if it fails after earlier steps wrote to Brevo, the error says
 *  what had already been written, so nobody has to guess what to clean up or re-run. */
export async function withProgressNote<T>(
	context: IExecuteFunctions,
	alreadyDone: string | undefined,
	step: () => Promise<T>,
): Promise<T> {
	if (!alreadyDone) return await step();
	try {
		return await step();
	} catch (error) {
		const failure = error as Error & { description?: string };
		throw new NodeOperationError(context.getNode(), failure, {
			message: failure.message,
			description: `${failure.description ? `${failure.description} ` : ''}Already written before this failed: ${alreadyDone}.`,
		});
	}
}
