import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeFixture, signZoomWebhook, startSimulator, zoomEventPayloads, zoomUrlValidationToken, type Simulator } from './index';

interface Received {
	headers: IncomingHttpHeaders;
	raw: Buffer;
}

describe('Zoom webhook deliveries', () => {
	let sim: Simulator;
	let receiver: Server;
	let target: string;
	let received: Received[] = [];
	let answer: (raw: Buffer) => { status: number; body: string } = () => ({ status: 200, body: '' });
	const secret = 'secret-123';

	beforeAll(async () => {
		sim = await startSimulator();
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks);
				received.push({ headers: req.headers, raw });
				const { status, body } = answer(raw);
				res.writeHead(status, { 'content-type': 'application/json', 'x-receiver': 'yes' });
				res.end(body);
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/zoom`;
	});
	afterAll(async () => {
		await sim.close();
		await new Promise((resolve) => receiver.close(resolve));
	});
	beforeEach(() => {
		received = [];
		answer = () => ({ status: 200, body: '' });
	});

	it('signs v0:{timestamp}:{raw body} with HMAC-SHA256 (fixed vector)', () => {
		expect(signZoomWebhook(secret, 1700000000, '{"event":"meeting.ended"}')).toBe('v0=50fd2d59eecb9b76692e65c55d6d937e133943dd9de88eb7814d0c420572a8fe');
		expect(zoomUrlValidationToken(secret, 'plain-abc')).toBe('cf682061a7d768c782e284af924fb557b706639af1f0a4310eb612847cea3c63');
	});

	it('posts {event, event_ts, payload} with Zoom’s headers and a signature over the exact bytes', async () => {
		const result = await sim.sendWebhook(target, { event: 'meeting.ended', payload: { account_id: 'acc', object: { topic: 'Zoë’s demo' } }, secretToken: secret, timestamp: 1700000000, trackingId: 'track-1' });
		expect(result).toMatchObject({ status: 200, headers: expect.objectContaining({ 'x-receiver': 'yes' }) });
		const [{ headers, raw }] = received;
		expect(headers['content-type']).toBe('application/json');
		expect(headers['user-agent']).toBe('Zoom Marketplace/1.0a');
		expect(headers['x-zm-request-timestamp']).toBe('1700000000');
		expect(headers['x-zm-trackingid']).toBe('track-1');
		expect(headers.clientid).toBe(sim.credentials.zoom.clientId);
		expect(headers['x-zm-signature']).toBe(signZoomWebhook(secret, 1700000000, raw));
		expect(JSON.parse(raw.toString('utf8'))).toEqual({ event: 'meeting.ended', event_ts: 1700000000000, payload: { account_id: 'acc', object: { topic: 'Zoë’s demo' } } });
	});

	it('sends rawBody byte for byte (escaped slashes, odd spacing) and honours a signature override', async () => {
		const rawBody = '{ "event":"meeting.started",  "event_ts":1, "payload":{"object":{"url":"https:\\/\\/x","name":"\\u00e9"}}}';
		await sim.sendWebhook(target, { event: 'meeting.started', payload: {}, secretToken: secret, rawBody, timestamp: 1700000001 });
		expect(received[0].raw.toString('utf8')).toBe(rawBody);
		expect(received[0].headers['x-zm-signature']).toBe(signZoomWebhook(secret, 1700000001, rawBody));
		await sim.sendWebhook(target, { event: 'meeting.started', payload: {}, secretToken: secret, signature: 'v0=forged' });
		expect(received[1].headers['x-zm-signature']).toBe('v0=forged');
		expect(received[1].headers['x-zm-trackingid']).toMatch(/^v=2\.0;clid=.+;rid=.+$/);
	});

	it('validates an endpoint with endpoint.url_validation', async () => {
		answer = (raw) => {
			const { payload } = JSON.parse(raw.toString('utf8'));
			return { status: 200, body: JSON.stringify({ plainToken: payload.plainToken, encryptedToken: zoomUrlValidationToken(secret, payload.plainToken) }) };
		};
		const good = await sim.sendUrlValidation(target, { secretToken: secret, plainToken: 'plain-abc' });
		expect(good.valid).toBe(true);
		expect(good.expectedEncryptedToken).toBe('cf682061a7d768c782e284af924fb557b706639af1f0a4310eb612847cea3c63');
		expect(JSON.parse(received[0].raw.toString('utf8'))).toMatchObject({ event: 'endpoint.url_validation', payload: { plainToken: 'plain-abc' } });

		answer = () => ({ status: 200, body: JSON.stringify({ plainToken: 'x', encryptedToken: 'y' }) });
		expect((await sim.sendUrlValidation(target, { secretToken: secret })).valid).toBe(false);
	});

	it('builds event payloads from fixture records', () => {
		const fixture = makeFixture();
		const meeting = fixture.zoom.meetings[0];
		const instance = meeting.instances[3];
		const joined = zoomEventPayloads.participantJoined(fixture.zoom.accountId, meeting, instance, instance.participants.at(1)!);
		expect(joined.event).toBe('meeting.participant_joined');
		expect(joined.payload).toMatchObject({ account_id: fixture.zoom.accountId, object: { uuid: instance.uuid, participant: { user_id: expect.any(String), join_time: expect.any(String) } } });
		const recording = zoomEventPayloads.recordingCompleted(fixture.zoom.accountId, instance.recording!, 'http://127.0.0.1:1');
		expect(recording.download_token).toBe(instance.recording!.download_access_token);
		expect((recording.payload.object as { share_url: string }).share_url).toMatch(/^http:\/\/127\.0\.0\.1:1\/zoom\/rec\/share\//);
		const webinar = fixture.zoom.webinars[0];
		const registered = zoomEventPayloads.webinarRegistrationCreated(fixture.zoom.accountId, webinar, webinar.registrants[1]);
		expect(registered.payload).toMatchObject({ object: { registrant: { tracking_source: { source_name: 'LinkedIn' } } } });
	});
});
