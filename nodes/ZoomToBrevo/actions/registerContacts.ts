/**
 * Meeting / Webinar → Register Contacts (issue #14): every input item is a person (a Brevo
 * Trigger's contact, a form entry, a row of a file). All items of one execution are handled
 * together: one read of each meeting or webinar, the new people registered (30 a request by Zoom's
 * batch registration where the meeting or webinar and the person allow it, else one request
 * each: registration/batch.ts), one lookup for
 * the people registered before, then one Brevo write with each person's join link and the
 * `zoom_webinar_registered` events. A person Zoom refuses is that person's item (with Continue On
 * Fail) and says why; the others go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventNameByStatus } from '../contacts/followUpEvents';
import type { BrevoContact } from '../contacts/mapToBrevo';
import { followUpKey, instanceOf } from '../exactlyOnce/keys';
import { sendEventsOnce } from '../exactlyOnce/sendOnce';
import { registeredContact, registeredEvent, registrationAttributes, type RegisteredFor, type Registration } from '../registration/registeredContact';
import type { Refusal } from '../registration/refusals';
import { isInputProblem, registrantInput, type RegistrantInput } from '../registration/registrant';
import { asNodeError, failedItem } from './nodeError';
import { withProgressNote } from './progress';
import { readTarget, registerPeople, withNameFromBrevo, type DryRunOutcome, type NameFiller, type RegistrationTarget } from './registerInZoom';
import { followUpOptions, readSyncSettings, zoomIdOf, type SyncSettings } from './settings';
import type { ZoomClient } from './zoomClient';
import { awaitingApproval, heldNote, waitingForWrite, writeConfirmed, writeContacts } from './writeBrevo';

interface Entry {
	itemIndex: number;
	settings: SyncSettings;
	target: RegistrationTarget;
	person: RegistrantInput;
}

/** What became of one person: registered (or found), refused, or told in a dry run. */
interface Done {
	entry: Entry;
	registeredFor?: RegisteredFor;
	registration?: Registration;
	refusal?: Refusal;
	dryRun?: DryRunOutcome['dryRun'];
}

const targetKey = (t: RegistrationTarget) => `${t.kind}:${t.id}:${t.occurrenceIds.join(',')}`;

/** The meeting's or webinar's ID from its field (a list pick, an ID, a join link). */
function targetId(context: IExecuteFunctions, itemIndex: number, kind: 'meeting' | 'webinar'): string {
	const name = kind === 'meeting' ? 'registrationMeetingId' : 'registrationWebinarId';
	const id = zoomIdOf(context.getNodeParameter(name, itemIndex, '', { extractValue: true }));
	if (!/^\d{9,12}$/.test(id)) {
		throw new NodeOperationError(context.getNode(), id ? `"${id}" is not a Zoom ${kind} ID` : `No ${kind} is chosen to register people for`, {
			itemIndex,
			description: `Pick the ${kind} From List, or give its ID (9 to 12 digits, as Zoom shows it) or its join link.`,
		});
	}
	return id;
}

function readEntry(context: IExecuteFunctions, itemIndex: number): Entry {
	const settings = readSyncSettings(context, itemIndex);
	const kind = context.getNodeParameter('resource', itemIndex) === 'meeting' ? 'meeting' : 'webinar';
	const param = (name: string) => context.getNodeParameter(name, itemIndex, '') as unknown;
	const fields = context.getNodeParameter('registrantFields', itemIndex, {}) as IDataObject & { customQuestions?: { answers?: Array<{ title?: string; value?: string }> } };
	const input = registrantInput({
		email: param('registrantEmail'),
		firstName: param('registrantFirstName'),
		lastName: param('registrantLastName'),
		customQuestions: fields.customQuestions?.answers,
		sourceId: kind === 'webinar' ? fields.sourceId : undefined,
		org: fields.org,
		jobTitle: fields.jobTitle,
		phone: fields.phone,
		country: fields.country,
		city: fields.city,
	});
	if (isInputProblem(input)) {
		throw new NodeOperationError(context.getNode(), input.reason === 'missing' ? 'This item has no email to register' : `"${input.value}" is not an email address`, {
			itemIndex,
			description: 'Email reads the input item\'s "email" by default (a Brevo Trigger\'s contact). For other inputs, set Email to the field that holds it.',
		});
	}
	return { itemIndex, settings, target: { kind, id: targetId(context, itemIndex, kind), occurrenceIds: settings.registration?.occurrenceIds ?? [] }, person: input };
}

/** One meeting or webinar: its details, then its people registered (or refused as a group). */
async function registerGroup(context: IExecuteFunctions, zoom: ZoomClient, entries: Entry[]): Promise<Done[]> {
	const [{ target, settings }] = entries;
	const { registeredFor, approval, batch } = await readTarget(zoom, target);
	if (approval === 'off') {
		const refusal: Refusal = {
			reason: 'registration_off',
			message: `Registration is not turned on for this ${target.kind}`,
			hint: `In Zoom, edit the ${target.kind} and turn on Registration (Required); nobody was sent to Zoom.`,
			wholeTarget: true,
		};
		return entries.map((entry) => ({ entry, registeredFor, refusal }));
	}
	const fillName: NameFiller = settings.registration?.namesFromBrevo ? async (person) => await withNameFromBrevo(context, person) : async (person) => person;
	const people = entries.map((e) => e.person);
	const outcomes = await registerPeople(context, zoom, target, approval, people, { dryRun: settings.dryRun, repeat: settings.repeatFollowUps, fillName, batch });
	return entries.map((entry, i): Done => {
		const outcome = outcomes[i];
		const person = 'registration' in outcome && outcome.registration ? outcome.registration.person : entry.person;
		if ('dryRun' in outcome) return { entry: { ...entry, person }, registeredFor, dryRun: outcome.dryRun, registration: outcome.registration };
		return { entry: { ...entry, person }, registeredFor, ...outcome };
	});
}

/** "12 registered in Zoom, 30 registered already (reused), 2 awaiting the host's approval, 1 refused (full: 1)" */
function registrationSummary(done: Done[]): string {
	const count = (test: (d: Done) => boolean) => done.filter(test).length;
	if (done.some((d) => d.dryRun)) {
		return `dry run: would register ${count((d) => d.dryRun === 'would register')} in Zoom, ${count((d) => d.dryRun === 'registered already')} registered already`;
	}
	const reasons = new Map<string, number>();
	for (const d of done) if (d.refusal) reasons.set(d.refusal.reason, (reasons.get(d.refusal.reason) ?? 0) + 1);
	return [
		`${count((d) => d.registration?.how === 'registered')} registered in Zoom`,
		`${count((d) => d.registration?.how === 'found')} registered already (reused)`,
		count((d) => d.registration?.status === 'pending') ? `${count((d) => d.registration?.status === 'pending')} awaiting the host's approval (no join link until then)` : undefined,
		reasons.size ? `${count((d) => Boolean(d.refusal))} not registered (${[...reasons].map(([r, n]) => `${r.replace(/_/g, ' ')}: ${n}`).join(', ')})` : undefined,
	]
		.filter(Boolean)
		.join(', ');
}

export async function registerContacts(context: IExecuteFunctions, zoomFor: (settings: SyncSettings) => ZoomClient): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const entries: Entry[] = [];
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		try {
			entries.push(readEntry(context, itemIndex));
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error, itemIndex);
			output.push(failedItem(context, error, itemIndex));
		}
	}
	if (entries.length === 0) return output;

	const groups = new Map<string, Entry[]>();
	for (const entry of entries) groups.set(targetKey(entry.target), [...(groups.get(targetKey(entry.target)) ?? []), entry]);
	const done: Done[] = [];
	for (const group of groups.values()) {
		try {
			done.push(...(await registerGroup(context, zoomFor(group[0].settings), group)));
		} catch (error) {
			// The meeting or webinar itself could not be read (not found, no access): its people fail alike.
			if (!context.continueOnFail()) throw asNodeError(context, error, group[0].itemIndex);
			const failure = error as Error & { description?: string };
			const refusal: Refusal = { reason: 'failed', message: failure.message, hint: failure.description ?? '', wholeTarget: true };
			done.push(...group.map((entry) => ({ entry, refusal })));
		}
	}

	// Brevo: the people registered (or found), each with their own link; then the events.
	const settings = entries[0].settings;
	const timeZone = context.getTimezone();
	// One contact and one event per person and meeting or webinar, however often the input named them.
	const personKey = (d: Done) => `${targetKey(d.entry.target)}/${d.entry.person.email}`;
	const registered = [...new Map(done.filter((d) => d.registration && !d.dryRun && d.registeredFor).map((d) => [personKey(d), d] as const)).values()];
	const contacts: BrevoContact[] = registered.map((d) => registeredContact(d.registration!, d.registeredFor!, d.entry.settings.listIds, timeZone));
	const kinds = [...new Set(registered.map((d) => d.entry.target.kind))];
	const filled = new Set(contacts.flatMap((c) => Object.keys(c.attributes)));
	const needs = kinds.flatMap(registrationAttributes).filter((need) => filled.has(need.name));
	const written = contacts.length > 0 ? await writeContacts(context, contacts, settings, needs) : undefined;
	const events = await withProgressNote(context, written?.summary, async () => await fireRegisteredEvents(context, registered, contacts, settings, written?.perContact));

	const summary = [registrationSummary(done), written?.summary ?? (settings.writeMode === 'emit' ? 'nothing written to Brevo (Write to Brevo is "No — Emit the Contacts Only")' : undefined), events?.summary]
		.filter(Boolean)
		.join('; ');
	context.addExecutionHints({ message: summary, location: 'outputPane' });

	const refused = done.filter((d) => d.refusal);
	if (refused.length > 0 && !context.continueOnFail()) {
		const [first] = refused;
		throw new NodeOperationError(context.getNode(), `${refused.length} of ${done.length} people were not registered: ${first.entry.person.email}: ${first.refusal!.message}`, {
			itemIndex: first.entry.itemIndex,
			description: `${first.refusal!.hint} Done before this stopped: ${summary}. Turn on Settings → On Error → Continue to get one item per person with the reason.`,
		});
	}

	const indexOf = new Map(registered.map((d, i) => [personKey(d), i]));
	for (const d of done) {
		const i = d.registration && !d.dryRun ? indexOf.get(personKey(d)) : undefined;
		if (d.refusal) {
			const { message, reason, hint } = d.refusal;
			const refusal = new NodeOperationError(context.getNode(), message, { itemIndex: d.entry.itemIndex, description: hint });
			output.push(failedItem(context, refusal, d.entry.itemIndex, { email: d.entry.person.email, reason, hint }));
			continue;
		}
		const json: IDataObject = {
			email: d.entry.person.email,
			registration: {
				status: d.dryRun ? (d.dryRun === 'would register' ? 'dry-run' : d.registration?.status) : d.registration?.status,
				how: d.dryRun ?? d.registration?.how,
				registrantId: d.registration?.registrantId,
				joinUrl: d.registration?.joinUrl,
			},
			...(i !== undefined ? { attributes: contacts[i].attributes, listIds: contacts[i].listIds, source: contacts[i].source } : {}),
			...(i !== undefined && written ? { brevo: written.perContact[i] } : {}),
			...(i !== undefined && events ? { event: events.perContact[i] } : {}),
		};
		output.push({ json, pairedItem: { item: d.entry.itemIndex } });
	}
	return output;
}

/** zoom_webinar_registered (or the custom name) with each person's link, once per person and
 *  meeting or webinar, like every follow-up. */
async function fireRegisteredEvents(context: IExecuteFunctions, registered: Done[], contacts: BrevoContact[], settings: SyncSettings, writes?: IDataObject[]) {
	if (!settings.event || contacts.length === 0) return undefined;
	const naming = settings.event;
	const nameOf = (d: Done) => (naming.naming === 'custom' ? naming.name : eventNameByStatus(d.registeredFor!.kind, 'registered'));
	// The event announces the person's join link on their contact: it waits for Brevo to confirm
	// it, and for the host's approval (a pending registrant has no link yet).
	const held = registered.map((d) => awaitingApproval(nameOf(d), d.registration!.status));
	const ready = registered.map((_d, i) => !held[i] && writeConfirmed(writes?.[i]));
	const followUps = registered.flatMap((d, i) =>
		ready[i]
			? [{ key: followUpKey('event', nameOf(d), instanceOf(d.registeredFor!), contacts[i].email), event: registeredEvent(contacts[i], d.registration!, d.registeredFor!, nameOf(d)) }]
			: [],
	);
	const result = await sendEventsOnce(context, followUps, followUpOptions(settings));
	let k = 0;
	const perContact = registered.map((d, i) => (ready[i] ? result.perFollowUp[k++] : (held[i] ?? waitingForWrite(nameOf(d), writes?.[i]))));
	const note = heldNote(held, ready);
	return { perContact, summary: [`${result.summary}${note}`, result.nextStep].filter(Boolean).join('. ') };
}
