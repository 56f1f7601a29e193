/**
 * Scopes a Server-to-Server OAuth app needs for everything the package's nodes do, in the order
 * the README's Credentials section lists them (test/credentials/dialogs.test.ts keeps the two in
 * step). The credential test's failure message lists them; the dialog itself does not, since a
 * scope list does not fit in a field's hint. The first is the one the credential test needs.
 */
export const SERVER_TO_SERVER_SCOPES = [
	'user:read:list_users:admin',
	'meeting:read:list_meetings:admin',
	'webinar:read:list_webinars:admin',
	'meeting:read:list_past_participants:admin',
	'report:read:list_meeting_participants:admin',
	'webinar:read:list_registrants:admin',
	'webinar:read:list_past_participants:admin',
	'webinar:read:list_absentees:admin',
	'cloud_recording:read:list_recording_files:admin',
	// Register Contacts: registering people, and finding those registered before.
	'webinar:write:registrant:admin',
	'meeting:write:registrant:admin',
	'meeting:read:list_registrants:admin',
] as const;
