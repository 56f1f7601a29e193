import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { randomToken, randomUUID } from './random';
import type { WebhookDelivery, WebhookResult } from './types';

/**
 * Zoom's webhook signature, written here independently of the package so tests check the
 * package against the rule, not against itself: `v0=` + hex HMAC-SHA256 of `v0:{ts}:{raw body}`.
 */
export function signZoomWebhook(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
	return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

/** The `encryptedToken` a receiver must answer to `endpoint.url_validation`: hex HMAC-SHA256 of the plain token. */
export function zoomUrlValidationToken(secret: string, plainToken: string): string {
	return createHmac('sha256', secret).update(plainToken).digest('hex');
}

export interface DeliveryContext {
	now: () => number;
	/** Sent as the `clientid` header, as Zoom does. */
	clientId: string;
}

/** Builds the exact bytes and headers Zoom would send for one delivery. */
export function buildDelivery(ctx: DeliveryContext, delivery: WebhookDelivery): { body: string; headers: Record<string, string> } {
	const timestamp = delivery.timestamp ?? Math.floor(ctx.now() / 1000);
	const body =
		delivery.rawBody ??
		JSON.stringify({
			event: delivery.event,
			event_ts: delivery.timestamp !== undefined ? timestamp * 1000 : ctx.now(),
			...(delivery.download_token === undefined ? {} : { download_token: delivery.download_token }),
			payload: delivery.payload,
		});
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'user-agent': 'Zoom Marketplace/1.0a',
		'x-zm-request-timestamp': String(timestamp),
		'x-zm-signature': delivery.signature ?? signZoomWebhook(delivery.secretToken, timestamp, body),
		'x-zm-trackingid': delivery.trackingId ?? `v=2.0;clid=${randomToken(6)};rid=${randomUUID()}`,
		clientid: ctx.clientId,
		...(delivery.headers ?? {}),
	};
	return { body, headers };
}

/** Zoom gives a receiver 3 seconds; a slower answer counts as a failed delivery. */
export const DELIVERY_TIMEOUT_MS = 3000;

export function postRaw(targetUrl: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<WebhookResult> {
	const url = new URL(targetUrl);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	return new Promise((resolve, reject) => {
		const req = send(
			url,
			{ method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: timeoutMs, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const out: Record<string, string> = {};
					for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
					resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: out });
				});
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`webhook receiver did not answer within ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}

export function sendWebhook(ctx: DeliveryContext, targetUrl: string, delivery: WebhookDelivery): Promise<WebhookResult> {
	const { body, headers } = buildDelivery(ctx, delivery);
	return postRaw(targetUrl, body, headers);
}

/** Posts `endpoint.url_validation` and checks the receiver's answer the way Zoom does. */
export async function sendUrlValidation(
	ctx: DeliveryContext,
	targetUrl: string,
	options: { secretToken: string; plainToken?: string; timestamp?: number },
): Promise<WebhookResult & { plainToken: string; expectedEncryptedToken: string; valid: boolean }> {
	const plainToken = options.plainToken ?? randomToken(16);
	const result = await sendWebhook(ctx, targetUrl, {
		event: 'endpoint.url_validation',
		payload: { plainToken },
		secretToken: options.secretToken,
		timestamp: options.timestamp,
	});
	const expectedEncryptedToken = zoomUrlValidationToken(options.secretToken, plainToken);
	let valid = false;
	try {
		const answer = JSON.parse(result.body) as { plainToken?: unknown; encryptedToken?: unknown };
		valid = result.status === 200 && answer.plainToken === plainToken && answer.encryptedToken === expectedEncryptedToken;
	} catch {
		valid = false;
	}
	return { ...result, plainToken, expectedEncryptedToken, valid };
}
