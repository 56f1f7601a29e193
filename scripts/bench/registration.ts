/**
 * Register Contacts (issue #14, "Measured"; batches: issue #25): 1 000 plain people (email and
 * names) registered for a webinar, simulator at Zoom Pro limits, the node through n8n-core's real
 * engine. They go by Zoom's batch registration (30 a request, Heavy: 10 per sliding second on Pro),
 * so the figure that counts is the whole run's wall time against the bound one-by-one registration
 * could never beat ("Add a webinar registrant", Light: 30 per sliding second; goal ≤ 0.2), with the
 * batch requests, the most Heavy requests in any sliding second, 429s, and the same run again
 * (everyone registered before: no registration request).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ProcessedDataStore } from '../../test/harness';
import { PLAN_LIMITS, startSimulator } from '../../test/simulator';
import { maxInAnyWindow } from '../../test/simulator/slidingWindow';
import { runZoomToBrevo } from '../../test/zoomToBrevo/nodeRunner';
import { measure, ratio, seconds } from './measure';
import type { Row } from './zoomToBrevo';

export async function benchRegistration(people: number): Promise<Row[]> {
	const sim = await startSimulator({ zoom: { plan: 'pro' }, brevo: { importProcessingMs: 200 } });
	try {
		const inputItems: INodeExecutionData[] = Array.from({ length: people }, (_v, i) => ({
			json: { email: `bench.${i}@prospects.example`, attributes: { FIRSTNAME: `Bench${i}`, LASTNAME: 'Lead' } },
		}));
		const parameters = {
			resource: 'webinar',
			operation: 'registerContacts',
			registrationWebinarId: { __rl: true, mode: 'id', value: String(sim.fixture.ids.webinarId) },
			writeMode: 'import',
			listIds: [17],
			sendEvent: true,
		};
		const processedData = new ProcessedDataStore();
		const run = async () => {
			sim.clearRequests();
			const measured = await measure(async () => await runZoomToBrevo(sim, parameters, { typeVersion: 1.2, inputItems, processedData, workflowId: 'bench-register' }));
			if (measured.value.result.error) throw new Error(`registration bench failed: ${measured.value.result.error.message}`);
			return measured;
		};
		const first = await run();
		const zoomPosts = () => sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST');
		const batches = zoomPosts().filter((r) => r.path.endsWith('/batch_registrants'));
		const single = zoomPosts().filter((r) => /\/(webinars|meetings)\/[^/]+\/registrants$/.test(r.path));
		const heavyAt = batches.map((r) => r.at);
		const light = PLAN_LIMITS.pro.light;
		const heavy = PLAN_LIMITS.pro.heavy;
		// n requests at q per sliding second: the last cannot leave before floor((n − 1) / q) s.
		const bound = (n: number, q: number) => Math.floor(Math.max(0, n - 1) / q) * 1000;
		const oneByOneMs = bound(people, light);
		const spanMs = batches.length > 0 ? Math.max(...batches.map((r) => r.at)) - Math.min(...batches.map((r) => r.at)) : 0;
		const zoom429 = sim.requests.filter((r) => r.service === 'zoom' && r.status === 429).length;
		const withLink = [...sim.brevo.contacts.values()].filter((c) => c.email.startsWith('bench.') && typeof c.attributes.ZOOM_JOIN_URL === 'string').length;
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered').length;

		const again = await run();
		const postsAgain = zoomPosts().filter((r) => r.path.endsWith('registrants')).length;
		const listCalls = sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/registrants')).length;
		return [
			{ figure: 'people registered (batch requests + one-by-one requests)', value: `${people} (${batches.length} + ${single.length})`, goal: `${people} (${Math.ceil(people / 30)} + 0)` },
			{ figure: 'Zoom 429s received', value: String(zoom429), goal: '0' },
			{ figure: `most batch requests (Heavy) in any sliding second (Heavy limit on Pro)`, value: String(maxInAnyWindow(heavyAt)), goal: `≤ ${heavy}` },
			{ figure: `batch requests' span / Heavy bound (${batches.length} at ${heavy}/s)`, value: `${seconds(spanMs)} / ${seconds(bound(batches.length, heavy))}` },
			{ figure: 'whole run: wall time (read webinar, register, Brevo import, events)', value: seconds(first.ms) },
			{
				figure: `wall time ÷ one-by-one Light bound (${people} at ${light}/s: ${seconds(oneByOneMs)})`,
				value: `${seconds(first.ms)} / ${seconds(oneByOneMs)} = ${ratio(first.ms, oneByOneMs)}`,
				goal: '≤ 0.2',
			},
			{ figure: 'Brevo contacts with their own ZOOM_JOIN_URL / zoom_webinar_registered events', value: `${withLink} / ${events}`, goal: `${people} / ${people}` },
			{ figure: 'the same run again: registration requests / registrant-list calls / wall time', value: `${postsAgain} / ${listCalls} / ${seconds(again.ms)}`, goal: '0 registration requests' },
		];
	} finally {
		await sim.close();
	}
}
