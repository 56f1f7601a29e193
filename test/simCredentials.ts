/** Credential data that points the package's credentials at a simulator: one place for the
 *  field names, used by the engine tests, the e2e tests, the demo and the benchmark. The base
 *  URLs are hidden credential fields that win over the Environment when set, so no Environment is
 *  given (credentials saved with 0.3.0's Environment "custom" are tested in test/credentials/). */
import { SIM_DEFAULTS, type Simulator } from './simulator';

export const simCredentials = {
	zoomS2S: (sim: Simulator, overrides: Record<string, string> = {}) => ({
		apiBaseUrl: sim.zoomApiBaseUrl,
		oauthBaseUrl: sim.zoomOAuthBaseUrl,
		...sim.credentials.zoom,
		...overrides,
	}),
	zoomUser: (sim: Simulator) => ({
		apiBaseUrl: sim.zoomApiBaseUrl,
		oauthBaseUrl: sim.zoomOAuthBaseUrl,
		clientId: sim.credentials.zoomUser.clientId,
		clientSecret: sim.credentials.zoomUser.clientSecret,
	}),
	brevo: (sim: Simulator, apiKey = sim.credentials.brevo.apiKey) => ({ apiKey, baseUrl: sim.brevoApiBaseUrl }),
	webhookSecret: (secretToken = SIM_DEFAULTS.zoom.webhookSecretToken) => ({ secretToken }),
};
