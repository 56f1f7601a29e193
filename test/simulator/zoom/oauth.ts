import { createHash } from 'node:crypto';
import { isObject, json, type SimRequest, type SimResponse } from '../http';
import { randomToken } from '../random';
import { zoomErrors } from './errors';
import type { IssuedToken, ZoomContext } from './state';

/**
 * Zoom's OAuth server (`https://zoom.us/oauth/...`).
 *
 * Error bodies are `{reason, error}`, not the API's `{code, message}`. The two S2S failures a
 * credential test must tell apart answer differently:
 * - wrong client id or secret → 401 `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`
 * - wrong or missing account id → 400 `{"reason":"Invalid account_id","error":"invalid_request"}`
 */
export const OAUTH_ERRORS = {
	invalidClient: () => json(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' }),
	invalidAccount: () => json(400, { reason: 'Invalid account_id', error: 'invalid_request' }),
	unsupportedGrant: () => json(400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' }),
	invalidCode: (code: string) => json(400, { reason: `Invalid authorization code ${code}`, error: 'invalid_grant' }),
	redirectMismatch: () => json(400, { reason: 'Redirect URI mismatch.', error: 'invalid_request' }),
	invalidVerifier: () => json(400, { reason: 'Invalid code_verifier', error: 'invalid_request' }),
	/** Unknown, already-used (rotated) or revoked refresh token. */
	invalidRefreshToken: () => json(400, { reason: 'Invalid Token!', error: 'invalid_request' }),
};

const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;

type App = 's2s' | 'user';

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
	const match = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1].trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function identifyApp(ctx: ZoomContext, header: string | undefined): App | undefined {
	const creds = basicCredentials(header);
	if (!creds) return undefined;
	const { config } = ctx;
	if (creds.id === config.clientId && creds.secret === config.clientSecret) return 's2s';
	if (creds.id === config.userClientId && creds.secret === config.userClientSecret) return 'user';
	return undefined;
}

function issue(ctx: ZoomContext, kind: IssuedToken['kind'], clientId: string, userId: string): IssuedToken {
	const now = ctx.now();
	const token: IssuedToken = {
		token: `sim-${kind}-${randomToken(48)}`,
		kind,
		clientId,
		userId,
		scopes: [...ctx.config.grantedScopes],
		issuedAt: now,
		expiresAt: now + ctx.config.tokenTtlMs,
	};
	ctx.state.tokens.set(token.token, token);
	ctx.state.issuedTokenCount++;
	return token;
}

function tokenBody(ctx: ZoomContext, token: IssuedToken): Record<string, unknown> {
	return {
		access_token: token.token,
		token_type: 'bearer',
		expires_in: Math.max(1, Math.round(ctx.config.tokenTtlMs / 1000)),
		scope: token.scopes.join(' '),
		// Zoom answers its API host; `${api_url}/v2` is the REST base.
		api_url: `${ctx.baseUrl}/zoom`,
	};
}

function withRefreshToken(ctx: ZoomContext, token: IssuedToken): SimResponse {
	const refresh = `sim-refresh-${randomToken(48)}`;
	ctx.state.refreshTokens.set(refresh, { token: refresh, clientId: token.clientId, userId: token.userId, scopes: token.scopes });
	return json(200, { ...tokenBody(ctx, token), refresh_token: refresh });
}

/** `POST /oauth/token`. Zoom takes the parameters from the form body or the query string. */
export function handleToken(ctx: ZoomContext, req: SimRequest): SimResponse {
	const params: Record<string, string> = { ...req.query };
	if (isObject(req.body) && !(req.headers['content-type'] ?? '').includes('json')) {
		for (const [k, v] of Object.entries(req.body)) if (typeof v === 'string') params[k] = v;
	}
	const app = identifyApp(ctx, req.headers.authorization);
	if (!app) return OAUTH_ERRORS.invalidClient();
	const owner = ctx.state.users[0]?.id ?? '';

	switch (params.grant_type) {
		case 'account_credentials': {
			if (app !== 's2s') return OAUTH_ERRORS.unsupportedGrant();
			if (!params.account_id || params.account_id !== ctx.config.accountId) return OAUTH_ERRORS.invalidAccount();
			return json(200, tokenBody(ctx, issue(ctx, 'account', ctx.config.clientId, owner)));
		}
		case 'client_credentials': {
			if (app !== 'user') return OAUTH_ERRORS.unsupportedGrant();
			return json(200, tokenBody(ctx, issue(ctx, 'app', ctx.config.userClientId, owner)));
		}
		case 'authorization_code': {
			if (app !== 'user') return OAUTH_ERRORS.unsupportedGrant();
			const code = params.code ?? '';
			const grant = ctx.state.authorizationCodes.get(code);
			if (!grant || grant.clientId !== ctx.config.userClientId || grant.expiresAt <= ctx.now()) return OAUTH_ERRORS.invalidCode(code);
			if ((params.redirect_uri ?? '') !== grant.redirectUri) return OAUTH_ERRORS.redirectMismatch();
			if (grant.codeChallenge && !verifierMatches(grant.codeChallenge, grant.codeChallengeMethod, params.code_verifier)) {
				return OAUTH_ERRORS.invalidVerifier();
			}
			ctx.state.authorizationCodes.delete(code); // single use
			return withRefreshToken(ctx, issue(ctx, 'user', grant.clientId, grant.userId));
		}
		case 'refresh_token': {
			if (app !== 'user') return OAUTH_ERRORS.unsupportedGrant();
			const grant = ctx.state.refreshTokens.get(params.refresh_token ?? '');
			if (!grant) return OAUTH_ERRORS.invalidRefreshToken();
			// Zoom rotates refresh tokens: the one just used is dead from now on.
			ctx.state.refreshTokens.delete(grant.token);
			return withRefreshToken(ctx, issue(ctx, 'user', grant.clientId, grant.userId));
		}
		default:
			return OAUTH_ERRORS.unsupportedGrant();
	}
}

function verifierMatches(challenge: string, method: string | undefined, verifier: string | undefined): boolean {
	if (!verifier) return false;
	if ((method ?? 'plain').toUpperCase() === 'S256') {
		return createHash('sha256').update(verifier).digest('base64url') === challenge;
	}
	return verifier === challenge;
}

/** `GET /oauth/authorize`: consent is automatic, as if the owner clicked "Allow". */
export function handleAuthorize(ctx: ZoomContext, req: SimRequest): SimResponse {
	const q = req.query;
	if (q.client_id !== ctx.config.userClientId) return json(400, { reason: `Invalid client_id: ${q.client_id ?? ''}`, error: 'invalid_client' });
	if (q.response_type !== 'code') return json(400, { reason: 'Unsupported response type', error: 'unsupported_response_type' });
	let redirect: URL;
	try {
		redirect = new URL(q.redirect_uri ?? '');
		if (!/^https?:$/.test(redirect.protocol)) throw new Error('scheme');
	} catch {
		return json(400, { reason: 'Invalid redirect_uri', error: 'invalid_request' });
	}
	const code = randomToken(24);
	ctx.state.authorizationCodes.set(code, {
		code,
		clientId: q.client_id,
		redirectUri: q.redirect_uri,
		userId: ctx.state.users[0]?.id ?? '',
		expiresAt: ctx.now() + AUTHORIZATION_CODE_TTL_MS,
		codeChallenge: q.code_challenge,
		codeChallengeMethod: q.code_challenge_method,
	});
	redirect.searchParams.set('code', code);
	if (q.state !== undefined) redirect.searchParams.set('state', q.state);
	return { status: 302, headers: { Location: redirect.toString() } };
}

/** Resolves the bearer token of an API request, or answers Zoom's 401. */
export function authenticate(ctx: ZoomContext, req: SimRequest): IssuedToken | SimResponse {
	const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	const token = match ? ctx.state.tokens.get(match[1].trim()) : undefined;
	if (!token) return zoomErrors.invalidToken();
	if (token.expiresAt <= ctx.now()) return zoomErrors.expiredToken();
	return token;
}
