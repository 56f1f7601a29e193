import type { INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import { CONTACT_FIELDS, type AttributeMapping, type BrevoAttributeType, type ContactFieldName } from './fields';

/**
 * The rows of Attribute Mapping from version 1.2 on (n8n's resource mapper): one row per Brevo
 * attribute, loaded from the account, each with a dropdown of the Zoom values that fit its type.
 * Pure: the account's attributes come in, the rows go out.
 */

export type SyncResource = 'meeting' | 'webinar';

/** Filled only when the sync reads polls, Q&A or survey, or scores leads: mapped on a new node, so
 *  turning those on writes them, and written by no other sync (values Zoom did not give are
 *  never sent). */
const ENGAGEMENT_DEFAULTS: AttributeMapping[] = [
	{ attribute: 'ZOOM_ENGAGEMENT_SCORE', field: 'engagementScore' },
	{ attribute: 'ZOOM_LEAD_LEVEL', field: 'leadLevel' },
	{ attribute: 'ZOOM_POLLS_ANSWERED', field: 'pollsAnswered' },
	{ attribute: 'ZOOM_QUESTIONS_ASKED', field: 'questionsAsked' },
	{ attribute: 'ZOOM_SURVEY_ANSWERED', field: 'surveyAnswered' },
];

/** What each resource writes on a new node. Webinars get their own WEBINAR_* names, so a webinar
 *  sync never overwrites the meeting figures that meeting campaigns segment on (and the other way
 *  round); meetings leave out UTM_SOURCE, which only webinar registration gives. */
export const ATTRIBUTE_DEFAULTS: Record<SyncResource, AttributeMapping[]> = {
	meeting: [
		{ attribute: 'FIRSTNAME', field: 'firstName' },
		{ attribute: 'LASTNAME', field: 'lastName' },
		{ attribute: 'MEETING_NAME', field: 'topic' },
		{ attribute: 'MEETING_JOIN_DATE', field: 'firstJoinDate' },
		{ attribute: 'MEETING_DURATION', field: 'minutesAttended' },
		{ attribute: 'ATTENDANCE_STATUS', field: 'attendanceStatus' },
		{ attribute: 'ZOOM_ATTENDANCE_PERCENT', field: 'attendancePercent' },
		{ attribute: 'ZOOM_SESSIONS', field: 'sessions' },
		...ENGAGEMENT_DEFAULTS,
	],
	webinar: [
		{ attribute: 'FIRSTNAME', field: 'firstName' },
		{ attribute: 'LASTNAME', field: 'lastName' },
		{ attribute: 'WEBINAR_NAME', field: 'topic' },
		{ attribute: 'WEBINAR_JOIN_DATE', field: 'firstJoinDate' },
		{ attribute: 'WEBINAR_DURATION', field: 'minutesAttended' },
		{ attribute: 'ATTENDANCE_STATUS', field: 'attendanceStatus' },
		{ attribute: 'UTM_SOURCE', field: 'utmSource' },
		{ attribute: 'ZOOM_ATTENDANCE_PERCENT', field: 'attendancePercent' },
		{ attribute: 'ZOOM_SESSIONS', field: 'sessions' },
		...ENGAGEMENT_DEFAULTS,
	],
};

/** Offered (not mapped) on a new node although the account may not have them yet: the other
 *  resource's names and a few the product page's users ask for. Created on first write. */
const SUGGESTED: AttributeMapping[] = [
	{ attribute: 'ZOOM_JOIN_URL', field: 'joinUrl' },
	{ attribute: 'ZOOM_REGISTRATION_DATE', field: 'registrationDate' },
];

/** Brevo's contact identifiers: a Zoom value written there would change who the contact is. */
const IDENTIFIERS = new Set(['EMAIL', 'SMS', 'WHATSAPP', 'LANDLINE_NUMBER', 'EXT_ID']);

/** How Brevo's interface calls each type. */
const TYPE_LABELS: Record<BrevoAttributeType, string> = { text: 'Text', date: 'Date', float: 'Number', boolean: 'Boolean' };

export interface AccountAttribute {
	name: string;
	type: string;
	category: string;
}

const byLabel = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Whether a Brevo attribute of this type keeps the Zoom value (Brevo drops values that do not
 *  fit). A text attribute takes any value but yes/no ones, which belong in a Boolean attribute;
 *  undefined: a new attribute, created with the value's type. */
const fitsType = (type: BrevoAttributeType | undefined, field: ContactFieldName): boolean =>
	type === undefined || CONTACT_FIELDS[field].type === type || (type === 'text' && CONTACT_FIELDS[field].type !== 'boolean');

/** The Zoom values a Brevo attribute of this type keeps. */
function zoomValuesFor(type: BrevoAttributeType | undefined): INodePropertyOptions[] {
	return (Object.entries(CONTACT_FIELDS) as Array<[ContactFieldName, (typeof CONTACT_FIELDS)[ContactFieldName]]>)
		.filter(([value]) => fitsType(type, value))
		.map(([value, field]) => ({ name: field.label, value }))
		.sort(byLabel);
}

const isMappableType = (type: string): type is BrevoAttributeType => type === 'text' || type === 'date' || type === 'float' || type === 'boolean';

/**
 * The resource mapper's rows for one resource. `account` is the account's attributes, or
 * undefined when no Brevo credential is chosen yet (the rows are then the suggestions alone).
 * The resource's defaults come first, shown with their Zoom value; every other row is in the
 * "Add attribute" dropdown.
 */
export function attributeFields(resource: SyncResource, account: AccountAttribute[] | undefined): ResourceMapperField[] {
	const inAccount = new Map<string, BrevoAttributeType>();
	for (const attribute of account ?? []) {
		const name = attribute.name.toUpperCase();
		// Contacts can set normal attributes only.
		if (attribute.category === 'normal' && isMappableType(attribute.type) && !IDENTIFIERS.has(name)) inAccount.set(name, attribute.type);
	}
	const unfit = new Set((account ?? []).map((a) => a.name.toUpperCase()).filter((name) => !inAccount.has(name)));

	const defaults = ATTRIBUTE_DEFAULTS[resource];
	const other = resource === 'meeting' ? 'webinar' : 'meeting';
	const suggestions = [...defaults, ...ATTRIBUTE_DEFAULTS[other], ...SUGGESTED];
	const rows = new Map<string, ResourceMapperField>();

	const row = (name: string, type: BrevoAttributeType | undefined, defaultField?: ContactFieldName): ResourceMapperField => ({
		id: name,
		displayName: account === undefined ? name : type ? `${name} (${TYPE_LABELS[type]})` : `${name} (new)`,
		type: 'options',
		options: zoomValuesFor(type),
		required: false,
		display: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		removed: defaultField === undefined,
		...(defaultField ? { defaultValue: defaultField } : {}),
	});

	for (const { attribute, field } of suggestions) {
		// An attribute of the same name but another kind (boolean, category, an identifier) is the
		// account's, not a suggestion to create.
		if (rows.has(attribute) || unfit.has(attribute)) continue;
		const isDefault = defaults.some((d) => d.attribute === attribute);
		const type = inAccount.get(attribute);
		// A default whose attribute has a type that its Zoom value does not fit is offered unmapped.
		rows.set(attribute, row(attribute, type, isDefault && fitsType(type, field) ? field : undefined));
	}
	for (const name of [...inAccount.keys()].sort()) if (!rows.has(name)) rows.set(name, row(name, inAccount.get(name)));
	return [...rows.values()];
}

/** The resource mapper's value as the node stores it (n8n's ResourceMapperValue, loosely typed:
 *  workflows built by hand or by an older editor may lack parts). */
export interface AttributeMapperValue {
	mappingMode?: unknown;
	value?: Record<string, unknown> | null;
}

/**
 * Attribute → Zoom value pairs from the mapper's value. `null` (the node was never opened in the
 * editor, e.g. a workflow imported from JSON) means the resource's defaults; an empty mapping
 * means none. Values that are not Zoom values are returned in `unknown` for the caller to refuse.
 */
export function mappingFromMapper(
	value: Record<string, unknown> | null | undefined,
	resource: SyncResource,
): { mapping: AttributeMapping[]; unknown: Array<{ attribute: string; value: unknown }> } {
	if (value === null || value === undefined) return { mapping: ATTRIBUTE_DEFAULTS[resource], unknown: [] };
	const mapping: AttributeMapping[] = [];
	const unknown: Array<{ attribute: string; value: unknown }> = [];
	for (const [attribute, field] of Object.entries(value)) {
		// The editor keeps shown-but-empty rows out of the value; a hand-made one may hold null or ''.
		if (field === null || field === undefined || field === '') continue;
		if (typeof field === 'string' && field in CONTACT_FIELDS) mapping.push({ attribute: attribute.trim().toUpperCase(), field: field as ContactFieldName });
		else unknown.push({ attribute, value: field });
	}
	return { mapping, unknown };
}
