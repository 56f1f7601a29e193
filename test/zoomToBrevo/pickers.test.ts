/**
 * Meeting and webinar pickers (Zoom to Brevo 1.1): the "From list" search through n8n-core's real
 * LoadOptionsContext against the simulator, and syncs whose meeting or webinar was chosen from the
 * list, by ID or by join link, as the editor saves them. Version 1's text fields still work.
 */
import type { INodeListSearchItems } from 'n8n-workflow';

import { runListSearch, runLoadOptions } from '../harness';
import { startSimulator, type Simulator } from '../simulator';
import type { ZoomMeeting, ZoomWebinar } from '../simulator/fixture/types';
import { ZoomToBrevo } from '../../nodes/ZoomToBrevo/ZoomToBrevo.node';
import { ZoomServerToServerOAuthApi } from '../../credentials/ZoomServerToServerOAuthApi.credentials';
import { ZoomUserOAuth2Api } from '../../credentials/ZoomUserOAuth2Api.credentials';
import { BrevoV3Api } from '../../credentials/BrevoV3Api.credentials';
import { runZoomToBrevo, simulatorCredentials } from './nodeRunner';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.clearRequests());

function search(methodName: 'searchMeetings' | 'searchWebinars', filter?: string, paginationToken?: string) {
	return runListSearch({
		nodeType: new ZoomToBrevo(),
		type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
		parameters: methodName === 'searchMeetings' ? { resource: 'meeting', operation: 'syncParticipants' } : { resource: 'webinar', operation: 'syncAttendees' },
		credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api(), new BrevoV3Api()],
		credentials: simulatorCredentials(sim),
		path: methodName === 'searchMeetings' ? 'parameters.meetingId' : 'parameters.webinarId',
		methodName,
		filter,
		paginationToken,
	});
}

/** Every page of a list search, as the editor loads them while the user scrolls. */
async function searchAll(methodName: 'searchMeetings' | 'searchWebinars', filter?: string) {
	const items: INodeListSearchItems[] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await search(methodName, filter, token);
		items.push(...page.results);
		token = page.paginationToken as string | undefined;
		pages++;
	} while (token);
	return { items, pages };
}

const ownersMeetings = () => sim.fixture.zoom.meetings.filter((m) => m.host_id === sim.fixture.ids.ownerUserId);
const ownersWebinars = () => sim.fixture.zoom.webinars.filter((w) => w.host_id === sim.fixture.ids.ownerUserId);

describe('From list', () => {
	it("lists the credential user's meetings by topic, date and ID, with their join links", async () => {
		const { items } = await searchAll('searchMeetings');
		const expected = ownersMeetings();
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.value).sort()).toEqual(expected.map((m) => String(m.id)).sort());
		for (const meeting of expected) {
			const item = items.find((i) => i.value === String(meeting.id))!;
			expect(item.name).toContain(meeting.topic);
			expect(item.name).toContain(`(${meeting.id})`);
			expect(item.url).toBe(meeting.join_url);
		}
		const call = sim.requests.find((r) => r.service === 'zoom' && r.path.endsWith('/users/me/meetings'))!;
		expect(call.query).toMatchObject({ type: 'previous_meetings', page_size: '300' });
	});

	it('narrows by what is typed: part of the topic, or the ID as Zoom shows it (with spaces)', async () => {
		const [first, second] = ownersMeetings();
		const byTopic = (await search('searchMeetings', first.topic.slice(0, 12).toUpperCase())).results;
		expect(byTopic.map((i) => i.value)).toContain(String(first.id));
		for (const item of byTopic) expect(item.name.toLowerCase()).toContain(first.topic.slice(0, 12).toLowerCase());
		const spaced = String(second.id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1 $2 $3');
		expect((await search('searchMeetings', spaced)).results.map((i) => i.value)).toEqual([String(second.id)]);
		expect((await search('searchMeetings', 'no meeting is called this')).results).toEqual([]);
	});

	it("typing a host's email lists that host's meetings instead (webinars are often hosted by someone else)", async () => {
		const admin = sim.fixture.zoom.users[1];
		const hosted = sim.fixture.zoom.meetings.filter((m) => m.host_id === admin.id);
		expect(hosted.length).toBeGreaterThan(0);
		const { items } = await searchAll('searchMeetings', ` ${admin.email.toUpperCase()} `);
		expect(items.map((i) => i.value).sort()).toEqual(hosted.map((m) => String(m.id)).sort());
		const call = sim.requests.find((r) => r.service === 'zoom' && r.path.endsWith('/meetings') && r.path.includes('/users/'))!;
		expect(decodeURIComponent(call.path)).toContain(`/users/${admin.email.toLowerCase()}/meetings`);
	});

	it("pages through a busy host's meetings with Zoom's next_page_token", async () => {
		const template = ownersMeetings()[0];
		const added: ZoomMeeting[] = Array.from({ length: 650 }, (_, i) => ({ ...template, id: 90_000_000_000 + i, topic: `Office hours ${i}` }));
		sim.fixture.zoom.meetings.push(...added);
		try {
			const { items, pages } = await searchAll('searchMeetings');
			expect(pages).toBe(Math.ceil(ownersMeetings().length / 300));
			expect(new Set(items.map((i) => i.value)).size).toBe(ownersMeetings().length);

			// A search reads on until it finds something: the editor does not page by itself while
			// a search is typed, so a match on page 3 must come back from the first call.
			const lastPage = Math.ceil(ownersMeetings().length / 300);
			const wanted = ownersMeetings()[ownersMeetings().length - 1];
			expect(ownersMeetings().indexOf(wanted)).toBeGreaterThanOrEqual(600);
			sim.clearRequests();
			const found = await search('searchMeetings', wanted.topic);
			expect(found.results.map((i) => i.value)).toEqual([String(wanted.id)]);
			expect(sim.requests.filter((r) => r.path.endsWith('/users/me/meetings'))).toHaveLength(lastPage);
		} finally {
			sim.fixture.zoom.meetings.splice(sim.fixture.zoom.meetings.length - added.length, added.length);
		}
	});

	it("pages through a busy host's webinars by page number, as Zoom's List webinars does (no next_page_token)", async () => {
		const template = ownersWebinars()[0];
		const added: ZoomWebinar[] = Array.from({ length: 650 }, (_, i) => ({ ...template, id: 97_000_000_000 + i, topic: `Product tour ${i}` }));
		sim.fixture.zoom.webinars.push(...added);
		try {
			const { items, pages } = await searchAll('searchWebinars');
			// Before: the first 300 only, since the list gave no next_page_token.
			expect(pages).toBe(Math.ceil(ownersWebinars().length / 300));
			expect(new Set(items.map((i) => i.value)).size).toBe(ownersWebinars().length);
			const calls = sim.requests.filter((r) => r.path.endsWith('/users/me/webinars'));
			expect(calls.map((c) => c.query.page_number)).toEqual([undefined, '2', '3']);
			expect(calls.every((c) => c.query.next_page_token === undefined)).toBe(true);
		} finally {
			sim.fixture.zoom.webinars.splice(sim.fixture.zoom.webinars.length - added.length, added.length);
		}
	});

	it("lists the credential user's webinars", async () => {
		const { items } = await searchAll('searchWebinars');
		expect(items.map((i) => i.value).sort()).toEqual(ownersWebinars().map((w) => String(w.id)).sort());
		expect(items.every((i) => i.url?.startsWith('https://'))).toBe(true);
	});

	it('a Zoom refusal reaches the editor as an error that names the call and the fix', async () => {
		sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 4711, message: 'Invalid access token, does not contain scopes:[meeting:read:list_meetings:admin].' },
			match: { service: 'zoom', path: '/users/me/meetings' },
		});
		const failure = await search('searchMeetings').then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(failure?.message).toMatch(/list your Zoom meetings/);
		expect(`${failure?.message} ${failure?.description}`).toMatch(/scope/i);
	});
});

describe('syncs with the meeting or webinar chosen in each mode', () => {
	const latest = (m: ZoomMeeting) => m.instances[m.instances.length - 1];
	const recurring = () => sim.fixture.zoom.meetings.find((m) => m.id === sim.fixture.ids.recurringMeetingId)!;
	const participantEmails = (m: ZoomMeeting) => {
		const emails = new Set<string>();
		const rows = latest(m).participants;
		for (let i = 0; i < rows.length; i++) {
			const email = rows.at(i)!.user_email;
			if (email) emails.add(email.toLowerCase());
		}
		return [...emails].sort();
	};
	const syncMeeting = (meetingId: unknown) =>
		runZoomToBrevo(sim, { resource: 'meeting', operation: 'syncParticipants', meetingId: meetingId as string });

	it.each([
		['From list', () => ({ __rl: true, mode: 'list', value: String(recurring().id), cachedResultName: recurring().topic })],
		['By ID, grouped as Zoom shows it', () => ({ __rl: true, mode: 'id', value: String(recurring().id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1 $2 $3') })],
		['By join link', () => ({ __rl: true, mode: 'url', value: recurring().join_url })],
	])('%s → the participants of that meeting', async (_mode, locator) => {
		const { contacts, result } = await syncMeeting(locator());
		expect(result.error).toBeUndefined();
		expect(contacts.map((c) => c.email).sort()).toEqual(participantEmails(recurring()));
	});

	it('a link that is not a Zoom join link is a node issue n8n reports before running anything', async () => {
		await expect(syncMeeting({ __rl: true, mode: 'url', value: 'https://example.com/j/85746065432' })).rejects.toThrow(
			/Not a Zoom join link: paste the link from the meeting invitation/,
		);
		expect(sim.requests.filter((r) => r.service === 'zoom')).toHaveLength(0);
	});

	it('the webinar by join link → its absentees', async () => {
		const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
		const { result } = await runZoomToBrevo(sim, {
			resource: 'webinar',
			operation: 'syncAbsentees',
			webinarId: { __rl: true, mode: 'url', value: webinar.join_url } as never,
		});
		expect(result.error).toBeUndefined();
		expect(sim.requests.some((r) => r.service === 'zoom' && r.path.endsWith(`/past_webinars/${webinar.id}/absentees`))).toBe(true);
	});

	it('version 1 workflows keep their text field (and the trigger-item default)', async () => {
		const { contacts, result } = await runZoomToBrevo(
			sim,
			{ resource: 'meeting', operation: 'syncParticipants' },
			{ typeVersion: 1, inputItems: [{ json: { event: 'meeting.ended', id: recurring().id, uuid: latest(recurring()).uuid } }] },
		);
		expect(result.error).toBeUndefined();
		expect(contacts.map((c) => c.email).sort()).toEqual(participantEmails(recurring()));
	});

	it('version 1.1 reads the meeting from the Zoom Trigger item by default too', async () => {
		const { contacts, result } = await runZoomToBrevo(
			sim,
			{ resource: 'meeting', operation: 'syncParticipants' },
			{ inputItems: [{ json: { event: 'meeting.ended', id: recurring().id, uuid: latest(recurring()).uuid } }] },
		);
		expect(result.error).toBeUndefined();
		expect(contacts.map((c) => c.email).sort()).toEqual(participantEmails(recurring()));
	});
});

describe('session and tracking-source dropdowns (1.2): no epoch milliseconds or source IDs to type', () => {
	const options = (methodName: 'getOccurrences' | 'getTrackingSources', parameters: Record<string, unknown>) =>
		runLoadOptions({
			nodeType: new ZoomToBrevo(),
			type: 'n8n-nodes-zoom-brevo.zoomToBrevo',
			typeVersion: 1.2,
			parameters: parameters as never,
			credentialTypes: [new ZoomServerToServerOAuthApi(), new ZoomUserOAuth2Api(), new BrevoV3Api()],
			credentials: simulatorCredentials(sim),
			path: 'parameters.registrationOccurrenceIds',
			methodName,
		});
	const recurring = () => sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.recurringWebinarId)!;
	const locator = (id: number) => ({ __rl: true, mode: 'list', value: String(id) });

	it("Register Contacts lists the recurring webinar's sessions by date, in its time zone, valued by occurrence ID", async () => {
		const found = await options('getOccurrences', { resource: 'webinar', operation: 'registerContacts', registrationWebinarId: locator(recurring().id) });
		expect(found.map((o) => o.value)).toEqual(recurring().occurrences.map((o) => o.occurrence_id));
		for (const option of found) expect(option.name).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(${recurring().timezone}\\)$`));
	});

	it('a sync offers "All Sessions" (registrants) or "The Latest Session" (absentees) first; an expression from the item lists only that', async () => {
		const registrants = await options('getOccurrences', { resource: 'webinar', operation: 'syncRegistrants', webinarId: locator(recurring().id) });
		expect(registrants[0]).toEqual({ name: 'All Sessions', value: '' });
		expect(registrants).toHaveLength(recurring().occurrences.length + 1);
		const fromItem = await options('getOccurrences', { resource: 'webinar', operation: 'syncAbsentees', webinarId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } });
		expect(fromItem).toEqual([{ name: 'The Latest Session', value: '' }]);
	});

	it("the webinar's tracking sources by name, valued by their ID", async () => {
		const webinar = sim.fixture.zoom.webinars.find((w) => w.id === sim.fixture.ids.webinarId)!;
		expect(webinar.tracking_sources.length).toBeGreaterThan(0);
		const found = await options('getTrackingSources', { resource: 'webinar', operation: 'registerContacts', registrationWebinarId: locator(webinar.id) });
		expect(found.map((o) => ({ name: o.name, value: o.value }))).toEqual(webinar.tracking_sources.map((s) => ({ name: s.source_name, value: s.id })));
	});
});
