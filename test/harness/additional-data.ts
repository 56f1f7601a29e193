/**
 * IWorkflowExecuteAdditionalData: the per-execution context n8n's CLI builds in
 * `WorkflowExecuteAdditionalData.getBase`. The engine needs the credentials helper, the
 * lifecycle hooks and absolute base URLs (nodes build webhook / resume URLs from them);
 * the rest is CLI machinery (sub-workflows, task runners, AI telemetry) a community node
 * does not reach, so it fails loudly instead of pretending.
 */
import { Container } from './container';

import { ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

/** Where the harness pretends n8n listens; nothing listens there. */
export const HARNESS_BASE_URL = 'http://localhost:5678';

function unsupported(what: string): never {
	throw new UnexpectedError(`${what} is not supported by the test harness`);
}

export function createAdditionalData(options: {
	credentialsHelper: ICredentialsHelper;
	hooks?: ExecutionLifecycleHooks;
	executionId: string;
	workflowId: string;
}): IWorkflowExecuteAdditionalData {
	const base = HARNESS_BASE_URL;
	return {
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		workflowId: options.workflowId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		// `$secrets` in expressions; no external-secrets provider is configured.
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: async () => unsupported('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => unsupported('Running a task-runner task (Code node)'),
	};
}
