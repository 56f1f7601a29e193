import type { ZoomFixture, ZoomMeeting, ZoomUser, ZoomWebinar } from '../fixture/types';
import type { ZoomRateCategory } from '../types';

/** One access token the simulator issued. `kind` says which grant made it: `account` (S2S
 *  account_credentials), `user` (authorization_code / refresh_token) or `app` (client_credentials). */
export interface IssuedToken {
	token: string;
	kind: 'account' | 'user' | 'app';
	clientId: string;
	/** The Zoom user a `user` token acts for; the owner otherwise. */
	userId: string;
	scopes: string[];
	issuedAt: number;
	expiresAt: number;
}

export interface RefreshGrant {
	token: string;
	clientId: string;
	userId: string;
	scopes: string[];
}

export interface AuthorizationCode {
	code: string;
	clientId: string;
	redirectUri: string;
	userId: string;
	expiresAt: number;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

export interface PageCursor {
	/** The list this token belongs to (method, path and filters): a token is no good elsewhere. */
	list: string;
	offset: number;
	expiresAt: number;
}

/** Stored like Zoom shows it back from `GET /marketplace/app/event_subscription`; no secret: Zoom
 *  signs deliveries with the app's secret token, which is not part of a subscription. */
export interface ZoomEventSubscription {
	event_subscription_id: string;
	event_subscription_name: string;
	event_webhook_url: string;
	events: string[];
	subscription_scope: 'user' | 'account' | 'master_account';
	user_ids: string[];
	account_id: string;
	created_source: 'openapi';
	subscriber_id: string;
	/** False after an unsubscribe without user ids. */
	subscribed: boolean;
	created_at: string;
}

export interface ZoomConfig {
	accountId: string;
	clientId: string;
	clientSecret: string;
	userClientId: string;
	userClientSecret: string;
	grantedScopes: string[];
	tokenTtlMs: number;
	pageTokenTtlMs: number;
	plan: 'free' | 'pro' | 'business';
	limits: Record<ZoomRateCategory, number>;
	dailyLimit: number;
}

export interface ZoomState {
	accountId: string;
	users: ZoomUser[];
	meetings: ZoomMeeting[];
	webinars: ZoomWebinar[];
	tokens: Map<string, IssuedToken>;
	refreshTokens: Map<string, RefreshGrant>;
	authorizationCodes: Map<string, AuthorizationCode>;
	pageTokens: Map<string, PageCursor>;
	eventSubscriptions: Map<string, ZoomEventSubscription>;
	/** Access tokens issued so far, any grant. */
	issuedTokenCount: number;
	/** Heavy + Resource-intensive requests on `day` (UTC, YYYY-MM-DD). */
	dailyUsage: { day: string; count: number };
	/** Add-registrant requests per `meeting|webinar:id:email:UTC day` (zoom/registrants.ts). */
	registrantAdds: Map<string, number>;
}

/** Fixture records are shared, not copied: tests may add meetings to `sim.zoom.meetings` directly. */
export function createZoomState(fixture: ZoomFixture, accountId: string): ZoomState {
	return {
		accountId,
		users: fixture.users,
		meetings: fixture.meetings,
		webinars: fixture.webinars,
		tokens: new Map(),
		refreshTokens: new Map(),
		authorizationCodes: new Map(),
		pageTokens: new Map(),
		eventSubscriptions: new Map(),
		issuedTokenCount: 0,
		dailyUsage: { day: '', count: 0 },
		registrantAdds: new Map(),
	};
}

export interface ZoomContext {
	state: ZoomState;
	config: ZoomConfig;
	now: () => number;
	/** http://127.0.0.1:PORT */
	baseUrl: string;
}
