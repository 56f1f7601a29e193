/**
 * The scopes the README lists (nodes/shared/zoomScopes.ts) are enough: a Server-to-Server app
 * granted exactly those runs every Zoom to Brevo operation against the simulator, which refuses a
 * call whose scope the token lacks as Zoom does (400, code 4711). Before, every operation stopped
 * at its first call (GET /past_meetings/{id}, GET /webinars/{id}, GET /meetings/{id}).
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SERVER_TO_SERVER_SCOPES } from '../../nodes/shared/zoomScopes';
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from '../zoomToBrevo/nodeRunner';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ zoom: { grantedScopes: [...SERVER_TO_SERVER_SCOPES] }, brevo: { importProcessingMs: 20 } });
});
afterAll(async () => await sim.close());

const id = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const latestMeetingUuid = () => sim.fixture.ids.recurringMeetingUuids.latest;
const lead: INodeExecutionData[] = [{ json: { email: 'lea.martin@prospects.example', attributes: { FIRSTNAME: 'Léa', LASTNAME: 'Martin' } } }];

// Every row has three entries: with two, jest would hand the test a `done` callback as the third.
const operations: Array<[string, () => INodeParameters, INodeExecutionData[] | undefined]> = [
	['Meeting → Sync Participants (past participants)', () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid() }), undefined],
	['Meeting → Sync Participants (participant report)', () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: latestMeetingUuid(), participantSource: 'report' }), undefined],
	['Webinar → Sync Registrants', () => ({ resource: 'webinar', operation: 'syncRegistrants', webinarId: String(sim.fixture.ids.webinarId) }), undefined],
	['Webinar → Sync Attendees', () => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: String(sim.fixture.ids.webinarId), webinarUuid: sim.fixture.ids.webinarUuid }), undefined],
	['Webinar → Sync Attendees of a recurring webinar (its latest session)', () => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: String(sim.fixture.ids.recurringWebinarId), webinarUuid: '' }), undefined],
	['Webinar → Sync Absentees', () => ({ resource: 'webinar', operation: 'syncAbsentees', webinarId: String(sim.fixture.ids.webinarId) }), undefined],
	['Recording → Share Recording', () => ({ resource: 'recording', operation: 'shareRecording', meetingId: latestMeetingUuid() }), undefined],
	['Webinar → Register Contacts', () => ({ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: id(sim.fixture.ids.webinarId) }), lead],
	['Meeting → Register Contacts', () => ({ resource: 'meeting', operation: 'registerContacts', registrationMeetingId: id(sim.fixture.ids.registrationMeetingId) }), lead],
];

it.each(operations)('%s runs with exactly the listed scopes', async (_name, parameters, inputItems) => {
	const { result } = await runZoomToBrevo(sim, parameters(), inputItems ? { typeVersion: 1.2, inputItems } : {});
	expect(result.error?.message).toBeUndefined();
});
