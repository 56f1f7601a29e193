/**
 * Fail closed on settings: a value an expression put into an options or number field that the
 * node does not offer stops the run before any Zoom or Brevo call, naming the field and the
 * allowed values. Through n8n-core's engine against the simulator.
 */
import { startSimulator, type Simulator } from '../simulator';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const meeting = () => ({ resource: 'meeting', operation: 'syncParticipants', meetingId: sim.fixture.ids.recurringMeetingUuids.latest });

it.each([
	['an unknown Zoom plan', { options: { zoomPlan: 'enterprise' } }, /^"enterprise" is not a value of Zoom Plan \(Rate Limits\)$/, /free \(Free\), pro \(Pro\), business \(Business or Higher\)/],
	['a wait that is not a number', { options: { maxDailyWaitSeconds: 'soon' } }, /^Daily Limit Wait \(Seconds\) must be a number from 0 to 86400, not "soon"$/, /Set Daily Limit Wait/],
	['a negative wait', { options: { maxDailyWaitSeconds: -1 } }, /must be a number from 0 to 86400, not "-1"/, /./],
	['an operation of another resource', { operation: 'shareRecording' }, /^"shareRecording" is not a value of Operation$/, /syncParticipants \(Sync Participants\)/],
	['an unknown write mode', { writeMode: 'bulk' }, /^"bulk" is not a value of Write to Brevo$/, /import/],
	['an unknown participant source', { participantSource: 'dashboard' }, /^"dashboard" is not a value of Read Participants From$/, /pastMeeting/],
	['a dry run that is not true or false', { options: { dryRun: 'yes' } }, /^Dry Run must be true or false, not "yes"$/, undefined],
])('%s stops before any call, naming the field and what it takes', async (_label, change, message, description) => {
	const { result } = await runZoomToBrevo(sim, { ...meeting(), ...change } as never);
	expect(result.error?.message).toMatch(message);
	if (description) expect(result.error?.description).toMatch(description);
	expect(sim.requests).toHaveLength(0);
});

it('Share Recording by email without a template ID stops before reading Zoom', async () => {
	const { result } = await runZoomToBrevo(sim, { resource: 'recording', operation: 'shareRecording', meetingId: sim.fixture.ids.recurringMeetingUuids.latest, shareMode: 'email', templateId: 0 });
	expect(result.error?.message).toBe('Template ID must be a whole number 1 or more, not "0"');
	expect(sim.requests).toHaveLength(0);
});

it('a number given as a numeric string by an expression is used as that number', async () => {
	const { result } = await runZoomToBrevo(sim, { ...meeting(), options: { maxDailyWaitSeconds: '30', zoomPlan: 'free' } });
	expect(result.error).toBeUndefined();
});
