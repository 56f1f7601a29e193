/**
 * The README's main command (`npm start`): a real n8n 2.x with this package installed on its
 * community-node path, the example workflows imported and activated, on the built-in Zoom + Brevo
 * simulator (or on real accounts when their keys are in the environment). In simulator mode it
 * delivers signed webinar.ended, meeting.ended, recording.completed and registration events, ends
 * a meeting for the Zoom Scheduled Trigger to find, prints what happened, and leaves the editor open
 * until Ctrl-C.
 *
 * n8n is kept in `.n8n-demo/` (scripts/demo/state.ts): a second start finds the credentials,
 * workflows and executions of the first. `--fresh` starts over; `--exit` runs to the end and exits
 * non-zero when something did not happen (CI uses it).
 */
import { DEFAULT_OWNER, removeTempDirs } from '../test/e2e/harness';
import { startN8nWithPackage } from '../test/e2e/support';
import { demoAccounts } from './demo/accounts';
import { ensureCredentials } from './demo/credentials';
import { deliverDemoEvents, endMeetingForPoll, runRegistrationExample } from './demo/deliveries';
import { reportDemo } from './demo/report';
import { openDemoState, usualPortIfFree } from './demo/state';
import { ensureWorkflows } from './demo/workflows';
import { pickOnSimulator } from '../test/examplePicks';

const KNOWN_FLAGS = ['--exit', '--fresh'];
const unknown = process.argv.slice(2).filter((arg) => !KNOWN_FLAGS.includes(arg));
if (unknown.length) {
	console.error(`[start] unknown option ${unknown.join(' ')} (known: ${KNOWN_FLAGS.join(', ')})`);
	process.exit(2);
}
const exitWhenDone = process.argv.includes('--exit');
const say = (text: string) => console.log(`[start] ${text}`);

/** Stops what main() started (idempotent); set as soon as there is something to stop. */
let stopDemo: (() => Promise<void>) | undefined;

async function main(): Promise<boolean> {
	const accounts = await demoAccounts(say);
	// Handlers first: a Ctrl-C while n8n is still starting cleans up too.
	let n8n: Awaited<ReturnType<typeof startN8nWithPackage>>['n8n'] | undefined;
	let stopping: Promise<void> | undefined;
	// Each step runs even when one before it failed: n8n stopped, simulator closed, temp files gone.
	const stop = async () =>
		await (stopping ??= (async () => {
			try {
				await n8n?.stop();
			} finally {
				try {
					await accounts.close();
				} finally {
					removeTempDirs();
				}
			}
		})());
	// A second Ctrl-C while stopping must not kill this process half-way (n8n would be left to its
	// watchdog and the temp folders behind): it only says what is happening.
	const onSignal = (signal: NodeJS.Signals) => {
		if (stopping) {
			say(`${signal} again: still stopping n8n and removing its files, one moment`);
			return;
		}
		say(`${signal}: stopping n8n and the simulator, removing temporary files`);
		stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('[start] stopping failed:', error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	stopDemo = stop;

	const state = openDemoState({ fresh: process.argv.includes('--fresh') });
	say(
		state.kept
			? `n8n kept in ${state.dir} from earlier runs (start ${state.record.starts}): its workflows, credentials and executions are still there (\`npm start -- --fresh\` starts over)`
			: `n8n's data goes to ${state.dir} and stays there across runs (git-ignored; \`npm start -- --fresh\` starts over)`,
	);
	const port = await usualPortIfFree();
	if (!port) say("port 5678 is taken (another n8n?): this one takes a free port");
	say('starting n8n with n8n-nodes-zoom-brevo installed as a community node (about 10 s)');
	say(`  n8n's log: ${state.logFile}`);
	const env = process.env.N8N_WEBHOOK_URL ? { N8N_WEBHOOK_URL: process.env.N8N_WEBHOOK_URL } : undefined;
	const started = await startN8nWithPackage(env, { userFolder: state.userFolder, runDir: state.dir, port });
	n8n = started.n8n;
	const { client } = started;

	say(`${state.kept ? 'updating' : 'creating'} credentials (${accounts.mode})`);
	const credentials = await ensureCredentials(client, accounts, state.record.credentials, say);
	state.save(state.record);
	for (const type of ['zoomServerToServerOAuthApi', 'brevoV3Api']) {
		const verdict = await client.testCredential(credentials[type].id);
		say(`  credential test "${credentials[type].name}": ${verdict.status} — ${verdict.message}`);
	}

	say(state.kept ? 'finding the example workflows of earlier runs, activating them' : 'importing and activating the example workflows');
	const { sim } = accounts;
	const pick = sim ? (node: Parameters<typeof pickOnSimulator>[0]) => pickOnSimulator(node, sim) : undefined;
	const workflows = await ensureWorkflows(client, started.n8n.baseUrl, credentials, pick, state.record.workflows);
	state.save(state.record);
	for (const workflow of workflows) {
		const how =
			workflow.trigger.kind === 'webhook'
				? `Zoom event notification URL: ${workflow.trigger.url}${
						workflow.trigger.polls
							? '\n          and asks Zoom every minute: left inactive after its demo delivery, since the polling example asks Zoom for the same meetings and each workflow sends its own follow-ups (keep one of the two active)'
							: ''
					}`
				: workflow.trigger.kind === 'poll'
					? 'asks Zoom every minute (no URL needed)'
					: "n8n's Brevo Trigger: left inactive (activating registers a webhook in your Brevo account; pick your own n8n Brevo credential first)";
		say(`  ${workflow.name} (${workflow.kept ? 'kept' : 'imported'})\n          ${how}`);
	}

	// The webhook + poll example polls the same meetings as the polling example: with both active,
	// a meeting would get its follow-ups from each (each workflow keeps its own record).
	const leaveSafetyNetsInactive = async () => {
		for (const workflow of workflows) if (workflow.trigger.kind === 'webhook' && workflow.trigger.polls) await client.deactivateWorkflow(workflow.id);
	};
	let ok = true;
	if (accounts.sim) {
		say('delivering signed Zoom events (webinar.ended, meeting.ended, recording.completed, webinar.registration_created)');
		const deliveries = await deliverDemoEvents(accounts.sim, client, workflows);
		await leaveSafetyNetsInactive();
		const polling = workflows.find((w) => w.trigger.kind === 'poll');
		const registration = workflows.find((w) => w.trigger.kind === 'manual');
		if (registration) deliveries.push(await runRegistrationExample(accounts.sim, client, registration));
		if (polling) deliveries.push(await endMeetingForPoll(accounts.sim, client, polling, say));
		ok = reportDemo(accounts.sim, deliveries, { deliveredBefore: state.record.deliveredAt }, say);
		// The simulator is the same each run: once its events went through, a later run's follow-ups
		// are re-sends, which must not reach anyone.
		if (ok && !state.record.deliveredAt) {
			state.record.deliveredAt = new Date().toISOString();
			state.save(state.record);
		}
	} else {
		await leaveSafetyNetsInactive();
		say('real accounts: Zoom sends the events itself once the URLs above are in your Zoom app (they must be reachable from the internet: set N8N_WEBHOOK_URL to your public address)');
	}

	if (exitWhenDone) {
		await stop();
		say(ok ? 'done: everything happened' : 'FAILED: see above');
		return ok;
	}
	say('');
	say(`n8n editor: ${started.n8n.baseUrl}   login: ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
	say(`n8n's log (Log API Calls writes here): ${state.logFile}`);
	say(`Ctrl-C stops n8n and the simulator; n8n's data stays in ${state.dir} for the next \`npm start\`.`);
	await new Promise(() => undefined);
	return ok;
}

/** Exits only after n8n, the simulator and the temp files are gone — also when main() failed. */
async function finish(code: number): Promise<never> {
	try {
		await stopDemo?.();
	} catch (error) {
		console.error('[start] stopping failed:', error);
		code = 1;
	}
	process.exit(code);
}

main().then(
	async (ok) => await finish(ok ? 0 : 1),
	async (error: unknown) => {
		console.error('[start] FAILED:', error);
		await finish(1);
	},
);
