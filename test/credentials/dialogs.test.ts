/**
 * What the package's credential dialogs show, decided by n8n's own functions the way n8n's editor
 * uses them (useCredentialForm in n8n-editor-ui 2.41): a field is shown unless it is `hidden` or
 * NodeHelpers.displayParameter says no for the credential's data; a new credential's data is
 * every field's default; saving keeps NodeHelpers.getNodeParameters(properties, data, false,
 * false) — displayed fields that differ from their default.
 *
 * Also: the base URLs that point a credential at the simulator are hidden fields that survive
 * editing, and scope lists live in the README, not in the dialogs. Which hosts the base URLs and
 * the Environment give: zoomEnvironment.test.ts.
 */
import '../harness';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, Workflow, type INode, type INodeParameters, type INodeType, type INodeTypes } from 'n8n-workflow';

import { TestCredentialTypes } from '../harness/credential-types';
import { BrevoV3Api } from '../../credentials/BrevoV3Api.credentials';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { ZoomWebhookSecretApi } from '../../credentials/ZoomWebhookSecretApi.credentials';
import { SERVER_TO_SERVER_SCOPES } from '../../nodes/shared/zoomScopes';

const ours = [new BrevoV3Api(), new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api(), new ZoomWebhookSecretApi()];
const types = new TestCredentialTypes(ours);
// Own properties and the parent's (oAuth2Api), as n8n merges them.
const propertiesOf = (type: string) => types.getCredentialsProperties(type);

/** The editor's data for a credential: stored values, but for empty ones, over every field's default. */
function editorData(type: string, stored: Record<string, unknown> = {}): INodeParameters {
	const withDefaults = NodeHelpers.getNodeParameters(propertiesOf(type), {}, true, true, null, null) ?? {};
	const filled = Object.entries(stored).filter(([, value]) => value !== '');
	return { ...withDefaults, ...(Object.fromEntries(filled) as INodeParameters) };
}

/** Names of the fields the dialog shows for this data, in order. */
function shown(type: string, stored: Record<string, unknown> = {}): string[] {
	const data = editorData(type, stored);
	return propertiesOf(type)
		.filter((property) => property.type !== 'hidden' && NodeHelpers.displayParameter(data, property, null, null))
		.map((property) => property.name);
}

/** What the editor sends when the credential is saved. */
function savedData(type: string, stored: Record<string, unknown>) {
	return NodeHelpers.getNodeParameters(propertiesOf(type), editorData(type, stored), false, false, null, null) ?? {};
}

const SIM_ZOOM = { apiBaseUrl: 'http://127.0.0.1:4010/zoom/v2', oauthBaseUrl: 'http://127.0.0.1:4010/zoom' };
const LEGACY_CUSTOM = { environment: 'custom', apiBaseUrl: 'https://zoom-proxy.example/v2/', oauthBaseUrl: 'https://zoom-proxy.example/' };
// n8n's own: its loader adds the domain fields to every credential that authenticates requests,
// and oauthTokenData holds the OAuth2 tokens (the editor shows a Connect button for it).
const N8N_FIELDS = ['allowedHttpRequestDomains', 'allowedDomains', 'oauthTokenData'];
const own = (names: string[]) => names.filter((name) => !N8N_FIELDS.includes(name));

describe('a new credential shows only the fields a user fills in', () => {
	it.each([
		['brevoV3Api', ['apiKey']],
		['zoomServerToServerOAuthApi', ['environment', 'accountId', 'clientId', 'clientSecret']],
		// oAuth2Api's fields come first, as n8n merges a child's properties after its parent's.
		['zoomUserOAuth2Api', ['clientId', 'clientSecret', 'scopesNotice', 'environment']],
		['zoomWebhookSecretApi', ['secretToken']],
	])('%s: %j', (type, expected) => {
		expect(own(shown(type))).toEqual(expected);
	});

	it('keeps the display names that set them apart from n8n\'s own credentials', () => {
		expect(Object.fromEntries(ours.map((type) => [type.name, type.displayName]))).toEqual({
			brevoV3Api: 'Zoom to Brevo: Brevo API',
			zoomServerToServerOAuthApi: 'Zoom to Brevo: Zoom Server-to-Server OAuth API',
			zoomUserOAuth2Api: 'Zoom to Brevo: Zoom User OAuth2 API',
			zoomWebhookSecretApi: 'Zoom to Brevo: Zoom Webhook Secret API',
		});
	});

	it('offers Zoom (Global) and ZoomGov as environments, nothing else', () => {
		for (const type of ['zoomServerToServerOAuthApi', 'zoomUserOAuth2Api']) {
			const environment = propertiesOf(type).find((property) => property.name === 'environment');
			expect(environment?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual(['zoom', 'zoomGov']);
		}
	});

	it('puts no scope list in a hint, description or notice (the README has them)', () => {
		for (const type of ours) {
			for (const property of propertiesOf(type.name)) {
				for (const text of [property.displayName, property.hint, property.description]) {
					expect(text ?? '').not.toMatch(/\w+:read:\w+/);
					expect((text ?? '').length).toBeLessThanOrEqual(240);
				}
			}
		}
	});
});

describe('a credential pointed at a test server says so', () => {
	const NOTICE = /talks to a test server, not to (Zoom|Brevo)/;
	const noticesShown = (type: string, stored: Record<string, unknown>) =>
		propertiesOf(type)
			.filter((property) => property.type === 'notice' && NOTICE.test(property.displayName))
			.filter((property) => NodeHelpers.displayParameter(editorData(type, stored), property, null, null));

	it.each(['zoomServerToServerOAuthApi', 'zoomUserOAuth2Api'])('%s: the notice instead of the Environment', (type) => {
		expect(noticesShown(type, {})).toHaveLength(0);
		expect(noticesShown(type, { apiBaseUrl: '', oauthBaseUrl: '' })).toHaveLength(0);
		for (const stored of [SIM_ZOOM, LEGACY_CUSTOM, { oauthBaseUrl: SIM_ZOOM.oauthBaseUrl }, { apiBaseUrl: SIM_ZOOM.apiBaseUrl }]) {
			expect(noticesShown(type, stored)).toHaveLength(1);
			// The Environment has no effect beside a base URL.
			expect(shown(type, stored)).not.toContain('environment');
		}
		expect(shown(type, SIM_ZOOM)).not.toContain('apiBaseUrl');
	});

	it('brevoV3Api: the notice only for a Base URL other than Brevo\'s', () => {
		expect(noticesShown('brevoV3Api', {})).toHaveLength(0);
		for (const baseUrl of ['https://api.brevo.com/v3', 'https://api.brevo.com/v3/', '']) {
			expect(noticesShown('brevoV3Api', { baseUrl })).toHaveLength(0);
		}
		for (const baseUrl of ['http://127.0.0.1:4010/brevo/v3', 'https://brevo-proxy.example/v3']) {
			expect(noticesShown('brevoV3Api', { baseUrl })).toHaveLength(1);
		}
		expect(shown('brevoV3Api', { baseUrl: 'http://127.0.0.1:4010/brevo/v3' })).toEqual(expect.not.arrayContaining(['baseUrl']));
	});
});

describe('hidden base URLs survive the editor', () => {
	it.each([
		['zoomServerToServerOAuthApi', { ...LEGACY_CUSTOM, accountId: 'a', clientId: 'c', clientSecret: 's' }],
		['zoomUserOAuth2Api', { ...SIM_ZOOM, clientId: 'c', clientSecret: 's' }],
	])('%s: saving keeps apiBaseUrl and oauthBaseUrl', (type, stored) => {
		expect(savedData(type, stored)).toMatchObject({ apiBaseUrl: stored.apiBaseUrl, oauthBaseUrl: stored.oauthBaseUrl });
	});

	it('brevoV3Api: saving keeps a Base URL saved with 0.3.0, and a new credential stores none', () => {
		expect(savedData('brevoV3Api', { apiKey: 'k', baseUrl: 'https://brevo-proxy.example/v3' })).toMatchObject({ baseUrl: 'https://brevo-proxy.example/v3' });
		expect(savedData('brevoV3Api', { apiKey: 'k' })).not.toHaveProperty('baseUrl');
	});

	// The nodes' Brevo calls read it in nodes/shared/brevo/request.ts (test/brevoTransport runs
	// them all against the simulator through it); the credential test request is an expression.
	it.each([
		[{}, 'https://api.brevo.com/v3'],
		[{ baseUrl: '' }, 'https://api.brevo.com/v3'],
		[{ baseUrl: 'https://api.brevo.com/v3' }, 'https://api.brevo.com/v3'],
		[{ baseUrl: ' http://127.0.0.1:4010/brevo/v3/ ' }, 'http://127.0.0.1:4010/brevo/v3'],
	])('brevoV3Api: the credential test calls the Base URL of %j', async (stored, expected) => {
		const node: INode = { id: 'n', name: 'n', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
		const nodeType = { description: { properties: [] } } as unknown as INodeType;
		const nodeTypes: INodeTypes = { getKnownTypes: () => ({}), getByName: () => nodeType, getByNameAndVersion: () => nodeType };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const acquired = await workflow.expression.acquireIsolate();
		try {
			const baseURL = String(new BrevoV3Api().test.request.baseURL);
			expect(workflow.expression.getSimpleParameterValue(node, baseURL, 'internal', { $credentials: stored } as never, undefined, '')).toBe(expected);
		} finally {
			if (acquired) await workflow.expression.releaseIsolate();
		}
	});
});

describe('scopes: listed in the README, named by the credential test', () => {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	const section = (heading: string) => {
		const start = readme.indexOf(heading);
		expect(start).toBeGreaterThan(-1);
		return readme.slice(start, readme.indexOf('\n### ', start + heading.length));
	};
	const granularIn = (text: string) => [...text.matchAll(/`([a-z_]+:(?:read|write):[a-z_]+(?::admin)?)`/g)].map((m) => m[1]);

	it('the Server-to-Server section lists exactly the scopes of nodes/shared/zoomScopes.ts, in order', () => {
		// The classic names Zoom also accepts follow in parentheses.
		const list = section('### Zoom Server-to-Server OAuth').split('(Classic scope names')[0];
		expect(granularIn(list)).toEqual([...SERVER_TO_SERVER_SCOPES]);
	});

	it('the user OAuth2 section lists the same scopes for a user-level app', () => {
		const userLevel = granularIn(section('### Zoom user OAuth2'));
		expect(userLevel).toContain('user:read:user');
		for (const scope of SERVER_TO_SERVER_SCOPES.filter((s) => !s.startsWith('user:'))) {
			expect(userLevel).toContain(scope.replace(/:admin$/, ''));
		}
	});

	it("the credential test's missing-scope message names the scope it needs, then the others", () => {
		const rule = new ZoomServerToServerOAuthApi().test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === 400);
		const message = String(rule?.properties.message);
		expect(message).toMatch(/lacks a scope: add user:read:list_users:admin on the Scopes page/);
		for (const scope of SERVER_TO_SERVER_SCOPES) expect(message).toContain(scope);
	});
});
