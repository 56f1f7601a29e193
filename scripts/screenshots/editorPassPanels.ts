/**
 * One panel per problem of the editor's second pass (issue #23), each as the fixed product shows
 * it: what a marketer meets building "webinar ended → attendees, follow-ups, lead score" from
 * empty. Panels that run the node start from a pinned trigger item, as after "Listen for test event".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import type { Simulator } from '../../test/simulator';
import type { Credentials, PanelSpec } from './panels';
import { syncWorkflow, triggerWorkflow } from './workflows';

const SYNC = 'Zoom to Brevo';

/** Start (manual trigger) with `delivery` pinned → a Zoom to Brevo 1.2 node. */
function pinnedSync(name: string, parameters: (sim: Simulator) => Record<string, unknown>, delivery: (sim: Simulator) => Record<string, unknown>, act: PanelSpec['act']): PanelSpec {
	return {
		name,
		open: { node: SYNC },
		act,
		workflow: (credentials, sim) => syncWorkflow(name, parameters(sim), credentials, { startItem: delivery(sim) }),
	};
}

/** "Execute step" in the open panel, then time for the output to show. */
async function executeStep(page: Page) {
	await page.locator('[data-test-id="node-execute-button"]').first().click();
	await page.waitForTimeout(6_000);
}

const singleWebinar = (sim: Simulator) => sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
const webinarEnded = (sim: Simulator) => {
	const webinar = singleWebinar(sim);
	return { event: 'webinar.ended', kind: 'webinar', trackingId: 'panel-delivery', id: String(webinar.id), uuid: webinar.instances[webinar.instances.length - 1].uuid, topic: webinar.topic };
};
const webinarParameter = (value: string) => ({ __rl: true, mode: 'id', value });

/** The sample meeting.ended item of docs/sample-events.md, as a user pastes it. */
function sampleMeetingEnded(): Record<string, unknown> {
	const page = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'sample-events.md'), 'utf8');
	const section = page.slice(page.indexOf('`meeting.ended`'));
	const start = section.indexOf('```json') + '```json'.length;
	return (JSON.parse(section.slice(start, section.indexOf('```', start))) as Array<Record<string, unknown>>)[0];
}

export const EDITOR_PASS_PANELS: PanelSpec[] = [
	// 1. Another webinar picked while the UUID still comes from the trigger: the run stops, naming both.
	pinnedSync(
		'fixed-webinar-changed-by-hand',
		(sim) => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: webinarParameter(String(sim.fixture.ids.recurringWebinarId)), listIds: [16] }),
		webinarEnded,
		executeStep,
	),
	// 2. + 10. A test run syncs again every time; items lead with email, status, score and level,
	//    and the run's summary names the list.
	pinnedSync(
		'fixed-test-run-output',
		() => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: webinarParameter('={{ $json.id }}'), listIds: [16], sendEvent: true, webinarEngagement: ['polls', 'questions', 'survey'], scoreLeads: true }),
		webinarEnded,
		executeStep,
	),
	// 7. A webinar ID Zoom does not know: the error leads with Zoom's own words, then one remedy.
	pinnedSync(
		'fixed-zoom-error-first',
		() => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: webinarParameter('98765432100'), webinarUuid: '', listIds: [16] }),
		webinarEnded,
		executeStep,
	),
	// 3. Lead Events only under Send Brevo Event (off here: no lead event, and the field is not shown).
	pinnedSync(
		'fixed-lead-events-follow-send-event',
		() => ({ resource: 'webinar', operation: 'syncAttendees', webinarId: webinarParameter('={{ $json.id }}'), scoreLeads: true, sendEvent: false }),
		webinarEnded,
		async (page) => {
			await page.getByText('Send Brevo Event').first().scrollIntoViewIfNeeded();
		},
	),
	// 5. The webhook trigger with a sample event pinned, as docs/sample-events.md says.
	{
		name: 'fixed-trigger-sample-event',
		open: { node: 'Zoom Trigger' },
		workflow: (credentials: Credentials) => triggerWorkflow('Zoom Trigger with a sample event', 'panel-zoom-trigger-sample', credentials, sampleMeetingEnded()),
	},
	// 8. Pickers: a recurring webinar's sessions by date, and its tracking sources by name.
	pinnedSync(
		'fixed-session-picker',
		(sim) => ({ resource: 'webinar', operation: 'registerContacts', registrationWebinarId: webinarParameter(String(sim.fixture.ids.recurringWebinarId)), listIds: [17] }),
		() => ({ email: 'lea.martin@example.com', attributes: { FIRSTNAME: 'Léa', LASTNAME: 'Martin' } }),
		async (page) => {
			const picker = page.locator('[data-test-id="parameter-input-registrationOccurrenceIds"]').first();
			await picker.scrollIntoViewIfNeeded();
			await picker.click();
			await page.waitForTimeout(2_000);
		},
	),
	// 9. Searching "webinar" in the nodes panel finds the three nodes.
	{
		name: 'fixed-search-webinar',
		open: 'canvas',
		workflow: () => ({
			name: 'Panel: search webinar',
			nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
		}),
		act: async (page) => {
			// The "+" that opens the nodes panel (n8n 2.41: top left of the canvas).
			await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
			const search = page.locator('[data-test-id="node-creator-search-bar"]').first();
			await search.waitFor({ timeout: 10_000 });
			await search.fill('webinar');
			await page.waitForTimeout(2_000);
		},
	},
];
