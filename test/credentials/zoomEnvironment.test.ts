import { zoomApiBaseUrl, zoomOAuthBaseUrl, zoomUrlExpression } from '../../nodes/shared/zoomEnvironment';
import { describeZoomTokenFailure } from '../../nodes/shared/zoomTokenErrors';

describe('Zoom environments', () => {
	it.each([
		[{ environment: 'zoom' }, 'https://api.zoom.us/v2', 'https://zoom.us'],
		[{}, 'https://api.zoom.us/v2', 'https://zoom.us'],
		[{ environment: 'zoomGov' }, 'https://api.zoomgov.com/v2', 'https://zoomgov.com'],
		[{ environment: 'custom', apiBaseUrl: 'http://127.0.0.1:4010/zoom/v2/', oauthBaseUrl: 'http://127.0.0.1:4010/zoom//' }, 'http://127.0.0.1:4010/zoom/v2', 'http://127.0.0.1:4010/zoom'],
	])('%j → API %s, OAuth %s', (credentials, api, oauth) => {
		expect(zoomApiBaseUrl(credentials)).toBe(api);
		expect(zoomOAuthBaseUrl(credentials)).toBe(oauth);
	});

	it('gives expressions that pick the same hosts (used where only expressions are allowed)', () => {
		const expression = zoomUrlExpression('$self', 'oauth', '/oauth/authorize');
		expect(expression.startsWith('={{')).toBe(true);
		expect(expression).toContain("'https://zoomgov.com'");
		expect(expression).toContain("'https://zoom.us'");
		expect(expression).toContain('$self.oauthBaseUrl');
		expect(expression).toContain("+ '/oauth/authorize'");
	});
});

describe('token failures say which field is wrong', () => {
	const url = 'https://zoom.us/oauth/token';
	it.each([
		[{ status: 401, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } }, /Client ID or Client Secret/],
		[{ status: 400, body: '{"reason":"Invalid account_id","error":"invalid_request"}' }, /Account ID/],
		[{ status: 400, body: { error: 'unsupported_grant_type', reason: 'unsupported grant type' } }, /Server-to-Server OAuth/],
		[{ networkCode: 'ENOTFOUND' }, /Could not reach Zoom's OAuth server at https:\/\/zoom\.us\/oauth\/token \(host not found\)/],
		[{ status: 503, body: 'Service Unavailable' }, /answered HTTP 503: Service Unavailable/],
	])('%j', (failure, message) => {
		const text = describeZoomTokenFailure(failure, url);
		expect(text).toMatch(message);
		// n8n replaces messages that contain raw network codes with its own generic text.
		expect(text).not.toMatch(/ENOTFOUND|ECONNREFUSED/);
	});
});
