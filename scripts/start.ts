/**
 * The README's main command (`npm start`): a real n8n 2.x with this package installed on its
 * community-node path, the example workflows imported and activated, on the built-in Zoom + Brevo
 * simulator (or on real accounts when their keys are in the environment). In simulator mode it
 * delivers signed webinar.ended, meeting.ended, recording.completed and registration events,
 * prints what happened, and leaves the editor open until Ctrl-C. `--exit` runs to the end and
 * exits non-zero when something did not happen (CI uses it).
 */
import { DEFAULT_OWNER, removeTempDirs } from '../test/e2e/harness';
import { startN8nWithPackage } from '../test/e2e/support';
import { demoAccounts } from './demo/accounts';
import { deliverDemoEvents } from './demo/deliveries';
import { reportDemo } from './demo/report';
import { importExamples } from './demo/workflows';

const exitWhenDone = process.argv.includes('--exit');
const say = (text: string) => console.log(`[start] ${text}`);

async function main(): Promise<boolean> {
	const accounts = await demoAccounts(say);
	// Handlers first: a Ctrl-C while n8n is still starting cleans up too.
	let n8n: Awaited<ReturnType<typeof startN8nWithPackage>>['n8n'] | undefined;
	let stopping: Promise<void> | undefined;
	const stop = async () =>
		await (stopping ??= (async () => {
			await n8n?.stop();
			await accounts.close();
			removeTempDirs();
		})());
	// A second Ctrl-C while stopping must not kill this process half-way (n8n would be left to its
	// watchdog and the temp folders behind): it only says what is happening.
	const onSignal = (signal: NodeJS.Signals) => {
		if (stopping) {
			say(`${signal} again: still stopping n8n and removing its files, one moment`);
			return;
		}
		say(`${signal}: stopping n8n and the simulator, removing temporary files`);
		void stop().then(() => process.exit(0));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	say('starting n8n with n8n-nodes-zoom-brevo installed as a community node (about 10 s)');
	const env = process.env.N8N_WEBHOOK_URL ? { N8N_WEBHOOK_URL: process.env.N8N_WEBHOOK_URL } : undefined;
	const started = await startN8nWithPackage(env);
	n8n = started.n8n;
	const { client } = started;

	say(`creating credentials (${accounts.mode})`);
	const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret', accounts.webhookSecret);
	const zoom = await client.createCredential('zoomServerToServerOAuthApi', 'Zoom Server-to-Server', accounts.zoomS2S);
	const brevo = await client.createCredential('brevoV3Api', 'Brevo', accounts.brevo);
	for (const credential of [zoom, brevo]) {
		const verdict = await client.testCredential(credential.id);
		say(`  credential test "${credential.name}": ${verdict.status} — ${verdict.message}`);
	}

	say('importing and activating the example workflows');
	const templateId = accounts.sim?.fixture.ids.brevoTemplateId ?? 1;
	const workflows = await importExamples(
		client,
		started.n8n.baseUrl,
		{
			zoomWebhookSecretApi: { id: secret.id, name: secret.name },
			zoomServerToServerOAuthApi: { id: zoom.id, name: zoom.name },
			brevoV3Api: { id: brevo.id, name: brevo.name },
		},
		templateId,
	);
	for (const workflow of workflows) say(`  ${workflow.name}\n          Zoom event notification URL: ${workflow.url}`);

	let ok = true;
	if (accounts.sim) {
		say('delivering signed Zoom events (webinar.ended, meeting.ended, recording.completed, webinar.registration_created)');
		const deliveries = await deliverDemoEvents(accounts.sim, workflows);
		ok = await reportDemo(client, accounts.sim, deliveries, say);
	} else {
		say('real accounts: Zoom sends the events itself once the URLs above are in your Zoom app (they must be reachable from the internet: set N8N_WEBHOOK_URL to your public address)');
	}

	if (exitWhenDone) {
		await stop();
		say(ok ? 'done: everything happened' : 'FAILED: see above');
		return ok;
	}
	say('');
	say(`n8n editor: ${started.n8n.baseUrl}   login: ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
	say('Ctrl-C stops n8n and the simulator.');
	await new Promise(() => undefined);
	return ok;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error: unknown) => {
		console.error('[start] FAILED:', error);
		process.exit(1);
	},
);
