import type { Brevo } from '../../contracts/vendor';
import type { BrevoTemplate } from '../fixture/types';
import { isObject, json, type SimRequest, type SimResponse } from '../http';
import { randomAlnum } from '../random';
import { brevoErrors } from './errors';
import type { BrevoRoute } from './route';
import type { BrevoContext } from './state';
import { isValidEmail } from './validation';

/** `POST /smtp/email`: a template send (templateId + params) or a plain one (sender, subject, content). */
function send(ctx: BrevoContext, req: SimRequest): SimResponse {
	if (!isObject(req.body)) return brevoErrors.invalid('Invalid request body');
	const body = req.body;
	if (!Array.isArray(body.to) || body.to.length === 0) return brevoErrors.missing('to is missing');
	const to: { email: string; name?: string }[] = [];
	for (const recipient of body.to) {
		if (!isObject(recipient) || !isValidEmail(recipient.email)) return brevoErrors.invalid('email is not valid in to');
		to.push({ email: recipient.email, ...(typeof recipient.name === 'string' ? { name: recipient.name } : {}) });
	}
	if (body.params !== undefined && !isObject(body.params)) return brevoErrors.invalid('params should be an object');
	let templateId: number | undefined;
	if (body.templateId !== undefined) {
		templateId = Number(body.templateId);
		const template = ctx.state.templates.get(templateId);
		if (!Number.isInteger(templateId) || !template) return brevoErrors.invalid('Invalid template id');
		if (!template.isActive) return brevoErrors.invalid('Template is not active');
	} else {
		if (!isObject(body.sender) || !isValidEmail(body.sender.email)) return brevoErrors.missing('sender is missing');
		if (typeof body.subject !== 'string' || body.subject === '') return brevoErrors.missing('subject is missing');
		if (typeof body.htmlContent !== 'string' && typeof body.textContent !== 'string') {
			return brevoErrors.missing('htmlContent or textContent is missing');
		}
	}
	const messageId = `<${new Date(ctx.now()).toISOString().replace(/\D/g, '').slice(0, 14)}.${randomAlnum(12)}@smtp-relay.mailin.fr>`;
	ctx.state.emails.push({
		messageId,
		to,
		templateId,
		params: body.params as Record<string, unknown> | undefined,
		subject: typeof body.subject === 'string' ? body.subject : ctx.state.templates.get(templateId ?? -1)?.subject,
		sender: isObject(body.sender) ? (body.sender as { email?: string; name?: string }) : undefined,
		receivedAt: ctx.now(),
	});
	return json(201, { messageId } satisfies Brevo.SendTransacEmailResponse);
}

/** Brevo's largest page of templates (https://developers.brevo.com/reference/get-smtp-templates:
 *  `limit` default 50, at most 1000). */
const MAX_TEMPLATE_PAGE = 1000;

/**
 * `GET /smtp/templates` (https://developers.brevo.com/reference/get-smtp-templates): paged by
 * `limit`/`offset`, newest first unless `sort=asc`, `templateStatus=true|false` keeps the active or
 * inactive ones; the answer is `{ count, templates: [{ id, name, subject, isActive, ... }] }`
 * (model GetSmtpTemplates / GetSmtpTemplateOverview in Brevo's client libraries).
 */
function listTemplates(ctx: BrevoContext, req: SimRequest): SimResponse {
	const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
	const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
	if (!Number.isInteger(limit) || limit < 0 || limit > MAX_TEMPLATE_PAGE) return brevoErrors.outOfRange(`limit should be between 0 and ${MAX_TEMPLATE_PAGE}`);
	if (!Number.isInteger(offset) || offset < 0) return brevoErrors.invalid('offset should be a positive integer');
	const status = req.query.templateStatus;
	const all = [...ctx.state.templates.values()]
		.filter((t) => status === undefined || String(t.isActive) === status)
		.sort((a, b) => (req.query.sort === 'asc' ? a.id - b.id : b.id - a.id));
	return json(200, { count: all.length, templates: all.slice(offset, offset + limit).map(templateOverview) } satisfies Brevo.GetSmtpTemplatesResponse);
}

/**
 * A template as `GET /smtp/templates` lists it, typed by the SDK's `GetSmtpTemplateOverview`, whose
 * fields are all required: the simulator gave `id`, `name`, `subject` and `isActive` only until
 * issue #24, and fills the others with a plain template's values now.
 */
export function templateOverview(t: BrevoTemplate): Brevo.GetSmtpTemplateOverview {
	return {
		id: t.id,
		name: t.name,
		subject: t.subject,
		isActive: t.isActive,
		testSent: false,
		sender: { name: 'Sim Corp', email: 'marketing@simcorp.example', id: '1' },
		replyTo: 'marketing@simcorp.example',
		toField: '{{contact.FIRSTNAME}}',
		tag: '',
		htmlContent: `<html><body><p>${t.subject}</p></body></html>`,
		createdAt: '2026-01-05T09:00:00.000Z',
		modifiedAt: '2026-01-05T09:00:00.000Z',
		doiTemplate: false,
	};
}

export const emailRoutes: BrevoRoute[] = [
	{ method: 'POST', pattern: '/smtp/email', handle: (ctx, req) => send(ctx, req) },
	{ method: 'GET', pattern: '/smtp/templates', handle: (ctx, req) => listTemplates(ctx, req) },
];
