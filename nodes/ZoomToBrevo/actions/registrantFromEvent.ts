import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { fromRegistrants } from '../contacts/fromRegistrants';
import type { ZoomSource } from '../contacts/types';
import type { ZoomRead } from './readZoom';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Webinar → Sync One Registrant: the registrant a webinar.registration_created delivery carries,
 * as the Zoom Trigger shaped it. No Zoom call: the event already says everything, including the
 * tracking source of the registration link (the UTM source).
 */
export function registrantFromEvent(context: IExecuteFunctions, itemIndex: number): ZoomRead {
	const raw = context.getNodeParameter('registrant', itemIndex, {}) as unknown;
	const registrant = (typeof raw === 'string' ? jsonParse<IDataObject>(raw, { fallbackValue: {} }) : raw) as IDataObject | undefined;
	if (!registrant || typeof registrant !== 'object' || !text(registrant.email)) {
		throw new NodeOperationError(context.getNode(), 'The incoming item has no registrant with an email', {
			itemIndex,
			description:
				'Connect a Zoom Trigger listening to "Webinar Registration Created" (it emits the registrant as "person"), or set Registrant to an object with email, firstName and lastName.',
		});
	}
	const item = context.getInputData()[itemIndex]?.json ?? {};
	const source: ZoomSource = {
		kind: 'webinar',
		id: String(item.id ?? ''),
		uuid: text(item.uuid),
		topic: text(item.topic),
		startTime: text(item.startTime),
	};
	const people = fromRegistrants(
		[
			{
				email: text(registrant.email),
				first_name: text(registrant.firstName),
				last_name: text(registrant.lastName),
				id: text(registrant.registrantId),
				// Registration Approved carries no status: the event itself says it.
				status: text(registrant.status) ?? (/\.registration_approved$/.test(String(item.event ?? '')) ? 'approved' : undefined),
				join_url: text(registrant.joinUrl),
				tracking_source: text(registrant.trackingSource),
			},
		],
		'registered',
	);
	return { source, people };
}
