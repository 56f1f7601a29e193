import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ANY_EVENT, ZOOM_EVENTS, eventsToSubscribe, isSelected } from './eventCatalogue';
import { encryptPlainToken, verifyZoomDelivery } from './signature';
import { shapeDelivery } from './shapeDelivery';
import { createSubscription, deleteSubscription, findSubscription } from './subscription';
import { checkTriggerSettings, describeSecretToken, manualSetupSteps, safeHeaders } from './triggerHelpers';

/** `deduplicate` and `rememberDeliveries` (versions 1 and 1.1) are read by nothing: see the
 *  version note in the description. */
interface TriggerOptions {
	/** A number from the editor; an expression can yield anything (checked before use). */
	timestampToleranceSeconds?: unknown;
	includeRawRequest?: boolean;
	logDeliveries?: boolean;
}

/**
 * Activation stops on a setting every delivery would be refused for, naming it. webhook() checks
 * again on each delivery: a credential can be edited while the workflow is active.
 */
async function assertWorkable(hook: IHookFunctions): Promise<'manual' | 'automatic'> {
	const registration = hook.getNodeParameter('registration');
	if (registration !== 'manual' && registration !== 'automatic') {
		throw new NodeOperationError(hook.getNode(), `"${String(registration)}" is not a value of Registration`, {
			description: 'Registration takes manual (paste the URL in the Zoom app) or automatic (Server-to-Server app).',
		});
	}
	const { secretToken } = await hook.getCredentials('zoomWebhookSecretApi');
	const options = hook.getNodeParameter('options', {}) as TriggerOptions;
	const problem = checkTriggerSettings(secretToken, options.timestampToleranceSeconds, hook.getNodeParameter('events', []));
	if (!problem.ok) {
		// n8n 2.41 then leaves the URL unregistered without showing why: the log says it.
		hook.logger.error(`Zoom Trigger "${hook.getNode().name}" was not activated: ${problem.problem}`);
		throw new NodeOperationError(hook.getNode(), `The Zoom Trigger cannot work: ${problem.problem}`);
	}
	return registration;
}

export class ZoomTrigger implements INodeType {
	description: INodeTypeDescription = {
		// n8n's nodes panel lists triggers without the word "Trigger": plain "Zoom" would sit right
		// under n8n's own Zoom node. New nodes are still named "Zoom Trigger" on the canvas.
		displayName: 'Zoom Webhook Trigger',
		name: 'zoomTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves exactly like 1. n8n 2.x evaluates a body-parsing expression (through its
		// expression isolate) for every webhook node at version 1 on every delivery; from 1.1 on it
		// does not, which lets a delivery through without the isolate when n8n runs with
		// N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (about 7× the deliveries per second, docs/benchmarks.md).
		// Bodies n8n then leaves unparsed (content types other than JSON) are read raw below.
		// 1.2 retires "Ignore Re-Sent Deliveries" (n8n 2.x never saved its record, so it never
		// worked) and says on the panel how re-sent deliveries are handled; 1 and 1.1 keep the
		// option so their workflows load, worded as what it is: without effect.
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Zoom sends a signed event (meetings, webinars, participants, registrations, recordings) — the Zoom to Brevo package',
		defaults: { name: 'Zoom Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'zoomWebhookSecretApi', required: true, testedBy: 'zoomWebhookSecretTest' },
			{
				name: 'zoomServerToServerOAuthApi',
				required: true,
				displayOptions: { show: { registration: ['automatic'] } },
			},
		],
		// n8n's generic "Test this trigger" text suggests calling the URL yourself; Zoom calls only
		// the URL saved in the Zoom app. A URL validation starts no execution, so n8n keeps
		// listening after it (TestWebhooks.executeWebhook in n8n 2.41) and the next event arrives.
		triggerPanel: {
			header: 'Zoom sends events only to the URL saved in your Zoom app',
			executionsHelp: {
				inactive:
					"To try it here: while this panel listens, paste the <b>Test URL</b> into your Zoom app (Features → Access → Event Subscription → Event notification endpoint URL) and click <b>Validate</b> in Zoom; then start or end a short test meeting. The URL validation is answered without starting the workflow; the event then shows here.<br /><br />No meeting to end? Stop listening, click <b>set mock data</b> in the output and paste a <a href=\"https://github.com/n8n-nodes-zoom-brevo/n8n-nodes-zoom-brevo/blob/main/docs/sample-events.md\" target=\"_blank\">sample event</a>: <b>Execute workflow</b> then runs on it at once.<br /><br />For real use, paste the <b>Production URL</b> instead and activate the workflow: each Zoom event then starts an execution, listed under Executions.",
				active:
					'The workflow is active: Zoom events sent to the <b>Production URL</b> saved in your Zoom app start it, and each run is listed under Executions. Zoom does not call the Test URL unless it is the URL saved in the app.',
			},
			activationHint:
				'Activate the workflow so Zoom can reach the Production URL. Zoom validates the URL when you save it in the app, so activate first.',
		},
		// In the output, next to the tracking ID it is about, rather than as a notice above every field.
		hints: [
			{
				message:
					"Zoom re-sends a delivery it believes was lost, with the same <b>trackingId</b>. Zoom to Brevo skips deliveries it already processed and sends each follow-up once; before other nodes, add n8n's Remove Duplicates node on <code>{{ $json.trackingId }}</code>.",
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'afterExecution',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Zoom only needs a 2xx; without this n8n would send the word "firstEntryJson".
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				options: [
					{
						name: 'Manual (Paste the URL in the Zoom App)',
						value: 'manual',
						description:
							"In your Zoom app (Features → Access → Event Subscription) paste this node's Production URL as the Event notification endpoint URL, choose the same events, and copy the Secret Token into the credential. Zoom validates the URL when you save, so activate the workflow first.",
					},
					{
						name: 'Automatic (Server-to-Server App)',
						value: 'automatic',
						description:
							'On activation the node creates an event subscription for its URL through Zoom\'s API, and deletes it on deactivation',
					},
				],
				default: 'manual',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: ZOOM_EVENTS,
				default: ['meeting.ended'],
				required: true,
				description: `Deliveries of other events are acknowledged and start nothing. "${ANY_EVENT}" takes every event.`,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Re-Sent Deliveries (No Effect)',
						name: 'deduplicate',
						type: 'boolean',
						default: true,
						description:
							"Whether to skip re-sent deliveries. Has no effect: n8n 2.x does not save a trigger's record when a delivery starts the workflow. Zoom to Brevo skips deliveries it already processed; before other nodes use n8n's Remove Duplicates node on the tracking ID. Retired in version 1.2 of this node.",
						displayOptions: { show: { '@version': [1, 1.1] } },
					},
					{
						displayName: 'Include Raw Request',
						name: 'includeRawRequest',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the request headers (signature removed) and the exact body to the output',
					},
					{
						displayName: 'Log Deliveries',
						name: 'logDeliveries',
						type: 'boolean',
						default: false,
						description:
							'Whether to log each delivery (event, tracking ID, verdict, headers without secrets) to the n8n log, for debugging',
					},
					{
						displayName: 'Remember Deliveries (No Effect)',
						name: 'rememberDeliveries',
						type: 'number',
						typeOptions: { minValue: 10, maxValue: 10000 },
						default: 2000,
						description: 'Belongs to Ignore Re-Sent Deliveries, which has no effect. Retired in version 1.2 of this node.',
						// Only beside the option it belongs to (a sibling in this collection).
						displayOptions: { show: { '@version': [1, 1.1], deduplicate: [true] } },
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'timestampToleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 30, maxValue: 3600 },
						default: 300,
						description:
							'Deliveries whose x-zm-request-timestamp is further than this from now are rejected, so a captured request cannot be replayed later',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async zoomWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return describeSecretToken(credential.data?.secretToken);
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// n8n calls this first on every activation (create only when it answers false).
				if ((await assertWorkable(this)) !== 'automatic') return true;
				const staticData = this.getWorkflowStaticData('node');
				const subscriptionId = staticData.subscriptionId as string | undefined;
				if (!subscriptionId) return false;
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				if (await findSubscription(this, subscriptionId, webhookUrl)) return true;
				delete staticData.subscriptionId;
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const registration = await assertWorkable(this);
				if (registration !== 'automatic') return true;
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				const events = eventsToSubscribe(this.getNodeParameter('events') as string[]);
				const name = `n8n: ${this.getWorkflow().name ?? this.getWorkflow().id} / ${this.getNode().name}`;
				const staticData = this.getWorkflowStaticData('node');
				try {
					staticData.subscriptionId = await createSubscription(this, webhookUrl, events, name);
					delete staticData.registrationProblem;
				} catch (error) {
					// The workflow still goes live: deliveries work as soon as someone adds the
					// subscription by hand, and the log says exactly how.
					staticData.registrationProblem = (error as Error).message;
					this.logger.warn(manualSetupSteps(this.getNode().name, webhookUrl, events, (error as Error).message));
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const subscriptionId = staticData.subscriptionId as string | undefined;
				if (this.getNodeParameter('registration') !== 'automatic' || !subscriptionId) return true;
				await deleteSubscription(this, subscriptionId);
				delete staticData.subscriptionId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		if (!req.rawBody) await req.readRawBody();
		const rawBody: Buffer = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from([]);
		const trackingId = typeof req.headers['x-zm-trackingid'] === 'string' ? req.headers['x-zm-trackingid'] : undefined;

		const log = (verdict: string, event?: string) => {
			if (!options.logDeliveries) return;
			this.logger.info(`Zoom Trigger: ${verdict}`, {
				event,
				trackingId,
				bytes: rawBody.length,
				headers: safeHeaders(req.headers),
			});
		};
		const reject = (status: number, reason: string): IWebhookResponseData => {
			log(`rejected (${status}: ${reason})`);
			res.status(status).json({ message: reason });
			return { noWebhookResponse: true };
		};

		const { secretToken } = await this.getCredentials('zoomWebhookSecretApi');
		const settings = checkTriggerSettings(secretToken, options.timestampToleranceSeconds, this.getNodeParameter('events', []));
		if (!settings.ok) {
			// Fail closed, and loudly: nothing is verified (or answered) with a setting that would
			// let a forged or replayed delivery through. The log names the setting, never its value.
			this.logger.error(`Zoom Trigger "${this.getNode().name}" refused a delivery: ${settings.problem}`);
			res.status(500).json({ message: 'the Zoom Trigger is not configured correctly; see the n8n log' });
			return { noWebhookResponse: true };
		}
		const verdict = verifyZoomDelivery({
			secretToken: settings.secretToken,
			rawBody,
			signatureHeader: req.headers['x-zm-signature'],
			timestampHeader: req.headers['x-zm-request-timestamp'],
			nowSeconds: Math.floor(Date.now() / 1000),
			toleranceSeconds: settings.toleranceSeconds,
		});
		// Nothing is read from an unsigned body: not even the URL-validation challenge, whose
		// answer is an HMAC with the same secret and would otherwise sign anything for anyone.
		if (!verdict.ok) return reject(401, verdict.reason);

		let body: IDataObject;
		try {
			body = JSON.parse(rawBody.toString('utf8')) as IDataObject;
		} catch {
			return reject(400, 'body is not JSON');
		}
		if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.event !== 'string') {
			return reject(400, 'body is not a Zoom event (no "event" field)');
		}
		const event = body.event;

		if (event === 'endpoint.url_validation') {
			const plainToken = (body.payload as IDataObject | undefined)?.plainToken;
			if (typeof plainToken !== 'string' || plainToken === '') {
				return reject(400, 'url_validation without payload.plainToken');
			}
			log('answered URL validation', event);
			return {
				webhookResponse: {
					plainToken,
					encryptedToken: encryptPlainToken(settings.secretToken, plainToken),
				},
			};
		}

		if (!isSelected(this.getNodeParameter('events', []) as string[], event)) {
			log('ignored (event not selected)', event);
			return { webhookResponse: { received: true, started: false, reason: 'event not selected' } };
		}

		log('accepted', event);
		const raw = options.includeRawRequest
			? { headers: safeHeaders(req.headers), body: rawBody.toString('utf8') }
			: undefined;
		return {
			workflowData: [[{ json: shapeDelivery(body, { trackingId, raw }) }]],
		};
	}
}
