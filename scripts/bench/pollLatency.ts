/**
 * Zoom Scheduled Trigger in a real n8n 2.41.1: the time from a meeting's end to its people in Brevo,
 * with n8n's "Every Minute" poll and Zoom to Brevo (Batch Import) after it. A poll happens once a
 * minute at a second n8n picks, so a meeting waits for the next poll: each sample ends its meeting
 * at another point of the minute (right after a poll, then 20 s and 40 s after one), and the wait
 * for the poll and the sync's own time are given apart.
 */
import { setTimeout } from 'node:timers/promises';

import { removeTempDirs, stopAllN8n, waitFor } from '../../test/e2e/harness';
import { createPollWorkflow, startN8nWithPackage } from '../../test/e2e/support';
import { startSimulator, type Simulator } from '../../test/simulator';
import { toZoomTime } from '../../test/simulator/fixture/participants';
import { endMeeting } from '../../test/simulator/timeline';
import { seconds } from './measure';

export interface PollLatencySample {
	/** Seconds after the previous scheduled poll the meeting ended (as it was set up). */
	afterPoll: number;
	/** From the meeting's end to the poll that found it (the execution's start). */
	toPollMs: number;
	/** The sync: the execution's start to its end (all contacts imported). */
	syncMs: number;
	/** From the meeting's end to every participant on the Brevo list. */
	totalMs: number;
}

const reportReads = (sim: Simulator) => sim.requests.filter((r) => r.service === 'zoom' && r.path.endsWith('/report/users/me/meetings')).length;

export async function benchPollLatency(offsetsSeconds = [0, 20, 40]): Promise<PollLatencySample[]> {
	const sim = await startSimulator({ brevo: { importProcessingMs: 300 } });
	try {
		const { client } = await startN8nWithPackage();
		const { id: workflowId } = await createPollWorkflow(client, sim, {
			tag: 'Bench: meeting ended (polling) → Brevo',
			poll: { event: 'meeting.ended' },
			sync: { typeVersion: 1.2, parameters: { resource: 'meeting', operation: 'syncParticipants', listIds: [15] } },
		});
		await client.activateWorkflow(workflowId);
		const samples: PollLatencySample[] = [];
		// n8n polls once at activation, off the minute's schedule: the samples start from scheduled polls.
		await waitFor(() => (reportReads(sim) > 0 ? true : undefined), { timeoutMs: 90_000, intervalMs: 100, what: 'the activation poll' });
		for (const offset of offsetsSeconds) {
			// `offset` seconds after a scheduled poll.
			const reads = reportReads(sim);
			await waitFor(() => (reportReads(sim) > reads ? true : undefined), { timeoutMs: 90_000, intervalMs: 100, what: 'a poll' });
			await setTimeout(offset * 1000);
			const known = new Set((await client.listExecutions(workflowId)).map((e) => e.id));
			// The simulator keeps real time: the meeting ends now (a UUID of its own per sample).
			const endMs = Date.now();
			const { instance } = endMeeting(sim.zoom, { host: sim.zoom.users[0], start: toZoomTime(endMs - 30 * 60_000), end: toZoomTime(endMs) });
			const emails = Array.from({ length: instance.participants.length }, (_, i) => instance.participants.at(i)!.user_email.toLowerCase());
			await waitFor(() => (emails.every((email) => sim.brevo.contacts.get(email)?.listIds.includes(15)) ? true : undefined), {
				timeoutMs: 150_000,
				intervalMs: 50,
				what: 'the meeting’s people on the Brevo list',
			});
			const totalMs = Date.now() - endMs;
			const execution = await waitFor(
				async () => (await client.listExecutions(workflowId)).find((e) => !known.has(e.id) && e.stoppedAt && e.startedAt),
				{ timeoutMs: 30_000, intervalMs: 200, what: 'the sync execution' },
			);
			const started = Date.parse(execution.startedAt!);
			samples.push({ afterPoll: offset, toPollMs: started - endMs, syncMs: Date.parse(execution.stoppedAt!) - started, totalMs });
		}
		return samples;
	} finally {
		await sim.close();
		await stopAllN8n();
		removeTempDirs();
	}
}

export function pollLatencyTable(samples: PollLatencySample[]): string {
	const lines = [
		'| meeting ended, after the previous poll | wait for the next poll | sync (execution) | end → everyone on the Brevo list |',
		'|---|---|---|---|',
		...samples.map((s) => `| ${s.afterPoll} s | ${seconds(s.toPollMs)} | ${seconds(s.syncMs)} | ${seconds(s.totalMs)} |`),
	];
	return lines.join('\n');
}
