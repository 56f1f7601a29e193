/**
 * Brevo transport for the Zoom to Brevo node: every call goes through `brevoRequest`'s machinery
 * (credential `brevoV3Api`, pacing from x-sib-ratelimit headers, bounded retries, errors that say
 * what to do).
 */
export type { Ctx, BrevoRequest, ContactWrite } from './types';
export { brevoRequest } from './request';
export { ensureAttributes, listBrevoAttributes, type AttributeNeed } from './attributes';
export { importContacts, type BatchReport } from './import';
export { upsertContacts, type UpsertReport } from './upsert';
export { assertEventNames, planEvents, sendEvents, type BrevoEvent, type EventDelivery, type EventOutcome } from './events';
export { isUnconfirmed, useBrevoTier } from './request';
export type { BrevoTier } from './pacing';
export { sendTemplateEmail } from './email';
export { listBrevoLists, listBrevoTemplates, listNames } from './lists';
export { readContactNames, type ContactNames } from './contactNames';
export { listContactsWhere, type ContactAttributes } from './contactsWhere';
