import { shapeDelivery } from '../../nodes/ZoomTrigger/shapeDelivery';

describe('shaping Zoom deliveries for the next node', () => {
	it('meeting.ended: event, ISO time, account, tracking ID, the instance id/uuid/topic', () => {
		const shaped = shapeDelivery(
			{
				event: 'meeting.ended',
				event_ts: 1700000000123,
				payload: {
					account_id: 'acc-1',
					object: { id: 85746065432, uuid: '/ajXp112QmuoKj4854875==', topic: 'Onboarding', host_id: 'h1', start_time: '2026-11-01T10:00:00Z', end_time: '2026-11-01T11:00:00Z' },
				},
			},
			{ trackingId: 'trk-1' },
		);
		expect(shaped).toMatchObject({
			event: 'meeting.ended',
			eventTime: '2023-11-14T22:13:20.123Z',
			accountId: 'acc-1',
			trackingId: 'trk-1',
			kind: 'meeting',
			id: '85746065432',
			uuid: '/ajXp112QmuoKj4854875==',
			topic: 'Onboarding',
			startTime: '2026-11-01T10:00:00Z',
			endTime: '2026-11-01T11:00:00Z',
		});
		expect(shaped.person).toBeUndefined();
		expect(shaped.recording).toBeUndefined();
		expect(shaped.raw).toBeUndefined();
	});

	it('participant events: a flattened person with a lower-cased email', () => {
		const shaped = shapeDelivery(
			{
				event: 'webinar.participant_left',
				payload: {
					object: {
						id: '123',
						participant: { user_name: 'Ada Lovelace Byron', email: 'Ada@Example.COM', join_time: '2026-11-01T10:00:00Z', leave_time: '2026-11-01T10:30:00Z', leave_reason: 'left', registrant_id: 'reg-9', user_id: 16778240, participant_uuid: 'pu-1' },
					},
				},
			},
			{},
		);
		expect(shaped.person).toEqual({
			email: 'ada@example.com',
			name: 'Ada Lovelace Byron',
			firstName: 'Ada',
			lastName: 'Lovelace Byron',
			joinTime: '2026-11-01T10:00:00Z',
			leaveTime: '2026-11-01T10:30:00Z',
			leaveReason: 'left',
			registrantId: 'reg-9',
			userId: '16778240',
			participantUuid: 'pu-1',
		});
	});

	it('registration events: registrant with tracking source (UTM)', () => {
		const shaped = shapeDelivery(
			{
				event: 'webinar.registration_created',
				payload: {
					object: {
						id: 99,
						registrant: { id: 'r1', first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.mil', status: 'approved', join_url: 'https://zoom.us/w/99?tk=x', tracking_source: { id: 't1', source_name: 'linkedin' } },
					},
				},
			},
			{},
		);
		expect(shaped.person).toEqual({
			email: 'grace@navy.mil',
			name: 'Grace Hopper',
			firstName: 'Grace',
			lastName: 'Hopper',
			registrantId: 'r1',
			status: 'approved',
			joinUrl: 'https://zoom.us/w/99?tk=x',
			trackingSource: 'linkedin',
		});
	});

	it.each([
		// Where Zoom puts it: next to event and payload (a real delivery's item had no token before).
		['body, next to the payload (Zoom)', { download_token: 'dl-top' }, {}, {}],
		['payload top level', {}, { download_token: 'dl-top' }, {}],
		['object', {}, {}, { download_token: 'dl-top' }],
	])('recording.completed: links and download token from the %s', (_where, bodyExtra, payloadExtra, objectExtra) => {
		const shaped = shapeDelivery(
			{
				event: 'recording.completed',
				...bodyExtra,
				payload: {
					...payloadExtra,
					object: {
						uuid: 'u1', id: 5, topic: 'Demo', share_url: 'https://zoom.us/rec/share/abc', password: 'p@ss', recording_play_passcode: 'play',
						recording_files: [{ id: 'f1', file_type: 'MP4', recording_type: 'shared_screen_with_speaker_view', download_url: 'https://zoom.us/rec/download/f1', play_url: 'https://zoom.us/rec/play/f1', status: 'completed', file_size: 1234 }],
						...objectExtra,
					},
				},
			},
			{},
		);
		expect(shaped.recording).toEqual({
			shareUrl: 'https://zoom.us/rec/share/abc',
			passcode: 'p@ss',
			playPasscode: 'play',
			downloadToken: 'dl-top',
			files: [{ id: 'f1', fileType: 'MP4', recordingType: 'shared_screen_with_speaker_view', fileSize: 1234, downloadUrl: 'https://zoom.us/rec/download/f1', playUrl: 'https://zoom.us/rec/play/f1', status: 'completed' }],
		});
	});

	it('copes with a body that has no payload at all', () => {
		expect(shapeDelivery({ event: 'x.y' }, {})).toEqual({ event: 'x.y', kind: 'x', object: {} });
	});

	it('trims the names and emails people typed', () => {
		const shaped = shapeDelivery(
			{ event: 'webinar.registration_created', payload: { object: { id: 1, registrant: { email: '  Ann@Example.COM ', first_name: ' Ann ', last_name: 'Lee  ' } } } },
			{},
		);
		expect(shaped.person).toMatchObject({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', name: 'Ann Lee' });
		const joined = shapeDelivery({ event: 'meeting.participant_joined', payload: { object: { id: 1, participant: { user_name: '  Bob   Stone ', email: ' bob@x.io ' } } } }, {});
		expect(joined.person).toMatchObject({ email: 'bob@x.io', name: 'Bob   Stone', firstName: 'Bob', lastName: 'Stone' });
	});
});
