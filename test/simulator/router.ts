/**
 * Route matching on raw path segments. Parameters come back still percent-encoded: each service
 * decodes them by its own rules (Zoom's double-encoded UUIDs, Brevo's email identifiers).
 */
export interface RouteMatch<R> {
	route: R;
	params: Record<string, string>;
}

export interface RouteSpec {
	method: string;
	/** e.g. `/past_meetings/:meetingId/participants` */
	pattern: string;
}

export function splitPath(path: string): string[] {
	const parts = path.split('/');
	if (parts[0] === '') parts.shift();
	if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
	return parts;
}

export function matchRoute<R extends RouteSpec>(routes: readonly R[], method: string, subPath: string): RouteMatch<R> | undefined {
	const segments = splitPath(subPath);
	for (const route of routes) {
		if (route.method !== method) continue;
		const pattern = splitPath(route.pattern);
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < pattern.length; i++) {
			if (pattern[i].startsWith(':')) {
				if (segments[i] === '') {
					ok = false;
					break;
				}
				params[pattern[i].slice(1)] = segments[i];
			} else if (pattern[i] !== segments[i]) {
				ok = false;
				break;
			}
		}
		if (ok) return { route, params };
	}
	return undefined;
}

/** decodeURIComponent that leaves malformed escapes alone instead of throwing. */
export function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
