/**
 * `npm run bench`: the figures the issues ask for, printed as a table. Speed is measured here, not
 * asserted in tests; machines are shared and noisy, so compare ratios within one run.
 *   --quick             smaller sizes and only n8n's default settings and lazy isolates for the
 *                       trigger (used by CI to prove the script runs)
 *   --trigger-only      only the Zoom Trigger vs Webhook node tables (skips Zoom to Brevo)
 *   --poll-only         only the Zoom Scheduled Trigger: calls per poll (1, 50 and 500 hosts; quick:
 *                       1 and 10) and, not in quick, a meeting's end to Brevo in real n8n
 *   --engagement-only   only the engagement and lead-score table (a webinar of about 10 000
 *                       attendees; quick: about 1 000)
 *   --registration-only only the Register Contacts table (1 000 people; quick: 100)
 *   --sync-only         only the Zoom to Brevo sync table (10 000 people; quick: 1 000)
 *   --memory-only       only the Zoom to Brevo memory table (100 000 people, 5 runs of each mode,
 *                       each in a fresh process; quick: 10 000 people, 1 run)
 *   --settings=a,b      only these n8n settings for the trigger (names in TRIGGER_BENCH_SETTINGS,
 *                       scripts/bench/trigger.ts); default: all of them, or the quick ones
 */
import * as os from 'node:os';

import { removeTempDirs } from '../test/e2e/harness';
import { removeHarnessUserFolder } from '../test/harness/env';
import { benchPollLatency, pollLatencyTable } from './bench/pollLatency';
import { benchPollTrigger } from './bench/pollTrigger';
import { benchOneByOne, benchThreeItemsFree } from './bench/rateBudget';
import { benchTrigger, settingsSummaryTable, TRIGGER_BENCH_SETTINGS, type TriggerSettingName, type TriggerSummary } from './bench/trigger';
import { benchMemory, benchZoomToBrevo, type Row } from './bench/zoomToBrevo';
import { benchEngagement } from './bench/engagement';
import { benchRegistration } from './bench/registration';

const quick = process.argv.includes('--quick');
const triggerOnly = process.argv.includes('--trigger-only');
const pollOnly = process.argv.includes('--poll-only');
const engagementOnly = process.argv.includes('--engagement-only');
const registrationOnly = process.argv.includes('--registration-only');
const syncOnly = process.argv.includes('--sync-only');
const memoryOnly = process.argv.includes('--memory-only');
const settingsArg = process.argv.find((arg) => arg.startsWith('--settings='))?.slice('--settings='.length);

function triggerSettings(): TriggerSettingName[] {
	const all = Object.keys(TRIGGER_BENCH_SETTINGS) as TriggerSettingName[];
	if (settingsArg === undefined) return all.filter((name) => !quick || TRIGGER_BENCH_SETTINGS[name].quick);
	const asked = settingsArg.split(',').filter(Boolean);
	const unknown = asked.filter((name) => !(all as string[]).includes(name));
	if (unknown.length > 0) throw new Error(`unknown trigger setting(s) ${unknown.join(', ')}; known: ${all.join(', ')}`);
	return asked as TriggerSettingName[];
}

function print(title: string, rows: Row[]) {
	console.log(`\n## ${title}\n`);
	console.log('| figure | value | goal |');
	console.log('|---|---|---|');
	for (const row of rows) console.log(`| ${row.figure} | ${row.value} | ${row.goal ?? ''} |`);
}

/** About half of a webinar's registrants attend in the simulator: 20 400 give about 10 000. */
async function engagementTable(): Promise<[string, Row[]]> {
	return [
		`Zoom to Brevo: engagement and lead score, a webinar of ${quick ? 'about 1 000' : 'about 10 000'} attendees with polls, Q&A and survey, Zoom Pro limits`,
		await benchEngagement(quick ? 2_040 : 20_400),
	];
}

async function syncTable(): Promise<[string, Row[]]> {
	return [
		quick ? 'Zoom to Brevo: 1 500 rows / 1 000 people, Zoom Pro limits' : 'Zoom to Brevo: 15 000 rows / 10 000 people, Zoom Pro limits',
		await benchZoomToBrevo(quick ? 1_500 : 15_000, quick ? 1_000 : 10_000),
	];
}

async function memoryTable(): Promise<[string, Row[]]> {
	return ['Zoom to Brevo: memory', await benchMemory(quick ? 10_000 : 100_000, quick ? 1 : 5)];
}

async function registrationTable(): Promise<[string, Row[]]> {
	const people = quick ? 100 : 1_000;
	return [`Zoom to Brevo: Register Contacts, ${people} people for a webinar, Zoom Pro limits`, await benchRegistration(people)];
}

async function main() {
	console.log(`# n8n-nodes-zoom-brevo benchmark${quick ? ' (quick)' : ''}`);
	console.log(`\n${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
	if (engagementOnly) {
		print(...(await engagementTable()));
		return;
	}
	if (registrationOnly) {
		print(...(await registrationTable()));
		return;
	}
	if (syncOnly) {
		print(...(await syncTable()));
		return;
	}
	if (memoryOnly) {
		print(...(await memoryTable()));
		return;
	}
	if (!triggerOnly) {
		const hosts = quick ? [1, 10] : [1, 50, 500];
		console.log(`\n## Zoom Scheduled Trigger: Zoom calls per scheduled poll (${hosts.join(', ')} chosen hosts, Zoom Pro limits)\n`);
		console.log(await benchPollTrigger(hosts, 700));
		if (!quick) {
			// Minutes of real polling: the full benchmark only.
			console.log("\n## Zoom Scheduled Trigger in real n8n: a meeting's end to its people in Brevo (Every Minute, Batch Import)\n");
			console.log(pollLatencyTable(await benchPollLatency()));
		}
	}
	if (pollOnly) return;
	if (!triggerOnly) {
		print(...(await syncTable()));
		print(...(await memoryTable()));
		print(...(await engagementTable()));
		print(...(await registrationTable()));
		print('Zoom to Brevo: one rate budget per execution (requests per sliding second)', [
			...(await benchThreeItemsFree()),
			...(await benchOneByOne(quick ? 100 : 1_000)),
		]);
	}
	const summaries: TriggerSummary[] = [];
	for (const setting of triggerSettings()) {
		const { rows, summary } = await benchTrigger(setting, quick ? 50 : 100, quick ? 2 : 3, 8);
		print(`Zoom Trigger vs Webhook node in real n8n (${TRIGGER_BENCH_SETTINGS[setting].title})`, rows);
		summaries.push(summary);
	}
	console.log("\n## Zoom Trigger under each n8n setting (ratios within each setting's own run)\n");
	console.log(settingsSummaryTable(summaries));
}

/** Whatever happened: the real n8n's temp folders and n8n-core's user folder go. */
async function mainAndCleanUp() {
	try {
		await main();
	} finally {
		removeTempDirs();
		removeHarnessUserFolder();
	}
}

mainAndCleanUp().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error('benchmark failed:', error);
		process.exit(1);
	},
);
