/**
 * Would the schedule exhaust Zoom's daily limit? Meeting Ended spends at least one Heavy call per
 * host at every poll (one or two hosts), or one for the whole account (Every User of the Account,
 * or ACCOUNT_LISTING_FROM_HOSTS chosen hosts or more: one listing, accountMeetings.ts), and Heavy calls share one daily budget per account (every app, every
 * workflow). A schedule that needs more than the whole budget fails every poll from some hour on
 * until midnight UTC, and takes the rest of the account's Heavy calls with it, so it is refused
 * before the first call: at activation, n8n then refuses to activate the workflow.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomPlan } from '../shared/zoomPacer';
import type { PollSettings } from './pollSettings';

/**
 * From how many chosen hosts Meeting Ended lists the account instead of reading each host. Both
 * reads are Heavy with pages of 300: per host, **H** calls a poll (one page each, while a host has
 * fewer than 300 meetings in the days a poll reads); the account listing, **⌈M / 300⌉** calls for the
 * *M* meetings the whole account ended in those days (about three UTC days: a day back for the
 * date filter's time zone, the 24-hour lookback, to tomorrow), plus Medium calls that have no daily
 * cap. One or two hosts cost at most 2 Heavy calls, which the listing matches as soon as the
 * account ends more than 300 meetings in those days; from 3 on, the listing costs fewer unless the
 * account ends more than 600 (200 a day) — and it does not grow with the hosts.
 */
export const ACCOUNT_LISTING_FROM_HOSTS = 3;

/** Whether this poll lists the account's ended meetings (one listing) rather than each host's. */
export function usesAccountListing(settings: Pick<PollSettings, 'event' | 'hosts' | 'everyUser'>): boolean {
	if (settings.event !== 'meeting.ended') return false;
	if (settings.everyUser) return true;
	// `me` is no email and no user ID of the list: its meetings are read per host.
	return settings.hosts.length >= ACCOUNT_LISTING_FROM_HOSTS && !settings.hosts.includes('me');
}

/** Heavy (and Resource-intensive) calls per account and UTC day, from Zoom's rate-limit table. */
export const DAILY_HEAVY_LIMIT: Record<ZoomPlan, number> = { free: 1_000, pro: 30_000, business: 60_000 };

const PLAN_NAME: Record<ZoomPlan, string> = { free: 'Free', pro: 'Pro', business: 'Business or higher' };

/** One entry of n8n's Poll Times (`pollTimes.item`), as n8n-workflow's toCronExpression reads it. */
export interface PollTime {
	mode?: string;
	value?: number;
	unit?: string;
	cronExpression?: string;
}

/** n8n's default Poll Times for a polling node (n8n-core's commonPollingParameters). */
const DEFAULT_POLL_TIMES: PollTime[] = [{ mode: 'everyMinute' }];

/** How many values a cron field takes in `[min, max]`; undefined for syntax this does not read. */
function fieldCount(field: string, min: number, max: number): number | undefined {
	const values = new Set<number>();
	for (const part of field.split(',')) {
		const match = /^(\*|\d+|\d+-\d+)(?:\/(\d+))?$/.exec(part);
		if (!match) return undefined;
		const [, range, stepText] = match;
		const step = stepText === undefined ? 1 : Number(stepText);
		if (step < 1) return undefined;
		const [from, end] = range === '*' ? [min, max] : range.split('-').map(Number);
		// `5` is one value, `5/15` runs from 5 to the field's end (cron's reading).
		const to = end ?? (stepText === undefined ? from : max);
		for (let v = Math.max(from, min); v <= Math.min(to, max); v += step) values.add(v);
	}
	return values.size;
}

/** The most polls a cron expression (5 or 6 fields) can run in one day; undefined if unreadable. */
function cronPollsPerDay(expression: string): number | undefined {
	const fields = expression.trim().split(/\s+/);
	if (fields.length !== 5 && fields.length !== 6) return undefined;
	const [seconds, minutes, hours] = fields.length === 6 ? fields : ['0', ...fields];
	const counts = [fieldCount(seconds, 0, 59), fieldCount(minutes, 0, 59), fieldCount(hours, 0, 23)];
	return counts.every((c) => c !== undefined) ? counts.reduce<number>((a, c) => a * (c as number), 1) : undefined;
}

/**
 * The most polls n8n runs in one day on these Poll Times (each entry is its own schedule, so
 * they add up), or undefined when an entry cannot be read (then nothing is refused).
 */
export function pollsPerDay(items: PollTime[]): number | undefined {
	let total = 0;
	for (const item of items) {
		let perDay: number | undefined;
		if (item.mode === 'everyMinute') perDay = 24 * 60;
		else if (item.mode === 'everyHour') perDay = 24;
		else if (item.mode === 'everyDay' || item.mode === 'everyWeek' || item.mode === 'everyMonth') perDay = 1;
		else if (item.mode === 'everyX' && typeof item.value === 'number' && item.value >= 1) {
			// n8n writes `*/value` into the minute (or hour) field: it fires at 0, value, 2 × value, ...
			if (item.unit === 'minutes') perDay = 24 * Math.ceil(60 / item.value);
			else if (item.unit === 'hours') perDay = Math.ceil(24 / item.value);
		} else if (item.mode === 'custom' && typeof item.cronExpression === 'string') perDay = cronPollsPerDay(item.cronExpression);
		if (perDay === undefined) return undefined;
		total += perDay;
	}
	return total;
}

/**
 * Heavy calls one poll makes at least, per event. Only Heavy (and Resource-intensive) calls count
 * toward Zoom's daily limit; Medium and Light ones are paced per second and have no daily cap.
 * - Meeting Ended: one usage report per host (more with pages of 300 or catch-up after downtime);
 *   with the account listing (usesAccountListing), one page of the account's ended meetings, as
 *   many more as the account ends 300 meetings in the days a poll reads, whatever the host count,
 *   plus ⌈users / 300⌉ Medium calls when hosts are found by user ID.
 * - Webinar Ended: none; Medium: one webinar list per host, one past-instance list per webinar.
 * - New Webinar Registrant: none; Medium: one webinar list per host (none when webinars are
 *   chosen), one registrant list per webinar and 300 registrants; for a webinar with new
 *   registrants, Light: its tracking sources (and details, when chosen), Medium: one registrant
 *   list per tracking source that has registrations.
 * - Recording Completed: none; Medium: one recording list per host (more with pages of 300 or
 *   catch-up after downtime), Light: one read of each recording to emit.
 * With Every User of the Account the hosts are the active users listed at that poll, which costs
 * ⌈users / 300⌉ Medium calls more (accountUsers.ts), none of them Heavy.
 */
export function heavyCallsPerPoll(settings: Pick<PollSettings, 'event' | 'hosts' | 'everyUser'>): number {
	switch (settings.event) {
		case 'meeting.ended':
			return usesAccountListing(settings) ? 1 : settings.hosts.length;
		case 'webinar.ended':
		case 'webinar.registration_created':
		case 'recording.completed':
			return 0;
	}
}

/**
 * Heavy calls of one Fetch Test Event (pollEndedMeetings.ts, zoomReads.ts `readRecentMeetings`):
 * Meeting Ended reads one host's report for one month, one page: one call. The other events
 * make none (Medium and Light calls only, listed in heavyCallsPerPoll).
 */
export function testEventHeavyCalls(settings: Pick<PollSettings, 'event'>): number {
	return settings.event === 'meeting.ended' ? 1 : 0;
}

/** The shortest Every X interval whose polls a day fit the limit, in n8n's terms; undefined if none. */
function shortestInterval(perPoll: number, limit: number): string | undefined {
	for (let minutes = 1; minutes <= 60; minutes++) {
		if ((pollsPerDay([{ mode: 'everyX', value: minutes, unit: 'minutes' }]) as number) * perPoll <= limit) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
	}
	for (let hours = 1; hours <= 24; hours++) {
		if ((pollsPerDay([{ mode: 'everyX', value: hours, unit: 'hours' }]) as number) * perPoll <= limit) return `${hours} hour${hours === 1 ? '' : 's'}`;
	}
	return undefined;
}

/**
 * Refuses, before any Heavy call, a schedule whose Heavy calls would exceed the plan's daily limit.
 * Chosen hosts are known from the settings, so this runs before any Zoom call. With Every User of
 * the Account (`listedUsers`), the host count is known only once the account's users are listed (a
 * few Medium calls, which have no daily cap), so the node runs it at each poll after that listing
 * and before the first Heavy call, for an event whose Heavy calls grow with the hosts (none today:
 * Meeting Ended with every user reads the account's listing, one call a poll whatever the count,
 * checked before any call like chosen hosts).
 * `testEvent`: the Heavy calls of a Fetch Test Event, which must fit beside what the schedule plans
 * (with Every User of the Account, whose users a test event does not list, beside nothing).
 */
export function checkDailyBudget(context: IPollFunctions, settings: Pick<PollSettings, 'event' | 'hosts' | 'everyUser' | 'zoomPlan'>, listedUsers = false, testEvent = 0): void {
	const perPoll = heavyCallsPerPoll(settings);
	if (perPoll === 0 && testEvent === 0) return;
	const raw = context.getNodeParameter('pollTimes', { item: DEFAULT_POLL_TIMES }) as { item?: unknown } | undefined;
	const items = Array.isArray(raw?.item) ? (raw.item as PollTime[]) : DEFAULT_POLL_TIMES;
	const polls = pollsPerDay(items);
	if (polls === undefined) return;
	const limit = DAILY_HEAVY_LIMIT[settings.zoomPlan];
	const perDay = polls * perPoll;
	if (perDay + testEvent <= limit) return;
	if (testEvent > 0 && perDay <= limit) {
		const each = usesAccountListing(settings) ? "listing of the account's meetings" : `host${perPoll === 1 ? '' : 's'}`;
		throw new NodeOperationError(context.getNode(), `Fetch Test Event needs ${testEvent} Heavy Zoom call${testEvent === 1 ? '' : 's'}, and this schedule already plans all of Zoom's ${limit} a day (${PLAN_NAME[settings.zoomPlan]} plan)`, {
			description: `The schedule plans ${perDay} Heavy calls a day (${polls} polls × ${perPoll} ${each}). Zoom's daily limit is shared by every app and workflow of the account: poll less often or read fewer hosts, then fetch the test event.`,
		});
	}
	const hosts = settings.hosts.length;
	const interval = shortestInterval(perPoll, limit);
	if (usesAccountListing(settings)) {
		// One listing whatever the hosts: fewer hosts do not help, a longer interval does.
		const fixes = [
			interval ? `poll less often: Poll Times → Every X, every ${interval} or longer` : undefined,
			settings.zoomPlan === 'business' ? undefined : 'set Zoom Plan to the higher plan the account really has',
		].filter(Boolean);
		throw new NodeOperationError(
			context.getNode(),
			`This schedule would use ${perDay} of Zoom's ${limit} Heavy calls a day (${PLAN_NAME[settings.zoomPlan]} plan): ${polls} polls a day × at least 1 call per poll (one listing of the account's ended meetings, for every host)`,
			{ description: `Zoom's daily limit is shared by every app and workflow of the account, and each poll may need more calls (pages of 300 meetings, catch-up after downtime). To fix it: ${fixes.join('; ')}.` },
		);
	}
	const maxHosts = Math.floor(limit / polls);
	const fewerHosts = listedUsers
		? `set Hosts to Chosen Hosts and list ${maxHosts} host${maxHosts === 1 ? '' : 's'} or fewer`
		: `poll ${maxHosts} host${maxHosts === 1 ? '' : 's'} or fewer on this schedule`;
	const fixes = [
		maxHosts >= 1 ? fewerHosts : undefined,
		interval ? `poll less often: Poll Times → Every X, every ${interval} or longer` : undefined,
		settings.zoomPlan === 'business' ? undefined : 'set Zoom Plan to the higher plan the account really has',
		'or split the hosts between workflows on different Zoom accounts',
	].filter(Boolean);
	const counted = listedUsers ? `one per host: the account's ${hosts} active user${hosts === 1 ? '' : 's'}` : `one per host, ${hosts} host${hosts === 1 ? '' : 's'}`;
	const when = listedUsers ? "Hosts is Every User of the Account, so the account's active users are counted at each poll, before any report call. " : '';
	throw new NodeOperationError(
		context.getNode(),
		`This schedule would use ${perDay} of Zoom's ${limit} Heavy calls a day (${PLAN_NAME[settings.zoomPlan]} plan): ${polls} polls a day × ${perPoll} report call${perPoll === 1 ? '' : 's'} per poll (${counted})`,
		{
			description: `${when}Zoom's daily limit is shared by every app and workflow of the account, and each poll may need more calls (pages, catch-up after downtime). To fix it: ${fixes.join('; ')}.`,
		},
	);
}
