/** The OAuth2 authorization-code dance a user does with the editor's "Connect" button:
 *  n8n's auth URL -> provider's authorize endpoint (the simulator consents at once with a 302)
 *  -> n8n's callback, which exchanges the code and stores the tokens in the credential.
 *  n8n 2.41 checks on the callback that the logged-in user is the one who started the flow
 *  (unless N8N_SKIP_AUTH_ON_OAUTH_CALLBACK=true), so the callback is sent with the session
 *  cookie, as a browser would. */
import axios from 'axios';

import type { RestClient } from './rest-client';

export interface OAuth2FlowResult {
	authUrl: string;
	/** n8n's callback URL as the provider redirected to it (with code and state). */
	callbackUrl: string;
	/** n8n's callback page. */
	html: string;
	ok: boolean;
	/** n8n's error text when not ok. */
	error?: string;
}

function decodeEntities(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#x3D;/g, '=')
		.replace(/&#x60;/g, '`')
		.replace(/&amp;/g, '&');
}

/** Reads n8n's callback page: "Connection successful" or the error template's message. */
export function parseOAuthCallbackPage(html: string): { ok: boolean; error?: string } {
	if (/Connection successful/i.test(html) && !/Failed to connect/i.test(html)) return { ok: true };
	const heading = /<h4>\s*Error:\s*([\s\S]*?)<\/h4>/i.exec(html)?.[1];
	const reason = /<pre class=['"]reason['"]>([\s\S]*?)<\/pre>/i.exec(html)?.[1];
	const error = [heading, reason].filter(Boolean).map((t) => decodeEntities(t!.trim())).join(' — ');
	return { ok: false, error: error || html.slice(0, 500) };
}

/** Follows the provider's redirects from `authUrl` until one points at n8n's callback. */
export async function followToCallback(authUrl: string, callbackPrefix: string, maxHops = 5): Promise<string> {
	let url = authUrl;
	for (let hop = 0; hop < maxHops; hop++) {
		const res = await axios.get(url, { maxRedirects: 0, proxy: false, validateStatus: () => true, timeout: 30_000 });
		const location = res.headers.location as string | undefined;
		if (res.status < 300 || res.status >= 400 || !location) {
			throw new Error(`authorize step ${url} answered ${res.status} without a redirect: ${String(res.data).slice(0, 300)}`);
		}
		url = new URL(location, url).toString();
		if (url.startsWith(callbackPrefix)) return url;
	}
	throw new Error(`no redirect to ${callbackPrefix} within ${maxHops} hops (last: ${url})`);
}

/** Runs the whole flow for an OAuth2 credential (type extending oAuth2Api). Resolves with
 *  n8n's verdict; it does not throw when n8n reports a failure (check `ok`). */
export async function completeOAuth2Flow(
	client: RestClient,
	credentialId: string,
	{ withCookie = true }: { withCookie?: boolean } = {},
): Promise<OAuth2FlowResult> {
	const authUrl = await client.getOAuth2AuthUrl(credentialId);
	const callbackPrefix = `${client.baseUrl}/rest/oauth2-credential/callback`;
	const callbackUrl = await followToCallback(authUrl, callbackPrefix);
	const res = withCookie
		? await client.raw('GET', callbackUrl.slice(client.baseUrl.length))
		: await axios.get(callbackUrl, { proxy: false, maxRedirects: 0, validateStatus: () => true });
	const html = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
	return { authUrl, callbackUrl, html, ...parseOAuthCallbackPage(html) };
}
