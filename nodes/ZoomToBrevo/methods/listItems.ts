import type { INodeListSearchItems } from 'n8n-workflow';

/** The fields of Zoom's meeting and webinar list entries the pickers show. */
export interface ZoomMeetingSummary {
	id: number | string;
	topic?: string;
	start_time?: string;
	join_url?: string;
}

/** "Weekly demo — 2026-11-20 (85746065432)": the topic people recognise, a date to tell the
 *  occurrences of a name apart, and the ID the node will use. */
function label(summary: ZoomMeetingSummary): string {
	const topic = summary.topic?.trim() || 'Untitled';
	const day = summary.start_time ? ` — ${summary.start_time.slice(0, 10)}` : '';
	return `${topic}${day} (${summary.id})`;
}

export function meetingListItem(summary: ZoomMeetingSummary): INodeListSearchItems {
	return { name: label(summary), value: String(summary.id), url: summary.join_url };
}

export const webinarListItem = meetingListItem;

/** Zoom's list endpoints cannot search, so the typed filter narrows each page here: by topic or
 *  ID, ignoring case and spaces in IDs ("857 4606 5432" is how Zoom shows them). */
export function listItemsMatching(items: INodeListSearchItems[], filter: string | undefined): INodeListSearchItems[] {
	const wanted = filter?.trim().toLowerCase();
	if (!wanted) return items;
	const wantedDigits = wanted.replace(/\s+/g, '');
	return items.filter((item) => item.name.toLowerCase().includes(wanted) || (wantedDigits !== '' && String(item.value).includes(wantedDigits)));
}
