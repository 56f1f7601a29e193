import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	ensureAttributes,
	importContacts,
	listBrevoAttributes,
	listNames,
	upsertContacts,
	type AttributeNeed,
	type BatchReport,
	type UpsertReport,
} from '../../shared/brevo';
import { CONTACT_FIELDS, type AttributeMapping } from '../contacts/fields';
import { eventNameByStatus, followUpEvent, leadEventName } from '../contacts/followUpEvents';
import type { BrevoContact } from '../contacts/mapToBrevo';
import type { AttendanceStatus, ZoomSource } from '../contacts/types';
import { followUpKey, instanceOf } from '../exactlyOnce/keys';
import { sendEventsOnce } from '../exactlyOnce/sendOnce';
import { followUpOptions, type SyncSettings } from './settings';

/** The attributes this write fills: only those some contact has a value for, so a sync never
 *  creates an attribute it leaves empty (a meeting's UTM_SOURCE, a registrant's minutes). */
export function attributeNeeds(mapping: AttributeMapping[], contacts: BrevoContact[]): AttributeNeed[] {
	// A loop, not flatMap: 100 000 contacts' names in one array would be 800 000 entries.
	const filled = new Set<string>();
	for (const contact of contacts) for (const name of Object.keys(contact.attributes)) filled.add(name);
	const needs = new Map<string, AttributeNeed>();
	for (const { attribute, field } of mapping) {
		if (filled.has(attribute)) needs.set(attribute, { name: attribute, type: CONTACT_FIELDS[field].type });
	}
	return [...needs.values()];
}

export interface WriteResult {
	/** per contact, in the order given: what happened to it in Brevo */
	perContact: IDataObject[];
	summary: string;
}

/** Attributes first (Brevo drops values of unknown ones), then the contacts. */
export async function writeContacts(
	context: IExecuteFunctions,
	contacts: BrevoContact[],
	settings: SyncSettings,
	needs: AttributeNeed[],
): Promise<WriteResult | undefined> {
	if (settings.writeMode === 'emit' || contacts.length === 0) return undefined;

	let attributeNote: string;
	if (settings.dryRun) {
		const existing = new Set((await listBrevoAttributes(context)).map((a) => a.name.toUpperCase()));
		const missing = needs.filter((need) => !existing.has(need.name.toUpperCase())).map((need) => `${need.name} (${need.type})`);
		attributeNote = missing.length ? `would create attributes ${missing.join(', ')}` : 'all attributes exist';
	} else {
		const { created } = await ensureAttributes(context, needs, settings.missingAttributes);
		attributeNote = created.length ? `created attributes ${created.join(', ')}` : 'all attributes existed';
	}

	const names = await listNames(context, settings.listIds);
	if (settings.writeMode === 'import') {
		const batches: BatchReport[] = await importContacts(context, contacts, {
			listIds: settings.listIds,
			waitForCompletion: true,
			dryRun: settings.dryRun,
		});
		// Each contact is told which batch carried it (batches are grouped by list set, so the
		// batch's own email list is the truth, not the order).
		// Every contact of a batch shows the same write: one object per batch, shared by its contacts'
		// items (80 000 copies were 5 MB; issue #25). Nothing writes to it after this.
		const writeOf = new Map<string, IDataObject>();
		for (const batch of batches) {
			const write: IDataObject = { mode: 'import', batch: batch.batch, processId: batch.processId, status: batch.status };
			for (const email of (batch.details?.emails as string[] | undefined) ?? []) writeOf.set(email, write);
		}
		const notSent: IDataObject = { mode: 'import', status: 'not sent' };
		const perContact: IDataObject[] = contacts.map((contact) => writeOf.get(contact.email) ?? notSent);
		writeOf.clear();
		return { perContact, summary: `${importSummary(batches, settings, names)}; ${attributeNote}` };
	}

	const results: UpsertReport[] = await upsertContacts(context, contacts, { dryRun: settings.dryRun });
	const byEmail = new Map(results.map((r) => [r.email, r]));
	const counts = new Map<string, number>();
	for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
	return {
		perContact: contacts.map((c) => {
			const r = byEmail.get(c.email);
			return { mode: 'upsert', status: r?.status ?? 'failed', ...(r?.error ? { error: r.error } : {}) };
		}),
		summary: settings.dryRun
			? `would create or update ${contactCount(contacts.length)} in Brevo, one request each${onLists(settings.listIds, names)}; ${attributeNote}`
			: `Brevo create or update, one by one — ${[...counts].map(([status, n]) => `${status}: ${n}`).join(', ')}; ${attributeNote}`,
	};
}

const contactCount = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;
/** " on lists “Webinar attendees” (#16), 17": by name where Brevo gave one. */
const onLists = (listIds: number[], names: Map<number, string> = new Map()) =>
	listIds.length ? ` on list${listIds.length === 1 ? '' : 's'} ${listIds.map((id) => (names.has(id) ? `“${names.get(id)}” (#${id})` : String(id))).join(', ')}` : '';

/** What an import did, in words: "11 contacts written to Brevo on list 15 (import finished)". */
function importSummary(batches: BatchReport[], settings: SyncSettings, names: Map<number, string>): string {
	const total = batches.reduce((sum, b) => sum + b.contacts, 0);
	// Brevo imports only into lists: contacts without a list are written one request each.
	const imports = batches.filter((b) => !b.details?.via).length;
	const requests = imports
		? `${imports} import request${imports === 1 ? '' : 's'}`
		: 'one request per contact, as Brevo imports only into lists';
	if (settings.dryRun) return `would write ${contactCount(total)} to Brevo${onLists(settings.listIds, names)} in ${requests}`;
	if (batches.every((b) => b.status === 'completed')) {
		return `${contactCount(total)} written to Brevo${onLists(settings.listIds, names)} (${requests}, finished)`;
	}
	// Some batch did not finish: each one is named, so the user knows what is in Brevo.
	const words: Record<BatchReport['status'], string> = { completed: 'finished', queued: 'still queued in Brevo', processing: 'still processing in Brevo', failed: 'failed', 'dry-run': 'not sent (dry run)' };
	const each = batches.map((b) => `import ${b.batch} of ${batches.length} (${contactCount(b.contacts)}) ${words[b.status]}${b.processId ? ` — Brevo process ${b.processId}` : ''}`);
	return `Brevo import${onLists(settings.listIds, names)}: ${each.join('; ')}`;
}

/**
 * Whether Brevo confirmed this contact's write (its entry in WriteResult.perContact), so that a
 * follow-up announcing its data may go: an import that finished, a create or update Brevo took.
 * An import still queued, a refused contact or one never sent would make an automation built on
 * `{{ contact.ZOOM_JOIN_URL }}` mail an empty link. No write asked (emit only): nothing to wait for.
 */
export function writeConfirmed(write: IDataObject | undefined): boolean {
	if (!write) return true;
	return ['completed', 'created', 'updated', 'dry-run'].includes(String(write.status));
}

/** The follow-up of a contact whose write Brevo has not confirmed: not sent (nor claimed), so the
 *  re-run that finds the contact written sends it. */
export function waitingForWrite(name: string, write: IDataObject | undefined): IDataObject {
	const status = String(write?.status ?? 'not sent');
	const why = status === 'queued' || status === 'processing' ? `the contact's import is still ${status} in Brevo` : `the contact's write ${status === 'failed' ? 'failed' : 'was not sent'}`;
	return { name, status: 'not sent', reason: `${why}: the event waits for it, so that what it announces is in Brevo. A re-run sends it once the contact is written.` };
}

export interface EventResult {
	perContact: IDataObject[];
	summary: string;
}

/**
 * A registrant the host has not approved: the registered event would announce a join link they
 * do not have yet, so it waits for the approval and then goes once, with the link (the
 * Registration Approved delivery, a sync of approved registrants, or Register Contacts' next run).
 * A denied registration gets none.
 */
export function awaitingApproval(name: string, registrationStatus: unknown): IDataObject | undefined {
	if (registrationStatus === 'pending') {
		return { name, status: 'not sent', reason: "awaiting the host's approval: the event goes once Zoom approves the registration, with the join link (the Registration Approved delivery or a later sync of approved registrants sends it)" };
	}
	if (registrationStatus === 'denied') return { name, status: 'not sent', reason: 'the host denied this registration: no registered event' };
	return undefined;
}

/** Why follow-ups were held, for the run's summary: "; 2 not sent until Brevo confirms ...". */
export function heldNote(held: Array<IDataObject | undefined>, ready: boolean[]): string {
	const approval = held.filter(Boolean).length;
	const writes = ready.filter((r, i) => !r && !held[i]).length;
	return [
		writes ? `; ${writes} not sent until Brevo confirms their contact (a re-run sends them)` : '',
		approval ? `; ${approval} not sent: the registration awaits the host's approval (or was denied)` : '',
	].join('');
}

/** One Brevo event per contact, each sent at most once per person and meeting or webinar instance. */
export async function fireEvents(
	context: IExecuteFunctions,
	contacts: BrevoContact[],
	source: ZoomSource,
	settings: SyncSettings,
	/** Each contact's write (WriteResult.perContact); undefined: none was asked. */
	writes?: IDataObject[],
): Promise<EventResult | undefined> {
	if (!settings.event || contacts.length === 0) return undefined;
	const naming = settings.event;
	const instance = instanceOf(source);
	const nameOf = (contact: BrevoContact) =>
		naming.naming === 'custom' ? naming.name : eventNameByStatus(contact.source.kind as 'meeting' | 'webinar', contact.engagement.status as AttendanceStatus);
	const held = contacts.map((contact) => (contact.engagement.status === 'registered' ? awaitingApproval(nameOf(contact), contact.registration?.status) : undefined));
	const ready = contacts.map((_contact, i) => !held[i] && writeConfirmed(writes?.[i]));
	const followUps = contacts.flatMap((contact, i) =>
		ready[i] ? [{ key: followUpKey('event', nameOf(contact), instance, contact.email), event: followUpEvent(contact, nameOf(contact), { answers: settings.includeAnswers }) }] : [],
	);
	const result = await sendEventsOnce(context, followUps, followUpOptions(settings));
	const perContact = withWaiting(contacts, ready, result.perFollowUp, (i) => held[i] ?? waitingForWrite(nameOf(contacts[i]), writes?.[i]));
	return { perContact, summary: [`${result.summary}${heldNote(held, ready)}`, result.nextStep].filter(Boolean).join('. ') };
}

/** Each contact's follow-up: what sending did for the ready ones, the waiting note for the others. */
function withWaiting(contacts: BrevoContact[], ready: boolean[], sent: IDataObject[], waiting: (i: number) => IDataObject): IDataObject[] {
	let k = 0;
	return contacts.map((_contact, i) => (ready[i] ? sent[k++] : waiting(i)));
}

function withWaitingCount(result: { summary: string; nextStep?: string }, ready: boolean[]): string {
	return [`${result.summary}${heldNote([], ready)}`, result.nextStep].filter(Boolean).join('. ');
}

export interface LeadEventResult {
	/** per contact, in the order given: the lead event's delivery, or undefined (not a lead) */
	perContact: Array<IDataObject | undefined>;
	summary: string;
}

/** zoom_webinar_hot_lead (and warm, when asked) for each contact whose score reaches the level,
 *  each at most once per person and instance: a warm lead who later turns hot gets both. */
export async function fireLeadEvents(
	context: IExecuteFunctions,
	contacts: BrevoContact[],
	source: ZoomSource,
	settings: SyncSettings,
	/** Each contact's write (WriteResult.perContact); undefined: none was asked. */
	writes?: IDataObject[],
): Promise<LeadEventResult | undefined> {
	const levels = settings.scoring?.events === 'hotAndWarm' ? ['hot', 'warm'] : settings.scoring?.events === 'hot' ? ['hot'] : [];
	const leads = contacts
		.map((contact, index) => ({ contact, index, level: contact.engagement.leadLevel as 'hot' | 'warm' | 'cold' | undefined }))
		.filter((lead): lead is { contact: BrevoContact; index: number; level: 'hot' | 'warm' } => levels.includes(lead.level ?? 'cold'));
	if (levels.length === 0) return undefined;
	// Someone not scored this time (a signal could not be read) gets their lead event from the
	// next sync that scores them, once.
	const unscored = contacts.filter((contact) => contact.engagement.scoreKept !== undefined).length;
	const waiting = unscored > 0 ? `; ${unscored} not scored this time (a signal could not be read), their lead events wait for a complete sync` : '';
	if (leads.length === 0) return { perContact: contacts.map(() => undefined), summary: `no ${levels.join(' or ')} leads, no lead events${waiting}` };
	const instance = instanceOf(source);
	const nameOf = (lead: (typeof leads)[number]) => leadEventName(lead.contact.source.kind as ZoomSource['kind'], lead.level);
	const ready = leads.map((lead) => writeConfirmed(writes?.[lead.index]));
	const followUps = leads.flatMap((lead, n) =>
		ready[n] ? [{ key: followUpKey('event', nameOf(lead), instance, lead.contact.email), event: followUpEvent(lead.contact, nameOf(lead), { answers: settings.includeAnswers }) }] : [],
	);
	const result = await sendEventsOnce(context, followUps, followUpOptions(settings));
	const perLead = withWaiting(
		leads.map((lead) => lead.contact),
		ready,
		result.perFollowUp,
		(n) => waitingForWrite(nameOf(leads[n]), writes?.[leads[n].index]),
	);
	const perContact: Array<IDataObject | undefined> = contacts.map(() => undefined);
	leads.forEach(({ index, level }, n) => (perContact[index] = { level, ...perLead[n] }));
	return { perContact, summary: withWaitingCount({ summary: `${result.summary}${waiting}`, nextStep: result.nextStep }, ready) };
}
