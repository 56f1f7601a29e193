import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listBrevoLists } from '../../shared/brevo';

/** The account's Brevo lists for the "Add to Brevo Lists" dropdown. */
export async function getBrevoLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await listBrevoLists(this);
	return lists
		.map((list) => ({ name: `${list.name} (#${list.id})`, value: list.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
