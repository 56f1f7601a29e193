import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomCredentialType } from '../../shared/zoomApi';
import type { ZoomPlan } from '../../shared/zoomPacer';
import { isContactField, type AttributeMapping } from '../contacts/fields';

export type Operation =
	| 'syncParticipants'
	| 'syncAttendees'
	| 'syncAbsentees'
	| 'syncRegistrants'
	| 'syncRegistrantFromEvent'
	| 'shareRecording';
export type WriteMode = 'emit' | 'import' | 'upsert';

/** Everything one input item asks for, read once from the node's parameters. */
export interface SyncSettings {
	operation: Operation;
	credentialType: ZoomCredentialType;
	listIds: number[];
	mapping: AttributeMapping[];
	writeMode: WriteMode;
	missingAttributes: 'create' | 'fail';
	event?: { naming: 'byStatus' } | { naming: 'custom'; name: string };
	dryRun: boolean;
	/** Options → Repeat Follow-Ups: process re-sent deliveries and send follow-ups again, on purpose. */
	repeatFollowUps: boolean;
	zoomPlan: ZoomPlan;
	maxDailyWaitMs: number;
}

const EVENT_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Version 1 has one Attribute Mapping; from 1.1 on meetings and webinars have their own (each
 *  with its own defaults), so switching Resource in the editor never keeps the other's rows. */
function mappingParameterOf(context: IExecuteFunctions, resource: string): string {
	if (context.getNode().typeVersion < 1.1) return 'attributeMapping';
	return resource === 'meeting' ? 'meetingAttributeMapping' : 'webinarAttributeMapping';
}

export function readSyncSettings(context: IExecuteFunctions, itemIndex: number): SyncSettings {
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const operation = param<Operation>('operation', 'syncParticipants');
	const options = param<IDataObject>('options', {});
	const isSync = operation !== 'shareRecording';

	const mapping = isSync
		? (param<{ attributes?: Array<{ attribute?: string; field?: string }> }>(mappingParameterOf(context, param('resource', 'meeting')), {}).attributes ?? [])
				.filter((row) => (row.attribute ?? '').trim() !== '')
				.map((row) => {
					if (!row.field || !isContactField(row.field)) {
						throw new NodeOperationError(context.getNode(), `Unknown Zoom value "${row.field}" for attribute ${row.attribute}`, {
							itemIndex,
							description: 'Pick one of the values offered in the Attribute Mapping.',
						});
					}
					return { attribute: String(row.attribute).trim().toUpperCase(), field: row.field };
				})
		: [];

	// Share Recording has its own list field (shown for the attribute mode only).
	const listIds = param<unknown[]>(isSync ? 'listIds' : 'recordingListIds', []).map((id) => Number(id));
	const badList = listIds.find((id) => !Number.isInteger(id) || id <= 0);
	if (badList !== undefined) {
		throw new NodeOperationError(context.getNode(), `"${badList}" is not a Brevo list ID`, {
			itemIndex,
			description: 'List IDs are positive whole numbers, e.g. 15. Pick lists from the dropdown.',
		});
	}

	let event: SyncSettings['event'];
	if (isSync ? param<boolean>('sendEvent', false) : param<boolean>('recordingSendEvent', false)) {
		if (!isSync || param<string>('eventNaming', 'byStatus') === 'custom') {
			const name = param<string>(isSync ? 'customEventName' : 'recordingEventName', '').trim();
			if (!EVENT_NAME.test(name)) {
				throw new NodeOperationError(context.getNode(), `"${name}" cannot be a Brevo event name`, {
					itemIndex,
					description: 'Use 1 to 255 letters, digits, "_" or "-", e.g. webinar_follow_up.',
				});
			}
			event = { naming: 'custom', name };
		} else {
			event = { naming: 'byStatus' };
		}
	}

	return {
		operation,
		credentialType: param<string>('authentication', 'serverToServer') === 'userOAuth2' ? 'zoomUserOAuth2Api' : 'zoomServerToServerOAuthApi',
		listIds,
		mapping,
		writeMode: isSync ? param<WriteMode>('writeMode', 'emit') : 'emit',
		missingAttributes: isSync ? param<'create' | 'fail'>('missingAttributes', 'create') : 'create',
		event,
		dryRun: options.dryRun === true,
		repeatFollowUps: options.repeatFollowUps === true,
		zoomPlan: (options.zoomPlan as ZoomPlan | undefined) ?? 'pro',
		maxDailyWaitMs: Math.max(0, Number(options.maxDailyWaitSeconds ?? 60)) * 1000,
	};
}

/** The ID a parameter holds, as a string; a clear error when it is empty. */
export function requiredId(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	// A text field (version 1) or a resource locator (1.1: list, ID or join link → the ID).
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const typed = value === undefined || value === null ? '' : String(value).trim();
	// Zoom shows meeting IDs grouped ("857 4606 5432"); UUIDs never consist of digits and spaces.
	const id = /^\d[\d\s-]*\d$/.test(typed) ? typed.replace(/[\s-]/g, '') : typed;
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Type the ${label}, or connect a Zoom Trigger: by default the node reads it from the incoming item.`,
		});
	}
	return id;
}
