import type { IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { ZOOM_EVENTS } from './eventCatalogue';

/** Headers that may be logged or shown: anything that authenticates is left out. */
const HIDDEN_HEADERS = new Set([
	'authorization',
	'cookie',
	'x-zm-signature',
	'proxy-authorization',
	'x-api-key',
]);

export function safeHeaders(headers: Record<string, unknown>): IDataObject {
	const kept: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (!HIDDEN_HEADERS.has(name.toLowerCase())) kept[name] = value as IDataObject[string];
	}
	return kept;
}

/** The webhook secret cannot be checked against Zoom (Zoom only uses it to sign), so the test
 *  catches the mistakes people make when copying it. */
export function describeSecretToken(secretToken: unknown): INodeCredentialTestResult {
	if (typeof secretToken !== 'string' || secretToken.trim() === '') {
		return { status: 'Error', message: 'The Secret Token is empty. Copy it from your Zoom app: Features → Access → Secret Token.' };
	}
	if (secretToken !== secretToken.trim() || /\s/.test(secretToken)) {
		return { status: 'Error', message: 'The Secret Token contains spaces or line breaks. Copy it again without them.' };
	}
	if (secretToken.length < 16) {
		return {
			status: 'Error',
			message: `The Secret Token has ${secretToken.length} characters; Zoom's have 22. Check you copied the Secret Token, not the Verification Token or the Client ID.`,
		};
	}
	return {
		status: 'OK',
		message: 'The Secret Token looks right. Zoom will confirm it when it validates the URL.',
	};
}

/** What to do by hand when automatic registration is not possible (no permission, an app type
 *  without the event-subscription API, ...). */
export function manualSetupSteps(nodeName: string, webhookUrl: string, events: string[], why: string): string {
	return [
		`Zoom Trigger "${nodeName}" could not register its event subscription with Zoom: ${why}`,
		'The workflow is active; to receive events, add the subscription by hand:',
		'1. Zoom App Marketplace → Manage → your app → Features → Access → Event Subscription → Add New Event Subscription.',
		`2. Event notification endpoint URL: ${webhookUrl}`,
		`3. Add these events: ${events.join(', ')}.`,
		"4. Save (Zoom validates the URL at once), and copy the app's Secret Token into the node's Zoom Webhook Secret credential.",
	].join('\n');
}

/** Timestamp Tolerance as the editor allows it: 30 s to one hour. */
export const TOLERANCE_RANGE = { min: 30, max: 3600, default: 300 };

export type TriggerSettings = { ok: true; secretToken: string; toleranceSeconds: number } | { ok: false; problem: string };

/**
 * The two settings the signature check depends on, checked before any delivery is read: an empty
 * secret would make every HMAC "valid" for anyone, and a tolerance that is not a number would turn
 * the replay window off. The problem names the setting, never its value.
 */
export function checkTriggerSettings(secretToken: unknown, tolerance: unknown, events: unknown): TriggerSettings {
	const known = new Set(ZOOM_EVENTS.map((option) => String(option.value)));
	const unknown = Array.isArray(events) ? events.filter((event) => !known.has(String(event))) : [];
	if (!Array.isArray(events) || events.length === 0 || unknown.length > 0) {
		return {
			ok: false,
			problem: `Events ${Array.isArray(events) && events.length > 0 ? `has values the trigger does not offer (${unknown.map(String).join(', ')})` : 'is empty'}. Pick events from the list, or "Any Event".`,
		};
	}
	if (typeof secretToken !== 'string' || secretToken.trim() === '') {
		return { ok: false, problem: "the Secret Token of its Zoom Webhook Secret credential is empty. Copy it from your Zoom app (Features → Access → Secret Token)." };
	}
	const seconds = tolerance === undefined || tolerance === null || tolerance === '' ? TOLERANCE_RANGE.default : typeof tolerance === 'string' ? Number(tolerance.trim()) : tolerance;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < TOLERANCE_RANGE.min || seconds > TOLERANCE_RANGE.max) {
		return {
			ok: false,
			problem: `Options → Timestamp Tolerance (Seconds) is not a number from ${TOLERANCE_RANGE.min} to ${TOLERANCE_RANGE.max}. Set a number (default ${TOLERANCE_RANGE.default}).`,
		};
	}
	return { ok: true, secretToken, toleranceSeconds: seconds };
}
