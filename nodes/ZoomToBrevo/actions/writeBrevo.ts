import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	ensureAttributes,
	importContacts,
	listBrevoAttributes,
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
	const filled = new Set(contacts.flatMap((contact) => Object.keys(contact.attributes)));
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

	if (settings.writeMode === 'import') {
		const batches: BatchReport[] = await importContacts(context, contacts, {
			listIds: settings.listIds,
			waitForCompletion: true,
			dryRun: settings.dryRun,
		});
		// Each contact is told which batch carried it (batches are grouped by list set, so the
		// batch's own email list is the truth, not the order).
		const batchOf = new Map<string, BatchReport>();
		for (const batch of batches) {
			for (const email of (batch.details?.emails as string[] | undefined) ?? []) batchOf.set(email, batch);
		}
		const perContact: IDataObject[] = contacts.map((contact) => {
			const batch = batchOf.get(contact.email);
			return batch
				? { mode: 'import', batch: batch.batch, processId: batch.processId, status: batch.status }
				: { mode: 'import', status: 'not sent' };
		});
		return { perContact, summary: `${importSummary(batches, settings)}; ${attributeNote}` };
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
			? `would create or update ${contactCount(contacts.length)} in Brevo, one request each${onLists(settings.listIds)}; ${attributeNote}`
			: `Brevo create or update, one by one — ${[...counts].map(([status, n]) => `${status}: ${n}`).join(', ')}; ${attributeNote}`,
	};
}

const contactCount = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;
const onLists = (listIds: number[]) => (listIds.length ? ` on list${listIds.length === 1 ? '' : 's'} ${listIds.join(', ')}` : '');

/** What an import did, in words: "11 contacts written to Brevo on list 15 (import finished)". */
function importSummary(batches: BatchReport[], settings: SyncSettings): string {
	const total = batches.reduce((sum, b) => sum + b.contacts, 0);
	// Brevo imports only into lists: contacts without a list are written one request each.
	const imports = batches.filter((b) => !b.details?.via).length;
	const requests = imports
		? `${imports} import request${imports === 1 ? '' : 's'}`
		: 'one request per contact, as Brevo imports only into lists';
	if (settings.dryRun) return `would write ${contactCount(total)} to Brevo${onLists(settings.listIds)} in ${requests}`;
	if (batches.every((b) => b.status === 'completed')) {
		return `${contactCount(total)} written to Brevo${onLists(settings.listIds)} (${requests}, finished)`;
	}
	// Some batch did not finish: each one is named, so the user knows what is in Brevo.
	const words: Record<BatchReport['status'], string> = { completed: 'finished', queued: 'still queued in Brevo', processing: 'still processing in Brevo', failed: 'failed', 'dry-run': 'not sent (dry run)' };
	const each = batches.map((b) => `import ${b.batch} of ${batches.length} (${contactCount(b.contacts)}) ${words[b.status]}${b.processId ? ` — Brevo process ${b.processId}` : ''}`);
	return `Brevo import${onLists(settings.listIds)}: ${each.join('; ')}`;
}

export interface EventResult {
	perContact: IDataObject[];
	summary: string;
}

/** One Brevo event per contact, each sent at most once per person and meeting or webinar instance. */
export async function fireEvents(
	context: IExecuteFunctions,
	contacts: BrevoContact[],
	source: ZoomSource,
	settings: SyncSettings,
): Promise<EventResult | undefined> {
	if (!settings.event || contacts.length === 0) return undefined;
	const naming = settings.event;
	const instance = instanceOf(source);
	const followUps = contacts.map((contact) => {
		const name =
			naming.naming === 'custom'
				? naming.name
				: eventNameByStatus(contact.source.kind as 'meeting' | 'webinar', contact.engagement.status as AttendanceStatus);
		return { key: followUpKey('event', name, instance, contact.email), event: followUpEvent(contact, name, { answers: settings.includeAnswers }) };
	});
	const result = await sendEventsOnce(context, followUps, followUpOptions(settings));
	return { perContact: result.perFollowUp, summary: [result.summary, result.nextStep].filter(Boolean).join('. ') };
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
	const followUps = leads.map(({ contact, level }) => {
		const name = leadEventName(contact.source.kind as ZoomSource['kind'], level);
		return { key: followUpKey('event', name, instance, contact.email), event: followUpEvent(contact, name, { answers: settings.includeAnswers }) };
	});
	const result = await sendEventsOnce(context, followUps, followUpOptions(settings));
	const perContact: Array<IDataObject | undefined> = contacts.map(() => undefined);
	leads.forEach(({ index, level }, n) => (perContact[index] = { level, ...result.perFollowUp[n] }));
	return { perContact, summary: [`${result.summary}${waiting}`, result.nextStep].filter(Boolean).join('. ') };
}
