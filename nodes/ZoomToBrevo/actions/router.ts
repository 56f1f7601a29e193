import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { logApiCallsOf } from '../../shared/apiCallLog';
import { useBrevoTier } from '../../shared/brevo';
import { ZoomPacer } from '../../shared/zoomPacer';
import { claimDelivery } from '../exactlyOnce/deliveries';
import { asNodeError, failedItem } from './nodeError';
import { alreadyProcessedItem } from './output';
import { registerContacts } from './registerContacts';
import { readSyncSettings, type SyncSettings } from './settings';
import { shareRecording } from './shareRecording';
import { syncContacts } from './syncContacts';
import { createZoomClient, type ZoomClient } from './zoomClient';

/** Each input item is one sync (e.g. one meeting.ended event). An item carrying a Zoom delivery
 *  this node already processed is skipped. With "Continue On Fail", a failed item becomes an error
 *  item and the others still run. */
export async function route(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	if (context.getNodeParameter('options.logApiCalls', 0, false) === true) logApiCallsOf(context);
	// One rate budget per execution: every item's Zoom reads share one pacer, every Brevo call one
	// session (openSession); the first item's Brevo tier and the strictest Zoom plan apply.
	let zoomPacer: ZoomPacer | undefined;
	const zoomFor = (settings: SyncSettings): ZoomClient | undefined => {
		// Sync One Registrant never calls Zoom: it has no Zoom settings and gets no client.
		if (!settings.zoom) return undefined;
		if (zoomPacer) zoomPacer.usePlan(settings.zoom.plan);
		else zoomPacer = new ZoomPacer(settings.zoom.plan);
		return createZoomClient(context, settings.zoom, zoomPacer);
	};
	// Register Contacts: the items are people, registered together (one read per meeting or webinar).
	if (items.length > 0 && context.getNodeParameter('operation', 0) === 'registerContacts') {
		const registered = await registerContacts(context, (settings) => {
			useBrevoTier(context, settings.brevoTier);
			return zoomFor(settings)!;
		});
		return context.getNode().typeVersion < 1.2 ? [registered] : [registered, []];
	}
	// A test in the editor: every test syncs, and says that follow-ups are real (once per person).
	const test = context.getMode() === 'manual';
	let testNoted = false;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const settings = readSyncSettings(context, itemIndex);
			const zoom = zoomFor(settings);
			useBrevoTier(context, settings.brevoTier);
			const delivery = await claimDelivery(context, itemIndex, { dryRun: settings.dryRun, repeat: settings.repeatFollowUps, test });
			if (test && delivery.trackingId && !settings.dryRun && !testNoted) {
				testNoted = true;
				context.addExecutionHints({
					message: `Test run: the Zoom delivery is synced again at every test (a production run processes it once). Contacts are written with the same values; follow-ups are real and reach each person once — those sent by an earlier test or run say "already sent". Options → Dry Run tests without writing or sending.`,
					location: 'outputPane',
				});
			}
			if (delivery.alreadyProcessed) {
				output.push(alreadyProcessedItem(String(delivery.trackingId), itemIndex));
				context.addExecutionHints({
					message: `Zoom delivery ${delivery.trackingId} was already processed by this node (Zoom re-sent it, or the execution was re-run): skipped`,
					location: 'outputPane',
				});
				continue;
			}
			if (delivery.unfinishedBefore) {
				context.addExecutionHints({
					message: `Zoom delivery ${delivery.trackingId}: an earlier run of it did not finish (it failed, or its process stopped): running it again in full. Contacts are written again (the same values); follow-ups already sent are not sent again, and those the earlier run could not confirm are listed as "unconfirmed"`,
					location: 'outputPane',
				});
			}
			// A failure, or follow-ups waiting for Brevo to confirm contacts, leave the delivery open
			// (claimDelivery): a retry or re-send runs the sync in full.
			const outcome =
				settings.operation === 'shareRecording'
					? { items: await shareRecording(context, itemIndex, settings, zoom), finished: true }
					: await syncContacts(context, itemIndex, settings, zoom);
			if (outcome.finished) await delivery.finish();
			output.push(...outcome.items);
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error, itemIndex);
			output.push(failedItem(context, error, itemIndex));
		}
	}
	// 1.2: the next node gets contacts only; skipped people (no email, ...) and already processed
	// deliveries go to the Skipped output. Earlier versions keep one output with both.
	if (context.getNode().typeVersion < 1.2) return [output];
	return [output.filter((item) => item.json.skipped !== true), output.filter((item) => item.json.skipped === true)];
}
