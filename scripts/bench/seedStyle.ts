/**
 * The product page's sample code, as written there, for comparison only (axios, test tooling):
 * one request for the participants (no page_size, no next_page_token), then one Brevo call per
 * participant with an email, sequentially, no pacing, errors ignored. Stops after `budgetMs`.
 */
import axios from 'axios';

import type { Simulator } from '../../test/simulator';

export interface SeedRun {
	rowsSeen: number;
	brevoCalls: number;
	brevo429: number;
	lost: number;
	ms: number;
}

export async function seedStyleSync(sim: Simulator, meetingUuid: string, budgetMs: number): Promise<SeedRun> {
	const started = performance.now();
	const token = await axios.post(
		`${sim.zoomOAuthBaseUrl}/oauth/token`,
		new URLSearchParams({ grant_type: 'account_credentials', account_id: sim.credentials.zoom.accountId }).toString(),
		{ auth: { username: sim.credentials.zoom.clientId, password: sim.credentials.zoom.clientSecret } },
	);
	const id = encodeURIComponent(encodeURIComponent(meetingUuid));
	const response = await axios.get(`${sim.zoomApiBaseUrl}/past_meetings/${id}/participants`, {
		headers: { Authorization: `Bearer ${token.data.access_token}` },
	});
	const participants = response.data.participants as Array<{ user_email: string; name: string; duration: number; join_time: string }>;
	let brevoCalls = 0;
	let brevo429 = 0;
	let lost = 0;
	for (const participant of participants) {
		if (performance.now() - started > budgetMs) break;
		if (!participant.user_email) continue;
		brevoCalls++;
		const answer = await axios.post(
			`${sim.brevoApiBaseUrl}/contacts`,
			{
				email: participant.user_email,
				// Only attributes every Brevo account has, so failures here are the approach's own.
				attributes: { FIRSTNAME: participant.name },
				listIds: [15],
				updateEnabled: true,
			},
			{ headers: { 'api-key': sim.credentials.brevo.apiKey }, validateStatus: () => true },
		);
		if (answer.status === 429) brevo429++;
		if (answer.status >= 300) lost++;
	}
	return { rowsSeen: participants.length, brevoCalls, brevo429, lost, ms: performance.now() - started };
}
