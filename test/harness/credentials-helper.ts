/**
 * An ICredentialsHelper that behaves like n8n 2.41's CLI CredentialsHelper
 * (packages/cli/src/credentials-helper.ts) over an in-memory credential store.
 *
 * n8n-core only calls this helper; the policy lives here, as in n8n:
 * - getDecrypted: stored data → hidden OAuth endpoint fields pinned to the type's default →
 *   overwrites → type defaults (parents merged) → `={{ }}` expressions resolved;
 * - authenticate: generic `{ type: 'generic', properties }` with expressions against
 *   `$credentials`, or the type's own function;
 * - preAuthentication: when the type has a hidden `expirable` field, run the type's
 *   preAuthentication if that field is empty or core says the credential expired (after a
 *   401), and save the result;
 * - updateCredentials / updateCredentialsOauthTokenData: write back to the store.
 * Left out (no equivalent without a DB/licence): dynamic (per-user) credentials, AI gateway
 * credentials, policy enforcement, external secrets.
 */
import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	deepCopy,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import type { TestCredentialTypes } from './credential-types';

/**
 * Hidden fields the credential type owns: a stored value is dropped so the type's default
 * (or an overwrite) wins. n8n 2.41's OAUTH_PINNED_FIELDS.
 */
const OAUTH_PINNED_FIELDS = [
	'useDynamicClientRegistration',
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'usePkce',
	'requestTokenUrl',
	'signatureMethod',
];

/** Fields copied back from the stored data when dynamic client registration is on. */
const DCR_MANAGED_CREDENTIAL_FIELDS = [
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'usePkce',
	'clientId',
	'clientSecret',
];

/** The node and node types n8n uses to resolve credential expressions outside a node run. */
const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};
const mockNodeType = { description: { properties: [] as INodeProperties[] } } as unknown as INodeType;
const mockNodeTypes: INodeTypes = {
	getKnownTypes: () => ({}),
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
};

/** Credential type → field → value; n8n's CREDENTIALS_OVERWRITE_DATA. */
export type CredentialOverwrites = Record<string, ICredentialDataDecryptedObject>;

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		readonly credentialTypes: TestCredentialTypes,
		readonly store: CredentialStore,
		private readonly overwrites: CredentialOverwrites = {},
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const typeDef = this.credentialTypes.getByName(credentialType);
		if (!typeDef.restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getCredentialsProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (authenticate === undefined) return requestOptions;

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}

		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}
		requestOptions.headers ??= {};
		if (authenticate.type !== 'generic') return requestOptions;

		// properties: { headers: {...}, qs: {...}, body: {...}, auth: {...} }; keys and values
		// may both be expressions over $credentials.
		const target = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
				const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
				target[outerKey] ??= {};
				target[outerKey][keyResolved] = valueResolved;
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined) return undefined;
		if (typeof credentialType.preAuthentication !== 'function') return undefined;

		// n8n's credential test runs through a mock noOp node with this marker; it always
		// refreshes there.
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (!(credentials[expirable.name] === '' || credentialsExpired || isTestingCredentials)) {
			return undefined;
		}

		const output = (await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		)) as ICredentialDataDecryptedObject;
		// Only an output carrying the expirable field is saved and used.
		if (output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;

		const nodeCredentials = node.credentials[credentialType.name];
		// Persist onto the raw stored data, but never overwrite a field the user stored as an
		// expression with its resolved value (the expirable field itself is always saved).
		const storedData = this.store.read(nodeCredentials, credentialType.name);
		const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(storedData[key])) dataToPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
		return Object.assign(credentials, output);
	}

	/** Called by requestOAuth2 on every request: an in-memory transform, nothing saved. */
	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new StoreBackedCredentials(this.store, nodeCredentials, type);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.read(nodeCredentials, type);
		if (raw === true) return stored;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			stored,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);

		const storedData = { ...decryptedDataOriginal };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete storedData[field];
		}

		const withOverwrites = this.applyOverwrite(type, storedData);

		// Defaults for every property (parents included); values of properties not displayed
		// under the current settings are dropped, as in n8n.
		let decryptedData = NodeHelpers.getNodeParameters(
			properties,
			withOverwrites as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		// oauthTokenData is not a declared property on children: put it back.
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const field of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[field] === undefined && decryptedDataOriginal[field] !== undefined) {
				decryptedData[field] = decryptedDataOriginal[field];
			}
		}
		if (decryptedData.useDynamicClientRegistration) {
			for (const field of DCR_MANAGED_CREDENTIAL_FIELDS) decryptedData[field] = decryptedDataOriginal[field];
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			// Inside a node run: resolve against the run's data ($json etc. are available).
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			const acquired = await workflow.expression.acquireIsolate();
			try {
				decryptedData = this.resolveCredentialExpressions(workflow, properties, decryptedData, mode, additionalKeys);
			} finally {
				if (acquired) await workflow.expression.releaseIsolate();
			}
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.write(nodeCredentials, type, data);
	}

	/** Only `oauthTokenData` is merged into the stored data; the rest stays as stored. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.store.read(nodeCredentials, type);
		this.store.write(nodeCredentials, type, { ...stored, oauthTokenData: data.oauthTokenData });
	}

	/**
	 * n8n's CredentialsOverwrites.applyOverwrite: overwrites for the type and its parents
	 * (the nearer type winning) fill only fields that are null, undefined or ''.
	 */
	private applyOverwrite(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const chain = [type, ...this.getParentTypes(type)].reverse();
		const overwrites = chain
			.map((name) => this.overwrites[name])
			.filter((o): o is ICredentialDataDecryptedObject => !!o)
			.reduce<ICredentialDataDecryptedObject>((acc, o) => Object.assign(acc, o), {});
		if (Object.keys(overwrites).length === 0) return data;
		const result = deepCopy(data);
		for (const key of Object.keys(overwrites)) {
			if ([null, undefined, ''].includes(result[key] as null | undefined | string)) result[key] = overwrites[key];
		}
		return result;
	}

	private resolveCredentialExpressions(
		workflow: Workflow,
		properties: INodeProperties[],
		decryptedData: ICredentialDataDecryptedObject,
		mode: WorkflowExecuteMode,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
	): ICredentialDataDecryptedObject {
		try {
			return workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		} catch (originalError) {
			// Per field, so fields marked ignoreCredentialExpressionResolveError may be dropped.
			const byName = new Map(properties.map((p) => [p.name, p]));
			const resolved: ICredentialDataDecryptedObject = {};
			for (const [name, value] of Object.entries(decryptedData)) {
				try {
					const one = workflow.expression.getComplexParameterValue(
						mockNode,
						{ [name]: value } as INodeParameters,
						mode,
						additionalKeys,
						undefined,
						undefined,
						decryptedData,
					) as IDataObject;
					if (Object.prototype.hasOwnProperty.call(one, name)) resolved[name] = one[name] as never;
				} catch {
					if (byName.get(name)?.typeOptions?.ignoreCredentialExpressionResolveError === true) continue;
					throw originalError;
				}
			}
			return resolved;
		}
	}

	/** Generic-auth values: only `={{ }}` strings are evaluated; falsy results become ''. */
	private resolveValue(
		value: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const result = workflow.expression.getSimpleParameterValue(node, value, 'internal', additionalKeys, undefined, '');
		if (!result) return '';
		return result.toString();
	}
}

/**
 * The credential's own domain allowlist applies to the requests its preAuthentication makes
 * (n8n's restrictToCredentialDomains); only `httpRequest` is exposed to the hook.
 */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

/**
 * A snapshot of one store entry as an ICredentials (n8n's Credentials class, minus the
 * encryption). Like n8n's, setData/updateData change only this object; saving is
 * `updateCredentials`' job.
 */
class StoreBackedCredentials extends ICredentials {
	constructor(store: CredentialStore, details: INodeCredentialsDetails, type: string) {
		super(details, type, JSON.stringify(store.read(details, type)));
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data as string) as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const updated = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete updated[key];
		await this.setData(updated);
	}
}
