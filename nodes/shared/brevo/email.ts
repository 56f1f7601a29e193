import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openSession, requestWithin } from './request';

/** What this reads of the answer of `POST /smtp/email` (checked against the vendor's type in test/contracts). */
export type EmailAnswer = { messageId?: string; messageIds?: string[] };

/** One transactional email from a Brevo template (`params` fill the template's {{ params.X }}). */
export async function sendTemplateEmail(
	context: IExecuteFunctions,
	message: { to: { email: string; name?: string }; templateId: number; params: IDataObject },
): Promise<{ messageId: string }> {
	const to: IDataObject = { email: message.to.email.trim() };
	if (message.to.name) to.name = message.to.name;
	const body: IDataObject = { to: [to], templateId: message.templateId };
	if (message.params && Object.keys(message.params).length > 0) body.params = message.params;
	const answer = await requestWithin<EmailAnswer>(await openSession(context), {
		method: 'POST',
		path: '/smtp/email',
		body,
		what: `send template ${message.templateId} to ${message.to.email}`,
		atMostOnce: true,
	});
	return { messageId: answer?.messageId ?? answer?.messageIds?.[0] ?? '' };
}
