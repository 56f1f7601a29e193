/** End-to-end harness: a real n8n 2.x (pinned, on Node 24) with this package installed the way
 *  users install community nodes, driven over its REST API and CLI. */
export { ensureRuntime, REPO_ROOT, type Runtime } from './runtime';
export { makeTempDir, removeTempDirs } from './temp';
export { getFreePort, getFreePorts } from './ports';
export { sleep, waitFor, type WaitOptions } from './wait';
export {
	packPackage,
	installIntoUserFolder,
	communityNodesDir,
	readRepoPackageJson,
	type PackageJson,
} from './package-install';
export { buildN8nEnv, E2E_ENCRYPTION_KEY } from './n8n-env';
export {
	startN8n,
	stopAllN8n,
	isPidAlive,
	type N8nInstance,
	type StartN8nOptions,
} from './n8n-process';
export {
	n8nCli,
	executeWorkflowCli,
	importWorkflowCli,
	importCredentialCli,
	publishWorkflowCli,
	exportCredentialDecryptedCli,
	parseJsonAfterLogs,
	newEntityId,
	type CliResult,
	type CliExecution,
} from './cli';
export {
	RestClient,
	N8nRestError,
	DEFAULT_OWNER,
	isExecutionDone,
	type Credential,
	type Workflow,
	type Execution,
	type ExecutionSummary,
	type ExecutionStatus,
	type NodeTypeDescription,
	type CredentialTypeDescription,
} from './rest-client';
export { completeOAuth2Flow, followToCallback, parseOAuthCallbackPage, type OAuth2FlowResult } from './oauth2';
export { productionWebhookUrl, waitForWebhook, isWebhookNotRegistered } from './webhook';
export { parseFlatted, nodeOutputJson, nodeError, type RunExecutionData, type NodeRun } from './run-data';
export { readDeclaredTypes, type DeclaredTypes } from './declared-types';
