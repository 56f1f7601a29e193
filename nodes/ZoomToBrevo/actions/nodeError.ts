import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Every error of an item says which item: n8n's own errors (which already say what to do) get the
 * item index they lack — the transports raise them without one — and anything else is wrapped.
 */
export function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The item of an input item that failed, for Settings → On Error → Continue: `error` says what
 * failed, the other fields (the error's description, or those given) say more. With "Continue
 * (using error output)" they go under `details`: n8n moves an item to the error output only when
 * its json holds nothing but error, message and details (and then adds the input item's fields).
 * An error set on the item itself would route it too, but n8n then replaces its json with the
 * message alone.
 */
export function failedItem(context: IExecuteFunctions, error: unknown, itemIndex: number, fields?: IDataObject): INodeExecutionData {
	const nodeError = asNodeError(context, error, itemIndex);
	const details: IDataObject = fields ?? (nodeError.description ? { description: nodeError.description } : {});
	const json: IDataObject = context.getNode().onError === 'continueErrorOutput' ? { error: nodeError.message, details } : { error: nodeError.message, ...details };
	return { json, pairedItem: { item: itemIndex } };
}
