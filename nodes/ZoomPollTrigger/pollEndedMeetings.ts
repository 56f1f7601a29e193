/**
 * One poll for Meeting Ended: read (each host's report, or the account's listing: accountMeetings.ts),
 * let the cursor decide what is new, keep the cursor in the
 * node's static data. Fetch Test Event (manual mode) shows the latest ended meeting of one host
 * (one Heavy call) and leaves the cursor alone.
 */
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { readAccountEndedMeetings } from './accountMeetings';
import { firstCursor, LOOKBACK_MS } from './cursor';
import { openCursor } from './cursorSlot';
import { usesAccountListing } from './pollBudget';
import type { PollSettings } from './pollSettings';
import { meetingEndedItem } from './shapeEnded';
import { readEndedMeetings, readRecentMeetings, type ReportMeeting } from './zoomReads';

const DAY_MS = 24 * 60 * 60 * 1000;

const toItems = (rows: ReportMeeting[]): INodeExecutionData[] => rows.map((row) => ({ json: meetingEndedItem(row) }));

export async function pollEndedMeetings(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const rows = await readRecentMeetings(context, settings.credentialType, settings.hosts[0], pacer);
		const latest = rows.reduce<ReportMeeting | undefined>((best, row) => (!best || Date.parse(row.end_time) > Date.parse(best.end_time) ? row : best), undefined);
		return latest ? [toItems([latest])] : null;
	}

	const cursor = openCursor(context, { name: 'cursor', lookbackMs: LOOKBACK_MS, first: (zoomNowMs, startFromMs) => firstCursor(zoomNowMs, startFromMs) }, settings.startFromMs);
	// Without a cursor Zoom's time is not known yet: read a day further back than n8n's clock says.
	const endedFromMs = cursor.readFromMs(settings.startFromMs ?? Date.now() - DAY_MS);
	// One listing of the account's ended meetings for many hosts, one report per host for one or two.
	const read = usesAccountListing(settings)
		? await readAccountEndedMeetings(context, settings, endedFromMs, pacer)
		: await readEndedMeetings(context, settings.credentialType, settings.hosts, endedFromMs, pacer);
	const rows = read.rows.map((row) => ({ row, key: row.uuid, endMs: Date.parse(row.end_time) }));
	const fresh = await cursor.settle(rows, read.zoomNowMs ?? Date.now());
	return fresh.length > 0 ? [toItems(fresh.map(({ row }) => row))] : null;
}
