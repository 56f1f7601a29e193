import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listBrevoLists, listBrevoTemplates } from '../../shared/brevo';

/** The account's Brevo lists for the "Add to Brevo Lists" dropdown. A new node has no Brevo
 *  credential yet: the dropdown is then empty (its hint says to choose one) instead of an error. */
export async function getBrevoLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!this.getNode().credentials?.brevoV3Api) return [];
	const lists = await listBrevoLists(this);
	return lists
		.map((list) => ({ name: `${list.name} (#${list.id})`, value: list.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The account's active Brevo templates for Share Recording's email ("Name (#id) — subject"). */
export async function getBrevoTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!this.getNode().credentials?.brevoV3Api) return [];
	const templates = await listBrevoTemplates(this);
	return templates
		.map((t) => ({ name: `${t.name} (#${t.id})`, value: t.id, description: t.subject }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
