import {
	encryptPlainToken,
	signZoomDelivery,
	verifyZoomDelivery,
} from '../../nodes/ZoomTrigger/signature';

// Known-answer vectors computed outside this code base with `openssl dgst -sha256 -hmac`.
const SECRET = 'qgg2E8mVSe2Rj2vm9B8BKg';
const TIMESTAMP = '1700000000';
// Non-ASCII topic, an emoji and JSON-escaped slashes, exactly as bytes on the wire.
const RAW_BODY = Buffer.from(
	'{"event":"meeting.started","event_ts":1700000000123,"payload":{"account_id":"AAAAAAAAAAAAAAAAAAAAAA","object":{"id":"85746065432","topic":"Réunion 東京 🎉","join_url":"https:\\/\\/zoom.us\\/j\\/85746065432"}}}',
	'utf8',
);
const RAW_SIGNATURE = 'v0=3c6cdc1f0614d7fd67cabce667ddf84eed31b017d7ff61ec4334595afe35a1ff';

const verify = (overrides: Partial<Parameters<typeof verifyZoomDelivery>[0]> = {}) =>
	verifyZoomDelivery({
		secretToken: SECRET,
		rawBody: RAW_BODY,
		signatureHeader: RAW_SIGNATURE,
		timestampHeader: TIMESTAMP,
		nowSeconds: Number(TIMESTAMP) + 10,
		toleranceSeconds: 300,
		...overrides,
	});

describe('Zoom webhook signature (known answers)', () => {
	it('signs the raw bytes as v0=hex(HMAC_SHA256(secret, "v0:ts:body"))', () => {
		expect(signZoomDelivery(SECRET, TIMESTAMP, RAW_BODY)).toBe(RAW_SIGNATURE);
		expect(signZoomDelivery(SECRET, TIMESTAMP, Buffer.from('{"event":"meeting.ended"}'))).toBe(
			'v0=8c62c6553492a383c034dcb31071632f434192bff0fabd7803ff09dd0de25c4f',
		);
	});

	it('answers the URL-validation challenge with hex(HMAC_SHA256(secret, plainToken))', () => {
		expect(encryptPlainToken(SECRET, 'plainTokenValue_123')).toBe(
			'bb8e42f06ace7b63359102455650fd0a71e4ddc08859601327a3d2c868b851d4',
		);
	});

	it('accepts the raw bytes that a re-serializing implementation would get wrong', () => {
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(RAW_BODY.toString('utf8'))));
		expect(reserialized.equals(RAW_BODY)).toBe(false); // the escaped slashes are gone
		expect(verify()).toEqual({ ok: true, timestamp: Number(TIMESTAMP) });
		expect(verify({ rawBody: reserialized })).toEqual({ ok: false, reason: 'signature does not match' });
	});

	it('accepts unusual whitespace and CRLF exactly as sent', () => {
		const body = Buffer.from('{ "event" :\r\n\t"meeting.ended" ,\n "payload": {} }  \n');
		const signatureHeader = signZoomDelivery(SECRET, TIMESTAMP, body);
		expect(verify({ rawBody: body, signatureHeader }).ok).toBe(true);
	});
});

describe('every single-byte change is rejected', () => {
	it('in the body', () => {
		for (let i = 0; i < RAW_BODY.length; i++) {
			const changed = Buffer.from(RAW_BODY);
			changed[i] ^= 0x01;
			expect(verify({ rawBody: changed }).ok).toBe(false);
		}
	});

	it('in the timestamp', () => {
		for (let i = 0; i < TIMESTAMP.length; i++) {
			for (const digit of '0123456789') {
				if (digit === TIMESTAMP[i]) continue;
				const changed = TIMESTAMP.slice(0, i) + digit + TIMESTAMP.slice(i + 1);
				// Keep "now" next to the changed timestamp so only the signature can reject it.
				expect(verify({ timestampHeader: changed, nowSeconds: Number(changed) }).ok).toBe(false);
			}
		}
	});

	it('in the signature', () => {
		for (let i = 0; i < RAW_SIGNATURE.length; i++) {
			const replacement = RAW_SIGNATURE[i] === 'a' ? 'b' : 'a';
			const changed = RAW_SIGNATURE.slice(0, i) + replacement + RAW_SIGNATURE.slice(i + 1);
			expect(verify({ signatureHeader: changed }).ok).toBe(false);
		}
	});
});

describe('headers and freshness', () => {
	it.each([
		[{ signatureHeader: undefined }, 'missing x-zm-signature header'],
		[{ signatureHeader: ['v0=abc'] }, 'missing x-zm-signature header'],
		[{ timestampHeader: undefined }, 'missing x-zm-request-timestamp header'],
		[{ timestampHeader: '17e8' }, 'malformed x-zm-request-timestamp header'],
		[{ signatureHeader: RAW_SIGNATURE.toUpperCase() }, 'malformed x-zm-signature header'],
		[{ signatureHeader: `${RAW_SIGNATURE}00` }, 'malformed x-zm-signature header'],
		[{ nowSeconds: Number(TIMESTAMP) + 301 }, 'stale x-zm-request-timestamp (outside the allowed window)'],
		[{ nowSeconds: Number(TIMESTAMP) - 301 }, 'stale x-zm-request-timestamp (outside the allowed window)'],
		[{ secretToken: 'another-secret-token-x' }, 'signature does not match'],
	])('%j → %s', (overrides, reason) => {
		expect(verify(overrides as never)).toEqual({ ok: false, reason });
	});

	it('accepts a delivery at the edge of the window', () => {
		expect(verify({ nowSeconds: Number(TIMESTAMP) + 300 }).ok).toBe(true);
		expect(verify({ nowSeconds: Number(TIMESTAMP) - 300 }).ok).toBe(true);
	});

	it('never puts the secret or the expected signature in a reason', () => {
		const verdict = verify({ rawBody: Buffer.from('tampered') });
		expect(verdict.ok).toBe(false);
		const reason = (verdict as { reason: string }).reason;
		expect(reason).not.toContain(SECRET);
		expect(reason).not.toContain(signZoomDelivery(SECRET, TIMESTAMP, Buffer.from('tampered')).slice(3));
	});
});

describe('verifyZoomDelivery fails closed on its own settings', () => {
	it('refuses every delivery when the secret is empty or blank, even one signed with that empty key', () => {
		for (const secretToken of ['', '  ']) {
			const signature = signZoomDelivery(secretToken, TIMESTAMP, RAW_BODY);
			expect(verify({ secretToken, signatureHeader: signature })).toEqual({ ok: false, reason: 'no secret token configured' });
		}
	});

	it('refuses every delivery when the tolerance is not a finite positive number (a 2001 timestamp included)', () => {
		for (const toleranceSeconds of [Number.NaN, Number.POSITIVE_INFINITY, 0, -5]) {
			expect(verify({ toleranceSeconds })).toEqual({ ok: false, reason: 'no valid timestamp tolerance configured' });
			expect(verify({ toleranceSeconds, nowSeconds: Number(TIMESTAMP) + 730_000_000 }).ok).toBe(false);
		}
	});
});
