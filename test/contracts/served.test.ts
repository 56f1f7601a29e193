/**
 * What the simulator serves, as served, against the vendors' response types (issue #24). The
 * handlers build their answers with functions typed by those types (`satisfies`), which tsc checks;
 * but a fixture record spread into an answer, or rows mapped from one, escape tsc's check for
 * fields the vendor does not know. Here every endpoint the nodes call is requested from a running
 * simulator and its JSON body type-checked by TypeScript as a literal of the vendor's type
 * (jsonAgainstTypes.ts): an extra field, a wrong type or a value outside an enum fails, naming the
 * endpoint. The types are those of vendor.ts, Zoom's documentation amending Rivet where it differs.
 */
import { startSimulator, type Simulator } from '../simulator';
import { appToken, brevo, manualClock, s2sToken, zoom } from '../simulator/testClient';
import { checkJson, type JsonCase } from './jsonAgainstTypes';

jest.setTimeout(120_000);

let sim: Simulator;
afterAll(async () => sim?.close());

const cases: JsonCase[] = [];
let found: Record<string, string[]> = {};

/** One endpoint: the answer must have the status, and its body is checked against `type`. */
async function served(name: string, type: string, status: number, answer: Promise<{ status: number; body: unknown }>) {
	const reply = await answer;
	if (reply.status !== status) throw new Error(`${name}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
	cases.push({ name, type, value: reply.body });
}

const ZOOM: Array<[string, string]> = [];
const BREVO: Array<[string, string]> = [];

beforeAll(async () => {
	// A week after the fixture's latest meeting (2026-03-02 15:00 UTC): everything has ended and is reported.
	const clock = manualClock(Date.parse('2026-03-09T12:00:00Z'));
	sim = await startSimulator({ now: clock.now });
	const { ids } = sim.fixture;
	const token = await s2sToken(sim);
	const get = (path: string) => zoom(sim, path, token);
	const post = (path: string, body: unknown) => zoom(sim, path, token, { method: 'POST', body: JSON.stringify(body) });
	const z = async (name: string, type: string, answer: Promise<{ status: number; body: unknown }>, status = 200) => {
		ZOOM.push([name, type]);
		await served(name, type, status, answer);
	};
	const meeting = ids.recurringMeetingId;
	const webinar = ids.webinarId;

	// Zoom to Brevo: syncs, engagement, Share Recording, Register Contacts, pickers.
	await z('GET /past_meetings/{meetingId}', 'Zoom.MeetingsGetPastMeetingDetailsResponse', get(`/past_meetings/${meeting}`));
	await z('GET /past_meetings/{meetingId}/participants', 'Zoom.MeetingsGetPastMeetingParticipantsResponse', get(`/past_meetings/${meeting}/participants?page_size=5`));
	await z('GET /report/meetings/{meetingId}/participants', 'Zoom.ReportsGetMeetingParticipantReportsResponse', get(`/report/meetings/${meeting}/participants?page_size=5&include_fields=registrant_id`));
	await z('GET /webinars/{webinarId}', 'Zoom.WebinarsGetWebinarResponse', get(`/webinars/${ids.recurringWebinarId}`));
	await z('GET /past_webinars/{webinarId}/instances', 'Zoom.WebinarsListPastWebinarInstancesResponse', get(`/past_webinars/${ids.recurringWebinarId}/instances`));
	await z('GET /webinars/{webinarId}/tracking_sources', 'Zoom.WebinarsGetWebinarTrackingSourcesResponse', get(`/webinars/${webinar}/tracking_sources`));
	await z('GET /webinars/{webinarId}/registrants', 'Zoom.WebinarsListWebinarRegistrantsResponse', get(`/webinars/${webinar}/registrants?page_size=5`));
	await z('GET /past_webinars/{webinarId}/absentees', 'Zoom.WebinarsGetWebinarAbsenteesResponse', get(`/past_webinars/${webinar}/absentees?page_size=5`));
	await z('GET /past_webinars/{webinarId}/participants', 'Zoom.WebinarsListWebinarParticipantsResponse', get(`/past_webinars/${webinar}/participants?page_size=5`));
	await z('GET /past_meetings/{meetingId}/polls', 'Zoom.MeetingsListPastMeetingsPollResultsResponse', get(`/past_meetings/${meeting}/polls`));
	await z('GET /past_meetings/{meetingId}/qa', 'Zoom.MeetingsListPastMeetingsQAResponse', get(`/past_meetings/${meeting}/qa`));
	await z('GET /report/meetings/{meetingId}/survey', 'Zoom.ReportsGetMeetingSurveyReportResponse', get(`/report/meetings/${meeting}/survey`));
	await z('GET /past_webinars/{webinarId}/polls', 'Zoom.WebinarsListPastWebinarPollResultsResponse', get(`/past_webinars/${webinar}/polls`));
	await z('GET /past_webinars/{webinarId}/qa', 'Zoom.WebinarsListQAsOfPastWebinarResponse', get(`/past_webinars/${webinar}/qa`));
	await z('GET /report/webinars/{webinarId}/survey', 'Zoom.ReportsGetWebinarSurveyReportResponse', get(`/report/webinars/${webinar}/survey`));
	await z('GET /meetings/{meetingId}/recordings', 'ZoomMeetingRecording', get(`/meetings/${meeting}/recordings?include_fields=download_access_token`));
	await z('GET /meetings/{meetingId}', 'Zoom.MeetingsGetMeetingResponse', get(`/meetings/${ids.registrationMeetingId}?show_previous_occurrences=true`));
	await z('GET /meetings/{meetingId}/registrants', 'Zoom.MeetingsListMeetingRegistrantsResponse', get(`/meetings/${ids.registrationMeetingId}/registrants?status=approved`));
	const person = { email: 'ada@customer.example', first_name: 'Ada', last_name: 'Lovelace', custom_questions: [{ title: 'Why?', value: 'Brevo' }] };
	await z('POST /meetings/{meetingId}/registrants', 'Zoom.MeetingsAddMeetingRegistrantResponse', post(`/meetings/${ids.registrationMeetingId}/registrants`, person), 201);
	await z('POST /webinars/{webinarId}/registrants', 'WebinarRegistrationAnswer', post(`/webinars/${webinar}/registrants`, person), 201);
	const batch = { auto_approve: false, registrants: [{ email: 'grace@customer.example', first_name: 'Grace', last_name: 'Hopper' }, { email: 'alan@customer.example', first_name: 'Alan' }] };
	await z('POST /webinars/{webinarId}/batch_registrants', 'Zoom.WebinarsPerformBatchRegistrationResponse', post(`/webinars/${webinar}/batch_registrants`, batch), 201);
	// Batch registration takes scheduled meetings (type 2) only: the fixture's first such meeting, with registration on.
	const scheduled = sim.zoom.meetings.find((m) => m.type === 2)!;
	scheduled.registration = { approval_type: 0, registrants_restrict_number: 0 };
	await z('POST /meetings/{meetingId}/batch_registrants', 'Zoom.MeetingsPerformBatchRegistrationResponse', post(`/meetings/${scheduled.id}/batch_registrants`, { ...batch, registrants_confirmation_email: true }), 201);
	await z('GET /users/{userId}/meetings', 'Zoom.MeetingsListMeetingsResponse', get('/users/me/meetings?type=previous_meetings&page_size=5'));
	await z('GET /users/{userId}/webinars', 'Zoom.WebinarsListWebinarsResponse', get('/users/me/webinars?page_size=5'));

	// Zoom Scheduled Trigger.
	await z('GET /report/users/{userId}/meetings', 'Zoom.ReportsGetMeetingReportsResponse', get('/report/users/me/meetings?type=past&from=2026-02-10&to=2026-03-09&page_size=5'));
	await z('GET /report/history_meetings', 'Zoom.ReportsGetHistoryMeetingAndWebinarListResponse', get('/report/history_meetings?from=2026-02-10&to=2026-03-09&date_type=end_time&meeting_type=meeting&page_size=5'));
	await z('GET /users/{userId}/recordings', 'ZoomRecordingList', get('/users/me/recordings?from=2026-02-10&to=2026-03-09&page_size=5'));
	await z('GET /users', 'ZoomUsers.UsersListUsersResponse', get('/users?status=active'));

	// Zoom Trigger: event subscriptions (an app token).
	const app = await appToken(sim);
	const subscription = { event_subscription_name: 'n8n', event_webhook_url: 'https://n8n.example/webhook/zoom', events: ['meeting.ended'], subscription_scope: 'account' };
	await z('POST /marketplace/app/event_subscription', 'Marketplace.AppCreateEventSubscriptionResponse', zoom(sim, '/marketplace/app/event_subscription', app, { method: 'POST', body: JSON.stringify(subscription) }), 201);
	await z('GET /marketplace/app/event_subscription', 'Marketplace.AppGetUserOrAccountEventSubscriptionResponse', zoom(sim, `/marketplace/app/event_subscription?page_size=300&subscription_scope=account&account_id=${sim.credentials.zoom.accountId}&user_id=${sim.fixture.ids.ownerUserId}`, app));

	// Brevo.
	const b = async (name: string, type: string, answer: Promise<{ status: number; body: unknown }>, status = 200) => {
		BREVO.push([name, type]);
		await served(name, type, status, answer);
	};
	const listId = ids.brevoListIds[0];
	await b('GET /account', 'Brevo.GetAccountResponse', brevo(sim, 'GET', '/account'));
	await b('GET /contacts/lists', 'Brevo.GetListsResponse', brevo(sim, 'GET', '/contacts/lists?limit=50&offset=0&sort=desc'));
	await b('GET /smtp/templates', 'Brevo.GetSmtpTemplatesResponse', brevo(sim, 'GET', '/smtp/templates?templateStatus=true&limit=100&offset=0'));
	await b('GET /contacts/attributes', 'Brevo.GetAttributesResponse', brevo(sim, 'GET', '/contacts/attributes'));
	await b('POST /contacts', 'Brevo.CreateContactResponse', brevo(sim, 'POST', '/contacts', { email: 'ada@customer.example', attributes: { FIRSTNAME: 'Ada' }, listIds: [listId], updateEnabled: true }), 201);
	await b('GET /contacts/{identifier}', 'Brevo.GetContactInfoResponse', brevo(sim, 'GET', `/contacts/${encodeURIComponent('ada@customer.example')}?identifierType=email_id`));
	await b('GET /contacts', 'Brevo.GetContacts', brevo(sim, 'GET', `/contacts?limit=1000&offset=0&filter=${encodeURIComponent('equals(FIRSTNAME,"Ada")')}`));
	const imported = brevo<{ processId: number }>(sim, 'POST', '/contacts/import', { jsonBody: [{ email: 'bob@customer.example', attributes: { FIRSTNAME: 'Bob' } }], listIds: [listId], updateExistingContacts: true, emptyContactsAttributes: false, disableNotification: true });
	await b('POST /contacts/import', 'Brevo.ImportContactsResponse', imported, 202);
	const { processId } = (await imported).body;
	await b('GET /processes/{processId}', 'Brevo.GetProcessResponse', brevo(sim, 'GET', `/processes/${processId}`));
	await b('GET /processes', 'Brevo.GetProcessesResponse', brevo(sim, 'GET', '/processes?limit=50&offset=0&sort=desc'));
	const event = { event_name: 'zoom_webinar_attended', identifiers: { email_id: 'ada@customer.example' }, event_properties: { topic: 'Launch Day', minutes: 42 } };
	await b('POST /events/batch (202)', 'Brevo.BatchAcceptedResponse', brevo(sim, 'POST', '/events/batch', { events: [event] }), 202);
	await b('POST /events/batch (207)', 'Brevo.BatchEventsResponse', brevo(sim, 'POST', '/events/batch', { events: [event, { ...event, identifiers: { email_id: 'not-an-email' } }] }), 207);
	await b('POST /smtp/email', 'Brevo.SendTransacEmailResponse', brevo(sim, 'POST', '/smtp/email', { to: [{ email: 'ada@customer.example' }], templateId: ids.brevoTemplateId, params: { A: 'b' } }), 201);

	found = checkJson(cases);
});

describe('what the simulator serves is of Zoom’s response types', () => {
	it.each(ZOOM_NAMES())('%s', (name) => expect(found[name]).toEqual([]));
});

describe('what the simulator serves is of Brevo’s response types', () => {
	it.each(BREVO_NAMES())('%s', (name) => expect(found[name]).toEqual([]));
});

it('the check itself compiles (no complaint outside an answer)', () => {
	expect(found['(the check file itself)'] ?? []).toEqual([]);
});

/** The endpoint names, known before the answers are (it.each needs them when the file loads). */
function ZOOM_NAMES(): string[] {
	return [
		'GET /past_meetings/{meetingId}',
		'GET /past_meetings/{meetingId}/participants',
		'GET /report/meetings/{meetingId}/participants',
		'GET /webinars/{webinarId}',
		'GET /past_webinars/{webinarId}/instances',
		'GET /webinars/{webinarId}/tracking_sources',
		'GET /webinars/{webinarId}/registrants',
		'GET /past_webinars/{webinarId}/absentees',
		'GET /past_webinars/{webinarId}/participants',
		'GET /past_meetings/{meetingId}/polls',
		'GET /past_meetings/{meetingId}/qa',
		'GET /report/meetings/{meetingId}/survey',
		'GET /past_webinars/{webinarId}/polls',
		'GET /past_webinars/{webinarId}/qa',
		'GET /report/webinars/{webinarId}/survey',
		'GET /meetings/{meetingId}/recordings',
		'GET /meetings/{meetingId}',
		'GET /meetings/{meetingId}/registrants',
		'POST /meetings/{meetingId}/registrants',
		'POST /webinars/{webinarId}/registrants',
		'POST /webinars/{webinarId}/batch_registrants',
		'POST /meetings/{meetingId}/batch_registrants',
		'GET /users/{userId}/meetings',
		'GET /users/{userId}/webinars',
		'GET /report/users/{userId}/meetings',
		'GET /report/history_meetings',
		'GET /users/{userId}/recordings',
		'GET /users',
		'POST /marketplace/app/event_subscription',
		'GET /marketplace/app/event_subscription',
	];
}

function BREVO_NAMES(): string[] {
	return [
		'GET /account',
		'GET /contacts/lists',
		'GET /smtp/templates',
		'GET /contacts/attributes',
		'POST /contacts',
		'GET /contacts/{identifier}',
		'GET /contacts',
		'POST /contacts/import',
		'GET /processes/{processId}',
		'GET /processes',
		'POST /events/batch (202)',
		'POST /events/batch (207)',
		'POST /smtp/email',
	];
}

it('every endpoint named above was requested', () => {
	expect(ZOOM.map(([name]) => name)).toEqual(ZOOM_NAMES());
	expect(BREVO.map(([name]) => name)).toEqual(BREVO_NAMES());
});
