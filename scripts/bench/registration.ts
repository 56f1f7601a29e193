/**
 * Register Contacts (issue #14, "Measured"): 1 000 people registered for a webinar, simulator at
 * Zoom Pro limits, the node through n8n-core's real engine. Registrations per second against the
 * limit of Zoom's "Add a webinar registrant" (Light: 30 per sliding second on Pro), 429s, the span
 * of the registration requests against their rate-limit bound (goal: within 1.3×), and the same run
 * again (everyone registered before: no registration request).
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
		const posts = sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST' && r.path.endsWith('/registrants'));
		const limit = PLAN_LIMITS.pro.light;
		const spanMs = Math.max(...posts.map((r) => r.at)) - Math.min(...posts.map((r) => r.at));
		// n requests at q per sliding second: the last cannot leave before floor((n − 1) / q) s.
		const boundMs = Math.floor(Math.max(0, posts.length - 1) / limit) * 1000;
		const zoom429 = sim.requests.filter((r) => r.service === 'zoom' && r.status === 429).length;
		const withLink = [...sim.brevo.contacts.values()].filter((c) => c.email.startsWith('bench.') && typeof c.attributes.ZOOM_JOIN_URL === 'string').length;
		const events = sim.brevo.events.filter((e) => e.event_name === 'zoom_webinar_registered').length;

		const again = await run();
		const postsAgain = sim.requests.filter((r) => r.service === 'zoom' && r.method === 'POST' && r.path.endsWith('/registrants')).length;
		const listCalls = sim.requests.filter((r) => r.service === 'zoom' && r.method === 'GET' && r.path.endsWith('/registrants')).length;
		return [
			{ figure: `people registered (registration requests)`, value: `${people} (${posts.length})`, goal: `${people}` },
			{ figure: 'Zoom 429s received', value: String(zoom429), goal: '0' },
			{ figure: `most registration requests in any sliding second (Light limit on Pro)`, value: String(maxInAnyWindow(posts.map((r) => r.at))), goal: `≤ ${limit}` },
			{ figure: 'registrations per second (over the requests\' span)', value: (posts.length / Math.max(spanMs / 1000, 0.001)).toFixed(1) },
			{ figure: `registration requests' span / rate-limit bound (${posts.length} at ${limit}/s)`, value: `${seconds(spanMs)} / ${seconds(boundMs)} = ${ratio(spanMs, boundMs)}`, goal: '≤ 1.3' },
			{ figure: 'whole run: wall time (read webinar, register, Brevo import, events)', value: seconds(first.ms) },
			{ figure: 'Brevo contacts with their own ZOOM_JOIN_URL / zoom_webinar_registered events', value: `${withLink} / ${events}`, goal: `${people} / ${people}` },
			{ figure: 'the same run again: registration requests / registrant-list calls / wall time', value: `${postsAgain} / ${listCalls} / ${seconds(again.ms)}`, goal: '0 registration requests' },
		];
	} finally {
		await sim.close();
	}
}
