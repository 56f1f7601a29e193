/**
 * What a user picks in the examples before activating them, as their notes ask — here on the
 * simulator's account (its lists 15–18, its webinar): the examples ship with none, since a list or
 * webinar ID of one account means nothing in another. Used by the examples' e2e and by `npm start`.
 */
import type { Simulator } from './simulator';

/** The Brevo list picked in each example's Zoom to Brevo node, by node name. */
export const LIST_PICKED: Record<string, number> = {
	'Participants → Brevo': 15,
	'Attendees → Brevo': 16,
	'Attendees and hot leads → Brevo': 16,
	'No-shows → Brevo': 18,
	'Registrant → Brevo': 17,
	'Register for the webinar': 17,
};

interface PickableNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

/** Fills in what the user would pick on the simulator's account; leaves anything already set. */
export function pickOnSimulator(node: PickableNode, sim: Pick<Simulator, 'fixture'>): void {
	if (!node.type.endsWith('.zoomToBrevo')) return;
	const p = node.parameters;
	if (Array.isArray(p.listIds) && p.listIds.length === 0 && LIST_PICKED[node.name]) p.listIds = [LIST_PICKED[node.name]];
	if (p.shareMode === 'email' && (p.templateId === '' || p.templateId === undefined)) p.templateId = sim.fixture.ids.brevoTemplateId;
	const webinar = p.registrationWebinarId as { value?: unknown } | undefined;
	if (webinar && (webinar.value === '' || webinar.value === undefined)) p.registrationWebinarId = { __rl: true, mode: 'id', value: String(sim.fixture.ids.webinarId) };
}
