import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { listBrevoAttributes } from '../../shared/brevo';
import { attributeFields, type SyncResource } from '../contacts/attributeFields';

/** Attribute Mapping's rows (1.2): the account's Brevo attributes with the Zoom values that fit
 *  each, after the resource's defaults. Without a Brevo credential the rows are the suggested
 *  attributes only, instead of an error on a new node. */
export async function getBrevoAttributeFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const resource: SyncResource = this.getNodeParameter('resource', 'meeting') === 'webinar' ? 'webinar' : 'meeting';
	const account = this.getNode().credentials?.brevoV3Api ? await listBrevoAttributes(this) : undefined;
	return { fields: attributeFields(resource, account) };
}
