/**
 * Looks at every panel of the package in n8n's editor, as a marketer would: a real n8n with the
 * package, Debian's headless Chromium (apt-get install chromium) driven by playwright-core, in the
 * light and the dark theme. Writes docs/panels/<panel>.<theme>.png, and the README's pictures
 * (docs/example-webinar-follow-ups.png, docs/meeting-picker.png, docs/attribute-mapping.png).
 *
 * While each panel opens it records the browser's console errors and failed requests (HTTP ≥ 400)
 * and exits non-zero if a panel had any: a new node with its credentials present must open clean.
 * Run: npm run build && npx tsx scripts/screenshot.ts   (CHROMIUM_PATH overrides /usr/bin/chromium)
 *      --check: open every panel and report, writing no picture (npm test runs it so).
 *      --only <prefix>: only the panels whose name starts with <prefix> (while working on one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { DEFAULT_OWNER, removeTempDirs, type RestClient } from '../test/e2e/harness';
import { simCredentials, startN8nWithPackage, startSimulator, type Simulator } from '../test/e2e/support';
import { PANELS, type Credentials } from './screenshots/panels';

const DOCS = path.join(__dirname, '..', 'docs');
const PANEL_DIR = path.join(DOCS, 'panels');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THEMES = ['light', 'dark'] as const;
const checkOnly = process.argv.includes('--check');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : '';

async function makeCredentials(client: RestClient, sim: Simulator): Promise<Credentials> {
	const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret', simCredentials.webhookSecret());
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom Server-to-Server', simCredentials.zoomS2S(sim));
	const brevo = await client.createCredential('brevoV3Api', 'Brevo', simCredentials.brevo(sim));
	const zoomUser = await client.createCredential('zoomUserOAuth2Api', 'Zoom user OAuth2', simCredentials.zoomUser(sim));
	return {
		zoomWebhookSecretApi: { id: secret.id, name: secret.name },
		zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name },
		zoomUserOAuth2Api: { id: zoomUser.id, name: zoomUser.name },
		brevoV3Api: { id: brevo.id, name: brevo.name },
	};
}

async function signIn(page: Page, baseUrl: string) {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]', DEFAULT_OWNER.email);
	await page.fill('input[type="password"]', DEFAULT_OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
}

async function main() {
	const sim = await startSimulator();
	const { n8n, client } = await startN8nWithPackage();
	const problems: string[] = [];
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const credentials = await makeCredentials(client, sim);
		if (!checkOnly) fs.mkdirSync(PANEL_DIR, { recursive: true });
		for (const theme of THEMES) {
			const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1, colorScheme: theme });
			// n8n keeps the chosen theme in local storage.
			await context.addInitScript((chosen) => (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('N8N_THEME', chosen), theme);
			const page = await context.newPage();
			// Recorded from the first panel on: the sign-in page itself asks n8n who is logged in
			// (401 before signing in), which is n8n's own doing.
			let panel: string | undefined;
			page.on('console', (message) => {
				if (panel && message.type() === 'error') problems.push(`${panel} (${theme}): console error: ${message.text()}`);
			});
			page.on('response', (response) => {
				if (panel && response.status() >= 400) problems.push(`${panel} (${theme}): ${response.request().method()} ${new URL(response.url()).pathname} → ${response.status()}`);
			});
			await signIn(page, n8n.baseUrl);
			for (const spec of PANELS.filter((p) => p.name.startsWith(only))) {
				panel = spec.name;
				const workflow = await client.createWorkflow(spec.workflow(credentials, sim) as never);
				if (typeof spec.open === 'object' && 'credential' in spec.open) {
					// n8n opens a credential's dialog from its address.
					await page.goto(`${n8n.baseUrl}/home/credentials/${credentials[spec.open.credential].id}`);
					await page.waitForSelector('[data-test-id="editCredential-modal"]', { timeout: 30_000 });
					await page.waitForTimeout(1_500);
				} else {
					await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
					await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
					await page.waitForTimeout(1_500);
					// Close any welcome or promotion dialog.
					await page.keyboard.press('Escape');
				}
				if (typeof spec.open === 'object' && 'node' in spec.open) {
					await page.locator('[data-test-id="canvas-node"]').filter({ hasText: spec.open.node }).first().dblclick();
					await page.waitForSelector('[data-test-id="ndv"]', { timeout: 15_000 });
					await page.waitForTimeout(1_500);
				}
				await spec.act?.(page);
				await page.waitForTimeout(1_000);
				if (checkOnly) {
					console.log(`opened ${spec.name} (${theme})`);
					continue;
				}
				const file = path.join(PANEL_DIR, `${spec.name}.${theme}.png`);
				await page.screenshot({ path: file });
				console.log(`wrote ${path.relative(process.cwd(), file)}`);
				if (theme === 'light' && spec.readmeCopy) fs.copyFileSync(file, path.join(DOCS, spec.readmeCopy));
			}
			await context.close();
		}
	} finally {
		await browser.close();
		await n8n.stop();
		await sim.close();
		removeTempDirs();
	}
	if (problems.length) {
		console.error(`\n${problems.length} console error(s) or failed request(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
		return false;
	}
	console.log('\nno console error and no failed request in any panel');
	return true;
}

main().then(
	(clean) => process.exit(clean ? 0 : 1),
	(error: unknown) => {
		console.error('screenshot failed:', error);
		process.exit(1);
	},
);
