/**
 * The credential-type registry, as n8n's CLI builds it (LoadNodesAndCredentials +
 * CredentialTypes): types by name, `extends` chains resolved to parent types, the
 * properties of a type merged with its parents', and the domain-restriction fields the CLI
 * injects into every credential that authenticates requests.
 */
import type {
	ICredentialType,
	ICredentialTypes,
	INodeProperties,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, injectDomainRestrictionFields } from 'n8n-workflow';

import { OAuth2Api } from './oauth2-api.credentials';

/** Parent types n8n ships in n8n-nodes-base that a community credential may extend. */
const BUILT_IN_PARENTS: ICredentialType[] = [new OAuth2Api()];

export class TestCredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	private readonly supportedNodes = new Map<string, string[]>();

	/**
	 * @param credentialTypes instances of the package's credential classes
	 * @param nodeTypes type name → node, to know which nodes declare which credential
	 *   (n8n uses that for `restrictToSupportedNodes`)
	 */
	constructor(
		credentialTypes: ICredentialType[],
		nodeTypes: Record<string, INodeType | IVersionedNodeType> = {},
	) {
		for (const type of [...BUILT_IN_PARENTS, ...credentialTypes]) {
			this.types.set(type.name, withDomainRestrictionFields(type));
		}
		for (const [nodeTypeName, nodeType] of Object.entries(nodeTypes)) {
			for (const description of allVersionDescriptions(nodeType)) {
				for (const { name } of description.credentials ?? []) {
					const list = this.supportedNodes.get(name) ?? [];
					if (!list.includes(nodeTypeName)) list.push(nodeTypeName);
					this.supportedNodes.set(name, list);
				}
			}
		}
	}

	recognizes(type: string): boolean {
		return this.types.has(type);
	}

	getByName(type: string): ICredentialType {
		const credentialType = this.types.get(type);
		if (!credentialType) {
			// Same message as n8n-core's UnrecognizedCredentialTypeError.
			throw new Error(`Unrecognized credential type: ${type}`);
		}
		return credentialType;
	}

	getSupportedNodes(type: string): string[] {
		return this.supportedNodes.get(type) ?? [];
	}

	/** All ancestors, nearest first, as the CLI's CredentialTypes.getParentTypes. */
	getParentTypes(type: string): string[] {
		const parents = [...(this.types.get(type)?.extends ?? [])];
		for (const parent of [...parents]) parents.push(...this.getParentTypes(parent));
		return parents;
	}

	/**
	 * A type's properties merged over its parents' (the CLI's
	 * CredentialsHelper.getCredentialsProperties): parents first, the child's own properties
	 * overriding by name. `mergeNodeProperties` skips `doNotInherit` properties, of the child
	 * too, exactly as in n8n. oAuth2Api itself also gets the `oauthTokenData` json field.
	 */
	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getByName(type);
		if (credentialType.extends === undefined) {
			if (type === 'oAuth2Api' || type === 'oAuth1Api') {
				return [
					...credentialType.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialType.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}

/**
 * n8n's loader appends `allowedHttpRequestDomains`/`allowedDomains` to credentials that
 * authenticate requests (it mutates the loaded instance; a copy here keeps the caller's
 * instance as written). The copy keeps the prototype, so class methods still resolve.
 */
function withDomainRestrictionFields(type: ICredentialType): ICredentialType {
	const properties = injectDomainRestrictionFields(type);
	if (properties === type.properties) return type;
	const copy = Object.assign(Object.create(Object.getPrototypeOf(type) as object) as ICredentialType, type);
	copy.properties = properties;
	return copy;
}

function allVersionDescriptions(nodeType: INodeType | IVersionedNodeType) {
	if ('nodeVersions' in nodeType) {
		return Object.values(nodeType.nodeVersions).map((version) => version.description);
	}
	return [nodeType.description];
}
