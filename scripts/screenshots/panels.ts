/**
 * The panels scripts/screenshot.ts looks at: each one a workflow made for it, the node whose panel
 * opens (or the canvas), and what is clicked before the picture. New nodes carry only what a user
 * sets first (resource, operation, credentials): the rest is the node's defaults.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import type { Simulator } from '../../test/simulator';
import { EDITOR_PASS_PANELS } from './editorPassPanels';
import { syncWorkflow, triggerWorkflow } from './workflows';

export type Credentials = Record<'zoomWebhookSecretApi' | 'zoomServerToServerOAuthApi' | 'zoomUserOAuth2Api' | 'brevoV3Api', { id: string; name: string }>;

export interface PanelSpec {
	name: string;
	workflow: (credentials: Credentials, sim: Simulator) => Record<string, unknown>;
	/** The node whose panel is opened (by double click), the canvas, or a credential's dialog. */
	open: { node: string } | { credential: keyof Credentials } | 'canvas';
	act?: (page: Page) => Promise<void>;
	/** Also written, from the light theme, as this file in docs/ (the README's pictures). */
	readmeCopy?: string;
}

const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

/** A new Zoom to Brevo node (current version) after a manual trigger, with both credentials
 *  (or only Zoom's, as a node looks before its Brevo credential is chosen). */
function zoomToBrevo(name: string, parameters: Record<string, unknown>, act?: PanelSpec['act'], { withBrevo = true } = {}): PanelSpec {
	return {
		name,
		open: { node: 'Zoom to Brevo' },
		act,
		workflow: (credentials) => syncWorkflow(name, parameters, credentials, { withBrevo }),
	};
}

export const PANELS: PanelSpec[] = [
	{
		name: 'example-webinar-follow-ups',
		open: 'canvas',
		readmeCopy: 'example-webinar-follow-ups.png',
		workflow: (credentials) => {
			const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'webinar-ended-follow-ups.json'), 'utf8')) as {
				nodes: Array<{ credentials?: Record<string, unknown> }>;
			};
			for (const node of example.nodes) for (const type of Object.keys(node.credentials ?? {})) node.credentials![type] = credentials[type as keyof Credentials];
			return example;
		},
	},
	{
		name: 'zoom-trigger',
		open: { node: 'Zoom Trigger' },
		workflow: (credentials) => triggerWorkflow('Zoom Trigger', 'panel-zoom-trigger', credentials),
	},
	{
		name: 'zoom-poll-trigger',
		open: { node: 'Zoom Scheduled Trigger' },
		workflow: (credentials) => ({
			name: 'Panel: Zoom Scheduled Trigger',
			nodes: [
				{
					id: 'poll',
					name: 'Zoom Scheduled Trigger',
					type: 'n8n-nodes-zoom-brevo.zoomPollTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
					credentials: { zoomServerToServerOAuthApi: credentials.zoomServerToServerOAuthApi },
				},
			],
			connections: {},
		}),
	},
	zoomToBrevo('zoom-to-brevo-meeting', { resource: 'meeting', operation: 'syncParticipants' }),
	// Its list dropdown used to answer 500 ("Node does not have any credentials set").
	zoomToBrevo('zoom-to-brevo-without-brevo-credential', { resource: 'meeting', operation: 'syncParticipants' }, undefined, { withBrevo: false }),
	zoomToBrevo('zoom-to-brevo-webinar-attendees-with-events', { resource: 'webinar', operation: 'syncAttendees', sendEvent: true }, async (page) => {
		await page.getByText('Send Brevo Event').first().scrollIntoViewIfNeeded();
	}),
	// Every option added: the longest labels of the panel, at n8n's default panel width.
	zoomToBrevo(
		'zoom-to-brevo-options',
		{
			resource: 'webinar',
			operation: 'syncAttendees',
			options: { registrationDetails: true, includeAnswers: true, brevoTier: 'general', dryRun: true, logApiCalls: true, maxDailyWaitSeconds: 60, repeatFollowUps: false, zoomPlan: 'pro' },
		},
		async (page) => {
			await page.getByText('Zoom Plan (Rate Limits)').first().scrollIntoViewIfNeeded();
		},
	),
	// Engagement and lead score (issue #13): what a marketer sets to get hot-lead events.
	zoomToBrevo(
		'zoom-to-brevo-lead-score',
		{ resource: 'webinar', operation: 'syncAttendees', webinarEngagement: ['polls', 'questions', 'survey'], scoreLeads: true, scoreSettings: { hot: 60, warm: 30, attendance: 40 } },
		async (page) => {
			await page.getByText('Score Weights and Thresholds').first().scrollIntoViewIfNeeded();
		},
	),
	// Register Contacts (issue #14): a Brevo list's contacts registered for a webinar.
	zoomToBrevo('zoom-to-brevo-register-contacts', { resource: 'webinar', operation: 'registerContacts', listIds: [17], sendEvent: true }, async (page) => {
		await page.getByText('Registrant Fields').first().scrollIntoViewIfNeeded();
	}),
	// Attribute Mapping: the account's Brevo attributes (resource mapper), a webinar's defaults.
	{
		...zoomToBrevo('zoom-to-brevo-attribute-mapping', { resource: 'webinar', operation: 'syncAttendees' }, async (page) => {
			await page.getByText('ZOOM_SESSIONS', { exact: false }).first().scrollIntoViewIfNeeded();
		}),
		readmeCopy: 'attribute-mapping.png',
	},
	zoomToBrevo('zoom-to-brevo-share-recording-by-email', { resource: 'recording', operation: 'shareRecording', shareMode: 'email' }, async (page) => {
		// The template dropdown, loaded from the Brevo account.
		await page.getByText('Brevo Template Name or ID').first().scrollIntoViewIfNeeded();
	}),
	...(['zoomServerToServerOAuthApi', 'zoomUserOAuth2Api', 'brevoV3Api', 'zoomWebhookSecretApi'] as const).map(
		(type): PanelSpec => ({
			name: `credential-${type}`,
			open: { credential: type },
			workflow: () => ({ name: `Panel: credential ${type}`, nodes: [start], connections: {} }),
		}),
	),
	{
		...zoomToBrevo('meeting-picker', { resource: 'meeting', operation: 'syncParticipants', meetingId: { __rl: true, mode: 'list', value: '' } }, async (page) => {
			await page.locator('[data-test-id="rlc-input"]').first().click();
			await page.waitForTimeout(1_500);
		}),
		readmeCopy: 'meeting-picker.png',
	},
	// One per problem fixed in the editor's second pass (issue #23).
	...EDITOR_PASS_PANELS,
];
