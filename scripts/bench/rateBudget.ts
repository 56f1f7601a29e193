/**
 * One rate budget per execution (issue: "Measured"): the most requests in any sliding second, per
 * Zoom rate category and for Brevo's contacts family, read from the simulator's request log, beside
 * the limits. A three-item run at Zoom Free limits, and One by One on many contacts while Brevo's
 * headers claim 9 requests are always left.
 */
import { makeFixture, startSimulator } from '../../test/simulator';
import { maxInAnyWindow, zoomRequestsByCategory } from '../../test/simulator/slidingWindow';
import { runZoomToBrevo } from '../../test/zoomToBrevo/nodeRunner';
import { measure, ratio, seconds } from './measure';
import type { Row } from './zoomToBrevo';

const FREE = { light: 4, medium: 2, heavy: 1 };

export async function benchThreeItemsFree(): Promise<Row[]> {
	// Free's limits enforced on an account that may read past participants and reports.
	const sim = await startSimulator({ zoom: { rateLimits: FREE, reportRemaining: 100 } });
	try {
		// The large meeting (several pages each) three times: twice its participants (Medium), once
		// Zoom's report (Heavy).
		const uuid = sim.fixture.ids.largeMeetingUuid;
		const items = ['pastMeeting', 'report', 'pastMeeting'].map((source) => ({ json: { uuid, source } }));
		const run = await measure(
			async () =>
				await runZoomToBrevo(
					sim,
					{ resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}', participantSource: '={{ $json.source }}', options: { zoomPlan: 'free' } },
					{ inputItems: items },
				),
		);
		if (run.value.result.error) throw new Error(`three-item run failed: ${run.value.result.error.message}`);
		const byCategory = zoomRequestsByCategory(sim.requests);
		return [
			...(['light', 'medium', 'heavy'] as const).map((category) => ({
				figure: `three items, Free plan: most ${category} requests in any sliding second (of ${byCategory[category]?.length ?? 0})`,
				value: String(maxInAnyWindow((byCategory[category] ?? []).map((r) => r.at))),
				goal: `≤ ${FREE[category]}`,
			})),
			{ figure: 'three items, Free plan: 429s received', value: String(sim.requests.filter((r) => r.status === 429).length), goal: '0' },
			{ figure: 'three items, Free plan: wall time', value: seconds(run.ms) },
		];
	} finally {
		await sim.close();
	}
}

export async function benchOneByOne(people: number): Promise<Row[]> {
	const sim = await startSimulator({ fixture: makeFixture({ largeMeeting: { rows: people, people } }), brevo: { reportRemaining: 9 } });
	try {
		const run = await measure(
			async () =>
				await runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.largeMeetingUuid, writeMode: 'upsert', listIds: [15] }),
		);
		if (run.value.result.error) throw new Error(`One by One run failed: ${run.value.result.error.message}`);
		const contactFamily = sim.requests.filter((r) => r.service === 'brevo' && r.path.startsWith('/brevo/v3/contacts'));
		const upserts = contactFamily.filter((r) => r.method === 'POST' && r.path.endsWith('/contacts')).length;
		const writeStart = Math.min(...contactFamily.map((r) => r.at));
		const writeEnd = Math.max(...contactFamily.map((r) => r.at));
		// n requests at 10 per sliding second: the last cannot go before floor((n - 1) / 10) s.
		const boundMs = Math.floor(Math.max(0, contactFamily.length - 1) / 10) * 1000;
		return [
			{ figure: `One by One, ${upserts} contacts (headers always say 9 left): most contact requests in any sliding second`, value: String(maxInAnyWindow(contactFamily.map((r) => r.at))), goal: '≤ 10' },
			{ figure: 'One by One: Brevo 429s received', value: String(sim.requests.filter((r) => r.service === 'brevo' && r.status === 429).length), goal: '0' },
			{ figure: `One by One: contact requests' span / bound (${contactFamily.length} at 10/s)`, value: `${seconds(writeEnd - writeStart)} / ${seconds(boundMs)} (${ratio(writeEnd - writeStart, boundMs)})`, goal: '≈ 1' },
		];
	} finally {
		await sim.close();
	}
}
