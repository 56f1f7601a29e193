/**
 * Starts the Zoom + Brevo simulator on its own, for the demo, the benchmark or trying the nodes by
 * hand in a local n8n:  npx tsx scripts/simulator.ts [--port 4010] [--seed 42]
 *   [--large-rows 15000 --large-people 10000] [--plan free|pro|business] [--token-ttl 3600]
 *
 * Prints where everything is and the credentials to paste into n8n, then a single line
 * `SIMULATOR_READY {json}` for scripts. Stops cleanly on SIGINT / SIGTERM.
 */
import { makeFixture, SIM_DEFAULTS, startSimulator, type SimulatorOptions } from '../test/simulator';

function flag(name: string): string | undefined {
	const args = process.argv.slice(2);
	const i = args.indexOf(`--${name}`);
	if (i >= 0) return args[i + 1];
	const inline = args.find((a) => a.startsWith(`--${name}=`));
	return inline?.slice(name.length + 3);
}

function numberFlag(name: string): number | undefined {
	const value = flag(name);
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) throw new Error(`--${name} needs a number, got "${value}"`);
	return n;
}

async function main(): Promise<void> {
	const plan = flag('plan') as NonNullable<SimulatorOptions['zoom']>['plan'];
	const fixture = makeFixture({
		seed: numberFlag('seed'),
		largeMeeting: { rows: numberFlag('large-rows'), people: numberFlag('large-people') },
	});
	const sim = await startSimulator({
		port: numberFlag('port') ?? 0,
		fixture,
		zoom: { plan, tokenTtlSeconds: numberFlag('token-ttl') },
	});

	const info = {
		pid: process.pid,
		url: sim.url,
		zoomApiBaseUrl: sim.zoomApiBaseUrl,
		zoomOAuthBaseUrl: sim.zoomOAuthBaseUrl,
		brevoApiBaseUrl: sim.brevoApiBaseUrl,
		credentials: { ...sim.credentials, zoomWebhookSecretToken: SIM_DEFAULTS.zoom.webhookSecretToken },
		ids: fixture.ids,
	};
	const lines = [
		'Zoom + Brevo simulator (127.0.0.1 only)',
		`  Zoom API        ${info.zoomApiBaseUrl}`,
		`  Zoom OAuth      ${info.zoomOAuthBaseUrl}/oauth/token  (authorize: ${info.zoomOAuthBaseUrl}/oauth/authorize)`,
		`  Brevo API       ${info.brevoApiBaseUrl}`,
		'',
		'  Zoom S2S        account id ' + sim.credentials.zoom.accountId,
		'                  client id  ' + sim.credentials.zoom.clientId,
		'                  secret     ' + sim.credentials.zoom.clientSecret,
		'  Zoom user OAuth client id  ' + sim.credentials.zoomUser.clientId,
		'                  secret     ' + sim.credentials.zoomUser.clientSecret,
		'  Webhook secret token       ' + SIM_DEFAULTS.zoom.webhookSecretToken,
		'  Brevo api-key              ' + sim.credentials.brevo.apiKey,
		'',
		`  Meetings: recurring ${fixture.ids.recurringMeetingId}, large ${fixture.ids.largeMeetingId} (${fixture.zoom.meetings[1].instances[0].stats.rows} rows), webinar ${fixture.ids.webinarId}`,
		`  Brevo lists: ${fixture.ids.brevoListIds.join(', ')}`,
		'',
		'Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	process.stdout.write(`SIMULATOR_READY ${JSON.stringify(info)}\n`);

	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping simulator\n`);
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
