/** Turns a failed Server-to-Server token request into a sentence that says which field is wrong.
 *  Zoom answers 401 `invalid_client` for a wrong client ID or secret, and 400 `invalid_request`
 *  naming the account for a wrong account ID; everything else is passed on with its reason. */
export interface TokenFailure {
	status?: number;
	body?: unknown;
	networkCode?: string;
	message?: string;
}

function field(body: unknown, name: string): string {
	if (body && typeof body === 'object' && name in body) {
		const value = (body as Record<string, unknown>)[name];
		return typeof value === 'string' ? value : '';
	}
	if (typeof body === 'string') {
		try {
			return field(JSON.parse(body), name);
		} catch {
			return '';
		}
	}
	return '';
}

/** Reads status, body and network code off whatever n8n's HTTP helper threw. */
export function tokenFailureFrom(error: unknown): TokenFailure {
	const e = (error ?? {}) as {
		response?: { status?: number; data?: unknown; body?: unknown };
		httpCode?: string;
		code?: string;
		cause?: { code?: string; response?: { status?: number; data?: unknown } };
		message?: string;
	};
	const response = e.response ?? e.cause?.response;
	return {
		status: response?.status ?? (e.httpCode ? Number(e.httpCode) : undefined),
		body: response?.data ?? (e.response as { body?: unknown } | undefined)?.body,
		networkCode: e.cause?.code ?? e.code,
		message: e.message,
	};
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	ECONNRESET: 'connection reset',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
};

export function describeZoomTokenFailure(failure: TokenFailure, tokenUrl: string): string {
	const error = field(failure.body, 'error');
	const reason = field(failure.body, 'reason') || field(failure.body, 'message');

	if (failure.status === undefined) {
		// Words, not codes: n8n replaces a message that contains ECONNREFUSED & co. with its own.
		const why = NETWORK_WORDS[failure.networkCode ?? ''] ?? 'no answer';
		return `Could not reach Zoom's OAuth server at ${tokenUrl} (${why}). Check the credential's Environment (Zoom or ZoomGov) and the network between n8n and Zoom, including n8n's proxy if it uses one.`;
	}
	if (error === 'invalid_client' || (failure.status === 401 && /\bclient(_id|_secret)?\b/i.test(reason))) {
		return 'Zoom rejected the Client ID or Client Secret (invalid_client). Copy both again from the App Credentials page of your Server-to-Server OAuth app in the Zoom App Marketplace.';
	}
	if (/\baccount(_id)?\b/i.test(reason) || (error === 'invalid_request' && failure.status === 400)) {
		return `Zoom does not accept the Account ID (${reason || error}). Copy the Account ID from the App Credentials page of your Server-to-Server OAuth app: it is not a user ID or an email.`;
	}
	if (error === 'unsupported_grant_type' || /\bgrant(_type)?\b/i.test(reason)) {
		return `Zoom refused the account_credentials grant (${reason || error}). The app must be of type Server-to-Server OAuth and activated in the Zoom App Marketplace.`;
	}
	const detail = reason || error || (typeof failure.body === 'string' ? failure.body.slice(0, 200) : '');
	return `Zoom's token endpoint ${tokenUrl} answered HTTP ${failure.status}${detail ? `: ${detail}` : ''}.`;
}
