/**
 * The request bodies nodes/ sends, as sent, against the vendors' request types (issue #24). The
 * nodes build them as `IDataObject`s, which tsc cannot hold against a vendor type; so the bodies
 * are produced by the nodes' own code (the Brevo transport through n8n's engine against the
 * simulator, as it runs in a workflow; Zoom's registrant body by its builder) and each JSON body is
 * then type-checked by TypeScript as a literal of the vendor's type (jsonAgainstTypes.ts): a field
 * the vendor does not know, a value of the wrong type or outside an enum, or a missing required
 * field fails here, naming the body.
 */
import { followUpEvent, recordingReadyEvent } from '../../nodes/ZoomToBrevo/contacts/followUpEvents';
import type { BrevoContact } from '../../nodes/ZoomToBrevo/contacts/mapToBrevo';
import { zoomBatchBody } from '../../nodes/ZoomToBrevo/registration/batch';
import { zoomRegistrantBody } from '../../nodes/ZoomToBrevo/registration/registrant';
import { contact, probe, startBrevo } from '../brevoTransport/support';
import type { Simulator } from '../simulator';
import { checkJson, type JsonCase } from './jsonAgainstTypes';

jest.setTimeout(120_000);

let sim: Simulator;
afterAll(async () => sim?.close());

/** The body of the last request to a path (method and path as the simulator saw them). */
function sent(method: string, path: RegExp): unknown {
	const request = [...sim.requests].reverse().find((r) => r.service === 'brevo' && r.method === method && path.test(r.path));
	if (!request) throw new Error(`no ${method} ${String(path)} was sent`);
	return request.body;
}

/** A contact as a webinar attendee sync builds it, answers and score included. */
const attendee: BrevoContact = {
	email: 'ada@example.com',
	attributes: { FIRSTNAME: 'Ada', ZOOM_MINUTES: 42, ZOOM_ATTENDED: true, ZOOM_LAST_JOIN: '2026-03-02' },
	listIds: [],
	engagement: {
		status: 'attended',
		attendedMinutes: 42,
		attendancePercent: 93,
		sessions: 2,
		firstJoin: '2026-03-02T15:00:00Z',
		lastLeave: '2026-03-02T15:45:00Z',
		pollsAnswered: 1,
		questionsAsked: 0,
		surveyAnswered: true,
		score: 71,
		leadLevel: 'hot',
	},
	source: { kind: 'webinar', id: '81234567890', uuid: 'aBc/dEf==', topic: 'Launch Day', startTime: '2026-03-02T15:00:00Z' },
	answers: { polls: [{ question: 'Ready?', answer: 'Yes', poll: 'p1' }], survey: [{ question: 'Useful?', answer: '5' }] },
};

describe('the request bodies the nodes send are of the vendors’ request types', () => {
	const cases: JsonCase[] = [];
	let found: Record<string, string[]>;

	beforeAll(async () => {
		sim = await startBrevo();
		const listId = sim.fixture.ids.brevoListIds[0];

		await probe(sim, 'ensureAttributes', { needed: [{ name: 'ZOOM_CONTRACT_CHECK', type: 'float' }], onMissing: 'create' });
		cases.push({
			name: 'POST /contacts/attributes/{category}/{name}',
			type: "Body<Brevo.CreateAttributeRequest, 'attributeCategory' | 'attributeName'>",
			value: sent('POST', /\/contacts\/attributes\/normal\/ZOOM_CONTRACT_CHECK$/),
		});

		await probe(sim, 'import', { contacts: [contact('ada@example.com', attendee.attributes, [listId])], options: { listIds: [listId] } });
		cases.push({ name: 'POST /contacts/import', type: 'Brevo.ImportContactsRequest', value: sent('POST', /\/contacts\/import$/) });

		await probe(sim, 'upsert', { contacts: [contact('bob@example.com', { FIRSTNAME: 'Bob' }, [listId])] });
		cases.push({ name: 'POST /contacts', type: 'Brevo.CreateContactRequest', value: sent('POST', /\/contacts$/) });

		const events = [
			followUpEvent(attendee, 'zoom_webinar_attended', { answers: true }),
			recordingReadyEvent('zoom_recording_ready', 'ada@example.com', { url: 'https://zoom.us/rec/share/x', passcode: 'p4ss', topic: 'Launch Day' }, attendee.source as never, 'attended'),
		];
		await probe(sim, 'events', { events });
		cases.push({ name: 'POST /events/batch', type: 'Amend<Brevo.CreateBatchEventsRequest, { events: BrevoBatchEvent[] }>', value: sent('POST', /\/events\/batch$/) });

		await probe(sim, 'email', { to: { email: 'ada@example.com', name: 'Ada' }, templateId: sim.fixture.ids.brevoTemplateId, params: { RECORDING_URL: 'https://zoom.us/rec/share/x', FIRSTNAME: 'Ada' } });
		cases.push({ name: 'POST /smtp/email', type: 'Brevo.SendTransacEmailRequest', value: sent('POST', /\/smtp\/email$/) });

		// Register Contacts: every field the node can send; a meeting gets no tracking source (registerContacts.ts).
		const person = {
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			org: 'Analytical Engines',
			jobTitle: 'Programmer',
			phone: '+44 20 7946 0000',
			country: 'GB',
			city: 'London',
			customQuestions: [{ title: 'What brings you?', value: 'Brevo' }],
		};
		cases.push({ name: 'POST /webinars/{webinarId}/registrants', type: 'Zoom.WebinarsAddWebinarRegistrantRequestBody', value: zoomRegistrantBody({ ...person, sourceId: 'src-1' }) });
		cases.push({ name: 'POST /meetings/{meetingId}/registrants', type: 'Zoom.MeetingsAddMeetingRegistrantRequestBody', value: zoomRegistrantBody(person) });
		// Batches: plain people only (batch.ts isPlain), with and without a last name.
		const plain = [
			{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', customQuestions: [] },
			{ email: 'grace@example.com', firstName: 'Grace', customQuestions: [] },
		];
		cases.push({ name: 'POST /webinars/{webinarId}/batch_registrants', type: 'Zoom.WebinarsPerformBatchRegistrationRequestBody', value: zoomBatchBody('webinar', plain, true) });
		cases.push({ name: 'POST /meetings/{meetingId}/batch_registrants', type: 'Zoom.MeetingsPerformBatchRegistrationRequestBody', value: zoomBatchBody('meeting', plain, true) });

		found = checkJson(cases);
	});

	it.each([
		'POST /contacts/attributes/{category}/{name}',
		'POST /contacts/import',
		'POST /contacts',
		'POST /events/batch',
		'POST /smtp/email',
		'POST /webinars/{webinarId}/registrants',
		'POST /meetings/{meetingId}/registrants',
		'POST /webinars/{webinarId}/batch_registrants',
		'POST /meetings/{meetingId}/batch_registrants',
	])('%s', (name) => {
		expect(cases.map((c) => c.name)).toContain(name);
		expect(found[name]).toEqual([]);
	});

	it('the check itself compiles (no complaint outside a body)', () => {
		expect(found['(the check file itself)'] ?? []).toEqual([]);
	});
});
