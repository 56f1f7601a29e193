import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ContactMapper, type BrevoContact } from '../contacts/mapToBrevo';
import { contactItem, contactItems, skippedItems, summaryLine } from './output';
import {
	readMeetingParticipants,
	readWebinarAbsentees,
	readWebinarAttendees,
	readWebinarRegistrants,
	SessionNotOfWebinar,
	type ZoomRead,
} from './readZoom';
import { instancePairing, mismatchMessage } from './instancePairing';
import { registrantFromEvent } from './registrantFromEvent';
import { requiredId, type SyncSettings } from './settings';
import { isUnconfirmed } from '../../shared/brevo';
import { keepStatusOrder } from '../exactlyOnce/statusOrder';
import { keepStatusOrderInBrevo, STATUS_FOR_ATTRIBUTE, STATUS_FOR_NEED, STATUS_SESSION_ATTRIBUTE, STATUS_SESSION_NEED } from '../exactlyOnce/statusInBrevo';
import { withProgressNote } from './progress';
import { asNodeError } from './nodeError';
import { attributeNeeds, fireEvents, fireLeadEvents, writeConfirmed, writeContacts } from './writeBrevo';
import { withEngagementDepth, type EngagementRead } from '../contacts/engagementDepth';
import { highestScore, unreachableLevels } from '../contacts/engagementScore';
import type { Person, ZoomSource } from '../contacts/types';
import { anonymousNote, readEngagement } from './readEngagement';
import type { ZoomClient } from './zoomClient';

/**
 * A sync that only emits its contacts and reads no engagement needs no person, and no contact,
 * once its item is made: its participants are mapped one at a time, tally → person → contact →
 * item, so only the items are kept (issue #25: 100 000 people's tallies, people and contacts made
 * back to back, each set let go only at V8's next full GC, doubled the peak). Writes, events and
 * lead scoring need every contact at once (status order, batches, follow-ups), so they keep the
 * arrays.
 */
function mapsOneByOne(settings: SyncSettings): boolean {
	return settings.writeMode === 'emit' && !settings.event && !settings.scoring && settings.engagement.length === 0;
}

async function readPeople(context: IExecuteFunctions, itemIndex: number, settings: SyncSettings, zoom: ZoomClient | undefined): Promise<ZoomRead> {
	if (settings.operation === 'syncRegistrantFromEvent') return registrantFromEvent(context, itemIndex);
	if (!zoom) throw new NodeOperationError(context.getNode(), `${settings.operation} reads Zoom: its Zoom settings are missing`, { itemIndex });
	const param = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const details = settings.registrationDetails;
	switch (settings.operation) {
		case 'syncParticipants':
			return await readMeetingParticipants(zoom, requiredId(context, itemIndex, 'meetingId', 'Meeting ID or UUID'), settings.participantSource === 'report', {
				oneByOne: mapsOneByOne(settings),
			});
		case 'syncAttendees':
			return await readAttendees(context, itemIndex, zoom, param('webinarUuid') || undefined, details);
		case 'syncAbsentees':
			return await readWebinarAbsentees(zoom, requiredId(context, itemIndex, 'webinarId', 'Webinar ID'), param('occurrenceId') || undefined, details);
		default:
			return await readWebinarRegistrants(
				zoom,
				requiredId(context, itemIndex, 'webinarId', 'Webinar ID'),
				{ status: settings.registrantStatus, occurrenceId: param('occurrenceId') || undefined },
				details,
			);
	}
}

/** A webinar's attendees, by a session UUID that must belong to the chosen webinar. */
async function readAttendees(context: IExecuteFunctions, itemIndex: number, zoom: ZoomClient, uuid: string | undefined, details: boolean): Promise<ZoomRead> {
	const webinarId = requiredId(context, itemIndex, 'webinarId', 'Webinar ID');
	const item = context.getInputData()[itemIndex]?.json;
	const pairing = uuid ? instancePairing(item, webinarId, uuid) : 'same';
	if (pairing === 'other') {
		const { message, description } = mismatchMessage(webinarId, uuid!, String(item?.id));
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
	}
	try {
		return await readWebinarAttendees(zoom, webinarId, uuid, details, pairing === 'unknown');
	} catch (error) {
		if (!(error instanceof SessionNotOfWebinar)) throw asNodeError(context, error, itemIndex);
		const { message, description } = mismatchMessage(webinarId, uuid!);
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
	}
}

/** Polls, Q&A, survey and the lead score added to the people read (when asked). */
async function addEngagement(read: ZoomRead, settings: SyncSettings, zoom: ZoomClient | undefined): Promise<{ read: ZoomRead; anonymous?: string }> {
	if (settings.engagement.length === 0 && !settings.scoring) return { read };
	let engagement: EngagementRead = { read: new Set(), asked: settings.engagement };
	const warnings = [...(read.warnings ?? [])];
	if (settings.engagement.length > 0 && zoom && read.instancePath) {
		const result = await readEngagement(zoom, read.source, read.instancePath, settings.engagement, read.people.people.map((p) => p.email), {
			keepAnswers: settings.includeAnswers,
		});
		engagement = { ...result, asked: settings.engagement };
		warnings.push(...result.warnings);
	}
	const depth = withEngagementDepth(read.people.people, read.source, engagement, settings.scoring);
	return {
		read: { ...read, warnings, people: { people: depth.people, skipped: [...read.people.skipped, ...depth.notAttendees] } },
		anonymous: anonymousNote(engagement),
	};
}

/** Lead levels the scoring settings make unreachable with what this sync reads (a warning), or nothing. */
function unreachableLevelsOf(settings: SyncSettings, source: ZoomSource): string | undefined {
	const { scoring } = settings;
	if (!scoring) return undefined;
	const kinds = new Set(settings.engagement);
	const highest = highestScore(scoring.weights, {
		polls: kinds.has('polls'),
		questions: kinds.has('questions'),
		survey: kinds.has('survey'),
		// Registration dates come with a webinar's registration details; meetings' participants have none.
		registrations: source.kind === 'webinar' && settings.registrationDetails,
	});
	return unreachableLevels(highest, scoring.thresholds, source.kind as 'meeting' | 'webinar');
}

export interface SyncOutcome {
	items: INodeExecutionData[];
	/** Everything it set out to do is done: false while some contact's write (and so its
	 *  follow-ups) is unconfirmed, so the Zoom delivery stays open for a re-run. */
	finished: boolean;
}

/** One input item → its people read from Zoom, mapped, written to Brevo, followed up by events. */
export async function syncContacts(context: IExecuteFunctions, itemIndex: number, settings: SyncSettings, zoom: ZoomClient | undefined): Promise<SyncOutcome> {
	const { read, anonymous } = await addEngagement(await readPeople(context, itemIndex, settings, zoom), settings, zoom);
	const timeZone = context.getTimezone();
	// Each person is let go once mapped, so a large meeting's people and contacts are not both held;
	// one mapper for the sync, so what the contacts have in common is held once.
	const people = read.people.people;
	const mapper = new ContactMapper(read.source, settings.mapping, settings.listIds, timeZone, { answers: settings.includeAnswers });
	let contacts: BrevoContact[] = [];
	for (let i = 0; i < people.length; i++) {
		contacts.push(mapper.map(people[i]));
		(people as Array<Person | undefined>)[i] = undefined;
	}
	people.length = 0;
	// Emit only (mapsOneByOne): each person's item is made as the person is, and nothing else of
	// them is kept; `contacts` stays empty, so nothing below writes or sends anything.
	let emitted: INodeExecutionData[] | undefined;
	if (read.peopleOneByOne) {
		emitted = [];
		const pairedItem = { item: itemIndex };
		for (const person of read.peopleOneByOne) emitted.push(contactItem(mapper.map(person), pairedItem));
	}
	const contactCount = emitted ? emitted.length : contacts.length;

	const writes = settings.writeMode !== 'emit' && !settings.dryRun && contacts.length > 0;
	const order = writes ? await keepStatusOrder(context, contacts, settings.mapping, read.source) : undefined;
	if (order) {
		contacts = order.contacts;
		// Only `contacts` holds them: the copies made next (the status stamped) replace them, and the
		// objects replaced are then let go instead of being held through the write (issue #25).
		order.contacts = [];
	}
	// Other workflows write the same contacts: the status order also holds against what Brevo has.
	const brevoOrder = writes ? await keepStatusOrderInBrevo(context, contacts, settings.mapping, read.source) : undefined;
	if (brevoOrder) contacts = brevoOrder.contacts;
	const stamped = (name: string) => contacts.some((c) => name in c.attributes);
	const needs = [
		...attributeNeeds(settings.mapping, contacts),
		...(stamped(STATUS_FOR_ATTRIBUTE) ? [STATUS_FOR_NEED] : []),
		...(stamped(STATUS_SESSION_ATTRIBUTE) ? [STATUS_SESSION_NEED] : []),
	];
	let written: Awaited<ReturnType<typeof writeContacts>>;
	try {
		written = await writeContacts(context, contacts, settings, needs);
	} catch (error) {
		// Nothing of it reached Brevo: the statuses it would have written are not on record either.
		if (order && !isUnconfirmed(error)) await order.undo();
		throw asNodeError(context, error, itemIndex);
	}
	// A contact Brevo refused (one by one) has no status in Brevo: it must not count as written.
	const refused = new Set(contacts.filter((_c, i) => written?.perContact[i]?.status === 'failed').map((c) => c.email));
	if (order && refused.size > 0) await order.undo(refused);
	// Events go after the contacts; if they fail, the error says what was already written.
	// Follow-ups announce the contact's data: each waits until Brevo confirmed that contact's write.
	const perContact = written?.perContact;
	const events = await withProgressNote(context, written?.summary, async () => await fireEvents(context, contacts, read.source, settings, perContact));
	const leads = await withProgressNote(context, [written?.summary, events?.summary].filter(Boolean).join('; '), async () => await fireLeadEvents(context, contacts, read.source, settings, perContact));
	const waiting = perContact ? contacts.filter((_c, i) => !writeConfirmed(perContact[i])).length : 0;

	for (const warning of read.warnings ?? []) context.addExecutionHints({ message: warning, type: 'warning', location: 'outputPane' });
	const unreachable = settings.scoring ? unreachableLevelsOf(settings, read.source) : undefined;
	if (unreachable) context.addExecutionHints({ message: unreachable, type: 'warning', location: 'outputPane' });
	const heldBack = (order?.heldBack ?? 0) + (brevoOrder?.heldBack ?? 0);
	const kept = heldBack ? `${heldBack} kept their later attendance status` : undefined;
	context.addExecutionHints({
		message: [
			summaryLine(contactCount, read.people.skipped, contactCount === 0 && !written ? 'nothing to write' : written?.summary, {
				skippedOutput: context.getNode().typeVersion >= 1.2,
			}),
			kept,
			anonymous,
			events?.summary,
			leads?.summary,
		]
			.filter(Boolean)
			.join('; ')
			.concat(settings.dryRun ? ' (dry run: nothing was written)' : ''),
		location: 'outputPane',
	});

	if (waiting > 0 && (events || leads)) {
		context.addExecutionHints({
			message: `${waiting} contact${waiting === 1 ? '' : 's'} not confirmed written by Brevo yet (import still queued, or refused): their follow-ups were not sent. This run succeeded, so n8n offers no Retry: once Brevo has them, run the workflow again with the same input item (its Zoom delivery stays open for that) or let Zoom re-send it; those follow-ups go then, once`,
			type: 'warning',
			location: 'outputPane',
		});
	}

	// contactItems lets each contact go as its item is built (the items are what n8n keeps).
	const items = emitted ?? contactItems(contacts, itemIndex, (_contact, index) => ({
		...(written ? { brevo: written.perContact[index] } : {}),
		...(events ? { event: events.perContact[index] } : {}),
		...(leads?.perContact[index] ? { leadEvent: leads.perContact[index] } : {}),
	}));
	skippedItems(read.people.skipped, read.source, itemIndex, items);
	return { items, finished: waiting === 0 || (!events && !leads) };
}
