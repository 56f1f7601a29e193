/**
 * Turns the harness's short node specs into the INode objects and connections n8n stores
 * in a workflow: names, ids, positions, latest type version by default, and credentials
 * referenced by id, as the editor would save them.
 */
import type { IConnections, INode, INodeCredentials, INodeParameters } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import type { TestNodeTypes } from './node-types';

/** Per-node settings a workflow can set, as in n8n's workflow JSON. */
type NodeSettings = Partial<
	Pick<
		INode,
		| 'id'
		| 'continueOnFail'
		| 'onError'
		| 'retryOnFail'
		| 'maxTries'
		| 'waitBetweenTries'
		| 'alwaysOutputData'
		| 'executeOnce'
		| 'disabled'
		| 'webhookId'
	>
>;

export interface TestNodeSpec extends NodeSettings {
	/** Defaults to the type's node name (after the package prefix), made unique. */
	name?: string;
	/** The full type name, e.g. 'n8n-nodes-zoom-brevo.zoomToBrevo'. */
	type: string;
	/** Defaults to the node type's latest version. */
	typeVersion?: number;
	parameters: INodeParameters;
	/**
	 * Credential type → stored credential name. When omitted, every credential type the node
	 * declares is wired to the first stored credential of that type (if any).
	 */
	credentials?: Record<string, string>;
}

export function buildNodes(specs: TestNodeSpec[], nodeTypes: TestNodeTypes, store: CredentialStore): INode[] {
	const used = new Set<string>();
	return specs.map((spec, index) => {
		const name = uniqueName(spec.name ?? defaultName(spec.type), used);
		const typeVersion = spec.typeVersion ?? nodeTypes.latestVersion(spec.type);
		const { name: _n, type, typeVersion: _v, parameters, credentials, ...settings } = spec;
		const node: INode = {
			id: spec.id ?? `node-${index}`,
			name,
			type,
			typeVersion,
			position: [index * 220, 0],
			parameters,
			...settings,
		};
		const nodeCredentials = wireCredentials(spec, typeVersion, nodeTypes, store);
		if (nodeCredentials) node.credentials = nodeCredentials;
		return node;
	});
}

/** A straight chain, main output 0 → main input 0, in the order given. */
export function chainConnections(nodes: INode[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

function wireCredentials(
	spec: TestNodeSpec,
	typeVersion: number,
	nodeTypes: TestNodeTypes,
	store: CredentialStore,
): INodeCredentials | undefined {
	const result: INodeCredentials = {};
	if (spec.credentials) {
		for (const [credentialType, credentialName] of Object.entries(spec.credentials)) {
			// n8n references a stored credential by id; the harness uses the name as the id.
			result[credentialType] = { id: credentialName, name: credentialName };
		}
	} else {
		const description = nodeTypes.getByNameAndVersion(spec.type, typeVersion).description;
		for (const { name: credentialType } of description.credentials ?? []) {
			const id = store.idFor(credentialType);
			if (id !== undefined) result[credentialType] = { id, name: id };
		}
	}
	return Object.keys(result).length ? result : undefined;
}

function defaultName(type: string): string {
	const short = type.slice(type.lastIndexOf('.') + 1);
	return short.charAt(0).toUpperCase() + short.slice(1);
}

function uniqueName(name: string, used: Set<string>): string {
	let candidate = name;
	for (let i = 1; used.has(candidate); i++) candidate = `${name}${i}`;
	used.add(candidate);
	return candidate;
}
