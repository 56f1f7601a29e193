/** Runs the Zoom to Brevo node through n8n-core's real engine against a simulator. */
import type { INodeExecutionData, INodeParameters, INodeType, WorkflowExecuteMode } from 'n8n-workflow';

import { runWorkflow, type ProcessedDataStore, type StoredCredentials } from '../harness';
import { simCredentials } from '../simCredentials';
import type { Simulator } from '../simulator';
import { ZoomToBrevo } from '../../nodes/ZoomToBrevo/ZoomToBrevo.node';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { BrevoV3Api } from '../../credentials/BrevoV3Api.credentials';

export function simulatorCredentials(sim: Simulator): StoredCredentials {
	return {
		zoom: {
			type: 'zoomServerToServerOAuthApi',
			data: { ...simCredentials.zoomS2S(sim), accessToken: '' },
		},
		brevo: { type: 'brevoV3Api', data: simCredentials.brevo(sim) },
	};
}

/** Meeting and webinar fields that are resource locators from version 1.1 on. */
const LOCATORS = ['meetingId', 'webinarId', 'recordingWebinarId', 'registrationMeetingId', 'registrationWebinarId'];

/** Plain IDs in `parameters` as the 1.1 editor saves them: `{ __rl: true, mode: 'id', value }`. */
export function asSavedBy(typeVersion: number, parameters: INodeParameters): INodeParameters {
	if (typeVersion < 1.1) return parameters;
	const saved: INodeParameters = { ...parameters };
	for (const name of LOCATORS) {
		const value = saved[name];
		if (typeof value === 'string') saved[name] = { __rl: true, mode: 'id', value };
	}
	return saved;
}

export async function runZoomToBrevo(
	sim: Simulator,
	parameters: INodeParameters,
	options: {
		inputItems?: INodeExecutionData[];
		credentials?: StoredCredentials;
		continueOnFail?: boolean;
		/** Settings → On Error, e.g. 'continueErrorOutput' (the error output n8n adds). */
		onError?: 'continueRegularOutput' | 'continueErrorOutput';
		typeVersion?: number;
		/** n8n's deduplication store, kept across runs as n8n's database keeps it. */
		processedData?: ProcessedDataStore;
		workflowId?: string;
		/** The node type to run under the Zoom to Brevo type name (e.g. one that records reads). */
		nodeType?: INodeType;
		/** What getMode() says: 'webhook' (default) as in a production run after a Zoom Trigger;
		 *  'manual' for a test in the editor (Execute step / Execute workflow). */
		mode?: WorkflowExecuteMode;
	} = {},
) {
	const typeVersion = options.typeVersion ?? 1.1;
	const result = await runWorkflow({
		nodeTypes: { 'n8n-nodes-zoom-brevo.zoomToBrevo': options.nodeType ?? new ZoomToBrevo() },
		credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api(), new BrevoV3Api()],
		credentials: options.credentials ?? simulatorCredentials(sim),
		processedData: options.processedData,
		workflow: {
			id: options.workflowId,
			nodes: [
				{
					name: 'Zoom to Brevo',
					type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
					typeVersion,
					parameters: asSavedBy(typeVersion, parameters),
					continueOnFail: options.continueOnFail,
					onError: options.onError,
				},
			],
		},
		inputItems: options.inputItems,
		mode: options.mode ?? 'webhook',
	});
	// From 1.2 skipped people have their own output (the second): `items` are all outputs' items.
	const outputs = result.outputs['Zoom to Brevo'] ?? [];
	const items = outputs.flat();
	return {
		result,
		outputs,
		items,
		contacts: items.filter((item) => !item.json.skipped && !item.json.error).map((item) => item.json),
		/** The execution hints' messages (the output pane's notices), in order. */
		hints: (result.run.data.resultData.runData['Zoom to Brevo']?.[0]?.hints ?? []).map((hint) => hint.message),
		skipped: items.filter((item) => item.json.skipped === true).map((item) => item.json),
	};
}
