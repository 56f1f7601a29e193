/**
 * The Zoom Trigger and the Zoom Scheduled Trigger both feeding one Zoom to Brevo (the safety-net recipe
 * in docs/webhook-or-polling.md): what is and is not deduplicated when the webhook delivery and the poll item name
 * the same meeting instance. Both items are made the way the triggers make them (the poll's through
 * n8n-core's PollContext), and Zoom to Brevo keeps n8n's deduplication store between the two runs.
 */
import type { IDataObject } from 'n8n-workflow';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { shapeDelivery } from '../../nodes/ZoomTrigger/shapeDelivery';
import { PollSession, ProcessedDataStore } from '../harness';
import { simCredentials } from '../simCredentials';
import { startSimulator, zoomEventPayloads, type Simulator } from '../simulator';
import { DAY, MINUTE, SimClock } from '../simulator/clock';
import { endMeeting, recordingCompletes, register, scheduleWebinar } from '../simulator/timeline';
import { runZoomToBrevo } from '../zoomToBrevo/nodeRunner';

const clock = new SimClock();
let sim: Simulator;
let store: ProcessedDataStore;
beforeEach(async () => {
	clock.set(Math.floor(Date.now() / 1000) * 1000);
	sim = await startSimulator({ now: clock.now, brevo: { importProcessingMs: 20, contactsPerSecond: 1000 }, zoom: { rateLimits: { light: 1000, medium: 1000, heavy: 1000 } } });
	store = new ProcessedDataStore();
});
afterEach(async () => sim.close());

// The node's own default Meeting ID, read from either trigger's item.
const meetingSync = { resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid || $json.id }}', writeMode: 'import', listIds: [15], sendEvent: true };
const eventsPerEmail = () => {
	const counts = new Map<string, number>();
	for (const e of sim.brevo.events.filter((event) => event.event_name.startsWith('zoom_meeting_'))) {
		counts.set(String(e.identifiers.email_id), (counts.get(String(e.identifiers.email_id)) ?? 0) + 1);
	}
	return counts;
};

it('a webhook delivery and a poll item for the same meeting: different tracking IDs, so both syncs run, but each person gets the follow-up event once', async () => {
	const poller = new PollSession({
		nodeType: new ZoomPollTrigger(),
		parameters: { authentication: 'serverToServer', event: 'meeting.ended' },
		credentialTypes: [new ZoomServerToServerOAuthApi()],
		credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
	});
	await poller.activate();
	const owner = sim.zoom.users[0];
	const { meeting, instance } = endMeeting(sim.zoom, { host: owner, start: clock.iso(MINUTE), end: clock.iso(30 * MINUTE) });
	clock.advance(31 * MINUTE);

	// The webhook: Zoom's delivery, shaped by the Zoom Trigger, with Zoom's own tracking ID.
	const delivered = shapeDelivery(
		{ event: 'meeting.ended', event_ts: clock.now(), payload: { account_id: sim.credentials.zoom.accountId, object: { id: meeting.id, uuid: instance.uuid, topic: meeting.topic, start_time: instance.start_time, end_time: instance.end_time } } },
		{ trackingId: 'zoom-delivery-7f3a' },
	);
	const viaWebhook = await runZoomToBrevo(sim, meetingSync, { inputItems: [{ json: delivered }], processedData: store });
	expect(viaWebhook.result.error).toBeUndefined();
	const people = viaWebhook.contacts.length;
	expect(people).toBe(3);
	expect([...eventsPerEmail().values()]).toEqual([1, 1, 1]);

	// The poll, a minute later, emits the same instance under its own tracking ID.
	clock.advance(MINUTE);
	const polled = (await poller.poll()).items;
	expect(polled).toHaveLength(1);
	expect(polled[0].json.uuid).toBe(instance.uuid);
	expect(polled[0].json.trackingId).toBe(`poll:meeting.ended:${instance.uuid}`);
	expect(polled[0].json.trackingId).not.toBe(delivered.trackingId);

	const importsBefore = sim.requests.filter((r) => r.service === 'brevo' && r.path.endsWith('/contacts/import')).length;
	const viaPoll = await runZoomToBrevo(sim, meetingSync, { inputItems: polled, processedData: store });
	expect(viaPoll.result.error).toBeUndefined();
	// Not deduplicated: the delivery record is per tracking ID, so the second item is processed —
	// Zoom's participants are read again and the contacts written again (same values).
	expect(viaPoll.items.some((item) => item.json.skipped === true)).toBe(false);
	expect(sim.requests.filter((r) => r.service === 'brevo' && r.path.endsWith('/contacts/import')).length).toBe(importsBefore + 1);
	// Deduplicated: the follow-up record is keyed by event, meeting instance (UUID) and email.
	expect(viaPoll.contacts).toHaveLength(people);
	for (const contact of viaPoll.contacts) expect(contact.event).toMatchObject({ status: 'already sent' });
	expect([...eventsPerEmail().values()]).toEqual([1, 1, 1]);
});

it("a registrant: the poll item is the Zoom Trigger's webinar.registration_created item but for its tracking ID, and Sync One Registrant writes the same contact from either", async () => {
	const poller = new PollSession({
		nodeType: new ZoomPollTrigger(),
		parameters: { authentication: 'serverToServer', event: 'webinar.registration_created' },
		credentialTypes: [new ZoomServerToServerOAuthApi()],
		credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
	});
	await poller.activate();
	const webinar = scheduleWebinar(sim.zoom, { host: sim.zoom.users[0], start: clock.iso(3 * DAY), topic: 'Launch Day' });
	const registrant = register({ webinar, at: clock.iso(10 * 1000), source: 'LinkedIn' });
	clock.advance(MINUTE);

	// The webhook: Zoom's delivery for the same registration, shaped by the Zoom Trigger.
	const { event, payload } = zoomEventPayloads.webinarRegistrationCreated(sim.credentials.zoom.accountId, webinar, registrant);
	const delivered = shapeDelivery({ event, event_ts: Date.parse(registrant.create_time), payload }, { trackingId: 'zoom-delivery-9c1d' });
	const polled = (await poller.poll()).items;
	expect(polled).toHaveLength(1);
	// Zoom's list answers carry no account ID; everything else, the registrant's UTM source included, is the webhook's.
	const { trackingId, accountId, ...fromWebhook } = delivered;
	expect(accountId).toBe(sim.credentials.zoom.accountId);
	expect(trackingId).toBe('zoom-delivery-9c1d');
	expect(polled[0].json).toEqual({ ...fromWebhook, trackingId: `poll:webinar.registration_created:${webinar.id}:${registrant.id}` });

	const sync = { resource: 'webinar', operation: 'syncRegistrantFromEvent', writeMode: 'upsert', listIds: [17] };
	const viaPoll = await runZoomToBrevo(sim, sync, { inputItems: polled, processedData: store });
	expect(viaPoll.result.error).toBeUndefined();
	const written = sim.brevo.contacts.get(registrant.email);
	expect(written?.attributes).toMatchObject({ FIRSTNAME: registrant.first_name, LASTNAME: registrant.last_name, UTM_SOURCE: 'LinkedIn', ATTENDANCE_STATUS: 'registered', WEBINAR_NAME: 'Launch Day' });
	expect(written?.listIds).toEqual([17]);
	const viaWebhook = await runZoomToBrevo(sim, sync, { inputItems: [{ json: delivered }], processedData: store });
	expect(viaWebhook.result.error).toBeUndefined();
	expect(sim.brevo.contacts.get(registrant.email)?.attributes).toEqual(written?.attributes);
});

it("a recording: the poll item is the Zoom Trigger's recording.completed item but for its tracking ID, and Share Recording emails its link to the meeting's participants once, whichever item comes first", async () => {
	const poller = new PollSession({
		nodeType: new ZoomPollTrigger(),
		parameters: { authentication: 'serverToServer', event: 'recording.completed' },
		credentialTypes: [new ZoomServerToServerOAuthApi()],
		credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
	});
	await poller.activate();
	const { meeting, instance } = endMeeting(sim.zoom, { host: sim.zoom.users[0], start: clock.iso(MINUTE), end: clock.iso(30 * MINUTE) });
	const recording = recordingCompletes(sim.zoom, { meeting, instance, at: clock.iso(40 * MINUTE) });
	clock.advance(45 * MINUTE);

	const polled = (await poller.poll()).items;
	expect(polled).toHaveLength(1);
	// The webhook: Zoom's delivery for the same recording at the time of the poll, shaped by the Zoom Trigger.
	const sent = zoomEventPayloads.recordingCompleted(sim.credentials.zoom.accountId, recording, sim.url);
	const delivered = shapeDelivery({ ...sent, event_ts: clock.now() }, { trackingId: 'zoom-delivery-2b7e' });
	// One difference: Zoom's webhook names the host's email, its "Get meeting recordings" answer (what
	// the poll reads) does not (Rivet's types of both; issue #24).
	const { host_email: hostEmail, ...webhookObject } = delivered.object as IDataObject;
	expect(hostEmail).toBe(recording.host_email);
	expect(polled[0].json).toEqual({ ...delivered, object: webhookObject, trackingId: `poll:recording.completed:${instance.uuid}` });

	// Zoom to Brevo's own defaults read the recording's instance from either item.
	const share = { resource: 'recording', operation: 'shareRecording', meetingId: '={{ $json.uuid || $json.id }}', shareMode: 'email', templateId: sim.fixture.ids.brevoTemplateId };
	const viaPoll = await runZoomToBrevo(sim, share, { inputItems: polled, processedData: store });
	expect(viaPoll.result.error).toBeUndefined();
	expect(sim.brevo.emails).toHaveLength(3);
	expect(sim.brevo.emails.every((email) => JSON.stringify(email).includes(`${sim.url}${recording.share_url}`))).toBe(true);
	const viaWebhook = await runZoomToBrevo(sim, share, { inputItems: [{ json: delivered }], processedData: store });
	expect(viaWebhook.result.error).toBeUndefined();
	expect(sim.brevo.emails).toHaveLength(3);
});
