/**
 * One poll for New Webinar Registrant. Registrants carry the time they registered (`create_time`),
 * so the cursor orders them by it, in Zoom's clock. Zoom lists approved registrants (its default):
 * one held for approval is listed, and emitted, once approved; the lookback of a day keeps that
 * possible for a day after registering, and covers a row that a registration arriving mid-listing
 * pushed across a page boundary (read twice, emitted once). Fetch Test Event shows the latest
 * registrant and leaves the cursor alone.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { firstCursor, LOOKBACK_MS } from './cursor';
import { openCursor } from './cursorSlot';
import type { PollSettings } from './pollSettings';
import { registrantReader, type RegistrantRow } from './readRegistrants';
import { registrationCreatedItem, registrationKey } from './shapeRegistrant';
import type { ListedWebinar } from './zoomReads';

/**
 * The details of the webinars whose registrants are emitted: each webinar's tracking sources (the
 * UTM source Zoom's webhook carries) and, for a chosen webinar, its details. Only webinars with a
 * row to emit cost these calls; each is read once per poll.
 */
function webinarDetails(reader: ReturnType<typeof registrantReader>) {
	const webinars = new Map<string, ListedWebinar | undefined>();
	const sources = new Map<string, Map<string, IDataObject>>();
	return {
		lacking: (rows: RegistrantRow[]) => rows.filter(({ webinarId }) => !sources.has(webinarId)),
		async read(rows: RegistrantRow[]) {
			for (const { webinarId, webinar } of rows) {
				if (sources.has(webinarId)) continue;
				webinars.set(webinarId, webinar ?? (await reader.webinar(webinarId)));
				sources.set(webinarId, await reader.trackingSources(webinarId));
			}
		},
		items: (rows: RegistrantRow[]): INodeExecutionData[] =>
			rows.map(({ webinarId, registrant }) => ({
				json: registrationCreatedItem(webinarId, webinars.get(webinarId), registrant, sources.get(webinarId)?.get(registrant.id)),
			})),
	};
}

export async function pollRegistrants(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<INodeExecutionData[][] | null> {
	const reader = registrantReader(context, settings.credentialType, pacer);
	const details = webinarDetails(reader);
	if (context.getMode() === 'manual') {
		const read = await reader.read(settings.hosts, settings.webinarIds);
		const latest = read.rows.reduce<RegistrantRow | undefined>((best, row) => (!best || Date.parse(row.registrant.create_time) > Date.parse(best.registrant.create_time) ? row : best), undefined);
		if (!latest) return null;
		await details.read([latest]);
		return [details.items([latest])];
	}

	const cursor = openCursor(context, { name: 'registrantCursor', lookbackMs: LOOKBACK_MS, first: (zoomNowMs, startFromMs) => firstCursor(zoomNowMs, startFromMs) }, settings.startFromMs);
	const read = await reader.read(settings.hosts, settings.webinarIds);
	const rows = read.rows.map((row) => ({ row, key: registrationKey(row.webinarId, row.registrant.id), endMs: Date.parse(row.registrant.create_time) }));
	// The details are read before the cursor moves past a registrant: one whose read fails stays new.
	const fresh = await cursor.settle(rows, read.zoomNowMs ?? Date.now(), {
		lacking: (candidates) => {
			const lacking = new Set(details.lacking(candidates.map(({ row }) => row)));
			return candidates.filter(({ row }) => lacking.has(row));
		},
		read: async (lacking) => await details.read(lacking.map(({ row }) => row)),
	});
	const items = details.items(fresh.map(({ row }) => row));
	return items.length > 0 ? [items] : null;
}
