import { safeDecode } from '../router';
import type { ZoomMeeting, ZoomMeetingInstance, ZoomWebinar, ZoomWebinarInstance } from '../fixture/types';
import type { ZoomState } from './state';

/**
 * How Zoom reads a meeting/webinar id from the path.
 *
 * A numeric id means the latest instance; anything else is an instance UUID. Zoom decodes the
 * path once before routing, so a UUID that starts with `/` or contains `//` (encoded once, `%2F`)
 * comes apart into path segments and is never found: it must be encoded twice (`%252F`). Other
 * UUIDs work encoded once (or twice).
 */
export type InstanceRef =
	| { kind: 'numeric'; id: number; shown: string }
	| { kind: 'uuid'; uuid: string; shown: string }
	| { kind: 'unreachable'; shown: string };

export function parseInstanceRef(rawSegment: string): InstanceRef {
	const once = safeDecode(rawSegment);
	if (once.includes('%')) {
		const twice = safeDecode(once);
		return { kind: 'uuid', uuid: twice, shown: twice };
	}
	if (/^\d+$/.test(once)) return { kind: 'numeric', id: Number(once), shown: once };
	if (once.startsWith('/') || once.includes('//')) return { kind: 'unreachable', shown: once };
	return { kind: 'uuid', uuid: once, shown: once };
}

export function findMeeting(state: ZoomState, ref: InstanceRef): { meeting: ZoomMeeting; instance?: ZoomMeetingInstance } | undefined {
	if (ref.kind === 'numeric') {
		const meeting = state.meetings.find((m) => m.id === ref.id);
		return meeting ? { meeting, instance: meeting.instances[meeting.instances.length - 1] } : undefined;
	}
	if (ref.kind === 'uuid') {
		for (const meeting of state.meetings) {
			const instance = meeting.instances.find((i) => i.uuid === ref.uuid);
			if (instance) return { meeting, instance };
		}
	}
	return undefined;
}

export function findWebinar(
	state: ZoomState,
	ref: InstanceRef,
	occurrenceId?: string,
): { webinar: ZoomWebinar; instance?: ZoomWebinarInstance } | undefined {
	if (ref.kind === 'numeric') {
		const webinar = state.webinars.find((w) => w.id === ref.id);
		if (!webinar) return undefined;
		const instance = occurrenceId
			? webinar.instances.find((i) => i.occurrence_id === occurrenceId)
			: webinar.instances[webinar.instances.length - 1];
		return { webinar, instance };
	}
	if (ref.kind === 'uuid') {
		for (const webinar of state.webinars) {
			const instance = webinar.instances.find((i) => i.uuid === ref.uuid);
			if (instance) return { webinar, instance };
		}
	}
	return undefined;
}
