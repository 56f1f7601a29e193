import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Zoom webhook signatures, computed over the exact bytes Zoom sent. Parsing the JSON and
 * serializing it again (what Zoom's own sample code does) changes non-ASCII text, escaped
 * slashes and spacing, and then valid deliveries fail; so every function here takes a Buffer.
 */

const SIGNATURE_PATTERN = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP_PATTERN = /^[0-9]{1,12}$/;

export function signZoomDelivery(secretToken: string, timestamp: string, rawBody: Buffer): string {
	const hmac = createHmac('sha256', secretToken);
	hmac.update(`v0:${timestamp}:`);
	hmac.update(rawBody);
	return `v0=${hmac.digest('hex')}`;
}

/** The answer to Zoom's `endpoint.url_validation` challenge. */
export function encryptPlainToken(secretToken: string, plainToken: string): string {
	return createHmac('sha256', secretToken).update(plainToken).digest('hex');
}

export type Verdict =
	| { ok: true; timestamp: number }
	| { ok: false; reason: string };

export interface DeliveryToVerify {
	secretToken: string;
	rawBody: Buffer;
	signatureHeader: unknown;
	timestampHeader: unknown;
	nowSeconds: number;
	toleranceSeconds: number;
}

/** Checks signature and freshness. Reasons are short and safe to send back to the caller:
 *  they never include the secret or the expected signature. */
export function verifyZoomDelivery(delivery: DeliveryToVerify): Verdict {
	const { signatureHeader, timestampHeader } = delivery;
	// Fail closed: with an empty key anyone can sign, and a window that is not a number would let
	// every timestamp through (|now - ts| > NaN is always false).
	if (typeof delivery.secretToken !== 'string' || delivery.secretToken.trim() === '') {
		return { ok: false, reason: 'no secret token configured' };
	}
	if (!Number.isFinite(delivery.toleranceSeconds) || delivery.toleranceSeconds <= 0) {
		return { ok: false, reason: 'no valid timestamp tolerance configured' };
	}
	if (typeof signatureHeader !== 'string' || signatureHeader === '') {
		return { ok: false, reason: 'missing x-zm-signature header' };
	}
	if (typeof timestampHeader !== 'string' || timestampHeader === '') {
		return { ok: false, reason: 'missing x-zm-request-timestamp header' };
	}
	if (!TIMESTAMP_PATTERN.test(timestampHeader)) {
		return { ok: false, reason: 'malformed x-zm-request-timestamp header' };
	}
	if (!SIGNATURE_PATTERN.test(signatureHeader)) {
		return { ok: false, reason: 'malformed x-zm-signature header' };
	}
	const timestamp = Number(timestampHeader);
	// A captured delivery must not be replayable later: Zoom names no window, 5 minutes is usual.
	if (Math.abs(delivery.nowSeconds - timestamp) > delivery.toleranceSeconds) {
		return { ok: false, reason: 'stale x-zm-request-timestamp (outside the allowed window)' };
	}
	const expected = Buffer.from(signZoomDelivery(delivery.secretToken, timestampHeader, delivery.rawBody));
	const received = Buffer.from(signatureHeader);
	// Both are 67 ASCII bytes here (pattern checked above), so timingSafeEqual cannot throw.
	if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
		return { ok: false, reason: 'signature does not match' };
	}
	return { ok: true, timestamp };
}
