/**
 * Where the demo's credentials point: the built-in simulator, or the real Zoom and Brevo when the
 * user gives their own keys in the environment (see docs/try-it.md).
 */
import { makeFixture, startSimulator, SIM_DEFAULTS, type Simulator } from '../../test/simulator';
import { simCredentials } from '../../test/e2e/support';

export interface DemoAccounts {
	mode: 'simulator' | 'real';
	sim?: Simulator;
	zoomS2S: Record<string, string>;
	brevo: Record<string, string>;
	webhookSecret: Record<string, string>;
	close(): Promise<void>;
}

const REAL_KEYS = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET', 'ZOOM_WEBHOOK_SECRET_TOKEN', 'BREVO_API_KEY'] as const;

export async function demoAccounts(say: (text: string) => void): Promise<DemoAccounts> {
	const given = REAL_KEYS.filter((key) => process.env[key]);
	if (given.length === REAL_KEYS.length) {
		say('real Zoom and Brevo keys found in the environment: credentials point at zoom.us and api.brevo.com');
		return {
			mode: 'real',
			zoomS2S: {
				environment: process.env.ZOOM_ENVIRONMENT === 'zoomGov' ? 'zoomGov' : 'zoom',
				accountId: process.env.ZOOM_ACCOUNT_ID!,
				clientId: process.env.ZOOM_CLIENT_ID!,
				clientSecret: process.env.ZOOM_CLIENT_SECRET!,
			},
			brevo: { apiKey: process.env.BREVO_API_KEY! },
			webhookSecret: { secretToken: process.env.ZOOM_WEBHOOK_SECRET_TOKEN! },
			close: async () => undefined,
		};
	}
	if (given.length > 0) {
		say(`only some real keys are set (${given.join(', ')}); all of ${REAL_KEYS.join(', ')} are needed — using the simulator`);
	}
	say('starting the Zoom + Brevo simulator (a 500-person webinar, meetings, their cloud recordings)');
	const sim = await startSimulator({ fixture: makeFixture({ webinarRegistrants: 500 }), brevo: { importProcessingMs: 300 } });
	say(`simulator: Zoom API ${sim.zoomApiBaseUrl}, Brevo API ${sim.brevoApiBaseUrl}`);
	return {
		mode: 'simulator',
		sim,
		zoomS2S: simCredentials.zoomS2S(sim),
		brevo: simCredentials.brevo(sim),
		webhookSecret: simCredentials.webhookSecret(SIM_DEFAULTS.zoom.webhookSecretToken),
		close: async () => await sim.close(),
	};
}
