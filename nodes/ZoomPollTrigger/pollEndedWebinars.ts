/**
 * One poll for Webinar Ended. Zoom lists a webinar instance among the past ones once it ended, with
 * its start time only, so the cursor orders instances by start and looks back far enough to cover
 * the longest instance Zoom allows: one that started before activation and ends after it is still
 * emitted, and what had already ended at activation is recorded by the first poll, not emitted.
 */
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ZoomPacer } from '../shared/zoomPacer';
import { firstCursor, LOOKBACK_MS } from './cursor';
import { openCursor } from './cursorSlot';
import type { PollSettings } from './pollSettings';
import { webinarEndedItem } from './shapeEnded';
import { readEndedWebinars, type EndedWebinarInstance } from './zoomReads';

/** Zoom ends a meeting or webinar after 30 hours at most. */
export const LONGEST_INSTANCE_MS = 30 * 60 * 60 * 1000;
const WEBINAR_LOOKBACK_MS = LOOKBACK_MS + LONGEST_INSTANCE_MS;

const itemsOf = (rows: EndedWebinarInstance[], zoomNowMs: number): INodeExecutionData[] => rows.map((row) => ({ json: webinarEndedItem(row, zoomNowMs) }));

export async function pollEndedWebinars(context: IPollFunctions, settings: PollSettings, pacer: ZoomPacer): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const read = await readEndedWebinars(context, settings.credentialType, settings.hosts, pacer);
		const latest = read.rows.reduce<EndedWebinarInstance | undefined>((best, row) => (!best || Date.parse(row.start_time) > Date.parse(best.start_time) ? row : best), undefined);
		return latest ? [itemsOf([latest], read.zoomNowMs ?? Date.now())] : null;
	}

	const cursor = openCursor(
		context,
		{ name: 'webinarCursor', lookbackMs: WEBINAR_LOOKBACK_MS, first: (nowMs, startFromMs) => firstCursor(nowMs, startFromMs ?? nowMs - LONGEST_INSTANCE_MS, WEBINAR_LOOKBACK_MS) },
		settings.startFromMs,
	);
	const read = await readEndedWebinars(context, settings.credentialType, settings.hosts, pacer);
	const zoomNowMs = read.zoomNowMs ?? Date.now();
	const rows = read.rows.map((row) => ({ row, key: row.uuid, endMs: Date.parse(row.start_time) }));
	const fresh = await cursor.settle(rows, zoomNowMs);
	return fresh.length > 0 ? [itemsOf(fresh.map(({ row }) => row), zoomNowMs)] : null;
}
