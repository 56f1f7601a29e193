/**
 * 10 000 fuzzed deliveries through the Zoom Trigger's webhook() in n8n-core's WebhookContext:
 * random headers, bodies (up to 1 MB), content types and near-miss signatures. Nothing may crash
 * (every request gets 200, 400 or 401) and nothing may start the workflow unless the request was
 * correctly signed with the secret.
 */
import { randomBytes } from 'node:crypto';

import { runWebhook } from '../harness';
import { signZoomWebhook } from '../simulator/webhooks';
import { ZoomTrigger } from '../../nodes/ZoomTrigger/ZoomTrigger.node';
import { ZoomWebhookSecretApi } from '../../credentials/ZoomWebhookSecretApi.credentials';

const SECRET = 'fuzzSecretToken_0123456';
const REQUESTS = 10_000;

/** Small deterministic PRNG (mulberry32) so a failure can be replayed from its index. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16'];
const EVENTS = ['meeting.ended', 'meeting.started', 'endpoint.url_validation', 'webinar.ended', 'x', ''];

function makeBody(random: () => number): Buffer {
	const roll = random();
	const size = roll < 0.7 ? Math.floor(random() * 1024) : roll < 0.97 ? Math.floor(random() * 65536) : Math.floor(random() * 1024 * 1024);
	const kind = random();
	if (kind < 0.4) return randomBytes(size);
	if (kind < 0.8) {
		const event = EVENTS[Math.floor(random() * EVENTS.length)];
		const filler = 'é東🎉\\/"\n'.repeat(Math.ceil(size / 16)).slice(0, size);
		return Buffer.from(JSON.stringify({ event, payload: { plainToken: filler.slice(0, 40), object: { id: 1, topic: filler } } }));
	}
	return Buffer.from(JSON.stringify(randomBytes(Math.min(size, 4096)).toString('latin1')));
}

describe('Zoom Trigger under fuzzed requests', () => {
	it(`${REQUESTS} random requests: no crash, no execution without a valid signature`, async () => {
		const random = prng(20261129);
		const now = Math.floor(Date.now() / 1000);
		const counts = { started: 0, signed: 0, statuses: {} as Record<number, number> };
		const nodeType = new ZoomTrigger();
		const credentialTypes = [new ZoomWebhookSecretApi()];

		for (let i = 0; i < REQUESTS; i++) {
			const rawBody = makeBody(random);
			const headers: Record<string, string> = {};
			if (random() < 0.9) headers['content-type'] = CONTENT_TYPES[Math.floor(random() * CONTENT_TYPES.length)];
			const timestamp = random() < 0.8 ? now + Math.floor((random() - 0.5) * 900) : Math.floor(random() * 1e12);
			if (random() < 0.9) headers['x-zm-request-timestamp'] = random() < 0.95 ? String(timestamp) : randomBytes(6).toString('hex');
			if (random() < 0.5) headers['x-zm-trackingid'] = randomBytes(8).toString('hex');

			// A fifth of the requests are signed correctly; others get a near miss or junk.
			const signature = signZoomWebhook(SECRET, timestamp, rawBody);
			const signedCorrectly = random() < 0.2;
			if (signedCorrectly) headers['x-zm-signature'] = signature;
			else if (random() < 0.5) {
				const at = 3 + Math.floor(random() * 64);
				headers['x-zm-signature'] = signature.slice(0, at) + (signature[at] === '0' ? '1' : '0') + signature.slice(at + 1);
			} else if (random() < 0.5) headers['x-zm-signature'] = randomBytes(Math.floor(random() * 80)).toString('latin1');

			const valid = signedCorrectly && headers['x-zm-request-timestamp'] === String(timestamp) && Math.abs(now - timestamp) <= 300;
			if (valid) counts.signed++;

			const result = await runWebhook({
				nodeType,
				type: 'n8n-nodes-zoom-brevo.zoomTrigger',
				credentialTypes,
				credentials: { secret: { type: 'zoomWebhookSecretApi', data: { secretToken: SECRET } } },
				parameters: { events: ['*'] },
				request: { headers, rawBody, body: {} },
			});

			if (result.error) throw new Error(`request ${i} crashed the trigger: ${result.error.message}`);
			counts.statuses[result.response.status] = (counts.statuses[result.response.status] ?? 0) + 1;
			if (![200, 400, 401].includes(result.response.status)) {
				throw new Error(`request ${i} got HTTP ${result.response.status}`);
			}
			if (result.workflowData) {
				counts.started++;
				if (!valid) throw new Error(`request ${i} started the workflow without a valid signature`);
			}
		}

		// The run exercised every verdict, and some valid deliveries did start executions.
		expect(counts.statuses[401]).toBeGreaterThan(REQUESTS / 2);
		expect(counts.statuses[400]).toBeGreaterThan(0);
		expect(counts.started).toBeGreaterThan(0);
		expect(counts.started).toBeLessThanOrEqual(counts.signed);
	}, 300_000);
});
