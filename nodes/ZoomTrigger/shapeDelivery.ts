import type { IDataObject } from 'n8n-workflow';

/**
 * Turns a Zoom delivery into the item the next node wants: what happened, when, to which
 * meeting or webinar, and — for participant, registration and recording events — the person or
 * the recording links pulled up to the top so that no expression has to dig for them.
 */

type Json = Record<string, unknown>;

/** A non-empty string, trimmed (Zoom sends names and emails as people typed them). */
const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const objectOf = (value: unknown): Json =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

const iso = (value: unknown): string | undefined => {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

function withoutUndefined(object: IDataObject): IDataObject {
	for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
	return object;
}

/** The person behind participant_* and registration_* events. */
export function personOf(event: string, object: Json): IDataObject | undefined {
	if (/\.participant_(joined|left)/.test(event)) {
		const p = objectOf(object.participant);
		const name = text(p.user_name);
		const [firstName, ...rest] = (name ?? '').split(' ');
		return withoutUndefined({
			email: text(p.email)?.toLowerCase(),
			name,
			firstName: text(firstName),
			lastName: text(rest.join(' ')),
			joinTime: text(p.join_time),
			leaveTime: text(p.leave_time),
			leaveReason: text(p.leave_reason),
			registrantId: text(p.registrant_id),
			userId: text(p.user_id) ?? (typeof p.user_id === 'number' ? String(p.user_id) : undefined),
			participantUuid: text(p.participant_uuid),
		});
	}
	if (/\.registration_/.test(event)) {
		const r = objectOf(object.registrant);
		const firstName = text(r.first_name);
		const lastName = text(r.last_name);
		const tracking = objectOf(r.tracking_source);
		return withoutUndefined({
			email: text(r.email)?.toLowerCase(),
			name: [firstName, lastName].filter(Boolean).join(' ') || undefined,
			firstName,
			lastName,
			registrantId: text(r.id),
			status: text(r.status),
			joinUrl: text(r.join_url),
			trackingSource: text(tracking.source_name),
		});
	}
	return undefined;
}

/** Recording links for recording.completed. Zoom puts `download_token` at the body's top level,
 *  next to `event` and `payload` (Zoom's example of the event; Rivet's RecordingCompletedEvent);
 *  other senders put it in the payload or on the object, so those are read after it. */
export function recordingOf(body: Json, payload: Json, object: Json): IDataObject {
	const files = Array.isArray(object.recording_files) ? object.recording_files : [];
	return withoutUndefined({
		shareUrl: text(object.share_url),
		passcode: text(object.password),
		playPasscode: text(object.recording_play_passcode),
		downloadToken: text(body.download_token) ?? text(payload.download_token) ?? text(object.download_token),
		files: files.map((file) => {
			const f = objectOf(file);
			return withoutUndefined({
				id: text(f.id),
				fileType: text(f.file_type),
				recordingType: text(f.recording_type),
				fileSize: typeof f.file_size === 'number' ? f.file_size : undefined,
				downloadUrl: text(f.download_url),
				playUrl: text(f.play_url),
				status: text(f.status),
			});
		}),
	});
}

export interface DeliveryContext {
	trackingId?: string;
	/** Included only when the user asks for the raw request. */
	raw?: { headers: IDataObject; body: string };
}

export function shapeDelivery(body: Json, context: DeliveryContext): IDataObject {
	const event = String(body.event ?? '');
	const payload = objectOf(body.payload);
	const object = objectOf(payload.object);
	const kind = event.split('.')[0];
	const id = object.id === undefined || object.id === null ? undefined : String(object.id);

	const shaped: IDataObject = withoutUndefined({
		event,
		eventTime: iso(body.event_ts),
		accountId: text(payload.account_id),
		trackingId: context.trackingId,
		kind,
		// Meeting/webinar/recording objects all carry the instance's id and uuid: the Zoom to
		// Brevo node reads these by default.
		id,
		uuid: text(object.uuid),
		topic: text(object.topic),
		hostId: text(object.host_id),
		startTime: text(object.start_time),
		endTime: text(object.end_time),
		person: personOf(event, object),
		recording: event.startsWith('recording.') ? recordingOf(body, payload, object) : undefined,
		object: object as IDataObject,
		raw: context.raw as IDataObject | undefined,
	});
	return shaped;
}
