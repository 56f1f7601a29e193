/**
 * "Log API Calls": through n8n-core's engine against the simulator, one n8n log line per Zoom and
 * Brevo call the simulator saw (retries included), with status and rate-limit headers, and no
 * secret anywhere in the lines or their metadata.
 */
import { harnessLogger } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ brevo: { importProcessingMs: 50 } });
});
afterEach(async () => sim.close());

const callLines = () => harnessLogger.lines.filter((line) => / (Zoom|Brevo) (GET|POST|PUT|PATCH|DELETE) /.test(line.message));
/** API calls the simulator answered, without the token requests n8n's credential makes itself. */
const apiCalls = (service: 'zoom' | 'brevo') => sim.requests.filter((r) => r.service === service && !r.path.includes('/oauth/'));

const sync = (options: { logApiCalls?: boolean }) =>
	runZoomToBrevo(sim, {
		resource: 'meeting',
		operation: 'syncParticipants',
		meetingId: sim.fixture.ids.largeMeetingUuid,
		writeMode: 'import',
		listIds: [15],
		sendEvent: true,
		options,
	});

describe('Log API Calls', () => {
	it('logs each Zoom and Brevo call once, in order, with status, timing and rate-limit headers', async () => {
		const { result } = await sync({ logApiCalls: true });
		expect(result.error).toBeUndefined();
		const lines = callLines();
		for (const service of ['zoom', 'brevo'] as const) {
			const calls = apiCalls(service);
			const logged = lines.filter((line) => line.metadata?.service === service);
			expect(calls.length).toBeGreaterThan(1);
			expect(logged).toHaveLength(calls.length);
			calls.forEach((call, i) => {
				expect(call.path.endsWith(String(logged[i].metadata?.path).split('?')[0])).toBe(true);
				expect(logged[i].message).toContain(`${call.method} `);
				expect(logged[i].message).toContain(`→ ${call.status} in `);
				expect(logged[i].level).toBe('info');
			});
		}
		const participantPage = lines.find((line) => String(line.metadata?.path).endsWith('/participants'))!;
		expect(participantPage.message).toMatch(/^Zoom to Brevo: Zoom GET \/past_meetings\/.+\/participants → 200 in \d+ ms \(paced \d+ ms; x-ratelimit-category Medium; x-ratelimit-type QPS; x-ratelimit-limit 20; x-ratelimit-remaining \d+/);
		expect(lines.some((line) => line.metadata?.service === 'brevo' && /x-sib-ratelimit-remaining \d+/.test(line.message))).toBe(true);
	});

	it('shows a retry as its own line after the refused call', async () => {
		sim.inject({ kind: 'rate-limit', scope: 'second', match: { service: 'zoom', path: '/participants' } });
		const { result } = await sync({ logApiCalls: true });
		expect(result.error).toBeUndefined();
		const pages = callLines().filter((line) => String(line.metadata?.path).endsWith('/participants'));
		expect(pages[0].message).toMatch(/→ 429 in .*retry-after/);
		expect(pages[1].message).toMatch(/→ 200 in .*\(retry 1; /);
	});

	it('never writes a token, key or secret into the log', async () => {
		await sync({ logApiCalls: true });
		const everything = JSON.stringify(harnessLogger.lines);
		const tokens = sim.requests.map((r) => r.headers.authorization?.replace(/^Bearer /, '')).filter(Boolean) as string[];
		expect(tokens.length).toBeGreaterThan(0);
		for (const secret of [sim.credentials.brevo.apiKey, sim.credentials.zoom.clientSecret, ...tokens]) expect(everything).not.toContain(secret);
	});

	it('is off unless asked for', async () => {
		const { result } = await sync({});
		expect(result.error).toBeUndefined();
		expect(apiCalls('zoom').length).toBeGreaterThan(0);
		expect(callLines()).toEqual([]);
	});
});
