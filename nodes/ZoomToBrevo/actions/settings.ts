import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BrevoTier } from '../../shared/brevo';
import type { ZoomCredentialType } from '../../shared/zoomApi';
import type { ZoomPlan } from '../../shared/zoomPacer';
import { mappingFromMapper, type AttributeMapperValue, type SyncResource } from '../contacts/attributeFields';
import type { EngagementKind, Scoring } from '../contacts/engagementDepth';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, type LeadThresholds, type ScoreWeights } from '../contacts/engagementScore';
import { CONTACT_FIELDS, isContactField, type AttributeMapping } from '../contacts/fields';
import { SCORED_OPERATIONS } from '../description/engagement';
import { checkBoolean, checkNumber, checkOption, checkOptions } from './checkSetting';

export type Operation =
	| 'syncParticipants'
	| 'syncAttendees'
	| 'syncAbsentees'
	| 'syncRegistrants'
	| 'syncRegistrantFromEvent'
	| 'shareRecording'
	| 'registerContacts';
export type WriteMode = 'emit' | 'import' | 'upsert';

/** How Zoom is called; absent for Sync One Registrant, which reads the trigger's item only. */
export interface ZoomSettings {
	credentialType: ZoomCredentialType;
	plan: ZoomPlan;
	maxDailyWaitMs: number;
}

/** Everything one input item asks for, read once from the node's parameters. Each operation
 *  reads only the parameters it uses: a field the editor shows is a field that takes effect
 *  (test/zoomToBrevo/shownWhereUsed.test.ts holds the two together). */
export interface SyncSettings {
	operation: Operation;
	zoom?: ZoomSettings;
	listIds: number[];
	mapping: AttributeMapping[];
	writeMode: WriteMode;
	missingAttributes: 'create' | 'fail';
	event?: { naming: 'byStatus' } | { naming: 'custom'; name: string };
	dryRun: boolean;
	/** Options → Repeat Follow-Ups: process re-sent deliveries and send follow-ups again, on purpose. */
	repeatFollowUps: boolean;
	/** Options → Send Unconfirmed Follow-Ups: send what an earlier run claimed and never confirmed. */
	sendUnconfirmedFollowUps: boolean;
	/** Options → Brevo Rate Limits: the account's tier. */
	brevoTier: BrevoTier;
	/** Options → Add Registration Details (webinar attendees, absentees and registrants). */
	registrationDetails: boolean;
	/** Meetings: the past-meeting listing, or Zoom's participant report. */
	participantSource: 'pastMeeting' | 'report';
	registrantStatus: 'approved' | 'pending' | 'denied';
	/** Attendee and participant syncs: polls, Q&A and survey to read (empty: none). */
	engagement: EngagementKind[];
	/** Options → Include Answers: the answers themselves go into the items and events. */
	includeAnswers: boolean;
	/** Score Leads: the weights, thresholds and which lead events fire. */
	scoring?: Scoring & { events: 'hot' | 'hotAndWarm' | 'none' };
	/** Register Contacts only. */
	registration?: {
		/** Sessions of a recurring meeting or webinar; empty: all of them. */
		occurrenceIds: string[];
		/** Options → Names From Brevo: an empty first name is read from the Brevo contact. */
		namesFromBrevo: boolean;
	};
	/** Share Recording only. */
	recording?: {
		recipients: 'meetingParticipants' | 'webinarAttendees' | 'webinarAbsentees' | 'webinarRegistrants';
		shareMode: 'attributes' | 'email';
		linkAttribute: string;
		passcodeAttribute: string;
		/** Set when shareMode is email. */
		templateId?: number;
	};
}

const EVENT_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Version 1 has one Attribute Mapping; 1.1 one per resource (each with its own defaults), so
 *  switching Resource in the editor never keeps the other's rows; 1.2 n8n's resource mapper. */
function readMapping(context: IExecuteFunctions, itemIndex: number, resource: SyncResource): AttributeMapping[] {
	const version = context.getNode().typeVersion;
	if (version >= 1.2) return readMapperMapping(context, itemIndex, resource);
	const name = version < 1.1 ? 'attributeMapping' : resource === 'meeting' ? 'meetingAttributeMapping' : 'webinarAttributeMapping';
	const rows = (context.getNodeParameter(name, itemIndex, {}) as { attributes?: Array<{ attribute?: string; field?: string }> }).attributes ?? [];
	return rows
		.filter((row) => (row.attribute ?? '').trim() !== '')
		.map((row) => {
			if (!row.field || !isContactField(row.field)) {
				throw new NodeOperationError(context.getNode(), `Unknown Zoom value "${row.field}" for attribute ${row.attribute}`, {
					itemIndex,
					description: 'Pick one of the values offered in the Attribute Mapping.',
				});
			}
			return { attribute: String(row.attribute).trim().toUpperCase(), field: row.field };
		});
}

function readMapperMapping(context: IExecuteFunctions, itemIndex: number, resource: SyncResource): AttributeMapping[] {
	const mapper = (context.getNodeParameter('attributes', itemIndex, null) ?? {}) as AttributeMapperValue;
	if (mapper.mappingMode !== undefined && mapper.mappingMode !== 'defineBelow') {
		throw new NodeOperationError(context.getNode(), `Attribute Mapping has an unknown mode "${String(mapper.mappingMode)}"`, {
			itemIndex,
			description: 'Open the node and map the attributes below (the only mode this node offers).',
		});
	}
	// Read again through its value: n8n then checks each row against the options it was offered.
	const value = mapper.value === null || mapper.value === undefined ? null : (context.getNodeParameter('attributes.value', itemIndex, null) as Record<string, unknown> | null);
	const { mapping, unknown } = mappingFromMapper(value, resource);
	if (unknown.length > 0) {
		const [first] = unknown;
		throw new NodeOperationError(context.getNode(), `Attribute Mapping: "${String(first.value)}" for ${first.attribute} is not a Zoom value`, {
			itemIndex,
			description: `Pick a Zoom value from the row's dropdown. An expression must give one of: ${Object.keys(CONTACT_FIELDS).join(', ')}.`,
		});
	}
	const badName = mapping.find(({ attribute }) => !ATTRIBUTE_NAME.test(attribute));
	if (badName) {
		throw new NodeOperationError(context.getNode(), `Attribute Mapping: "${badName.attribute}" cannot be a Brevo attribute name`, {
			itemIndex,
			description: 'Use letters, digits and "_", starting with a letter, e.g. ZOOM_MINUTES.',
		});
	}
	return mapping;
}

const ATTRIBUTE_NAME = /^[A-Z][A-Z0-9_]*$/;

export function readSyncSettings(context: IExecuteFunctions, itemIndex: number): SyncSettings {
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const operation = param<Operation>('operation', 'syncParticipants');
	const options = param<IDataObject>('options', {});
	const isSync = operation !== 'shareRecording';

	const resource = checkOption<string>(context, itemIndex, 'resource', param('resource', 'meeting'));
	// Register Contacts writes fixed attributes (the join link and what goes with it).
	const mapping = isSync && operation !== 'registerContacts' ? readMapping(context, itemIndex, resource === 'webinar' ? 'webinar' : 'meeting') : [];

	// Share Recording has its own list field, shown (and read) for the attribute mode only.
	const listsParameter = isSync ? 'listIds' : param<string>('shareMode', 'attributes') === 'attributes' ? 'recordingListIds' : undefined;
	const listIds = (listsParameter ? param<unknown[]>(listsParameter, []) : []).map((id) => Number(id));
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

	const option = (name: string, fallback: unknown) => (options[name] === undefined ? fallback : options[name]);
	checkOption<Operation>(context, itemIndex, 'operation', operation, resource);
	const writeMode = isSync ? checkOption<WriteMode>(context, itemIndex, 'writeMode', param('writeMode', 'emit')) : 'emit';
	return {
		operation,
		zoom: operation === 'syncRegistrantFromEvent' ? undefined : readZoomSettings(context, itemIndex, options),
		listIds,
		mapping,
		writeMode,
		// Only a sync that writes contacts asks about missing attributes (Share Recording creates its two).
		missingAttributes: writeMode === 'emit' ? 'create' : checkOption<'create' | 'fail'>(context, itemIndex, 'missingAttributes', param('missingAttributes', 'create')),
		event,
		dryRun: checkBoolean(context, itemIndex, 'dryRun', options.dryRun, false),
		repeatFollowUps: checkBoolean(context, itemIndex, 'repeatFollowUps', options.repeatFollowUps, false),
		sendUnconfirmedFollowUps: checkBoolean(context, itemIndex, 'sendUnconfirmedFollowUps', options.sendUnconfirmedFollowUps, false),
		brevoTier: checkOption<BrevoTier>(context, itemIndex, 'brevoTier', option('brevoTier', 'general')),
		registrationDetails: USES_REGISTRATION_DETAILS.includes(operation)
			? checkBoolean(context, itemIndex, 'registrationDetails', options.registrationDetails, true)
			: false,
		participantSource: operation === 'syncParticipants' ? checkOption(context, itemIndex, 'participantSource', param('participantSource', 'pastMeeting')) : 'pastMeeting',
		registrantStatus: operation === 'syncRegistrants' ? checkOption(context, itemIndex, 'registrantStatus', param('registrantStatus', 'approved')) : 'approved',
		...readEngagementSettings(context, itemIndex, operation, resource, options),
		registration: operation === 'registerContacts' ? readRegistrationSettings(context, itemIndex, options) : undefined,
		recording: isSync ? undefined : readRecordingSettings(context, itemIndex),
	};
}

/** Polls, Q&A, survey and the lead score: read for attendee and participant syncs only. */
function readEngagementSettings(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: Operation,
	resource: string,
	options: IDataObject,
): Pick<SyncSettings, 'engagement' | 'includeAnswers' | 'scoring'> {
	if (!SCORED_OPERATIONS.includes(operation)) return { engagement: [], includeAnswers: false };
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const name = resource === 'webinar' ? 'webinarEngagement' : 'meetingEngagement';
	const engagement = [...new Set(checkOptions<EngagementKind>(context, itemIndex, name, param<unknown>(name, [])))];
	const includeAnswers = checkBoolean(context, itemIndex, 'includeAnswers', options.includeAnswers, false);
	if (!checkBoolean(context, itemIndex, 'scoreLeads', param<unknown>('scoreLeads', false), false)) return { engagement, includeAnswers };

	const chosen = param<IDataObject>('scoreSettings', {});
	const value = (key: string, fallback: number) => checkNumber(context, itemIndex, key, chosen[key] ?? fallback, { min: 0, max: 10_000 });
	const weights = Object.fromEntries(Object.entries(DEFAULT_WEIGHTS).map(([key, fallback]) => [key, value(key, fallback)])) as unknown as ScoreWeights;
	const thresholds: LeadThresholds = { hot: value('hot', DEFAULT_THRESHOLDS.hot), warm: value('warm', DEFAULT_THRESHOLDS.warm) };
	if (thresholds.warm > thresholds.hot) {
		throw new NodeOperationError(context.getNode(), `Warm Lead From Score (${thresholds.warm}) is above Hot Lead From Score (${thresholds.hot})`, {
			itemIndex,
			description: 'A warm lead scores less than a hot one: lower Warm Lead From Score or raise Hot Lead From Score.',
		});
	}
	return {
		engagement,
		includeAnswers,
		scoring: { weights, thresholds, events: leadEventsOf(context, itemIndex) },
	};
}

/** From 1.2, lead events are Brevo events like the others: none unless Send Brevo Event is on
 *  (a test with events off sent hot-lead events before). */
function leadEventsOf(context: IExecuteFunctions, itemIndex: number): 'hot' | 'hotAndWarm' | 'none' {
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	// Hidden with Send Brevo Event off, so not read then (n8n keeps no value for a hidden field).
	if (context.getNode().typeVersion >= 1.2 && !checkBoolean(context, itemIndex, 'sendEvent', param<unknown>('sendEvent', false), false)) return 'none';
	return checkOption(context, itemIndex, 'leadEvents', param('leadEvents', 'hot'));
}

function readRegistrationSettings(context: IExecuteFunctions, itemIndex: number, options: IDataObject): SyncSettings['registration'] {
	// 1.2: a list chosen in the dropdown; earlier versions: IDs typed with commas.
	const chosenIds = context.getNodeParameter('registrationOccurrenceIds', itemIndex, '') as unknown;
	const raw = Array.isArray(chosenIds) ? chosenIds.map(String).join(',') : String(chosenIds ?? '');
	const occurrenceIds = [...new Set(raw.split(',').map((id) => id.trim()).filter(Boolean))];
	const bad = occurrenceIds.find((id) => !/^\d+$/.test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(context.getNode(), `"${bad}" is not a Zoom occurrence ID`, {
			itemIndex,
			description: 'Occurrence IDs are numbers (Zoom lists them in the recurring meeting or webinar), separated by commas. Leave the field empty to register for every session.',
		});
	}
	return { occurrenceIds, namesFromBrevo: checkBoolean(context, itemIndex, 'namesFromBrevo', options.namesFromBrevo, true) };
}

/** The webinar reads that can add what people gave when they registered. */
export const USES_REGISTRATION_DETAILS: Operation[] = ['syncAttendees', 'syncAbsentees', 'syncRegistrants'];

function readZoomSettings(context: IExecuteFunctions, itemIndex: number, options: IDataObject): ZoomSettings {
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const option = (name: string, fallback: unknown) => (options[name] === undefined ? fallback : options[name]);
	return {
		credentialType:
			checkOption(context, itemIndex, 'authentication', param('authentication', 'serverToServer')) === 'userOAuth2' ? 'zoomUserOAuth2Api' : 'zoomServerToServerOAuthApi',
		plan: checkOption<ZoomPlan>(context, itemIndex, 'zoomPlan', option('zoomPlan', 'pro')),
		maxDailyWaitMs: checkNumber(context, itemIndex, 'maxDailyWaitSeconds', option('maxDailyWaitSeconds', 60), { min: 0, max: 86_400 }) * 1000,
	};
}

function readRecordingSettings(context: IExecuteFunctions, itemIndex: number): SyncSettings['recording'] {
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const shareMode = checkOption<'attributes' | 'email'>(context, itemIndex, 'shareMode', param('shareMode', 'attributes'));
	const attribute = (name: string, fallback: string) => {
		const value = String(param(name, fallback) ?? '').trim().toUpperCase();
		if (!/^[A-Z][A-Z0-9_]*$/.test(value)) {
			throw new NodeOperationError(context.getNode(), `"${value}" cannot be a Brevo attribute name`, {
				itemIndex,
				description: 'Use letters, digits and "_", starting with a letter, e.g. ZOOM_RECORDING_URL.',
			});
		}
		return value;
	};
	return {
		recipients: checkOption(context, itemIndex, 'recipients', param('recipients', 'meetingParticipants')),
		shareMode,
		linkAttribute: shareMode === 'attributes' ? attribute('linkAttribute', 'ZOOM_RECORDING_URL') : 'ZOOM_RECORDING_URL',
		passcodeAttribute: shareMode === 'attributes' ? attribute('passcodeAttribute', 'ZOOM_RECORDING_PASSCODE') : 'ZOOM_RECORDING_PASSCODE',
		templateId: shareMode === 'email' ? readTemplateId(context, itemIndex, param<unknown>('templateId', 0)) : undefined,
	};
}

/** The Brevo template to email with: picked from a list from 1.2 on (empty until one is chosen),
 *  typed as a number before. */
function readTemplateId(context: IExecuteFunctions, itemIndex: number, value: unknown): number {
	if (value === '' || value === undefined || value === null) {
		throw new NodeOperationError(context.getNode(), 'No Brevo template is chosen for the recording email', {
			itemIndex,
			description: 'Pick one in Brevo Template Name or ID (Share Recording, by Brevo template email). Only active templates are listed.',
		});
	}
	return checkNumber(context, itemIndex, 'templateId', value, { min: 1, integer: true });
}

/** A meeting or webinar ID as typed, trimmed. Zoom shows IDs grouped ("857 4606 5432"); UUIDs never
 *  consist of digits and spaces, so only an all-digit value loses its spaces and dashes. */
export function zoomIdOf(value: unknown): string {
	const typed = value === undefined || value === null ? '' : String(value).trim();
	return /^\d[\d\s-]*\d$/.test(typed) ? typed.replace(/[\s-]/g, '') : typed;
}

/** The ID a parameter holds, as a string; a clear error when it is empty. */
export function requiredId(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	// A text field (version 1) or a resource locator (1.1: list, ID or join link → the ID).
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = zoomIdOf(value);
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Type the ${label}, or connect a Zoom Trigger: by default the node reads it from the incoming item.`,
		});
	}
	return id;
}

/** How a sync sends its follow-ups (sendOnce.ts): dry run, Repeat and Send Unconfirmed Follow-Ups. */
export const followUpOptions = (settings: SyncSettings) => ({
	dryRun: settings.dryRun,
	repeat: settings.repeatFollowUps,
	sendUnconfirmed: settings.sendUnconfirmedFollowUps,
});
