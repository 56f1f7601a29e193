/**
 * What Zoom's error codes mean for the person running the workflow, and what to do about each.
 * Pure: the transport hands in the status and body it got.
 */
export interface ZoomErrorAdvice {
	message: string;
	description: string;
}

function zoomCodeOf(body: unknown): { code?: number; message?: string } {
	if (body && typeof body === 'object') {
		const { code, message } = body as { code?: unknown; message?: unknown };
		return {
			code: typeof code === 'number' ? code : typeof code === 'string' ? Number(code) : undefined,
			message: typeof message === 'string' ? message : undefined,
		};
	}
	return {};
}

/** What to check when Zoom found nothing, by what was being read. */
function notFoundRemedy(what: string): string {
	if (/recording/i.test(what)) return 'Check the meeting or webinar: its cloud recording is listed once Zoom finished processing it, and not after it was deleted.';
	if (/webinar/i.test(what)) return "Check the webinar's ID, or choose it from the Webinar list (type a host's email in its search to see their webinars).";
	if (/meeting|participant/i.test(what)) return "Check the meeting's ID or UUID, or choose it from the Meeting list: a meeting's participants exist only once it has ended.";
	return 'Check the ID.';
}

export function adviseOnZoomError(
	status: number | undefined,
	body: unknown,
	what: string,
	networkCode?: string,
): ZoomErrorAdvice {
	const { code, message } = zoomCodeOf(body);
	const said = message ? ` Zoom said: "${message}"` : '';
	if (status === undefined) {
		return {
			message: `Could not reach Zoom to ${what}`,
			description: `The connection failed (${networkCode ?? 'no answer'}). Check the credential's Environment (Zoom or ZoomGov) and the network between n8n and Zoom, including n8n's proxy if it uses one.`,
		};
	}
	if (code === 4711 || /does not contain scopes/i.test(message ?? '')) {
		return {
			message: `The Zoom app lacks a scope needed to ${what}`,
			description: `Add the missing scope on the Scopes page of your Zoom app and activate the app again.${said}`,
		};
	}
	if (status === 401 || code === 124) {
		return {
			message: `Zoom rejected the access token while trying to ${what}`,
			description: `n8n already fetched a fresh token once. Check that the Zoom app is activated and that the credential's Environment matches your account (Zoom or ZoomGov).${said}`,
		};
	}
	if (code === 200 && /\b(paid|licen[cs]es?|plans?)\b/i.test(message ?? '')) {
		return {
			message: `Your Zoom plan does not allow this: cannot ${what}`,
			description: `Zoom keeps this for paid plans: past participants and reports need Pro or higher on the account, and webinars a Webinar licence on the host. Upgrade, or use an account or host that has them.${said}`,
		};
	}
	if (code === 200) {
		return {
			message: `Zoom refused permission to ${what}`,
			description: `The Zoom user behind the credential (the app's owner for Server-to-Server) lacks the role permission or licence for this: check its role in Zoom's User Management, and that webinar hosts have a Webinar licence.${said}`,
		};
	}
	if (code === 3001 || status === 404) {
		// Zoom's own words first ("Webinar does not exist: 98765432100"), then the one remedy.
		return {
			message: message ? `Zoom: ${message.replace(/\.$/, '')}` : `Zoom found nothing to ${what}`,
			description: `While trying to ${what}. ${notFoundRemedy(what)}`,
		};
	}
	if (code === 12702) {
		return {
			message: `Zoom keeps this data for one year only: cannot ${what}`,
			description: `The meeting or webinar is older than Zoom's retention.${said}`,
		};
	}
	if (code === 300 && /page token/i.test(message ?? '')) {
		return {
			message: `A Zoom page token expired while trying to ${what}`,
			description: `Zoom page tokens live 15 minutes. Run the node again; nothing was written twice.${said}`,
		};
	}
	if (status === 429) {
		return {
			message: `Zoom's rate limit stopped the request to ${what}`,
			description: `Wait for the limit to reset, or lower the request rate in the node's options.${said}`,
		};
	}
	return {
		message: `Zoom answered HTTP ${status ?? 'error'} while trying to ${what}`,
		description: message ? `Zoom said: "${message}"${code ? ` (code ${code})` : ''}` : 'No details were given.',
	};
}
