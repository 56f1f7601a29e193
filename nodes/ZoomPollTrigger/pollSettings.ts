/**
 * The poll trigger's settings, each checked before the first Zoom call: an expression can put
 * anything into a field, and a poll that fails on it would fail again at every tick.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomCredentialType } from '../shared/zoomApi';
import { ZOOM_PLAN_OPTIONS } from '../shared/zoomChoices';
import type { ZoomPlan } from '../shared/zoomPacer';

export interface PollSettings {
	credentialType: ZoomCredentialType;
	event: 'meeting.ended' | 'webinar.ended';
	/** Zoom user IDs or emails; `me` is the credential's user (the app's owner for Server-to-Server). */
	hosts: string[];
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
	const event = oneOf(context, 'event', 'Event', ['meeting.ended', 'webinar.ended'] as const, 'meeting.ended');
	const scope = authentication === 'serverToServer' ? oneOf(context, 'scope', 'Hosts', ['me', 'chosenHosts'] as const, 'me') : 'me';
	let hosts = ['me'];
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
	const startRaw = context.getNodeParameter('startFrom', '') as unknown;
	let startFromMs: number | undefined;
	if (startRaw !== '' && startRaw !== undefined && startRaw !== null) {
		startFromMs = typeof startRaw === 'string' || typeof startRaw === 'number' ? new Date(startRaw).getTime() : Number.NaN;
		if (Number.isNaN(startFromMs)) {
			refuse(context, 'Start From is not a date', `It is ${JSON.stringify(startRaw)}. Pick a date and time, or leave it empty to start from activation.`);
		}
	}
	const zoomPlan = oneOf(context, 'zoomPlan', 'Zoom Plan', ZOOM_PLAN_OPTIONS.map((o) => o.value), 'pro');
	return {
		credentialType: authentication === 'serverToServer' ? 'zoomServerToServerOAuthApi' : 'zoomUserOAuth2Api',
		event,
		hosts,
		startFromMs,
		zoomPlan,
	};
}
