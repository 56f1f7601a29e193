/**
 * The README's main command (`npm start`): a real n8n 2.x with this package installed on its
 * community-node path, wired to the built-in Zoom + Brevo simulator. It creates the credentials,
 * activates a Zoom Trigger workflow, delivers a signed `meeting.ended` to it, prints what happened
 * and leaves the editor open until Ctrl-C. `--exit` runs to the end and exits non-zero when
 * something did not happen (CI uses it).
 */
import { DEFAULT_OWNER, productionWebhookUrl, removeTempDirs, waitForWebhook } from '../test/e2e/harness';
import { SIM_DEFAULTS, simCredentials, startN8nWithPackage, startSimulator } from '../test/e2e/support';

const exitWhenDone = process.argv.includes('--exit');
const say = (text: string) => console.log(`[start] ${text}`);

async function main(): Promise<boolean> {
	say('starting the Zoom + Brevo simulator');
	const sim = await startSimulator();
	say(`simulator: Zoom API ${sim.zoomApiBaseUrl}, Brevo API ${sim.brevoApiBaseUrl}`);

	say('starting n8n with n8n-nodes-zoom-brevo installed as a community node (about 10 s)');
	const { n8n, client } = await startN8nWithPackage();

	const stop = async () => {
		await n8n.stop();
		await sim.close();
		removeTempDirs();
	};
	process.once('SIGINT', () => void stop().then(() => process.exit(0)));
	process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

	say('creating credentials on the simulator');
	await client.createCredential('zoomServerToServerOAuthApi', 'Zoom (simulator)', simCredentials.zoomS2S(sim));
	await client.createCredential('brevoV3Api', 'Brevo (simulator)', simCredentials.brevo(sim));
	const secret = await client.createCredential('zoomWebhookSecretApi', 'Zoom webhook secret (simulator)', simCredentials.webhookSecret());

	say('importing and activating "Zoom meeting ended"');
	const workflow = await client.createWorkflow({
		name: 'Zoom meeting ended',
		nodes: [
			{
				id: 'zoom-trigger',
				name: 'Zoom Trigger',
				type: 'n8n-nodes-zoom-brevo.zoomTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'zoom-meeting-ended',
				parameters: { events: ['meeting.ended'] },
				credentials: { zoomWebhookSecretApi: { id: secret.id, name: 'Zoom webhook secret (simulator)' } },
			},
		],
		connections: {},
	});
	await client.activateWorkflow(workflow.id);
	const url = productionWebhookUrl(n8n.baseUrl, 'zoom-meeting-ended/webhook');
	await waitForWebhook(url);

	const validation = await sim.sendUrlValidation(url, { secretToken: SIM_DEFAULTS.zoom.webhookSecretToken });
	say(`Zoom URL validation: ${validation.valid ? 'answered correctly' : `FAILED (${validation.status})`}`);

	const meeting = sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	const instance = meeting.instances[meeting.instances.length - 1];
	const delivery = await sim.sendWebhook(url, {
		event: 'meeting.ended',
		secretToken: SIM_DEFAULTS.zoom.webhookSecretToken,
		payload: { account_id: sim.credentials.zoom.accountId, object: { id: String(meeting.id), uuid: instance.uuid, topic: meeting.topic } },
	});
	say(`signed meeting.ended delivered: HTTP ${delivery.status}`);
	const executions = await client.waitForExecutions(workflow.id, 1, 30_000);
	const ok = validation.valid && delivery.status === 200 && executions[0]?.status === 'success';
	say(`executions of "Zoom meeting ended": ${executions.length} (${executions.map((e) => e.status).join(', ')})`);

	if (exitWhenDone) {
		await stop();
		say(ok ? 'done: everything happened' : 'FAILED: see above');
		return ok;
	}
	say('');
	say(`n8n editor: ${n8n.baseUrl}  (login: ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password})`);
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
