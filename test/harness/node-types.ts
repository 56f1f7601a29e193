/**
 * INodeTypes over a plain `type name → instance` map: what n8n's NodeTypes gives the engine,
 * without a directory loader. Versioned nodes resolve through NodeHelpers exactly as in n8n.
 */
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UserError } from 'n8n-workflow';

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.lookup(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookup(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	/** The version a node gets when none is given: the latest (n8n's defaultVersion). */
	latestVersion(nodeType: string): number {
		const type = this.lookup(nodeType);
		if ('nodeVersions' in type) return type.currentVersion;
		const { version } = type.description;
		return Array.isArray(version) ? Math.max(...version) : version;
	}

	private lookup(nodeType: string): INodeType | IVersionedNodeType {
		const type = Object.prototype.hasOwnProperty.call(this.types, nodeType) ? this.types[nodeType] : undefined;
		if (!type) {
			throw new UserError(`Unrecognized node type: ${nodeType}`, {
				extra: { known: Object.keys(this.types) },
			});
		}
		return type;
	}
}
