/**
 * The Zoom Trigger's webhook() run by n8n-core's WebhookContext (test/harness), with requests as
 * Zoom sends them: raw bytes, Zoom's headers, a signature made by the simulator's independent
 * signer (test/simulator), never by the node's own code.
 */
import { NodeHelpers } from 'n8n-workflow';

import { harnessLogger, runWebhook, runWebhookMethod, type StoredCredentials } from '../harness';
import { signZoomWebhook } from '../simulator/webhooks';
import { ZoomTrigger } from '../../nodes/ZoomTrigger/ZoomTrigger.node';
import { ZoomWebhookSecretApi } from '../../credentials/ZoomWebhookSecretApi.credentials';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';

const SECRET = 'qgg2E8mVSe2Rj2vm9B8BKg';
const credentials = (): StoredCredentials => ({
	'Zoom webhook secret': { type: 'zoomWebhookSecretApi', data: { secretToken: SECRET } },
});

interface Delivery {
	body: string | Buffer;
	timestamp?: number;
	signature?: string | null;
	trackingId?: string;
	contentType?: string;
}

export function zoomRequest({ body, timestamp, signature, trackingId, contentType, signWith }: Delivery & { signWith?: string }) {
	const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
	const ts = timestamp ?? Math.floor(Date.now() / 1000);
	const headers: Record<string, string> = {
		'content-type': contentType ?? 'application/json',
		'x-zm-request-timestamp': String(ts),
		'user-agent': 'Zoom Marketplace/1.0a',
		clientid: 'client-123',
	};
	if (signature !== null) headers['x-zm-signature'] = signature ?? signZoomWebhook(signWith ?? SECRET, ts, rawBody);
	if (trackingId) headers['x-zm-trackingid'] = trackingId;
	return { headers, rawBody };
}

function deliver(delivery: Delivery & { signWith?: string }, parameters: Record<string, unknown> = {}, staticData?: object, typeVersion?: number, secretToken = SECRET) {
	return runWebhook({
		nodeType: new ZoomTrigger(),
		type: 'n8n-nodes-zoom-brevo.zoomTrigger',
		typeVersion,
		credentialTypes: [new ZoomWebhookSecretApi(), new ZoomServerToServerOAuthApi()],
		credentials: { 'Zoom webhook secret': { type: 'zoomWebhookSecretApi', data: { secretToken } } },
		parameters: { events: ['meeting.ended', 'meeting.participant_joined'], ...parameters },
		staticData: staticData as never,
		request: zoomRequest(delivery),
	});
}

const meetingEnded = (topic = 'Réunion 東京 🎉') =>
	`{"event":"meeting.ended","event_ts":1764400000000,"payload":{"account_id":"acc-1","object":{"id":"85746065432","uuid":"4444AAAiAAAAAiAiAiiAii==","topic":"${topic}","join_url":"https:\\/\\/zoom.us\\/j\\/85746065432"}}}`;

describe('Zoom Trigger webhook', () => {
	it('answers a signed URL validation with the encrypted token and starts nothing', async () => {
		const result = await deliver({
			body: '{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}',
		});
		expect(result.workflowData).toBeUndefined();
		expect(result.response.status).toBe(200);
		expect(result.response.body).toEqual({
			plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
			// openssl: printf qgg8vlvZRS6UYooatFL8Aw | openssl dgst -sha256 -hmac qgg2E8mVSe2Rj2vm9B8BKg
			encryptedToken: '08f23cce4776bfe9b29f2680e7448e9c5cbae586a5c15007a6975562f24473f7',
		});
	});

	it('refuses an unsigned URL validation: its answer would be a signing oracle', async () => {
		const result = await deliver({
			body: '{"payload":{"plainToken":"v0:1700000000:{}"},"event":"endpoint.url_validation"}',
			signature: null,
		});
		expect(result.response.status).toBe(401);
		expect(JSON.stringify(result.response.body)).not.toMatch(/[0-9a-f]{64}/);
		expect(result.workflowData).toBeUndefined();
	});

	it('starts one execution with the shaped event for a signed, selected event (raw bytes with non-ASCII and \\/)', async () => {
		const result = await deliver({ body: meetingEnded(), trackingId: 'trk-1' });
		expect(result.error).toBeUndefined();
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event: 'meeting.ended',
			accountId: 'acc-1',
			trackingId: 'trk-1',
			id: '85746065432',
			uuid: '4444AAAiAAAAAiAiAiiAii==',
			topic: 'Réunion 東京 🎉',
		});
	});

	// The old claim ("a re-send starts nothing") held only in a harness that saved static data
	// n8n 2.41.1 does not save; with the harness behaving like n8n, a re-send starts the workflow
	// again at every version, and its item carries the tracking ID that Zoom to Brevo (or Remove
	// Duplicates) uses to process it once.
	it.each([1, 1.1, 1.2])('version %s: a re-sent delivery starts the workflow again, with the same tracking ID', async (typeVersion) => {
		const parameters = typeVersion < 1.2 ? { options: { deduplicate: true } } : {};
		const first = await deliver({ body: meetingEnded(), trackingId: 'trk-dup' }, parameters, undefined, typeVersion);
		const again = await deliver({ body: meetingEnded(), trackingId: 'trk-dup' }, parameters, first.staticData, typeVersion);
		for (const run of [first, again]) expect(run.workflowData?.[0][0].json).toMatchObject({ trackingId: 'trk-dup' });
	});

	it('version 1.2 no longer offers Ignore Re-Sent Deliveries; no notice sits above the fields, the output says how re-sends are handled', () => {
		const names = (version: number, chosen: Record<string, boolean> = {}) => {
			const description = NodeHelpers.getVersionedNodeType(new ZoomTrigger(), version).description;
			const options = description.properties.find((p) => p.name === 'options')!.options as Array<{ name: string; displayOptions?: unknown }>;
			const shown = (p: { displayOptions?: unknown }) => NodeHelpers.displayParameter(chosen, p as never, { typeVersion: version }, description);
			return {
				options: options.filter(shown).map((o) => o.name),
				notices: description.properties.filter((p) => p.type === 'notice' && shown(p)).map((p) => p.name),
			};
		};
		expect(names(1.1).options).toContain('deduplicate');
		// Remember Deliveries only beside the option it belongs to.
		expect(names(1.1, { deduplicate: true }).options).toContain('rememberDeliveries');
		expect(names(1.1, { deduplicate: false }).options).not.toContain('rememberDeliveries');
		expect(names(1.2).options).not.toEqual(expect.arrayContaining(['deduplicate']));
		expect(names(1.2).options).not.toEqual(expect.arrayContaining(['rememberDeliveries']));
		for (const version of [1, 1.1, 1.2]) expect(names(version).notices).toEqual([]);
		const hints = new ZoomTrigger().description.hints ?? [];
		expect(hints).toEqual([expect.objectContaining({ location: 'outputPane', whenToDisplay: 'afterExecution', message: expect.stringMatching(/same <b>trackingId<\/b>.*Remove Duplicates/) })]);
	});

	describe('fails closed on settings that would let anything through', () => {
		beforeEach(() => harnessLogger.clear());
		const refused = (run: Awaited<ReturnType<typeof deliver>>, setting: RegExp) => {
			expect(run.workflowData).toBeUndefined();
			expect(run.response.status).toBe(500);
			const errors = harnessLogger.lines.filter((l) => l.level === 'error').map((l) => l.message);
			expect(errors.some((m) => setting.test(m))).toBe(true);
		};

		it.each([
			['empty', ''],
			['whitespace only', '   '],
		])('a %s secret token starts nothing, even for a delivery signed with that key', async (_label, secretToken) => {
			const forged = await deliver({ body: meetingEnded(), signWith: secretToken }, {}, undefined, undefined, secretToken);
			refused(forged, /Secret Token of its Zoom Webhook Secret credential is empty/);
			expect(JSON.stringify(harnessLogger.lines)).not.toContain(SECRET);
			// The URL-validation challenge is not answered either (its answer would be an HMAC with that key).
			const challenge = await deliver({ body: JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'abc' } }), signWith: secretToken }, {}, undefined, undefined, secretToken);
			expect(challenge.webhookResponse).toBeUndefined();
			expect(challenge.response.status).toBe(500);
		});

		it.each([
			['not a number', 'abc'],
			['NaN', Number.NaN],
			['zero', 0],
			['beyond an hour', 86_400],
		])('a timestamp tolerance that is %s starts nothing, not even a fresh delivery (and never a 2001 one)', async (_label, tolerance) => {
			const fresh = await deliver({ body: meetingEnded() }, { options: { timestampToleranceSeconds: tolerance } });
			refused(fresh, /Timestamp Tolerance \(Seconds\) is not a number from 30 to 3600/);
			const old = await deliver({ body: meetingEnded(), timestamp: 978_307_200 }, { options: { timestampToleranceSeconds: tolerance } });
			expect(old.workflowData).toBeUndefined();
		});

		it.each([
			['an empty secret', '', {}, /Secret Token of its Zoom Webhook Secret credential is empty/],
			['a tolerance that is not a number', SECRET, { options: { timestampToleranceSeconds: 'abc' } }, /Timestamp Tolerance \(Seconds\) is not a number/],
			['an unknown registration', SECRET, { registration: 'sometimes' }, /"sometimes" is not a value of Registration/],
		])('activation is refused with %s', async (_label, secretToken, parameters, message) => {
			const activation = runWebhookMethod({
				nodeType: new ZoomTrigger(),
				type: 'n8n-nodes-zoom-brevo.zoomTrigger',
				credentialTypes: [new ZoomWebhookSecretApi(), new ZoomServerToServerOAuthApi()],
				credentials: { 'Zoom webhook secret': { type: 'zoomWebhookSecretApi', data: { secretToken } } },
				parameters: { events: ['meeting.ended'], ...parameters },
				method: 'create',
			});
			await expect(activation).rejects.toThrow(message);
		});

		it('events that are not in the catalogue (an expression) start nothing', async () => {
			const typo = await deliver({ body: meetingEnded() }, { events: ['meeting.endd'] });
			refused(typo, /Events has values the trigger does not offer \(meeting\.endd\)/);
		});

		it('a tolerance given as a numeric string by an expression is used as that number', async () => {
			const ok = await deliver({ body: meetingEnded() }, { options: { timestampToleranceSeconds: '120' } });
			expect(ok.workflowData).toBeDefined();
			const stale = await deliver({ body: meetingEnded(), timestamp: Math.floor(Date.now() / 1000) - 200 }, { options: { timestampToleranceSeconds: '120' } });
			expect(stale.response.status).toBe(401);
		});
	});

	it.each([
		['a wrong signature', { signature: `v0=${'0'.repeat(64)}` }, 'signature does not match'],
		['no signature', { signature: null }, 'missing x-zm-signature header'],
		['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 301 }, 'stale x-zm-request-timestamp (outside the allowed window)'],
	])('answers 401 and starts nothing for %s', async (_what, overrides, reason) => {
		const result = await deliver({ body: meetingEnded(), ...(overrides as Partial<Delivery>) });
		expect(result.response.status).toBe(401);
		expect(result.response.body).toEqual({ message: reason });
		expect(result.workflowData).toBeUndefined();
	});

	it('honours a wider timestamp tolerance', async () => {
		const result = await deliver(
			{ body: meetingEnded(), timestamp: Math.floor(Date.now() / 1000) - 400 },
			{ options: { timestampToleranceSeconds: 600 } },
		);
		expect(result.workflowData).toBeDefined();
	});

	it('answers 400 for a signed body that is not JSON, or not a Zoom event', async () => {
		const notJson = await deliver({ body: 'event=meeting.ended', contentType: 'text/plain' });
		expect(notJson.response.status).toBe(400);
		expect(notJson.workflowData).toBeUndefined();
		const noEvent = await deliver({ body: '[1,2,3]' });
		expect(noEvent.response.status).toBe(400);
		expect(noEvent.workflowData).toBeUndefined();
	});

	it('acknowledges an event that is not selected without starting the workflow', async () => {
		const result = await deliver({ body: '{"event":"recording.completed","payload":{"object":{}}}' });
		expect(result.response.status).toBe(200);
		expect(result.workflowData).toBeUndefined();
	});

	it('"Any Event" starts the workflow for events outside the catalogue too', async () => {
		const result = await deliver({ body: '{"event":"user.updated","payload":{"object":{"id":"u1"}}}' }, { events: ['*'] });
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'user.updated', id: 'u1' });
	});

	it('adds headers without the signature and the exact body when asked', async () => {
		const body = meetingEnded();
		const result = await deliver({ body, trackingId: 'trk-raw' }, { options: { includeRawRequest: true } });
		const raw = result.workflowData?.[0][0].json.raw as { headers: Record<string, string>; body: string };
		expect(raw.body).toBe(body);
		expect(raw.headers['x-zm-trackingid']).toBe('trk-raw');
		expect(raw.headers['x-zm-signature']).toBeUndefined();
	});

	it('logs each verdict when asked, never the secret or the signature', async () => {
		harnessLogger.clear();
		const good = zoomRequest({ body: meetingEnded(), trackingId: 'trk-log' });
		await deliver({ body: meetingEnded(), trackingId: 'trk-log' }, { options: { logDeliveries: true } });
		await deliver({ body: meetingEnded(), signature: `v0=${'a'.repeat(64)}` }, { options: { logDeliveries: true } });
		const logged = JSON.stringify(harnessLogger.lines);
		expect(logged).toContain('Zoom Trigger: accepted');
		expect(logged).toContain('trk-log');
		expect(logged).toContain('rejected (401: signature does not match)');
		expect(logged).not.toContain(SECRET);
		expect(logged).not.toContain(good.headers['x-zm-signature'].slice(3));
	});

	it('logs nothing by default', async () => {
		harnessLogger.clear();
		await deliver({ body: meetingEnded() });
		expect(JSON.stringify(harnessLogger.lines)).not.toContain('Zoom Trigger:');
	});
});
