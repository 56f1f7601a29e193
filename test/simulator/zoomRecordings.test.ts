import { makeFixture, startSimulator, type Simulator } from './index';
import { call, s2sToken, zoom } from './testClient';

describe('Zoom cloud recordings', () => {
	let sim: Simulator;
	let token: string;
	const { recurringMeetingId, recurringMeetingUuids, soloMeetingId } = makeFixture().ids;
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
});
