/**
 * One poll for Recording Completed. Zoom lists a recording by its meeting's or webinar's start (the
 * list names no completion time) and its files stay `processing` for a while after the instance
 * ends, so the cursor orders recordings by start and looks back a week: a recording that finishes
 * processing up to a week after its instance started is still caught, and one still processing at
 * activation is emitted when it completes. Fetch Test Event shows the latest completed recording
 * and leaves the cursor alone.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { firstCursor } from './cursor';
import { openCursor } from './cursorSlot';
import type { PollSettings } from './pollSettings';
import { isCompleted, recordingReader, type ListedRecording } from './readRecordings';
import { recordingCompletedItem } from './shapeRecording';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long after its instance starts a recording may still complete and be emitted. */
export const RECORDING_LOOKBACK_MS = 7 * DAY_MS;
/** Fetch Test Event looks this far back for the latest completed recording (one list range). */
const TEST_EVENT_DAYS = 30;

export async function pollRecordings(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<INodeExecutionData[][] | null> {
	const reader = recordingReader(context, settings.credentialType, pacer);
	// Each recording to emit is read once more, for what Zoom's webhook carries: one Light call each.
	const details = new Map<string, IDataObject>();
	const readDetails = async (rows: ListedRecording[]) => {
		for (const row of rows) details.set(row.uuid, await reader.detail(row.uuid));
	};
	const byStart = (a: ListedRecording, b: ListedRecording) => Date.parse(a.start_time) - Date.parse(b.start_time);

	if (context.getMode() === 'manual') {
		const read = await reader.list(settings.hosts, Date.now() - TEST_EVENT_DAYS * DAY_MS);
		const latest = read.rows.filter(isCompleted).sort(byStart).pop();
		if (!latest) return null;
		await readDetails([latest]);
		return [[{ json: recordingCompletedItem(details.get(latest.uuid) ?? {}, read.zoomNowMs ?? Date.now()) }]];
	}

	const cursor = openCursor(
		context,
		{
			name: 'recordingCursor',
			lookbackMs: RECORDING_LOOKBACK_MS,
			first: (zoomNowMs, startFromMs) => firstCursor(zoomNowMs, startFromMs ?? zoomNowMs - RECORDING_LOOKBACK_MS, RECORDING_LOOKBACK_MS),
		},
		settings.startFromMs,
	);
	// Without a cursor Zoom's time is not known yet: read further back than n8n's clock says.
	const read = await reader.list(settings.hosts, cursor.readFromMs(settings.startFromMs ?? Date.now() - RECORDING_LOOKBACK_MS - DAY_MS));
	const zoomNowMs = read.zoomNowMs ?? Date.now();
	// Only completed recordings reach the cursor: one still processing is neither emitted nor recorded.
	const rows = read.rows.filter(isCompleted).map((row) => ({ row, key: row.uuid, endMs: Date.parse(row.start_time) }));
	// The details are read before the cursor moves past a recording: one whose read fails stays new.
	const fresh = await cursor.settle(rows, zoomNowMs, {
		lacking: (candidates) => candidates.filter(({ key }) => !details.has(key)),
		read: async (lacking) => await readDetails(lacking.map(({ row }) => row)),
	});
	const items = fresh.map(({ key }) => ({ json: recordingCompletedItem(details.get(key) ?? {}, zoomNowMs) }));
	return items.length > 0 ? [items] : null;
}
