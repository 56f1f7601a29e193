import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	brevoRequest,
	ensureAttributes,
	importContacts,
	listBrevoAttributes,
	listBrevoLists,
	sendEvents,
	sendTemplateEmail,
	upsertContacts,
} from '../../nodes/shared/brevo';

/**
 * Test-only node: runs one Brevo transport function with the arguments found in its first input
 * item (`json.args`) and outputs what it returned as `json.result`.
 */
export class BrevoProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Brevo Probe',
		name: 'brevoProbe',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Brevo Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'brevoV3Api', required: true }],
		properties: [{ displayName: 'Operation', name: 'operation', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const args = (this.getInputData()[0]?.json.args ?? {}) as any;
		let result: unknown;
		switch (operation) {
			case 'request':
				result = await brevoRequest(this, args);
				break;
			case 'ensureAttributes':
				result = await ensureAttributes(this, args.needed, args.onMissing);
				break;
			case 'listAttributes':
				result = await listBrevoAttributes(this);
				break;
			case 'import':
				result = await importContacts(this, args.contacts, args.options);
				break;
			case 'upsert':
				result = await upsertContacts(this, args.contacts, args.options ?? {});
				break;
			case 'events':
				result = await sendEvents(this, args.events, args.options ?? {});
				break;
			case 'email':
				result = await sendTemplateEmail(this, args);
				break;
			case 'lists':
				result = await listBrevoLists(this);
				break;
			default:
				throw new Error(`unknown operation ${operation}`);
		}
		return [[{ json: { result } as IDataObject, pairedItem: { item: 0 } }]];
	}
}
