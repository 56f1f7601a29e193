/**
 * Zoom + Brevo API simulator for tests, the demo and the benchmark. Imports nothing from the
 * package (nodes/, credentials/): it is the independent picture of the real services the package
 * is checked against.
 */
export { startSimulator, SIM_DEFAULTS } from './simulator';
export type {
	Fault,
	FaultMatch,
	RecordedRequest,
	ServiceName,
	Simulator,
	SimulatorOptions,
	WebhookDelivery,
	WebhookResult,
	ZoomRateCategory,
} from './types';
export { makeFixture, DEFAULT_BASE_DATE, DEFAULT_FIXTURE_SEED, DEFAULT_ACCOUNT_ID, lazyRows, rowsToArray } from './fixture';
export type * from './fixture/types';
export type { Rows } from './fixture/rows';
export { signZoomWebhook, zoomUrlValidationToken } from './webhooks';
export { zoomEventPayloads } from './webhookPayloads';
export { ZOOM_SCOPES, DEFAULT_GRANTED_SCOPES } from './zoom/scopes';
export { PLAN_LIMITS, PLAN_DAILY_LIMITS } from './zoom/rateLimits';
export type { ZoomState, IssuedToken, ZoomEventSubscription } from './zoom/state';
export type { BrevoState, BrevoList, BrevoProcess, BrevoEventRecord, BrevoEmailRecord } from './brevo/state';
