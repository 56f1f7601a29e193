/**
 * The demo's credentials: made on the first start, and on later starts updated in place
 * (the simulator listens on new ports each run, and real keys may have changed), or made again
 * when the user deleted one.
 */
import type { RestClient } from '../../test/e2e/harness';
import type { DemoAccounts } from './accounts';

export type CredentialRefs = Record<string, { id: string; name: string }>;

const DEMO_CREDENTIALS = [
	{ type: 'zoomWebhookSecretApi', name: 'Zoom webhook secret', data: (a: DemoAccounts) => a.webhookSecret },
	{ type: 'zoomServerToServerOAuthApi', name: 'Zoom Server-to-Server', data: (a: DemoAccounts) => a.zoomS2S },
	{ type: 'brevoV3Api', name: 'Brevo', data: (a: DemoAccounts) => a.brevo },
	// n8n's own Brevo credential, for n8n's Brevo Trigger in the registration example. It always
	// talks to api.brevo.com: with the simulator the example runs from a pinned list event instead.
	{ type: 'sendInBlueApi', name: 'Brevo account', data: (a: DemoAccounts) => ({ apiKey: a.brevo.apiKey }) },
] as const;

/** Credential refs by type; `saved` (type → id) is updated with what was made. */
export async function ensureCredentials(
	client: RestClient,
	accounts: DemoAccounts,
	saved: Record<string, string>,
	say: (text: string) => void,
): Promise<CredentialRefs> {
	const refs: CredentialRefs = {};
	for (const { type, name, data } of DEMO_CREDENTIALS) {
		const id = saved[type];
		const existing = id ? await client.getCredential(id, { includeData: false }).catch(() => undefined) : undefined;
		if (existing) {
			// Keeps the name the user may have given it; only the data follows this run.
			await client.updateCredential(existing.id, { data: data(accounts) });
			refs[type] = { id: existing.id, name: existing.name };
		} else {
			if (id) say(`  credential "${name}" was deleted: made again`);
			const made = await client.createCredential(type, name, data(accounts));
			refs[type] = { id: made.id, name: made.name };
		}
		saved[type] = refs[type].id;
	}
	return refs;
}
