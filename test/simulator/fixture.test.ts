import { makeFixture, rowsToArray } from './index';

describe('makeFixture', () => {
	it('is deterministic for a seed and changes with it', () => {
		const a = makeFixture();
		const b = makeFixture();
		const c = makeFixture({ seed: 7 });
		const rows = (f: ReturnType<typeof makeFixture>) => rowsToArray(f.zoom.meetings[1].instances[0].participants);
		expect(rows(a)).toEqual(rows(b));
		expect(a.ids).toEqual(b.ids);
		expect(a.zoom.webinars[0].registrants).toEqual(b.zoom.webinars[0].registrants);
		expect(rows(c)).not.toEqual(rows(a));
		expect(c.ids.recurringMeetingId).toBe(a.ids.recurringMeetingId);
	});

	it('has an account with users, the owner first', () => {
		const { zoom, ids } = makeFixture();
		expect(zoom.users[0]).toMatchObject({ id: ids.ownerUserId, email: ids.ownerEmail, role_name: 'Owner' });
		expect(zoom.users.every((u) => u.account_id === zoom.accountId)).toBe(true);
	});

	it('has a recurring meeting whose instances cover the UUID shapes, with rejoins, guests and the waiting room', () => {
		const { zoom, ids } = makeFixture();
		const meeting = zoom.meetings.find((m) => m.id === ids.recurringMeetingId)!;
		expect(meeting.instances.map((i) => i.uuid)).toEqual(Object.values(ids.recurringMeetingUuids));
		const latest = meeting.instances[3];
		const rows = rowsToArray(latest.participants);
		expect(latest.stats.rejoinRows).toBeGreaterThan(0);
		expect(rows.some((r) => r.status === 'in_waiting_room')).toBe(true);
		expect(rows.some((r) => r.user_email === '')).toBe(true);
		expect(rows[0].user_email).toBe(ids.ownerEmail);
		// The Brevo contact who also attended, stored lower-case there and mixed-case in Zoom.
		const attendee = rows.find((r) => r.user_email.toLowerCase() === ids.brevoExistingContactEmail);
		expect(attendee?.user_email).not.toBe(ids.brevoExistingContactEmail);
	});

	it('sizes the large meeting as asked and keeps its stats true', () => {
		const { zoom } = makeFixture({ largeMeeting: { rows: 1_200, people: 900 } });
		const instance = zoom.meetings[1].instances[0];
		const rows = rowsToArray(instance.participants);
		expect(rows).toHaveLength(1_200);
		expect(instance.stats).toMatchObject({ rows: 1_200, people: 900, rejoinRows: 300 });
		// Signed-in people keep one Zoom id across their sessions.
		const signedInRows = rows.filter((r) => r.id);
		expect(new Set(signedInRows.map((r) => r.id)).size).toBeLessThan(signedInRows.length);
		expect(rows.filter((r) => r.status === 'in_waiting_room')).toHaveLength(instance.stats.waitingRoomOnly);
		const emails = new Set(rows.filter((r) => r.user_email).map((r) => r.user_email.toLowerCase()));
		expect(emails.size).toBe(instance.stats.withEmail);
	});

	it('has a meeting open to registration, and leaves the older records’ registration as it was', () => {
		const { zoom, ids } = makeFixture();
		const meeting = zoom.meetings.find((m) => m.id === ids.registrationMeetingId)!;
		expect(meeting).toMatchObject({ type: 8, instances: [], registrants: [], registration: { approval_type: 0, registrants_restrict_number: 0 } });
		expect(meeting.occurrences?.map((o) => o.occurrence_id)).toEqual(ids.registrationMeetingOccurrenceIds);
		expect(ids.registrationMeetingOccurrenceIds).toHaveLength(3);
		expect(zoom.meetings.filter((m) => m.id !== ids.registrationMeetingId).every((m) => !m.registration && !m.registrants)).toBe(true);
		expect(zoom.webinars.every((w) => !w.registration)).toBe(true);
	});

	it('has webinars with registrants of every status, tracking sources, attendees and occurrences', () => {
		const { zoom, ids } = makeFixture({ webinarRegistrants: 20 });
		const [single, recurring] = zoom.webinars;
		expect(single.registrants).toHaveLength(20);
		expect(new Set(single.registrants.map((r) => r.status))).toEqual(new Set(['approved', 'pending', 'denied']));
		expect(single.registrants.some((r) => r.tracking_source)).toBe(true);
		expect(single.instances[0].attendees.length).toBeGreaterThan(1);
		expect(recurring.occurrences.map((o) => o.occurrence_id)).toEqual(ids.recurringWebinarOccurrenceIds);
		expect(recurring.instances.map((i) => i.occurrence_id)).toEqual(ids.recurringWebinarOccurrenceIds.slice(0, 2));
	});

	it('has a recording with share_url, passcode, files and a download token', () => {
		const { zoom } = makeFixture();
		const recording = zoom.meetings[0].instances[3].recording!;
		expect(recording).toMatchObject({ share_url: expect.stringContaining('/rec/share/'), password: expect.any(String), recording_play_passcode: expect.any(String), download_access_token: expect.any(String) });
		expect(recording.recording_files).toHaveLength(4);
	});

	it('has a cloud recording of every past webinar instance, with the webinar type', () => {
		const { zoom, ids } = makeFixture();
		const instances = zoom.webinars.flatMap((w) => w.instances.map((i) => ({ webinar: w, instance: i })));
		expect(instances.map(({ instance }) => instance.uuid)).toEqual([ids.webinarUuid, ...ids.recurringWebinarUuids]);
		for (const { webinar, instance } of instances) {
			expect(instance.recording).toMatchObject({ id: webinar.id, uuid: instance.uuid, type: webinar.type, topic: webinar.topic, start_time: instance.start_time });
		}
	});

	it("has a Brevo account with the seed workflow's lists (15, 16, 17) plus no-shows (18) and the standard attributes", () => {
		const { brevo, ids } = makeFixture();
		expect(ids.brevoListIds.every((id) => brevo.lists.some((l) => l.id === id))).toBe(true);
		expect(brevo.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(['FIRSTNAME', 'LASTNAME', 'SMS']));
		expect(brevo.contacts[0].email).toBe(ids.brevoExistingContactEmail);
	});
});
