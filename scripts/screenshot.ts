/**
 * Takes docs/example-webinar-follow-ups.png (example (a) open in n8n's editor) and
 * docs/meeting-picker.png (Zoom to Brevo's meeting picker listing the simulator's meetings), in
 * Debian's headless Chromium (apt-get install chromium) driven by playwright-core.
 * Run: npx tsx scripts/screenshot.ts (after npm run build). Not part of the tests: the pictures are
 * committed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { chromium } from 'playwright-core';

import { DEFAULT_OWNER, removeTempDirs } from '../test/e2e/harness';
import { simCredentials, startN8nWithPackage, startSimulator } from '../test/e2e/support';

const OUT = path.join(__dirname, '..', 'docs', 'example-webinar-follow-ups.png');
const PICKER_OUT = path.join(__dirname, '..', 'docs', 'meeting-picker.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main() {
	const sim = await startSimulator();
	const { n8n, client } = await startN8nWithPackage();
	try {
		const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret', simCredentials.webhookSecret());
		const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom Server-to-Server', simCredentials.zoomS2S(sim));
		const brevo = await client.createCredential('brevoV3Api', 'Brevo', simCredentials.brevo(sim));
		const ids: Record<string, { id: string; name: string }> = {
			zoomWebhookSecretApi: { id: secret.id, name: secret.name },
			zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name },
			brevoV3Api: { id: brevo.id, name: brevo.name },
		};
		const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'webinar-ended-follow-ups.json'), 'utf8'));
		for (const node of example.nodes) for (const type of Object.keys(node.credentials ?? {})) node.credentials[type] = ids[type];
		const workflow = await client.createWorkflow(example);

		const browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const page = await browser.newPage({ viewport: { width: 1400, height: 800 }, deviceScaleFactor: 1 });
		await page.goto(`${n8n.baseUrl}/signin`);
		await page.fill('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]', DEFAULT_OWNER.email);
		await page.fill('input[type="password"]', DEFAULT_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
		await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
		await page.waitForSelector('[data-test-id="canvas-node"], .vue-flow__node', { timeout: 30_000 });
		await page.waitForTimeout(2_000);
		// Close any welcome or promotion dialogs so the canvas shows.
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		await page.screenshot({ path: OUT });
		console.log(`wrote ${OUT}`);

		// The meeting picker of a new Zoom to Brevo node, opened on "From list".
		const picker = await client.createWorkflow({
			name: 'Meeting picker',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'sync',
					name: 'Zoom to Brevo',
					type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
					typeVersion: 1.1,
					position: [250, 0],
					parameters: { resource: 'meeting', operation: 'syncParticipants', meetingId: { __rl: true, mode: 'list', value: '' } },
					credentials: { zoomServerToServerOAuthApi: ids.zoomServerToServerOAuthApi, brevoV3Api: ids.brevoV3Api },
				},
			],
			connections: { Start: { main: [[{ node: 'Zoom to Brevo', type: 'main', index: 0 }]] } },
		} as never);
		await page.goto(`${n8n.baseUrl}/workflow/${picker.id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
		await page.waitForTimeout(1_500);
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Zoom to Brevo' }).dblclick();
		await page.locator('[data-test-id="rlc-input"]').first().click();
		await page.waitForTimeout(2_000);
		await page.screenshot({ path: PICKER_OUT, clip: { x: 480, y: 100, width: 440, height: 480 } });
		console.log(`wrote ${PICKER_OUT}`);
		await browser.close();
	} finally {
		await n8n.stop();
		await sim.close();
		removeTempDirs();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error('screenshot failed:', error);
		process.exit(1);
	},
);
