/**
 * Why Zoom did not register someone, in words a marketer acts on. Pure: the HTTP status and body
 * of Zoom's answer in, a reason out.
 *
 * Codes and messages (Zoom API reference, "Add a meeting registrant" / "Add a webinar registrant"
 * and their error lists; Zoom's error definitions; the 3-a-day limit per registrant on Zoom's
 * rate-limits page, "per day (UTC) for the same registrant in the same meeting/webinar"):
 * 400/300 validation, 400/3000 registration not required or an unknown occurrence, 404 "Registration
 * has not been enabled for this meeting", 400/3035 and 3043 capacity, 400/3038 the webinar is over,
 * 400/3027 the host, 404/3001 not found, 429 "daily rate limit of (3) ... for the registrant".
 * Batch registration (batch.ts) words registration off for webinars as 400/3000 "Registration not
 * enabled for this webinar" and capacity as 404/3043.
 */

export type RefusalReason =
	| 'daily_limit'
	| 'registration_off'
	| 'full'
	| 'closed'
	| 'invalid'
	| 'bad_occurrence'
	| 'not_found'
	| 'host'
	| 'unconfirmed'
	| 'failed';

export interface Refusal {
	reason: RefusalReason;
	message: string;
	hint: string;
	/** Every other person of the same meeting or webinar would be refused the same way. */
	wholeTarget: boolean;
}

interface ZoomBody {
	code?: number | string;
	message?: string;
	errors?: Array<{ field?: string; message?: string }>;
}

const bodyOf = (body: unknown): ZoomBody => (body && typeof body === 'object' ? (body as ZoomBody) : {});

/** A 429 that waiting a second does not cure: this person's 3 registrations for today are used. */
export function isRegistrantDailyLimit(status: number | undefined, body: unknown): boolean {
	return status === 429 && /registrant/i.test(bodyOf(body).message ?? '');
}

/** This person's 3 registration requests for today are used (Zoom said so, for them or in a batch). */
export function dailyLimitRefusal(kind: 'meeting' | 'webinar'): Refusal {
	return {
		reason: 'daily_limit',
		message: `Zoom's limit of 3 registration requests a day for this person and ${kind} is used up`,
		hint: 'Zoom counts every request for the same email and the same meeting or webinar, repeats included, and resets at 00:00 UTC. The node registers each person once and reuses the registration afterwards; run it again tomorrow for this person.',
		wholeTarget: false,
	};
}

/** `status` undefined: no answer at all (a dropped connection): Zoom may have registered them. */
export function refusalOf(status: number | undefined, body: unknown, kind: 'meeting' | 'webinar'): Refusal {
	const { code, message = '', errors } = bodyOf(body);
	const zoomSays = message ? ` Zoom says: "${message}"` : '';
	const numeric = Number(code);
	if (isRegistrantDailyLimit(status, body)) return dailyLimitRefusal(kind);
	if (status === undefined || status >= 500) {
		return {
			reason: 'unconfirmed',
			message: `Zoom did not confirm the registration (${status === undefined ? 'no answer' : `HTTP ${status}`})`,
			hint: 'Zoom may have registered this person: the node does not send the request again, so nobody is registered twice. The next run finds the registration in Zoom if it was made, and registers the person if it was not.',
			wholeTarget: false,
		};
	}
	if (numeric === 300 || (status === 400 && errors?.length)) {
		const fields = (errors ?? []).map((e) => e.field).filter(Boolean);
		return {
			reason: 'invalid',
			message: `Zoom refused the registrant's details${fields.length ? ` (${fields.join(', ')})` : ''}`,
			hint: `Check the email and names of this person (first and last name: at most 64 characters, email 128).${zoomSays}`,
			wholeTarget: false,
		};
	}
	if (/registration has not been enabled|registration not enabled|does not have registration/i.test(message)) {
		return {
			reason: 'registration_off',
			message: `Registration is not turned on for this ${kind}`,
			hint: `In Zoom, edit the ${kind} and turn on Registration (Required), then run again.${zoomSays}`,
			wholeTarget: true,
		};
	}
	if (/occurrence/i.test(message)) {
		return {
			reason: 'bad_occurrence',
			message: `Zoom does not know one of the occurrence IDs for this ${kind}`,
			hint: `Occurrence IDs are those of upcoming sessions of a recurring ${kind} (Zoom lists them in the ${kind}'s details); leave the field empty to register for all of them.${zoomSays}`,
			wholeTarget: true,
		};
	}
	if (numeric === 3035 || numeric === 3043 || /capacity/i.test(message)) {
		return {
			reason: 'full',
			message: `The ${kind} is full`,
			hint: `Zoom's registration limit for this ${kind} is reached. Raise it in the ${kind}'s settings (Registration → restrict number of registrants) or open another session.${zoomSays}`,
			wholeTarget: true,
		};
	}
	if (numeric === 3038 || /is over/i.test(message)) {
		return { reason: 'closed', message: `Registration is closed: the ${kind} is over`, hint: `Register people for an upcoming ${kind}.${zoomSays}`, wholeTarget: true };
	}
	if (numeric === 3027) {
		return { reason: 'host', message: `The host cannot register for their own ${kind}`, hint: `Leave the host's email out.${zoomSays}`, wholeTarget: false };
	}
	if (status === 404 || numeric === 3001) {
		return {
			reason: 'not_found',
			message: `Zoom has no such ${kind}`,
			hint: `Check the ${kind} ID, and that the Zoom credential's user may see it (it may have expired or been deleted).${zoomSays}`,
			wholeTarget: true,
		};
	}
	return { reason: 'failed', message: `Zoom refused the registration (HTTP ${status})`, hint: zoomSays.trim() || 'See the Zoom answer in n8n\'s log.', wholeTarget: false };
}
