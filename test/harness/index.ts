/**
 * Test harness: run n8n nodes through n8n-core's real workflow engine in jest.
 * `./container` comes first: it prepares the environment and DI before n8n-core loads.
 */
import './container';

export { runWorkflow } from './run-workflow';
export type { RunOptions, RunResult } from './run-workflow';
export type { TestNodeSpec } from './workflow-builder';
export type { StoredCredential, StoredCredentials } from './credential-store';
export type { CredentialOverwrites } from './credentials-helper';
export { startLocalServer } from './local-server';
export type { LocalHandler, LocalResponse, LocalServer, RecordedRequest } from './local-server';
export { harnessLogger } from './container';
export { ProcessedDataStore } from './processed-data';
export { runWebhook, runWebhookMethod } from './run-webhook';
export type { RunWebhookOptions, RunWebhookResult, RunWebhookMethodOptions, WebhookNodeOptions } from './run-webhook';
export type { CapturedResponse, WebhookRequestSpec } from './fake-http';
export { runListSearch, runLoadOptions, runResourceMapping } from './run-list-search';
export type { RunListSearchOptions } from './run-list-search';
export { PollSession } from './run-poll';
export type { PollOutcome, PollSessionOptions } from './run-poll';
