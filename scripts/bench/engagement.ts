/**
 * Engagement depth (issue #13, "Measured"): a webinar of about 10 000 attendees with polls, Q&A and
 * a survey, simulator at Zoom Pro limits, the node through n8n-core's real engine. The same
 * attendee sync with and without Add Engagement From Zoom + Score Leads: the Zoom calls it adds
 * (goal: at most 3 plus pages; Zoom's poll, Q&A and survey lists have no pages), and each run's
 * wall time against its rate-limit bound (goal: still ≤ 1.3×), each the faster of two alternating runs.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PLAN_LIMITS, makeFixture, rowsToArray, startSimulator, type Simulator } from '../../test/simulator';
import { zoomRequestsByCategory } from '../../test/simulator/slidingWindow';
import { runZoomToBrevo } from '../../test/zoomToBrevo/nodeRunner';
import { measure, ratio, seconds } from './measure';
import type { Row } from './zoomToBrevo';

/** Zoom calls of a run, OAuth token requests left out. */
const zoomCalls = (sim: Simulator) => sim.requests.filter((r) => r.service === 'zoom' && !r.path.includes('/oauth'));

/**
 * The fastest any client can make these calls: each category has its own per-second budget (a
 * sliding second), so the run cannot end before its busiest category's last call may leave,
 * floor((n − 1) / limit) seconds after its first.
 */
function boundMs(sim: Simulator): { ms: number; busiest: string } {
	let best = { ms: 0, busiest: 'none' };
	for (const [category, requests] of Object.entries(zoomRequestsByCategory(zoomCalls(sim)))) {
		const limit = PLAN_LIMITS.pro[category as keyof (typeof PLAN_LIMITS)['pro']];
		const ms = Math.floor(Math.max(0, requests.length - 1) / limit) * 1000;
		if (ms > best.ms || best.busiest === 'none') best = { ms, busiest: `${requests.length} ${category} at ${limit}/s` };
	}
	return best;
}

export async function benchEngagement(registrants: number): Promise<Row[]> {
	const sim = await startSimulator({ fixture: makeFixture({ webinarRegistrants: registrants }), zoom: { plan: 'pro' }, brevo: { importProcessingMs: 200 } });
	try {
		const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
		const stats = webinar.instances[0].engagementStats!;
		const attendeeRows = rowsToArray(webinar.instances[0].attendees).length;
		const sync: INodeParameters = { resource: 'webinar', operation: 'syncAttendees', webinarId: String(webinar.id) };
		const run = async (parameters: INodeParameters) => {
			// Each run starts with Zoom's one-second windows empty: the run before spent the same
			// account's budget, which the node (rightly) waits for when Zoom's headers show it.
			await new Promise((resolve) => setTimeout(resolve, 1_100));
			sim.clearRequests();
			const measured = await measure(async () => await runZoomToBrevo(sim, parameters, { typeVersion: 1.2 }));
			if (measured.value.result.error) throw new Error(`engagement bench run failed: ${measured.value.result.error.message}`);
			return { ...measured, calls: zoomCalls(sim).length, bound: boundMs(sim), count429: zoomCalls(sim).filter((r) => r.status === 429).length };
		};

		// Reads only (emit): what Zoom's limits bound. No lead events here: they would go to Brevo
		// even when contacts are only emitted. Each variant twice, alternating, the faster kept: the
		// machine is shared and a first run is slower (cold code), so one pair would mostly measure
		// which came first.
		const plainSync: INodeParameters = { ...sync, writeMode: 'emit' };
		const richSync: INodeParameters = { ...sync, writeMode: 'emit', webinarEngagement: ['polls', 'questions', 'survey'], scoreLeads: true, leadEvents: 'none' };
		const faster = <T extends { ms: number }>(a: T, b: T) => (a.ms <= b.ms ? a : b);
		const plainFirst = await run(plainSync);
		const richFirst = await run(richSync);
		const plain = faster(plainFirst, await run(plainSync));
		const rich = faster(richFirst, await run(richSync));
		const contacts = rich.value.contacts;
		const hot = contacts.filter((c) => (c.engagement as { leadLevel?: string }).leadLevel === 'hot').length;
		// The whole sync: import into a list, the attended and hot-lead events (lead events are sent
		// with Send Brevo Event, which also sends the attended ones).
		const written = await run({ ...sync, writeMode: 'import', listIds: [16], webinarEngagement: ['polls', 'questions', 'survey'], scoreLeads: true, sendEvent: true });
		const leadEvents = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_hot_lead').length;

		return [
			{ figure: 'webinar: registrants / attendee rows / attendees (contacts)', value: `${webinar.registrants.length} / ${attendeeRows} / ${contacts.length}` },
			{ figure: 'poll respondents / Q&A askers / survey respondents', value: `${stats.pollRespondents} / ${stats.qaAskers} / ${stats.surveyRespondents}` },
			{ figure: 'Zoom calls: attendee sync / with polls, Q&A, survey and score', value: `${plain.calls} / ${rich.calls}` },
			{ figure: 'Zoom calls added per webinar', value: String(rich.calls - plain.calls), goal: '≤ 3 + pages (Zoom does not page them: 3)' },
			{ figure: 'Zoom 429s received (all runs)', value: String(plain.count429 + rich.count429), goal: '0' },
			{ figure: `attendee sync (faster of 2): wall time / rate-limit bound (${plain.bound.busiest})`, value: `${seconds(plain.ms)} / ${seconds(plain.bound.ms)} = ${ratio(plain.ms, plain.bound.ms)}`, goal: '≤ 1.3' },
			{ figure: `with engagement and score (faster of 2): wall time / bound (${rich.bound.busiest})`, value: `${seconds(rich.ms)} / ${seconds(rich.bound.ms)} = ${ratio(rich.ms, rich.bound.ms)}`, goal: '≤ 1.3' },
			{ figure: 'time engagement and score add (same run)', value: `${seconds(rich.ms - plain.ms)} (${ratio(rich.ms, plain.ms)}× the attendee sync)` },
			{ figure: 'hot leads / zoom_webinar_hot_lead events sent', value: `${hot} / ${leadEvents}`, goal: 'equal' },
			{ figure: 'whole sync (read, import to Brevo, attended and hot-lead events): wall time', value: seconds(written.ms) },
			{ figure: 'peak JS heap growth, sync with engagement (emit)', value: `${rich.peakHeapDeltaMb} MB` },
		];
	} finally {
		await sim.close();
	}
}
