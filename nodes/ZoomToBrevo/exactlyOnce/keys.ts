/**
 * What the node remembers in n8n's deduplication store, as keys. Pure.
 *
 * - a Zoom delivery it processed (by Zoom's tracking ID, per node): a re-sent delivery or a
 *   re-run of its execution is skipped;
 * - each follow-up it sent (event name or email template, meeting/webinar instance, email, per
 *   workflow): a person gets it at most once;
 * - the attendance statuses it wrote (per meeting instance or webinar, per workflow), so a later
 *   sync never moves ATTENDANCE_STATUS backwards (attended → registered).
 */
import type { AttendanceStatus, ZoomSource } from '../contacts/types';

const PREFIX = 'zoom-to-brevo';

export const deliveryKey = (trackingId: string) => `${PREFIX}/delivery/${trackingId}`;

/**
 * The "still open" marker beside a claimed key (a delivery, a follow-up): recorded together with
 * the key when it is claimed and forgotten once the work is confirmed (the sync finished, Brevo
 * took the event). A key on record without its marker is done; with it, a run claimed it and
 * stopped before confirming (it crashed, Brevo's answer was lost, or it is still running). Keys
 * written before the marker existed have none, and so read as done, as they did then.
 */
export const openMarker = (key: string) => `${key}#open`;

type Instance = Pick<ZoomSource, 'kind' | 'id' | 'uuid' | 'startTime' | 'session'>;

/** One meeting or webinar instance: a recurring webinar's session, else its UUID, else its ID and
 *  start time. (A session named by its UUID gives the same key as the UUID did before sessions.) */
export function instanceOf(source: Instance): string {
	if (source.session) return `${source.kind}:${source.session.id}`;
	return source.uuid ? `${source.kind}:${source.uuid}` : `${source.kind}:${source.id}@${source.startTime ?? ''}`;
}

export const followUpKey = (kind: 'event' | 'email', name: string, instance: string, email: string) =>
	`${PREFIX}/${kind}/${name}/${instance}/${email}`;

/**
 * Where attendance statuses are ordered. A meeting instance has only participants (attended or
 * waiting room). A webinar's registrants belong to the webinar (Zoom lists them by its ID), so
 * statuses are ordered per webinar, and a recurring webinar's absentees and attendees also per
 * session (`statusSessionOf`): registered < any session's status; sessions against each other by
 * their start, the later session's status being the one the contact keeps.
 */
export const statusScopeOf = (source: Instance) => (source.kind === 'meeting' ? instanceOf(source) : `webinar:${source.id}`);

/** A recurring webinar session's status: `<scope>|<start>|<session>`. The scope prefix lets a value
 *  left from another webinar be told apart; the start, which of two sessions came later. */
export function statusSessionOf(source: Instance): string | undefined {
	return source.session ? `${statusScopeOf(source)}|${source.session.startTime ?? ''}|${source.session.id}` : undefined;
}

/** The start written in a session value, when the value belongs to this scope. */
export function sessionStartIn(value: unknown, scope: string): { start: string; whole: string } | undefined {
	if (typeof value !== 'string' || !value.startsWith(`${scope}|`)) return undefined;
	return { start: value.slice(scope.length + 1).split('|')[0] ?? '', whole: value };
}

/** Later in this list = further along; a status never replaces a later one. */
export const STATUS_ORDER: AttendanceStatus[] = ['registered', 'absent', 'waiting_room_only', 'attended'];

const blockKey = (scope: string, email: string, status: AttendanceStatus) => `${PREFIX}/status/${scope}/${email}/not-${status}`;

/**
 * Writing `status` for a person records "not <s>" for every earlier status s, so a later sync
 * that would write s finds its key and leaves the status as it is. The status's own "not" key is
 * its probe: found, a later status was written before. (Recording the probe is harmless: it only
 * stops a repeat of the same status, which would change nothing.)
 */
export function statusKeys(scope: string, email: string, status: AttendanceStatus): { probe?: string; blocks: string[] } {
	const rank = STATUS_ORDER.indexOf(status);
	return {
		probe: rank < STATUS_ORDER.length - 1 ? blockKey(scope, email, status) : undefined,
		blocks: STATUS_ORDER.slice(0, Math.max(0, rank)).map((earlier) => blockKey(scope, email, earlier)),
	};
}

/** A person this workflow registered for a meeting or webinar (and its chosen sessions): the next
 *  run looks them up in Zoom instead of spending one of their 3 registration requests a day. */
export const registrationKey = (kind: 'meeting' | 'webinar', id: string, occurrenceIds: string[], email: string) =>
	`${PREFIX}/registration/${kind}:${id}/${[...occurrenceIds].sort().join(',') || 'all'}/${email}`;
