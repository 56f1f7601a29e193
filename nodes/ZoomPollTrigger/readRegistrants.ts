/**
 * The Zoom reads of New Webinar Registrant. Zoom's references (as mirrored at
 * https://developers.qodex.ai/zoom-public/zoom-meeting-api/ and typed in Zoom's own Rivet SDK,
 * github.com/zoom/rivet-javascript, meetings.d.ts):
 * - `GET /users/{userId}/webinars`: the webinars a host scheduled (Medium, `webinar:read:admin`,
 *   webinar add-on), pages of at most 300;
 * - `GET /webinars/{webinarId}/registrants`: a webinar's registrants (Medium, same scope), approved
 *   ones unless `status` says otherwise, pages of at most 300. Each carries `id`, the person's
 *   fields, `status`, `join_url` and `create_time` (WebinarsListWebinarRegistrantsResponse), so the
 *   cursor orders them by when they registered. No tracking source on them: that needs
 * - `GET /webinars/{webinarId}/tracking_sources` (Light) and the registrant list filtered by
 *   `tracking_source_id`, read only for a webinar with new registrants;
 * - `GET /webinars/{webinarId}` (Light): topic, start time, ... of a chosen webinar, read only when
 *   it has new registrants.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { ZoomCredentialType } from '../shared/zoomApi';
import type { ZoomPacer } from '../shared/zoomPacer';
import { zoomListAll, zoomRequestWithRetry } from '../shared/zoomPaging';
import { LONGEST_INSTANCE_MS } from './pollEndedWebinars';
import { watchAnswers, type ListedWebinar } from './zoomReads';
/** Recurring webinars (6: no fixed time, 9: fixed time) list one start time for many sessions. */
const RECURRING = new Set([6, 9]);

/** A registrant as Zoom lists it: `id`, `create_time` and the fields the item passes on. */
export interface ListedRegistrant extends IDataObject {
	id: string;
	create_time: string;
}

export interface RegistrantRow {
	webinarId: string;
	/** From the host's list; for a chosen webinar, read when it has new registrants. */
	webinar?: ListedWebinar;
	registrant: ListedRegistrant;
}

export interface RegistrantsRead {
	rows: RegistrantRow[];
	zoomNowMs?: number;
}

type Watch = ReturnType<typeof watchAnswers>;

export interface RegistrantReader {
	/** The registrants of the chosen webinars, or of every upcoming webinar of the hosts. */
	read(hosts: string[], webinarIds: string[]): Promise<RegistrantsRead>;
	/** The webinar's details (chosen webinars: only the ID is known). */
	webinar(webinarId: string): Promise<ListedWebinar>;
	/** Registrant ID → tracking source, for the webinar's registrants who came through one. */
	trackingSources(webinarId: string): Promise<Map<string, IDataObject>>;
	calls(): number;
}

const you = (host: string, own: string, other: string) => (host === 'me' ? own : other);

export function registrantReader(context: IPollFunctions, credentialType: ZoomCredentialType, pacer: ZoomPacer): RegistrantReader {
	const watch: Watch = watchAnswers();
	const options = { pacer, onAnswer: watch.onAnswer };
	const listRegistrants = async (webinarId: string, qs: IDataObject = {}) =>
		(
			await zoomListAll<ListedRegistrant>(
				context,
				{ credentialType, path: `/webinars/${webinarId}/registrants`, qs, listKey: 'registrants', category: 'medium', what: `list the registrants of webinar ${webinarId}` },
				options,
			)
		).rows.filter((r) => typeof r?.id === 'string' && typeof r.create_time === 'string' && !Number.isNaN(Date.parse(r.create_time)));

	/** A webinar that started more than the longest session ago is over: no one registers for it. */
	const upcoming = (webinar: ListedWebinar, nowMs: number) =>
		RECURRING.has(Number(webinar.type)) || typeof webinar.start_time !== 'string' || !(Date.parse(webinar.start_time) + LONGEST_INSTANCE_MS < nowMs);

	return {
		async read(hosts, webinarIds) {
			const rows: RegistrantRow[] = [];
			const scope: Array<{ webinarId: string; webinar?: ListedWebinar }> = webinarIds.map((webinarId) => ({ webinarId }));
			if (webinarIds.length === 0) {
				for (const host of hosts) {
					const listed = await zoomListAll<ListedWebinar>(
						context,
						{ credentialType, path: `/users/${encodeURIComponent(host)}/webinars`, listKey: 'webinars', category: 'medium', what: `list the webinars ${you(host, 'you host', `${host} hosts`)}` },
						options,
					);
					const nowMs = watch.zoomNowMs ?? Date.now();
					for (const webinar of listed.rows) {
						if (webinar?.id === undefined || webinar.id === null || !upcoming(webinar, nowMs)) continue;
						scope.push({ webinarId: String(webinar.id), webinar });
					}
				}
			}
			for (const { webinarId, webinar } of scope) {
				for (const registrant of await listRegistrants(webinarId)) rows.push({ webinarId, webinar, registrant });
			}
			return { rows, zoomNowMs: watch.zoomNowMs };
		},
		async webinar(webinarId) {
			return await zoomRequestWithRetry<ListedWebinar>(
				context,
				credentialType,
				{ method: 'GET', path: `/webinars/${webinarId}`, category: 'light', what: `read webinar ${webinarId}` },
				options,
			);
		},
		async trackingSources(webinarId) {
			const found = await zoomRequestWithRetry<{ tracking_sources?: IDataObject[] }>(
				context,
				credentialType,
				{ method: 'GET', path: `/webinars/${webinarId}/tracking_sources`, category: 'light', what: `read the tracking sources of webinar ${webinarId}` },
				options,
			);
			const byRegistrant = new Map<string, IDataObject>();
			for (const source of found?.tracking_sources ?? []) {
				if (typeof source?.id !== 'string') continue;
				// Zoom counts each source's registrations: a source nobody used costs no call.
				if (typeof source.registration_count === 'number' && source.registration_count === 0) continue;
				const { id, source_name, tracking_url } = source;
				for (const r of await listRegistrants(webinarId, { tracking_source_id: id })) byRegistrant.set(r.id, { id, source_name, tracking_url });
			}
			return byRegistrant;
		},
		calls: () => watch.calls,
	};
}
