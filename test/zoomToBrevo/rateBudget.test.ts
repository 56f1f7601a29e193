/**
 * One rate budget per execution: all input items and all phases of one run share one Zoom pacer
 * and one Brevo pacer, paced to the plan's limits even when the rate-limit headers never show the
 * budget shrinking. Checked from the simulator's request log: the most requests in any sliding
 * second, per Zoom category and for Brevo's contacts family (the limits are enforced by the
 * simulator too, so a run that broke them would also show 429s and retries).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { maxInAnyWindow, zoomRequestsByCategory } from '../simulator/slidingWindow';
import { runZoomToBrevo } from './nodeRunner';

let sim: Simulator;
afterEach(async () => sim?.close());

/** Three meeting.ended items for three instances; the second reads Zoom's report (Heavy). */
function threeMeetings(): INodeExecutionData[] {
	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	return meeting.instances.slice(-3).map((instance, i) => ({ json: { uuid: instance.uuid, source: i === 1 ? 'report' : 'pastMeeting' } }));
}

it('three items on the Free plan: no sliding second exceeds Light 4, Medium 2, Heavy 1', async () => {
	// Free's limits on an account that may read past participants (the simulator, like Zoom, keeps
	// those for paid plans): the node is told "Free", the simulator enforces Free's numbers.
	sim = await startSimulator({ zoom: { rateLimits: { light: 4, medium: 2, heavy: 1 }, reportRemaining: 100 } });
	// Zoom's report is Heavy; two Heavy calls (one per page) keep the test short but meaningful.
	const { result, contacts } = await runZoomToBrevo(
		sim,
		{ resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}', participantSource: '={{ $json.source }}', options: { zoomPlan: 'free' } },
		{ inputItems: [...threeMeetings(), ...threeMeetings()] },
	);
	expect(result.error).toBeUndefined();
	expect(contacts.length).toBeGreaterThan(0);
	const byCategory = zoomRequestsByCategory(sim.requests);
	const most = Object.fromEntries(Object.entries(byCategory).map(([category, requests]) => [category, maxInAnyWindow(requests.map((r) => r.at))]));
	expect(byCategory.light.length).toBe(6);
	expect(byCategory.medium.length).toBeGreaterThanOrEqual(4);
	expect(byCategory.heavy.length).toBeGreaterThanOrEqual(2);
	expect(most.light).toBeLessThanOrEqual(4);
	expect(most.medium).toBeLessThanOrEqual(2);
	expect(most.heavy).toBeLessThanOrEqual(1);
	expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
});

it('One by One for three items never sends more than 10 contact requests in any second, though Brevo says 9 are left', async () => {
	sim = await startSimulator({ brevo: { reportRemaining: 9 } });
	const { result, contacts } = await runZoomToBrevo(
		sim,
		{ resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}', writeMode: 'upsert', listIds: [15] },
		{ inputItems: threeMeetings() },
	);
	expect(result.error).toBeUndefined();
	const upserts = sim.requests.filter((r) => r.service === 'brevo' && r.method === 'POST' && r.path.endsWith('/brevo/v3/contacts'));
	expect(upserts.length).toBe(contacts.length);
	expect(upserts.length).toBeGreaterThan(20);
	const contactFamily = sim.requests.filter((r) => r.service === 'brevo' && r.path.startsWith('/brevo/v3/contacts'));
	expect(maxInAnyWindow(contactFamily.map((r) => r.at))).toBeLessThanOrEqual(10);
	expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
}, 30_000);

it('the Advanced tier option paces to 20 per second', async () => {
	sim = await startSimulator({ brevo: { reportRemaining: 19, contactsPerSecond: 20 } });
	const { result } = await runZoomToBrevo(
		sim,
		{ resource: 'meeting', operation: 'syncParticipants', meetingId: '={{ $json.uuid }}', writeMode: 'upsert', listIds: [15], options: { brevoTier: 'advanced' } },
		{ inputItems: threeMeetings() },
	);
	expect(result.error).toBeUndefined();
	const contactFamily = sim.requests.filter((r) => r.service === 'brevo' && r.path.startsWith('/brevo/v3/contacts'));
	const most = maxInAnyWindow(contactFamily.map((r) => r.at));
	expect(most).toBeGreaterThan(10);
	expect(most).toBeLessThanOrEqual(20);
}, 30_000);
