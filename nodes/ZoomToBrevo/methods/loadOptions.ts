import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listBrevoLists } from '../../shared/brevo';

/** The account's Brevo lists for the "Add to Brevo Lists" dropdown. A new node has no Brevo
 *  credential yet: the dropdown is then empty (its hint says to choose one) instead of an error. */
export async function getBrevoLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!this.getNode().credentials?.brevoV3Api) return [];
	const lists = await listBrevoLists(this);
	return lists
		.map((list) => ({ name: `${list.name} (#${list.id})`, value: list.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
