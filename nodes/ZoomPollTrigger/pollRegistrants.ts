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
import { advance, firstCursor, isEndedCursor } from './cursor';
import type { PollSettings } from './pollSettings';
import { registrantReader, type RegistrantRow } from './readRegistrants';
import { registrationCreatedItem, registrationKey } from './shapeRegistrant';
import type { ListedWebinar } from './zoomReads';

/**
 * Items for the rows, oldest registration first. Only webinars with a row to emit cost more calls:
 * their tracking sources (the UTM source Zoom's webhook carries) and, for a chosen webinar, its
 * details. Reads finish before the cursor is stored, so a failed read repeats the whole poll.
 */
async function toItems(reader: ReturnType<typeof registrantReader>, rows: RegistrantRow[]): Promise<INodeExecutionData[]> {
	const webinars = new Map<string, ListedWebinar | undefined>();
	const sources = new Map<string, Map<string, IDataObject>>();
	for (const { webinarId, webinar } of rows) {
		if (sources.has(webinarId)) continue;
		webinars.set(webinarId, webinar ?? (await reader.webinar(webinarId)));
		sources.set(webinarId, await reader.trackingSources(webinarId));
	}
	return rows.map(({ webinarId, registrant }) => ({
		json: registrationCreatedItem(webinarId, webinars.get(webinarId), registrant, sources.get(webinarId)?.get(registrant.id)),
	}));
}

export async function pollRegistrants(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<INodeExecutionData[][] | null> {
	const reader = registrantReader(context, settings.credentialType, pacer);
	const read = await reader.read(settings.hosts, settings.webinarIds);
	const zoomNowMs = read.zoomNowMs ?? Date.now();
	if (context.getMode() === 'manual') {
		const latest = read.rows.reduce<RegistrantRow | undefined>((best, row) => (!best || Date.parse(row.registrant.create_time) > Date.parse(best.registrant.create_time) ? row : best), undefined);
		return latest ? [await toItems(reader, [latest])] : null;
	}

	const staticData = context.getWorkflowStaticData('node');
	const stored = isEndedCursor(staticData.registrantCursor) ? staticData.registrantCursor : undefined;
	const cursor = stored ?? firstCursor(zoomNowMs, settings.startFromMs);
	const rows = read.rows.map((row) => ({ row, key: registrationKey(row.webinarId, row.registrant.id), endMs: Date.parse(row.registrant.create_time) }));
	const { fresh, cursor: next } = advance(cursor, rows, zoomNowMs, !stored && settings.startFromMs === undefined);
	const items = await toItems(reader, fresh.map(({ row }) => row));
	staticData.registrantCursor = next as unknown as IDataObject;
	return items.length > 0 ? [items] : null;
}
