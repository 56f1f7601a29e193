import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toBrevoContact } from '../contacts/mapToBrevo';
import { contactItems, skippedItems, summaryLine } from './output';
import {
	readMeetingParticipants,
	readWebinarAbsentees,
	readWebinarAttendees,
	readWebinarRegistrants,
	type ZoomRead,
} from './readZoom';
import { registrantFromEvent } from './registrantFromEvent';
import { requiredId, type SyncSettings } from './settings';
import { withProgressNote } from './progress';
import { attributeNeeds, fireEvents, writeContacts } from './writeBrevo';
import { createZoomClient, type ZoomClient } from './zoomClient';

async function readPeople(context: IExecuteFunctions, itemIndex: number, settings: SyncSettings, zoom: ZoomClient): Promise<ZoomRead> {
	const param = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const details = (context.getNodeParameter('options', itemIndex, {}) as { registrationDetails?: boolean }).registrationDetails !== false;
	switch (settings.operation) {
		case 'syncParticipants':
			return await readMeetingParticipants(zoom, requiredId(context, itemIndex, 'meetingId', 'Meeting ID or UUID'), param('participantSource') === 'report');
		case 'syncAttendees':
			return await readWebinarAttendees(zoom, requiredId(context, itemIndex, 'webinarId', 'Webinar ID'), param('webinarUuid') || undefined, details);
		case 'syncRegistrantFromEvent':
			return registrantFromEvent(context, itemIndex);
		case 'syncAbsentees':
			return await readWebinarAbsentees(zoom, requiredId(context, itemIndex, 'webinarId', 'Webinar ID'), param('occurrenceId') || undefined, details);
		default:
			return await readWebinarRegistrants(
				zoom,
				requiredId(context, itemIndex, 'webinarId', 'Webinar ID'),
				{ status: param('registrantStatus') || 'approved', occurrenceId: param('occurrenceId') || undefined },
				details,
			);
	}
}

/** One input item → its people read from Zoom, mapped, written to Brevo, followed up by events. */
export async function syncContacts(context: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<INodeExecutionData[]> {
	const zoom = createZoomClient(context, settings);
	const read = await readPeople(context, itemIndex, settings, zoom);
	const contacts = read.people.people.map((person) => toBrevoContact(person, read.source, settings.mapping, settings.listIds));

	const written = await writeContacts(context, contacts, settings, attributeNeeds(settings.mapping));
	// Events go after the contacts; if they fail, the error says what was already written.
	const events = await withProgressNote(context, written?.summary, async () => await fireEvents(context, contacts, settings));

	context.addExecutionHints({
		message: [summaryLine(contacts.length, read.people.skipped, written?.summary), events?.summary]
			.filter(Boolean)
			.join('; ')
			.concat(settings.dryRun ? ' (dry run: nothing was written)' : ''),
		location: 'outputPane',
	});

	return [
		...contactItems(contacts, itemIndex, (_contact, index) => ({
			...(written ? { brevo: written.perContact[index] } : {}),
			...(events ? { event: events.perContact[index] } : {}),
		})),
		...skippedItems(read.people.skipped, read.source, itemIndex),
	];
}
