/**
 * Scopes a Server-to-Server OAuth app needs for everything the package's nodes do, in the order
 * the README's Credentials section lists them (test/credentials/dialogs.test.ts keeps the two in
 * step). The credential test's failure message lists them; the dialog itself does not, since a
 * scope list does not fit in a field's hint. The first is the one the credential test needs.
 */
export const SERVER_TO_SERVER_SCOPES = [
	// The credential test; the Scheduled Trigger's Every User of the Account.
	'user:read:list_users:admin',
	// The meeting and webinar pickers.
	'meeting:read:list_meetings:admin',
	'webinar:read:list_webinars:admin',
	// Meeting → Sync Participants: the past meeting (GET /past_meetings/{id}), then its participants
	// or Zoom's participant report. Recording → Share Recording reads the past meeting too.
	'meeting:read:past_meeting:admin',
	'meeting:read:list_past_participants:admin',
	'report:read:list_meeting_participants:admin',
	// Webinar syncs: the webinar (GET /webinars/{id}), its registrants, attendees and absentees, a
	// recurring webinar's past sessions, and the UTM sources of its registrants.
	'webinar:read:webinar:admin',
	'webinar:read:list_registrants:admin',
	'webinar:read:list_past_participants:admin',
	'webinar:read:list_absentees:admin',
	'webinar:read:list_past_instances:admin',
	'webinar:read:list_tracking_sources:admin',
	// Recording → Share Recording.
	'cloud_recording:read:list_recording_files:admin',
	// Register Contacts: the meeting (GET /meetings/{id}), registering people (one by one, and 30 a
	// request by batch registration: without the batch scopes Zoom refuses the batch and the node
	// registers those people one by one), and finding those registered before.
	'meeting:read:meeting:admin',
	'webinar:write:registrant:admin',
	'meeting:write:registrant:admin',
	'webinar:write:batch_registrants:admin',
	'meeting:write:batch_registrants:admin',
	'meeting:read:list_registrants:admin',
] as const;
