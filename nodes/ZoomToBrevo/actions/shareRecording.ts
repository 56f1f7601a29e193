import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ensureAttributes, importContacts, isUnconfirmed, sendTemplateEmail } from '../../shared/brevo';
import { recordingReadyEvent } from '../contacts/followUpEvents';
import type { BrevoContact } from '../contacts/mapToBrevo';
import type { Person, ZoomSource } from '../contacts/types';
import { followUpKey, instanceOf } from '../exactlyOnce/keys';
import { countStatuses, sendEventsOnce, sendOnce, type Batch, type FollowUpDelivery } from '../exactlyOnce/sendOnce';
import { contactItems, skippedItems, summaryLine } from './output';
import { withProgressNote } from './progress';
import { readMeetingParticipants, readWebinarAbsentees, readWebinarAttendees, readWebinarRegistrants, type ZoomRead } from './readZoom';
import { checkRecordingKind, recordingSourceOf, type RecordingSource } from './recordingSource';
import { followUpOptions, requiredId, type SyncSettings } from './settings';
import { meetingPathId, type ZoomClient } from './zoomClient';

export interface RecordingInfo {
	uuid?: string;
	id?: number | string;
	/** The meeting's or webinar's type. */
	type?: number | string;
	topic?: string;
	start_time?: string;
	share_url?: string;
	password?: string;
	recording_play_passcode?: string;
}

/** The people of the recording's meeting or webinar, as Recipients says. */
async function recipients(
	context: IExecuteFunctions,
	itemIndex: number,
	zoom: ZoomClient,
	recording: RecordingInfo,
	source: RecordingSource,
	who: NonNullable<SyncSettings['recording']>['recipients'],
): Promise<ZoomRead> {
	if (who === 'meetingParticipants') return await readMeetingParticipants(zoom, recording.uuid ?? source.id, false);
	// 1.2: the recording's own webinar and session, from Zoom's answer (the field may hold a
	// session's UUID; the webinar and its registrations go by the numeric ID). Up to 1.1: the
	// webinar the Webinar field names, and absentees of its latest session.
	const fromRecording = source.field === 'recordingWebinarId';
	const webinarId = fromRecording ? String(recording.id ?? source.id) : requiredId(context, itemIndex, 'recordingWebinarId', 'Webinar ID');
	if (who === 'webinarAttendees') return await readWebinarAttendees(zoom, webinarId, recording.uuid, true);
	if (who === 'webinarAbsentees') return await readWebinarAbsentees(zoom, webinarId, undefined, true, fromRecording ? recording.uuid : undefined);
	return await readWebinarRegistrants(zoom, webinarId, { status: 'approved' }, false);
}

const firstAndLast = (person: Person) => ({ FIRSTNAME: person.firstName ?? '', LASTNAME: person.lastName ?? '' });

/** Link deliveries after which the link is on the contact or in their inbox. */
const DELIVERED = new Set(['completed', 'sent', 'already sent', 'dry-run']);

/** "Send Brevo Event": one event per recipient whose link was written or emailed, so an
 *  automation that starts on it finds the link in place; the others say why they got none. */
async function fireRecordingEvents(
	context: IExecuteFunctions,
	name: string,
	people: Person[],
	deliveries: IDataObject[],
	links: IDataObject,
	instance: string,
	source: ZoomSource,
	settings: SyncSettings,
): Promise<{ perPerson: IDataObject[]; summary: string }> {
	const recording = { url: String(links.RECORDING_URL), passcode: String(links.RECORDING_PASSCODE), topic: String(links.TOPIC) };
	const delivered = people.filter((_person, i) => DELIVERED.has(String(deliveries[i]?.status)));
	const followUps = delivered.map((person) => ({
		key: followUpKey('event', name, instance, person.email),
		event: recordingReadyEvent(name, person.email, recording, source, person.engagement.status),
	}));
	const result = await sendEventsOnce(context, followUps, followUpOptions(settings));
	const statusOf = new Map(delivered.map((person, i) => [person, result.perFollowUp[i]]));
	const withheld = people.length - delivered.length;
	return {
		perPerson: people.map(
			(person, i) => statusOf.get(person) ?? { name, status: 'not sent', reason: `the recording link was not delivered (${String(deliveries[i]?.status)})` },
		),
		// The summary already names the event and its count.
		summary: [`${result.summary}${withheld ? `, ${withheld} not sent (link not delivered)` : ''}`, result.nextStep].filter(Boolean).join('. '),
	};
}

/** Emails claimed per store call: each email is one Brevo request, so a crash leaves at most this
 *  many unconfirmed, for two store calls per group. */
const EMAILS_PER_CLAIM = 25;

/** [[0..size-1], [size..], ...] for `count` indexes. */
const inGroups = (count: number, size: number): number[][] =>
	Array.from({ length: Math.ceil(count / size) }, (_g, g) => Array.from({ length: Math.min(size, count - g * size) }, (_i, i) => g * size + i));

/** A failure that every later email would meet too (credential, permission, rate limit). */
const stopsEveryEmail = (error: unknown) => ['401', '403', '429'].includes(String((error as { httpCode?: unknown }).httpCode ?? ''));

/**
 * The template email, at most once per recipient, template and recording: recorded before it is
 * sent, forgotten again when it provably did not go out. One bad address does not stop the
 * others; a lost answer or a failure every email would meet stops the rest, which a re-run sends.
 */
async function emailRecording(
	context: IExecuteFunctions,
	people: Person[],
	links: IDataObject,
	templateId: number,
	instance: string,
	settings: SyncSettings,
): Promise<{ deliveries: IDataObject[]; summary: string }> {
	if (settings.dryRun) {
		return {
			deliveries: people.map((person) => ({ mode: 'email', status: 'dry-run', templateId, params: { ...links, ...firstAndLast(person) } })),
			summary: `${people.length} recording email${people.length === 1 ? '' : 's'} would be sent (template ${templateId})`,
		};
	}
	const keys = people.map((person) => followUpKey('email', `template-${templateId}`, instance, person.email));
	const deliveries = await sendOnce(
		context,
		keys,
		inGroups(keys.length, EMAILS_PER_CLAIM),
		{
			repeat: settings.repeatFollowUps,
			sendUnconfirmed: settings.sendUnconfirmedFollowUps,
			what: 'Recording emails',
			already: { status: 'already sent', note: 'emailed this recording by an earlier run of this workflow' },
		},
		async (indexes) => {
			const sent: FollowUpDelivery[] = [];
			let stoppedBy: Batch['stoppedBy'];
			for (const person of indexes.map((i) => people[i])) {
				if (stoppedBy) {
					sent.push({ status: 'not sent', reason: 'sending stopped at an earlier failure' });
					continue;
				}
				try {
					const { messageId } = await sendTemplateEmail(context, { to: { email: person.email, name: person.name }, templateId, params: { ...links, ...firstAndLast(person) } });
					sent.push({ status: 'sent', messageId });
				} catch (error) {
					const message = (error as Error).message;
					if (isUnconfirmed(error)) sent.push({ status: 'unconfirmed', note: message });
					else sent.push({ status: 'failed', error: message });
					if (isUnconfirmed(error) || stopsEveryEmail(error)) stoppedBy = error as Error;
				}
			}
			return { deliveries: sent, stoppedBy };
		},
	);
	const counts = countStatuses(deliveries);
	return { deliveries: deliveries.map((delivery) => ({ mode: 'email', templateId, ...delivery })), summary: `recording emails (template ${templateId}): ${counts}` };
}

/** Recording → Share Recording: the recording's links to the people of its meeting or webinar. */
export async function shareRecording(context: IExecuteFunctions, itemIndex: number, settings: SyncSettings, zoom: ZoomClient | undefined): Promise<INodeExecutionData[]> {
	const share = settings.recording as NonNullable<SyncSettings['recording']>;
	if (!zoom) throw new NodeOperationError(context.getNode(), 'Share Recording reads Zoom: its Zoom settings are missing', { itemIndex });
	const source = recordingSourceOf(context, itemIndex, share.recipients);
	// Zoom reads a webinar's recording through the meetings endpoint too (recordingSource.ts).
	const recording = await zoom.get<RecordingInfo>(`/meetings/${meetingPathId(source.id)}/recordings`, 'light', 'read the recording');
	checkRecordingKind(context, itemIndex, source, recording.type);
	if (!recording.share_url) {
		throw new NodeOperationError(context.getNode(), 'Zoom returned no share link for this recording', {
			itemIndex,
			description: 'Check that cloud recording finished (start from a recording.completed event) and that sharing is enabled for it.',
		});
	}
	const links: IDataObject = {
		RECORDING_URL: recording.share_url,
		RECORDING_PASSCODE: recording.password ?? recording.recording_play_passcode ?? '',
		TOPIC: recording.topic ?? '',
	};
	const read = await recipients(context, itemIndex, zoom, recording, source, share.recipients);
	for (const warning of read.warnings ?? []) context.addExecutionHints({ message: warning, type: 'warning', location: 'outputPane' });
	const people = read.people.people;
	// Follow-ups are once per person and recording: the recording's instance.
	const instance = instanceOf({ ...read.source, uuid: recording.uuid ?? read.source.uuid });
	const mode = share.shareMode;
	const deliveries: IDataObject[] = [];
	let summary: string;

	if (mode === 'attributes') {
		const { linkAttribute, passcodeAttribute } = share;
		const { listIds } = settings;
		const contacts: BrevoContact[] = people.map((person) => ({
			email: person.email,
			attributes: { [linkAttribute]: links.RECORDING_URL, [passcodeAttribute]: links.RECORDING_PASSCODE },
			listIds,
			engagement: { status: person.engagement.status },
			source: { ...read.source },
		}));
		if (!settings.dryRun && contacts.length > 0) {
			await ensureAttributes(context, [{ name: linkAttribute, type: 'text' }, { name: passcodeAttribute, type: 'text' }], 'create');
		}
		const batches = contacts.length ? await importContacts(context, contacts, { listIds, waitForCompletion: true, dryRun: settings.dryRun }) : [];
		const batchOf = new Map<string, (typeof batches)[number]>();
		for (const batch of batches) for (const email of (batch.details?.emails as string[] | undefined) ?? []) batchOf.set(email, batch);
		for (const contact of contacts) {
			const batch = batchOf.get(contact.email);
			deliveries.push({ mode: 'attributes', status: batch?.status ?? 'not sent', ...(batch ? { batch: batch.batch } : {}) });
		}
		const onLists = listIds.length ? `, on list${listIds.length > 1 ? 's' : ''} ${listIds.map((id) => `#${id}`).join(', ')}` : '';
		summary = `recording link written on ${contacts.length} contacts (${linkAttribute}, ${passcodeAttribute}${onLists})`;
	} else {
		const templateId = share.templateId as number;
		const emailed = await emailRecording(context, people, links, templateId, instance, settings);
		deliveries.push(...emailed.deliveries);
		summary = emailed.summary;
	}

	const eventName = settings.event?.naming === 'custom' ? settings.event.name : undefined;
	const events =
		eventName && people.length > 0
			? await withProgressNote(context, settings.dryRun ? undefined : summary, async () =>
					await fireRecordingEvents(context, eventName, people, deliveries, links, instance, read.source, settings),
				)
			: undefined;
	if (events) summary = `${summary}; ${events.summary}`;

	context.addExecutionHints({
		message: `${summaryLine(people.length, read.people.skipped, summary, { skippedOutput: context.getNode().typeVersion >= 1.2 })}${settings.dryRun ? ' (dry run: nothing was written)' : ''}`,
		location: 'outputPane',
	});
	const contacts: BrevoContact[] = people.map((person) => ({
		email: person.email,
		attributes: {},
		listIds: [],
		engagement: { status: person.engagement.status },
		source: { ...read.source },
	}));
	return [
		...contactItems(contacts, itemIndex, (_c, index) => ({
			recording: links,
			delivery: deliveries[index],
			...(events ? { event: events.perPerson[index] } : {}),
		})),
		...skippedItems(read.people.skipped, read.source, itemIndex),
	];
}
