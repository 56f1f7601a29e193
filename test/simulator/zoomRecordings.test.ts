import { makeFixture, startSimulator, type Simulator } from './index';
import { call, s2sToken, zoom } from './testClient';

describe('Zoom cloud recordings', () => {
	let sim: Simulator;
	let token: string;
	const { recurringMeetingId, recurringMeetingUuids, soloMeetingId, webinarId, webinarUuid, recurringWebinarId, recurringWebinarUuids } = makeFixture().ids;
	beforeAll(async () => {
		sim = await startSimulator();
		token = await s2sToken(sim);
	});
	afterAll(() => sim.close());

	it('returns the latest recorded instance for a numeric id (Light)', async () => {
		const reply = await zoom(sim, `/meetings/${recurringMeetingId}/recordings`, token);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-category')).toBe('Light');
		expect(reply.body).toMatchObject({
			uuid: recurringMeetingUuids.latest,
			id: recurringMeetingId,
			share_url: expect.stringMatching(new RegExp(`^${sim.url}/zoom/rec/share/`)),
			password: expect.any(String),
			recording_play_passcode: expect.any(String),
			recording_count: 4,
		});
		expect(reply.body).not.toHaveProperty('download_access_token');
		expect(reply.body.recording_files.map((f: { file_type: string }) => f.file_type)).toEqual(['MP4', 'M4A', 'TRANSCRIPT', 'CHAT']);
		expect(reply.body.recording_files[0]).toMatchObject({ status: 'completed', recording_type: 'shared_screen_with_speaker_view', meeting_id: recurringMeetingUuids.latest });
	});

	it('adds download_access_token on request; it opens download_url', async () => {
		const reply = await zoom(sim, `/meetings/${encodeURIComponent(recurringMeetingUuids.latest)}/recordings?include_fields=download_access_token&ttl=3600`, token);
		expect(reply.body.download_access_token).toEqual(expect.any(String));
		const file = reply.body.recording_files[0];
		const denied = await call(file.download_url);
		expect(denied.status).toBe(401);
		const viaToken = await call(`${file.download_url}?access_token=${reply.body.download_access_token}`);
		expect(viaToken.status).toBe(200);
		expect(viaToken.text).toContain('SIMULATED MP4');
		const viaBearer = await call(file.download_url, { headers: { authorization: `Bearer ${token}` } });
		expect(viaBearer.status).toBe(200);
	});

	it('refuses a ttl beyond 7 days and answers 3301 when there is no recording', async () => {
		expect((await zoom(sim, `/meetings/${recurringMeetingId}/recordings?ttl=604801`, token)).status).toBe(400);
		const none = await zoom(sim, `/meetings/${soloMeetingId}/recordings`, token);
		expect(none.status).toBe(404);
		expect(none.body).toEqual({ code: 3301, message: 'This recording does not exist.' });
		const earlier = await zoom(sim, `/meetings/${encodeURIComponent(recurringMeetingUuids.slashInside)}/recordings`, token);
		expect(earlier.body.code).toBe(3301);
	});

	it("answers a webinar's ID with its latest instance's recording, and an instance UUID with that instance's", async () => {
		const single = await zoom(sim, `/meetings/${webinarId}/recordings`, token);
		expect(single.status).toBe(200);
		expect(single.body).toMatchObject({ id: webinarId, uuid: webinarUuid, type: 5, topic: 'Spring Product Launch', share_url: expect.stringMatching(new RegExp(`^${sim.url}/zoom/rec/share/`)) });
		const [earlier, latest] = recurringWebinarUuids;
		const byId = await zoom(sim, `/meetings/${recurringWebinarId}/recordings`, token);
		expect(byId.body).toMatchObject({ id: recurringWebinarId, uuid: latest, type: 9 });
		const byUuid = await zoom(sim, `/meetings/${encodeURIComponent(earlier)}/recordings`, token);
		expect(byUuid.body).toMatchObject({ id: recurringWebinarId, uuid: earlier, type: 9 });
		expect(byUuid.body.recording_files[0].meeting_id).toBe(earlier);
		// Each recording is its own: a test can tell which one was shared.
		expect(new Set([single.body.share_url, byId.body.share_url, byUuid.body.share_url]).size).toBe(3);
		expect(new Set([single.body.password, byId.body.password, byUuid.body.password]).size).toBe(3);
	});

	it("opens a webinar recording's download_url with its download_access_token", async () => {
		const reply = await zoom(sim, `/meetings/${webinarId}/recordings?include_fields=download_access_token`, token);
		const file = reply.body.recording_files[0];
		const download = await call(`${file.download_url}?access_token=${reply.body.download_access_token}`);
		expect(download.status).toBe(200);
		expect(download.text).toContain('SIMULATED MP4');
	});
});
