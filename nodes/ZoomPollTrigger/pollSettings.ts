/**
 * The poll trigger's settings, each checked before the first Zoom call: an expression can put
 * anything into a field, and a poll that fails on it would fail again at every tick.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { ZoomCredentialType } from '../shared/zoomApi';
import { ZOOM_PLAN_OPTIONS } from '../shared/zoomChoices';
import type { ZoomPlan } from '../shared/zoomPacer';

/** The events the trigger polls for, named as the Zoom Trigger's webhook events. */
export const POLL_EVENTS = ['meeting.ended', 'webinar.ended', 'webinar.registration_created', 'recording.completed'] as const;
export type PollEvent = (typeof POLL_EVENTS)[number];

export interface PollSettings {
	credentialType: ZoomCredentialType;
	event: PollEvent;
	/**
	 * Zoom user IDs or emails; `me` is the credential's user (the app's owner for Server-to-Server).
	 * Empty with `everyUser`: the account's users are listed at each poll (accountUsers.ts).
	 */
	hosts: string[];
	/** Hosts: Every User of the Account (Server-to-Server only). */
	everyUser: boolean;
	/** New Webinar Registrant: the chosen webinars' numeric IDs; empty means every upcoming webinar of the hosts. */
	webinarIds: string[];
	startFromMs?: number;
	zoomPlan: ZoomPlan;
}

function refuse(context: IPollFunctions, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
}

function oneOf<T extends string>(context: IPollFunctions, name: string, label: string, allowed: readonly T[], fallback: T): T {
	const value = context.getNodeParameter(name, fallback) as unknown;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	return refuse(context, `${label} must be one of: ${allowed.join(', ')}`, `It is ${JSON.stringify(value)}. Pick a value from the list instead of an expression.`);
}

export function readPollSettings(context: IPollFunctions): PollSettings {
	const authentication = oneOf(context, 'authentication', 'Authentication', ['serverToServer', 'userOAuth2'] as const, 'serverToServer');
	const event = oneOf(context, 'event', 'Event', POLL_EVENTS, 'meeting.ended');
	const scope = authentication === 'serverToServer' ? oneOf(context, 'scope', 'Hosts', ['me', 'chosenHosts', 'allUsers'] as const, 'me') : 'me';
	let hosts = scope === 'allUsers' ? [] : ['me'];
	if (scope === 'chosenHosts') {
		const raw = context.getNodeParameter('hostList', '') as unknown;
		hosts = (typeof raw === 'string' ? raw : '').split(/[\s,;]+/).map((h) => h.trim()).filter(Boolean);
		if (hosts.length === 0) {
			refuse(context, 'Host List is empty', 'Enter the email or Zoom user ID of each host whose meetings start the workflow, separated by commas.');
		}
		// Emails are case-blind, Zoom user IDs are not: drop repeats without changing either.
		const keyOf = (h: string) => (h.includes('@') ? h.toLowerCase() : h);
		hosts = hosts.filter((h, i) => hosts.findIndex((other) => keyOf(other) === keyOf(h)) === i);
	}
	const webinarIds = event === 'webinar.registration_created' ? readWebinarIds(context) : [];
	const startFromMs = readStartFrom(context);
	const zoomPlan = oneOf(context, 'zoomPlan', 'Zoom Plan', ZOOM_PLAN_OPTIONS.map((o) => o.value), 'pro');
	return {
		credentialType: authentication === 'serverToServer' ? 'zoomServerToServerOAuthApi' : 'zoomUserOAuth2Api',
		event,
		hosts,
		everyUser: scope === 'allUsers',
		webinarIds,
		startFromMs,
		zoomPlan,
	};
}

/**
 * Start From, in the workflow's time zone (its settings, else n8n's default, as `getTimezone()`
 * gives it), as n8n's date picker writes a time without an offset. A time with an offset or `Z`
 * (an expression's ISO string, an RFC 2822 or HTTP date) keeps it; a number is milliseconds since
 * 1970. Anything else is refused: reading it in the server's time zone would move it by hours.
 */
function readStartFrom(context: IPollFunctions): number | undefined {
	const raw = context.getNodeParameter('startFrom', '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	const zone = context.getTimezone();
	let at: DateTime | undefined;
	if (typeof raw === 'number') at = DateTime.fromMillis(raw);
	else if (raw instanceof Date) at = DateTime.fromJSDate(raw);
	else if (DateTime.isDateTime(raw)) at = raw;
	else if (typeof raw === 'string') {
		const text = raw.trim();
		for (const parse of [DateTime.fromISO, DateTime.fromSQL, DateTime.fromRFC2822, DateTime.fromHTTP]) {
			const parsed = parse(text, { zone });
			if (parsed.isValid) {
				at = parsed;
				break;
			}
		}
	}
	if (!at?.isValid) {
		return refuse(
			context,
			'Start From is not a date',
			`It is ${JSON.stringify(raw)}. Pick a date and time (read in the workflow's time zone, ${zone}), write one as 2026-03-01T09:00 or with an offset (2026-03-01T09:00+01:00), or leave it empty to start from activation.`,
		);
	}
	return at.toMillis();
}

/** Fetch Test Event reads one host: the first of Host List, or the app's owner (Every User of the Account, no listing). */
export function testEventHosts(settings: Pick<PollSettings, 'hosts' | 'everyUser'>): string[] {
	return settings.everyUser || settings.hosts.length === 0 ? ['me'] : [settings.hosts[0]];
}

/**
 * Webinars: numeric IDs as Zoom shows them ("857 4606 5432" too), separated by commas. A UUID or a
 * join link would list nothing and fail at every poll, so it is refused here, naming the entry.
 */
function readWebinarIds(context: IPollFunctions): string[] {
	const raw = context.getNodeParameter('webinarIds', '') as unknown;
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		return refuse(context, 'Webinars must be text', `It is ${JSON.stringify(raw)}. Enter webinar IDs separated by commas, or leave it empty for every upcoming webinar.`);
	}
	const ids: string[] = [];
	for (const entry of String(raw).split(/[,;\n]+/).map((e) => e.trim()).filter(Boolean)) {
		const id = entry.replace(/\s+/g, '');
		if (!/^\d{6,15}$/.test(id)) {
			refuse(context, `Webinars: "${entry}" is not a webinar ID`, "Enter each webinar's numeric ID as Zoom shows it (e.g. 857 4606 5432), separated by commas, or leave it empty for every upcoming webinar of the hosts.");
		}
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}
