import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_1_1 } from './versions';

/**
 * Meeting and webinar fields from version 1.1 on: pick from a list, paste the ID (or a UUID), or
 * paste the join link — no copying digits out of Zoom. The default still reads the Zoom Trigger's
 * item, so Zoom Trigger → Zoom to Brevo works untouched. Version 1 keeps its plain text fields.
 */

/** Join links on zoom.us / zoomgov.com and vanity or regional subdomains: /j/, /w/, /s/, /wc/join/. */
const JOIN_URL = String.raw`https?://(?:[\w-]+\.)*zoom(?:gov)?\.(?:us|com)/(?:j|w|s|wc/join|wc)/(\d{9,12})`;
/** n8n matches a validation regex against the whole value: allow the link's ?pwd=... and the rest. */
const WHOLE_JOIN_URL = String.raw`${JOIN_URL}(?:[/?#].*)?`;


interface LocatorOptions {
	name: string;
	displayName: string;
	default: string;
	show: IDisplayOptions['show'];
	hide?: IDisplayOptions['hide'];
	/** Registration fields open on the list (nothing to read from the input item). */
	openOnList?: boolean;
	/** A field new to every version (no text field to stay compatible with): shown in version 1 too. */
	allVersions?: boolean;
	kind: 'meeting' | 'webinar';
	description: string;
	required?: boolean;
	/** The By ID hint, when the field takes more than the kind's usual ID. */
	idPlaceholder?: string;
	/** From List: which meetings (past ones by default: syncs read people who joined). */
	meetingList?: 'past' | 'upcoming';
}

export function zoomLocator(options: LocatorOptions): INodeProperties {
	const plural = options.kind === 'meeting' ? 'Meetings' : 'Webinars';
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.openOnList ? 'list' : 'id', value: options.default },
		required: options.required ?? true,
		// A field of one version only narrows `@version` in its own `show`.
		displayOptions: {
			show: { ...(options.allVersions ? {} : FROM_VERSION_1_1), ...options.show },
			...(options.hide ? { hide: options.hide } : {}),
		},
		// The default is an expression (the Zoom Trigger's item), which greys out the list; n8n's
		// editor shows no hint under this kind of field, so the tooltip says how to reach it.
		description: options.openOnList ? options.description : `${options.description} To choose one yourself, switch the field to Fixed and pick From List`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select one of your ${plural.toLowerCase()}, or search a host's email...`,
				typeOptions: {
					searchListMethod: options.kind === 'webinar' ? 'searchWebinars' : options.meetingList === 'upcoming' ? 'searchUpcomingMeetings' : 'searchMeetings',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder:
					options.idPlaceholder ?? (options.kind === 'meeting' ? 'e.g. 85746065432 or a UUID like 4444AAAiAAAAAiAiAiiAii==' : 'e.g. 81234567890'),
			},
			{
				displayName: 'By Join Link',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us02web.zoom.us/j/85746065432?pwd=...',
				validation: [
					{
						type: 'regex',
						properties: { regex: WHOLE_JOIN_URL, errorMessage: `Not a Zoom join link: paste the link from the ${options.kind} invitation` },
					},
				],
				extractValue: { type: 'regex', regex: JOIN_URL },
			},
		],
	};
}
