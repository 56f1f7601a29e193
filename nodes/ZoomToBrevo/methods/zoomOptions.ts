/**
 * Dropdowns that replace typed Zoom IDs (issue #23): a recurring meeting's or webinar's sessions
 * (Zoom's occurrence IDs are epoch milliseconds nobody can type) and a webinar's tracking sources
 * (the UTM a registration is credited to). Each reads the meeting or webinar chosen above; while
 * it is an expression from the incoming item, or none is chosen, the list is empty and the field
 * still takes an expression.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ZoomPacer } from '../../shared/zoomPacer';
import { zoomRequestWithRetry } from '../../shared/zoomPaging';
import { zoomIdOf } from '../actions/settings';
import { localStart } from '../registration/registeredContact';

/** A dropdown answers within seconds or explains, rather than wait out a daily limit. */
const MAX_WAIT_MS = 10_000;

function credentialTypeOf(context: ILoadOptionsFunctions) {
	return context.getNodeParameter('authentication', 'serverToServer') === 'userOAuth2' ? 'zoomUserOAuth2Api' : 'zoomServerToServerOAuthApi';
}

/** The meeting or webinar the node's own field names (Register Contacts' or the sync's), if fixed. */
function chosen(context: ILoadOptionsFunctions): { kind: 'meetings' | 'webinars'; id: string } | undefined {
	const operation = context.getNodeParameter('operation', '') as string;
	const resource = context.getNodeParameter('resource', '') as string;
	const name = operation === 'registerContacts' ? (resource === 'meeting' ? 'registrationMeetingId' : 'registrationWebinarId') : 'webinarId';
	let value: unknown;
	try {
		value = context.getNodeParameter(name, '', { extractValue: true });
	} catch {
		return undefined;
	}
	const id = zoomIdOf(value);
	// An expression (from the incoming item) cannot be read in the editor's dropdown.
	if (!/^\d+$/.test(id)) return undefined;
	return { kind: resource === 'meeting' ? 'meetings' : 'webinars', id };
}

async function zoomGet(context: ILoadOptionsFunctions, path: string, qs: IDataObject, what: string): Promise<IDataObject> {
	return await zoomRequestWithRetry<IDataObject>(context, credentialTypeOf(context), { method: 'GET', path, qs, category: 'light', what }, { pacer: new ZoomPacer('pro'), maxWaitMs: MAX_WAIT_MS });
}

/**
 * The sessions of the chosen recurring meeting or webinar (`GET /webinars/{id}` or
 * `/meetings/{id}` with `show_previous_occurrences`, Light: `occurrences[].occurrence_id`,
 * `start_time`, `status`), each told in the meeting's own time zone.
 */
export async function getOccurrences(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const operation = this.getNodeParameter('operation', '') as string;
	// The sync's single Occurrence ID: empty means all sessions (registrants) or the latest (absentees).
	const none: INodePropertyOptions[] =
		operation === 'registerContacts' ? [] : [{ name: operation === 'syncAbsentees' ? 'The Latest Session' : 'All Sessions', value: '' }];
	const target = chosen(this);
	if (!target || !this.getNode().credentials) return none;
	const details = await zoomGet(this, `/${target.kind}/${target.id}`, { show_previous_occurrences: true }, `read the ${target.kind === 'meetings' ? 'meeting' : 'webinar'}'s sessions`);
	const zone = typeof details.timezone === 'string' && details.timezone ? details.timezone : 'UTC';
	const occurrences = Array.isArray(details.occurrences) ? (details.occurrences as IDataObject[]) : [];
	return [
		...none,
		...occurrences
		.filter((o) => typeof o.occurrence_id === 'string' && o.status !== 'deleted')
		.map((o) => ({ name: localStart(String(o.start_time ?? ''), zone) ?? String(o.occurrence_id), value: String(o.occurrence_id), description: `Occurrence ID ${String(o.occurrence_id)}` })),
	];
}

/** The chosen webinar's tracking sources (`GET /webinars/{id}/tracking_sources`, Light). */
export async function getTrackingSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = chosen(this);
	if (!target || target.kind !== 'webinars' || !this.getNode().credentials) return [];
	const found = await zoomGet(this, `/webinars/${target.id}/tracking_sources`, {}, "list the webinar's tracking sources");
	const sources = Array.isArray(found.tracking_sources) ? (found.tracking_sources as IDataObject[]) : [];
	return sources
		.filter((s) => typeof s.id === 'string')
		.map((s) => ({ name: String(s.source_name ?? s.id), value: String(s.id), description: typeof s.tracking_url === 'string' ? s.tracking_url : undefined }));
}
