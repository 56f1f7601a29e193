/**
 * Scopes each endpoint needs. Zoom accepts the granular scope or the classic one it replaced, and
 * user-level apps hold the same names without `:admin`; any of those four passes. The error names
 * the granular admin scope.
 */
export interface ScopeRequirement {
	granular: string;
	classic: string;
}

export const ZOOM_SCOPES = {
	readUser: { granular: 'user:read:user:admin', classic: 'user:read:admin' },
	listUsers: { granular: 'user:read:list_users:admin', classic: 'user:read:admin' },
	readMeeting: { granular: 'meeting:read:meeting:admin', classic: 'meeting:read:admin' },
	listMeetings: { granular: 'meeting:read:list_meetings:admin', classic: 'meeting:read:admin' },
	readPastMeeting: { granular: 'meeting:read:past_meeting:admin', classic: 'meeting:read:admin' },
	listPastInstances: { granular: 'meeting:read:list_past_instances:admin', classic: 'meeting:read:admin' },
	listPastParticipants: { granular: 'meeting:read:list_past_participants:admin', classic: 'meeting:read:admin' },
	reportParticipants: { granular: 'report:read:list_meeting_participants:admin', classic: 'report:read:admin' },
	readWebinar: { granular: 'webinar:read:webinar:admin', classic: 'webinar:read:admin' },
	listWebinars: { granular: 'webinar:read:list_webinars:admin', classic: 'webinar:read:admin' },
	listRegistrants: { granular: 'webinar:read:list_registrants:admin', classic: 'webinar:read:admin' },
	listTrackingSources: { granular: 'webinar:read:list_tracking_sources:admin', classic: 'webinar:read:admin' },
	listWebinarInstances: { granular: 'webinar:read:list_past_instances:admin', classic: 'webinar:read:admin' },
	listWebinarParticipants: { granular: 'webinar:read:list_past_participants:admin', classic: 'webinar:read:admin' },
	listAbsentees: { granular: 'webinar:read:list_absentees:admin', classic: 'webinar:read:admin' },
	// Only the classic scope is named in the reference we could read (see zoom/reports.ts).
	reportUserMeetings: { granular: 'report:read:admin', classic: 'report:read:admin' },
	// "Get history meeting and webinar list" (zoom/reports.ts names the source).
	reportHistoryMeetings: { granular: 'report:read:list_history_meetings:admin', classic: 'report:read:admin' },
	// Past meeting/webinar polls and Q&A, and the poll/Q&A/survey reports: only the classic scopes are
	// named in the reference we could read (see zoom/engagement.ts).
	listPastMeetingPolls: { granular: 'meeting:read:admin', classic: 'meeting:read:admin' },
	listPastMeetingQa: { granular: 'meeting:read:admin', classic: 'meeting:read:admin' },
	reportMeetingPolls: { granular: 'report:read:admin', classic: 'report:read:admin' },
	reportMeetingQa: { granular: 'report:read:admin', classic: 'report:read:admin' },
	reportMeetingSurvey: { granular: 'report:read:admin', classic: 'report:read:admin' },
	listPastWebinarPolls: { granular: 'webinar:read:admin', classic: 'webinar:read:admin' },
	listPastWebinarQa: { granular: 'webinar:read:admin', classic: 'webinar:read:admin' },
	reportWebinarPolls: { granular: 'report:read:admin', classic: 'report:read:admin' },
	reportWebinarQa: { granular: 'report:read:admin', classic: 'report:read:admin' },
	reportWebinarSurvey: { granular: 'report:read:admin', classic: 'report:read:admin' },
	// Registration (zoom/registrants.ts): granular names as apps request them (indico/indico-plugins
	// vc_zoom, AUTO_REGISTRATION_MEETING_SCOPES / _WEBINAR_SCOPES, and their legacy classic scopes);
	// classic ones as Zoom's reference names them (konfig-sdks/zoom-meeting-java-sdk, its docs folder: MeetingsApi.md
	// addRegistrant, listRegistrants; WebinarsApi.md addRegistrant).
	addMeetingRegistrant: { granular: 'meeting:write:registrant:admin', classic: 'meeting:write:admin' },
	listMeetingRegistrants: { granular: 'meeting:read:list_registrants:admin', classic: 'meeting:read:admin' },
	addWebinarRegistrant: { granular: 'webinar:write:registrant:admin', classic: 'webinar:write:admin' },
	// Batch registration: granular names as indico/indico-plugins vc_zoom asks for them (README.md,
	// AUTO_REGISTRATION_*_SCOPES); classic ones as Zoom's reference names them (zoom/registrants.ts [K]).
	batchMeetingRegistrants: { granular: 'meeting:write:batch_registrants:admin', classic: 'meeting:write:admin' },
	batchWebinarRegistrants: { granular: 'webinar:write:batch_registrants:admin', classic: 'webinar:write:admin' },
	listRecordingFiles: { granular: 'cloud_recording:read:list_recording_files:admin', classic: 'recording:read:admin' },
	// Only the classic scope is named in the reference we could read (see zoom/userRecordings.ts).
	listUserRecordings: { granular: 'recording:read:admin', classic: 'recording:read:admin' },
} as const satisfies Record<string, ScopeRequirement>;

export type ZoomScopeName = keyof typeof ZOOM_SCOPES;

/** What a token carries unless a test says otherwise: everything the package uses. */
export const DEFAULT_GRANTED_SCOPES: string[] = Object.values(ZOOM_SCOPES).map((s) => s.granular);

export function hasScope(granted: readonly string[], required: ScopeRequirement): boolean {
	const accepted = [required.granular, required.classic].flatMap((s) => [s, s.replace(/:admin$/, '')]);
	return granted.some((scope) => accepted.includes(scope));
}
