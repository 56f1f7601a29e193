import type { Row, Zoom } from '../../contracts/vendor';
import { json } from '../http';
import { safeDecode } from '../router';
import type { ZoomMeeting, ZoomMeetingInstance } from '../fixture/types';
import { zoomErrors } from './errors';
import { findMeeting, parseInstanceRef } from './meetingIds';
import { isPage, listKey, paginate } from './paging';
import type { ZoomRoute } from './route';
import { ZOOM_SCOPES } from './scopes';
import { findUser } from './users';

function latest(meeting: ZoomMeeting): ZoomMeetingInstance | undefined {
	return meeting.instances[meeting.instances.length - 1];
}

/** A row of `GET /users/{userId}/meetings`, typed by Rivet's `MeetingsListMeetingsResponse`. */
function summary(meeting: ZoomMeeting, instance = latest(meeting)): Row<Zoom.MeetingsListMeetingsResponse, 'meetings'> & Pick<ZoomMeeting, 'id' | 'type'> {
	return {
		uuid: instance?.uuid ?? '',
		id: meeting.id,
		host_id: meeting.host_id,
		topic: meeting.topic,
		type: meeting.type,
		start_time: instance?.start_time ?? meeting.occurrences?.[0]?.start_time ?? meeting.created_at,
		duration: meeting.duration,
		timezone: meeting.timezone,
		created_at: meeting.created_at,
		join_url: meeting.join_url,
	};
}

/** `GET /meetings/{meetingId}`, typed by Rivet's `MeetingsGetMeetingResponse`. */
export function meetingDetails(meeting: ZoomMeeting, instance: ZoomMeetingInstance | undefined) {
	return {
		...summary(meeting, instance),
		host_email: meeting.host_email,
		status: 'waiting',
		agenda: meeting.agenda,
		settings: {
			host_video: true,
			participant_video: false,
			join_before_host: false,
			mute_upon_entry: true,
			waiting_room: true,
			// Registration settings as POST /meetings/{id}/registrants obeys them (zoom/registrants.ts);
			// default: no registration required (2). The registrant limit (`registration.
			// registrants_restrict_number`) is not served: Zoom's meeting settings have no such field
			// (Rivet's MeetingsGetMeetingResponse; only webinars have one), the simulator served it until #24.
			approval_type: meeting.registration?.approval_type ?? 2,
			// Zoom's default; batch registration asks for the email only when told (zoom/registrants.ts [K]).
			registrants_confirmation_email: true,
			audio: 'both',
			auto_recording: 'cloud',
			meeting_authentication: false,
		},
		...(meeting.type === 8
			? {
					recurrence: { type: 2, repeat_interval: 1, weekly_days: '2' },
					occurrences:
						meeting.occurrences ??
						meeting.instances.map((i) => ({
							occurrence_id: String(Date.parse(i.start_time)),
							start_time: i.start_time,
							duration: meeting.duration,
							status: 'available',
						})),
				}
			: {}),
	} satisfies Zoom.MeetingsGetMeetingResponse;
}

export const meetingRoutes: ZoomRoute[] = [
	{
		method: 'GET',
		pattern: '/users/:userId/meetings',
		category: 'medium',
		scope: ZOOM_SCOPES.listMeetings,
		handle(ctx, req, params, token) {
			const user = findUser(ctx, params.userId, token);
			if (!user) return zoomErrors.userNotFound(safeDecode(params.userId));
			// Every fixture meeting lies in the past; 'live' and the upcoming kinds are empty.
			const type = req.query.type || 'scheduled';
			const meetings = ['live', 'upcoming', 'upcoming_meetings'].includes(type)
				? []
				: ctx.state.meetings.filter((m) => m.host_id === user.id);
			const page = paginate(ctx, listKey(req.subPath, req.query, ['type']), req.query, meetings.length);
			if (!isPage(page)) return page;
			return json(200, {
				...page.envelope,
				page_number: Math.floor(page.start / page.pageSize) + 1,
				meetings: meetings.slice(page.start, page.end).map((m) => summary(m)),
			} satisfies Zoom.MeetingsListMeetingsResponse);
		},
	},
	{
		method: 'GET',
		pattern: '/meetings/:meetingId',
		category: 'light',
		scope: ZOOM_SCOPES.readMeeting,
		handle(ctx, _req, params) {
			const ref = parseInstanceRef(params.meetingId);
			const found = findMeeting(ctx.state, ref);
			if (!found) return zoomErrors.meetingNotFound(ref.shown);
			const { meeting, instance } = found;
			return json(200, meetingDetails(meeting, instance));
		},
	},
];
