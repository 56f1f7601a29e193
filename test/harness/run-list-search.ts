/**
 * runListSearch: what n8n's editor does for a resource locator's "From list" mode
 * (DynamicNodeParametersService.getResourceLocatorResults): the node's `listSearch` method called
 * on a real LoadOptionsContext from n8n-core, with the node's current parameters and credentials;
 * runResourceMapping: the same for a resource mapper's `resourceMapping` method.
 */
import './container';

import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialType, INodeListSearchResult, INodeParameters, INodePropertyOptions, INodeType, IVersionedNodeType, ResourceMapperFields } from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore, type StoredCredentials } from './credential-store';
import { TestCredentialTypes } from './credential-types';
import { TestCredentialsHelper } from './credentials-helper';
import { TestNodeTypes } from './node-types';
import { buildNodes } from './workflow-builder';

export interface RunListSearchOptions {
	nodeType: INodeType | IVersionedNodeType;
	/** Full type name, e.g. 'n8n-nodes-zoom-brevo.zoomToBrevo'. */
	type: string;
	typeVersion?: number;
	/** The node's parameters as the editor sends them (currentNodeParameters). */
	parameters: INodeParameters;
	credentialTypes: ICredentialType[];
	credentials: StoredCredentials;
	/** The locator parameter's path, e.g. 'parameters.meetingId'. */
	path: string;
	methodName: string;
	filter?: string;
	paginationToken?: string;
}

/** The node and its LoadOptionsContext as n8n's DynamicNodeParametersService builds them. */
function loadOptionsContext(opts: Omit<RunListSearchOptions, 'methodName' | 'filter' | 'paginationToken'>) {
	const nodeTypes = new TestNodeTypes({ [opts.type]: opts.nodeType });
	const store = new CredentialStore(opts.credentials);
	const credentialsHelper = new TestCredentialsHelper(new TestCredentialTypes(opts.credentialTypes, { [opts.type]: opts.nodeType }), store);
	const [node] = buildNodes([{ name: 'Node', type: opts.type, typeVersion: opts.typeVersion, parameters: opts.parameters }], nodeTypes, store);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes, settings: { executionOrder: 'v1' } });
	const additionalData = createAdditionalData({ credentialsHelper, executionId: 'harness-list-search', workflowId: 'harness-workflow' });
	const methods = nodeTypes.getByNameAndVersion(opts.type, node.typeVersion).methods;
	const context = new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalData, opts.path);
	return { methods, context };
}

export async function runListSearch(opts: RunListSearchOptions): Promise<INodeListSearchResult> {
	const { methods, context } = loadOptionsContext(opts);
	const method = methods?.listSearch?.[opts.methodName];
	if (!method) throw new UnexpectedError(`Node has no listSearch method "${opts.methodName}"`);
	return await method.call(context, opts.filter, opts.paginationToken);
}

/** What the editor's resource mapper asks for (DynamicNodeParametersService.getResourceMappingFields). */
export async function runResourceMapping(opts: Omit<RunListSearchOptions, 'filter' | 'paginationToken'>): Promise<ResourceMapperFields> {
	const { methods, context } = loadOptionsContext(opts);
	const method = methods?.resourceMapping?.[opts.methodName];
	if (!method) throw new UnexpectedError(`Node has no resourceMapping method "${opts.methodName}"`);
	return await method.call(context);
}

/** What the editor's dropdown asks for (DynamicNodeParametersService.getOptionsViaMethodName). */
export async function runLoadOptions(opts: Omit<RunListSearchOptions, 'filter' | 'paginationToken'>): Promise<INodePropertyOptions[]> {
	const { methods, context } = loadOptionsContext(opts);
	const method = methods?.loadOptions?.[opts.methodName];
	if (!method) throw new UnexpectedError(`Node has no loadOptions method "${opts.methodName}"`);
	return await method.call(context);
}
