/**
 * Small HTTP helpers for the simulator's own tests (not a test file itself). Plain `fetch`, so what
 * is sent is exactly what the test wrote.
 */
import type { Simulator } from './types';

export interface Reply<T = any> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export async function call<T = any>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
	const res = await fetch(url, { redirect: 'manual', ...init });
	const text = await res.text();
	let body: any = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON: keep the text
	}
	return { status: res.status, headers: res.headers, body, text };
}

export function basic(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export function oauthToken(sim: Simulator, params: Record<string, string>, auth?: string): Promise<Reply> {
	return call(`${sim.zoomOAuthBaseUrl}/oauth/token`, {
		method: 'POST',
		headers: {
			authorization: auth ?? basic(sim.credentials.zoom.clientId, sim.credentials.zoom.clientSecret),
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams(params).toString(),
	});
}

export async function s2sToken(sim: Simulator): Promise<string> {
	const reply = await oauthToken(sim, { grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId });
	if (reply.status !== 200) throw new Error(`token request failed: ${reply.status} ${reply.text}`);
	return reply.body.access_token as string;
}

export async function appToken(sim: Simulator): Promise<string> {
	const reply = await oauthToken(sim, { grant_type: 'client_credentials' }, basic(sim.credentials.zoomUser.clientId, sim.credentials.zoomUser.clientSecret));
	return reply.body.access_token as string;
}

/** Runs the user OAuth flow: authorize (auto-consent) then exchange the code. */
export async function userTokens(sim: Simulator, redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback'): Promise<{ access_token: string; refresh_token: string }> {
	const auth = await call(
		`${sim.zoomOAuthBaseUrl}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: sim.credentials.zoomUser.clientId, redirect_uri: redirectUri, state: 's1' })}`,
	);
	const code = new URL(auth.headers.get('location') as string).searchParams.get('code') as string;
	const reply = await oauthToken(
		sim,
		{ grant_type: 'authorization_code', code, redirect_uri: redirectUri },
		basic(sim.credentials.zoomUser.clientId, sim.credentials.zoomUser.clientSecret),
	);
	return reply.body;
}

export function zoom<T = any>(sim: Simulator, path: string, token: string, init: RequestInit = {}): Promise<Reply<T>> {
	return call(`${sim.zoomApiBaseUrl}${path}`, {
		...init,
		headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
	});
}

export function brevo<T = any>(sim: Simulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
	return call(`${sim.brevoApiBaseUrl}${path}`, {
		method,
		headers: { 'api-key': sim.credentials.brevo.apiKey, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
}

/** A clock tests move by hand: `clock.advance(1000)`. */
export function manualClock(start = Date.parse('2026-03-02T12:00:00Z')) {
	const clock = {
		t: start,
		now: () => clock.t,
		advance(ms: number) {
			clock.t += ms;
		},
	};
	return clock;
}

export function encodeTwice(value: string): string {
	return encodeURIComponent(encodeURIComponent(value));
}
