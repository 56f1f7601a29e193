/**
 * Zoom Scheduled Trigger: what one scheduled poll costs in Zoom calls, by rate category, for chosen
 * hosts, through the harness's PollSession (n8n-core's PollContext and PollTriggerExecutor) against
 * the simulator at Zoom Pro limits on a clock that follows real time (the node paces by real time).
 * Each host has one meeting and one webinar (one past instance) in the window a poll reads, one
 * upcoming webinar with one registrant, or one recorded meeting; one more case gives a single host
 * 700 meetings there, which the report returns in pages of 300; one more polls Every User of the
 * Account instead of chosen hosts, on an account of exactly that many active users (the fixture's
 * three included). Meeting Ended reads one report per host for one or two hosts, and one listing
 * of the account's ended meetings (pages of 300) from three hosts or Every User on (issue #25).
 * Polled every minute: the activation is refused if a day of such polls exceeds Pro's daily limit.
 */
import { setTimeout } from 'node:timers/promises';

import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { pollsPerDay } from '../../nodes/ZoomPollTrigger/pollBudget';
import { ZoomPollTrigger } from '../../nodes/ZoomPollTrigger/ZoomPollTrigger.node';
import { PollSession } from '../../test/harness';
import { simCredentials } from '../../test/simCredentials';
import { PLAN_DAILY_LIMITS, startSimulator } from '../../test/simulator';
import { HOUR, LiveClock, MINUTE } from '../../test/simulator/clock';
import { zoomRequestsByCategory } from '../../test/simulator/slidingWindow';
import { addHost, endMeeting, endWebinar, recordingCompletes, register, scheduleWebinar } from '../../test/simulator/timeline';
import { seconds } from './measure';

export interface PollCost {
	event: 'meeting.ended' | 'webinar.ended' | 'webinar.registration_created' | 'recording.completed';
	hosts: number;
	/** Hosts: Every User of the Account (`hosts` counts the users listed) instead of Chosen Hosts. */
	everyUser: boolean;
	/** Meetings (Meeting Ended), webinars (Webinar Ended), upcoming webinars with a registrant (New
	 *  Webinar Registrant) or recorded meetings (Recording Completed) each host has in the window read. */
	perHost: number;
	light: number;
	medium: number;
	heavy: number;
	/** Token requests (not rate-limited API calls). */
	tokens: number;
	/** Wall time of the measured poll (paced to Zoom Pro's per-second limits). */
	ms: number;
}

export async function benchPollCost(event: PollCost['event'], hosts: number, perHost = 1, everyUser = false): Promise<PollCost> {
	const clock = new LiveClock();
	// Pro's per-second limits; the daily limit out of the way, so the figures are the calls asked for.
	const sim = await startSimulator({ now: clock.now, zoom: { dailyLimit: 10_000_000 } });
	try {
		// Every User of the Account: `hosts` active users in all, the fixture's own included.
		const added = everyUser ? hosts - sim.zoom.users.filter((u) => u.status === 'active').length : hosts;
		const people = Array.from({ length: added }, (_, i) => addHost(sim.zoom, `Poll Host${i}`));
		for (const host of people) {
			for (let i = 0; i < perHost; i++) {
				const at = { host, start: clock.iso(-2 * HOUR - i * MINUTE), end: clock.iso(-HOUR - i * MINUTE) };
				if (event === 'meeting.ended') endMeeting(sim.zoom, at);
				else if (event === 'webinar.ended') endWebinar(sim.zoom, at);
				else if (event === 'webinar.registration_created') register({ webinar: scheduleWebinar(sim.zoom, { host, start: clock.iso(2 * 24 * HOUR + i * MINUTE) }), at: at.start });
				else recordingCompletes(sim.zoom, { ...endMeeting(sim.zoom, at), at: at.end });
			}
		}
		const session = new PollSession({
			nodeType: new ZoomPollTrigger(),
			// Every minute: the node refuses an activation whose polls a day exceed Pro's daily Heavy limit.
			parameters: {
				authentication: 'serverToServer',
				event,
				...(everyUser ? { scope: 'allUsers' } : { scope: 'chosenHosts', hostList: people.map((h) => h.email).join(', ') }),
				zoomPlan: 'pro',
				pollTimes: { item: [{ mode: 'everyMinute' }] },
			},
			credentialTypes: [new ZoomServerToServerOAuthApi()],
			credentials: { 'Zoom S2S': { type: 'zoomServerToServerOAuthApi', data: simCredentials.zoomS2S(sim) } },
		});
		const activation = await session.activate();
		if (activation.error) throw activation.error;
		// Scheduled polls are a minute apart at least: the activation poll's calls leave Zoom's window first.
		await setTimeout(1_100);
		sim.clearRequests();
		const started = performance.now();
		const poll = await session.poll();
		const ms = performance.now() - started;
		if (poll.error) throw poll.error;
		const zoom = sim.requests.filter((r) => r.service === 'zoom');
		const byCategory = zoomRequestsByCategory(zoom.filter((r) => !r.path.includes('/oauth/')));
		const rateLimited = zoom.filter((r) => r.status === 429).length;
		if (rateLimited > 0) throw new Error(`${rateLimited} answers were 429 (${zoom.filter((r) => r.status === 429).map((r) => r.path).join(', ')}): the poll was not paced to Zoom Pro limits`);
		return {
			event,
			hosts: everyUser ? sim.zoom.users.filter((u) => u.status === 'active').length : hosts,
			everyUser,
			perHost,
			light: byCategory.light?.length ?? 0,
			medium: byCategory.medium?.length ?? 0,
			heavy: byCategory.heavy?.length ?? 0,
			tokens: zoom.filter((r) => r.path.includes('/oauth/')).length,
			ms,
		};
	} finally {
		await sim.close();
	}
}

/** The shortest Every X (minutes, then hours) whose Heavy calls a day stay within `limit`. */
function shortestEveryX(heavyPerPoll: number, limit: number): string {
	if (heavyPerPoll === 0) return 'every 1 min';
	for (const unit of ['minutes', 'hours'] as const) {
		for (let value = 1; value <= (unit === 'minutes' ? 60 : 24); value++) {
			if ((pollsPerDay([{ mode: 'everyX', value, unit }]) as number) * heavyPerPoll <= limit) return `every ${value} ${unit === 'minutes' ? 'min' : 'h'}`;
		}
	}
	return 'none';
}

const EVENT_NAMES: Record<PollCost['event'], string> = {
	'meeting.ended': 'Meeting Ended',
	'webinar.ended': 'Webinar Ended',
	'webinar.registration_created': 'New Webinar Registrant',
	'recording.completed': 'Recording Completed',
};

/** The table `npm run bench` prints: calls per poll and what a day of polls spends of Zoom's daily Heavy limit. */
export async function benchPollTrigger(hostCounts: number[], pagedMeetings: number): Promise<string> {
	const costs: PollCost[] = [];
	for (const hosts of hostCounts) costs.push(await benchPollCost('meeting.ended', hosts));
	if (pagedMeetings > 0) costs.push(await benchPollCost('meeting.ended', 1, pagedMeetings));
	costs.push(await benchPollCost('meeting.ended', Math.max(...hostCounts), 1, true));
	for (const hosts of hostCounts) costs.push(await benchPollCost('webinar.ended', hosts));
	for (const hosts of hostCounts) costs.push(await benchPollCost('webinar.registration_created', hosts));
	for (const hosts of hostCounts) costs.push(await benchPollCost('recording.completed', hosts));
	const daily = (heavy: number, plan: 'pro' | 'business') => {
		const perDay = heavy * 24 * 60;
		return heavy === 0 ? '0' : `${perDay.toLocaleString('en-US').replace(/,/g, ' ')} (${((100 * perDay) / PLAN_DAILY_LIMITS[plan]).toFixed(0)} %)`;
	};
	const lines = [
		'| event | hosts | meetings, webinars or recordings per host in the window | Light | Medium | Heavy | token requests | poll wall time (Pro pacing) | Heavy a day, polled every minute (% of Pro 30 000) | same (% of Business+ 60 000) | shortest Every X within Pro / Business+ |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const c of costs) {
		lines.push(
			`| ${EVENT_NAMES[c.event]}${c.everyUser ? ' (every user)' : ''} | ${c.hosts} | ${c.perHost} | ${c.light} | ${c.medium} | ${c.heavy} | ${c.tokens} | ${seconds(c.ms)} | ${daily(c.heavy, 'pro')} | ${daily(c.heavy, 'business')} | ${shortestEveryX(c.heavy, PLAN_DAILY_LIMITS.pro)} / ${shortestEveryX(c.heavy, PLAN_DAILY_LIMITS.business)} |`,
		);
	}
	return lines.join('\n');
}
