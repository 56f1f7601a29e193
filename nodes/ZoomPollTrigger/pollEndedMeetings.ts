/**
 * One poll for Meeting Ended: read, let the cursor decide what is new, keep the cursor in the
 * node's static data. Fetch Test Event (manual mode) shows the latest ended meeting and leaves
 * the cursor alone.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { advance, firstCursor, isEndedCursor, readFrom } from './cursor';
import type { PollSettings } from './pollSettings';
import { meetingEndedItem } from './shapeEnded';
import { readEndedMeetings, type ReportMeeting } from './zoomReads';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Fetch Test Event looks this far back for the latest ended meeting (one report range). */
const TEST_EVENT_DAYS = 30;

const toItems = (rows: ReportMeeting[]): INodeExecutionData[] => rows.map((row) => ({ json: meetingEndedItem(row) }));

export async function pollEndedMeetings(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const read = await readEndedMeetings(context, settings.credentialType, settings.hosts, Date.now() - TEST_EVENT_DAYS * DAY_MS, pacer);
		const latest = read.rows.reduce<ReportMeeting | undefined>((best, row) => (!best || Date.parse(row.end_time) > Date.parse(best.end_time) ? row : best), undefined);
		return latest ? [toItems([latest])] : null;
	}

	const staticData = context.getWorkflowStaticData('node');
	const stored = isEndedCursor(staticData.cursor) ? staticData.cursor : undefined;
	// Without a cursor Zoom's time is not known yet: read a day further back than n8n's clock says.
	const endedFromMs = stored ? readFrom(stored) : (settings.startFromMs ?? Date.now() - DAY_MS);
	const read = await readEndedMeetings(context, settings.credentialType, settings.hosts, endedFromMs, pacer);
	const zoomNowMs = read.zoomNowMs ?? Date.now();
	const cursor = stored ?? firstCursor(zoomNowMs, settings.startFromMs);
	const rows = read.rows.map((row) => ({ row, key: row.uuid, endMs: Date.parse(row.end_time) }));
	const { fresh, cursor: next } = advance(cursor, rows, zoomNowMs, !stored && settings.startFromMs === undefined);
	staticData.cursor = next as unknown as IDataObject;
	return fresh.length > 0 ? [toItems(fresh.map(({ row }) => row))] : null;
}
