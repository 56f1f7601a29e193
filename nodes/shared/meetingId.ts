/**
 * A meeting or webinar id as it must appear in a Zoom API path.
 *
 * A numeric id (the latest instance) goes in as it is; Zoom shows it with spaces ("857 4606 5432"),
 * so those are dropped. Anything else is an instance UUID: Zoom decodes the path once before
 * routing, so a UUID that starts with "/" or contains "//" would fall apart into path segments
 * and must be encoded twice. Only the UUID is encoded twice, never the whole path (the bug in
 * Zoom's own Rivet SDK).
 */
export function meetingPathId(idOrUuid: string): string {
	const value = idOrUuid.trim();
	if (/^\d[\d ]*$/.test(value)) return value.replace(/ /g, '');
	const once = encodeURIComponent(value);
	return value.startsWith('/') || value.includes('//') ? encodeURIComponent(once) : once;
}
