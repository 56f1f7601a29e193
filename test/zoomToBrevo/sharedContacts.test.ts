/**
 * A large sync shares what its contacts have in common and builds items and copies key by key
 * (issue #25: memory). These pin that nothing of it shows: the items are what `{ ...headline,
 * ...contact, ...extra }` gave, key order included; a change to one contact never reaches another
 * through a shared object; the import plan sends what copying every contact's attributes sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { contactItem, contactItems, skippedItems } from '../../nodes/ZoomToBrevo/actions/output';
import { CONTACT_FIELDS, DEFAULT_MAPPING, minutesOf, type AttributeMapping } from '../../nodes/ZoomToBrevo/contacts/fields';
import { ContactMapper, toBrevoContact, type BrevoContact } from '../../nodes/ZoomToBrevo/contacts/mapToBrevo';
import { ParticipantMerger } from '../../nodes/ZoomToBrevo/contacts/mergeParticipants';
import type { ParticipantRow, Person, ZoomSource } from '../../nodes/ZoomToBrevo/contacts/types';
import { orderAgainstBrevo, STATUS_FOR_ATTRIBUTE } from '../../nodes/ZoomToBrevo/exactlyOnce/statusInBrevo';
import { withFields } from '../../nodes/ZoomToBrevo/exactlyOnce/statusOrder';
import { planImport } from '../../nodes/shared/brevo/importBatches';
import type { ContactWrite } from '../../nodes/shared/brevo';

const source: ZoomSource = { kind: 'meeting', id: '811', uuid: 'u==', topic: 'Kick-off', startTime: '2026-11-02T09:00:00Z', durationMinutes: 60 };

const person = (email: string, extra: Partial<Person> = {}): Person => ({
	email,
	name: 'Ada Lovelace',
	firstName: 'Ada',
	lastName: 'Lovelace',
	engagement: { status: 'attended', attendedSeconds: 2700, sessions: 2, firstJoin: '2026-11-02T09:00:00Z', lastLeave: '2026-11-02T09:45:00Z', attendancePercent: 75 },
	rows: 2,
	...extra,
});

const people: Person[] = [
	person('a@x.io'),
	person('b@x.io', { engagement: { status: 'attended', attendedSeconds: 60, score: 70, leadLevel: 'hot', scoreWithout: ['survey'] } }),
	person('c@x.io', { registrationStatus: 'pending', joinUrl: 'https://zoom.us/j/1', answers: { polls: [{ question: 'Q', answer: 'A' }] } }),
	person('d@x.io', { engagement: { status: 'waiting_room_only', leadLevel: 'cold', scoreKept: 'polls not read' } }),
];

/** The mapping as it was written before contacts shared anything (one copy of everything each). */
function mappedAlone(p: Person, src: ZoomSource, mapping: AttributeMapping[], listIds: number[], timeZone: string, answers: boolean): BrevoContact {
	const definedOnly = (object: IDataObject): IDataObject => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
	const attributes: IDataObject = {};
	for (const { attribute, field } of mapping) {
		const value = CONTACT_FIELDS[field].read(p, src, timeZone);
		if (value !== undefined && value !== '') attributes[attribute.trim().toUpperCase()] = value;
	}
	const e = p.engagement;
	const given = definedOnly({ ...p.answers, registration: p.registrationAnswers } as IDataObject);
	return {
		email: p.email,
		attributes,
		listIds: [...new Set(listIds)],
		engagement: definedOnly({
			status: e.status, attendedSeconds: e.attendedSeconds, attendedMinutes: minutesOf(e.attendedSeconds), sessions: e.sessions, firstJoin: e.firstJoin, lastLeave: e.lastLeave,
			attendancePercent: e.attendancePercent, zoomRows: p.rows, pollsAnswered: e.pollsAnswered, questionsAsked: e.questionsAsked, surveyAnswered: e.surveyAnswered,
			score: e.score, leadLevel: e.leadLevel, scoreWithout: e.scoreWithout, scoreKept: e.scoreKept,
		}),
		source: { ...src },
		...(p.registrationStatus || p.joinUrl ? { registration: definedOnly({ status: p.registrationStatus, joinUrl: p.joinUrl }) } : {}),
		...(answers && Object.keys(given).length > 0 ? { answers: given } : {}),
	};
}

/** What the node built before (one spread per item), to compare with. */
const spreadItem = (contact: BrevoContact, extra: IDataObject) => {
	const { status, score, leadLevel } = contact.engagement;
	const top: IDataObject = { email: contact.email };
	if (status !== undefined) top.status = status;
	if (score !== undefined) top.score = score;
	if (leadLevel !== undefined) top.leadLevel = leadLevel;
	return { ...top, ...contact, ...extra };
};

describe('contacts of one sync share what they have in common', () => {
	it('a mapper gives what mapping each person alone gave, key order included', () => {
		for (const answers of [true, false]) {
			const mapper = new ContactMapper(source, DEFAULT_MAPPING, [15, 15, 16], 'Europe/Rome', { answers });
			for (const p of people) {
				const alone = mappedAlone(p, source, DEFAULT_MAPPING, [15, 15, 16], 'Europe/Rome', answers);
				expect(JSON.stringify(mapper.map(p))).toBe(JSON.stringify(alone));
				expect(JSON.stringify(toBrevoContact(p, source, DEFAULT_MAPPING, [15, 15, 16], 'Europe/Rome', { answers }))).toBe(JSON.stringify(alone));
			}
		}
	});

	it('one source object and one list array for all, and neither is the caller’s', () => {
		const lists = [15, 16];
		const mapper = new ContactMapper(source, DEFAULT_MAPPING, lists);
		const [a, b] = people.map((p) => mapper.map(p));
		expect(a.source).toBe(b.source);
		expect(a.listIds).toBe(b.listIds);
		expect(a.source).not.toBe(source);
		expect(a.listIds).not.toBe(lists);
	});

	it('stamping or holding back one contact changes neither another contact nor what they share', () => {
		const mapper = new ContactMapper(source, DEFAULT_MAPPING, [15]);
		const contacts = people.slice(0, 3).map((p) => mapper.map(p));
		const before = JSON.stringify(contacts);
		const inBrevo = new Map([['b@x.io', { status: 'attended' }]]);
		const late = contacts.map((c) => withFields(c, { engagement: { ...c.engagement, status: 'absent' } }));
		const { contacts: ordered, heldBack } = orderAgainstBrevo(late, ['ATTENDANCE_STATUS'], source, inBrevo);
		expect(heldBack).toBe(1);
		// The originals (and their shared source and lists) are as they were.
		expect(JSON.stringify(contacts)).toBe(before);
		expect(ordered[0].attributes[STATUS_FOR_ATTRIBUTE]).toBeDefined();
		expect(ordered[1].attributes).not.toHaveProperty('ATTENDANCE_STATUS');
		expect(ordered[1].statusKept).toMatch(/left as it is/);
		expect(ordered[2].attributes.ATTENDANCE_STATUS).toBe('attended');
		expect(ordered[0].attributes).not.toBe(contacts[0].attributes);
		expect(ordered[0].source).toBe(contacts[0].source);
		expect(contacts[0].source).toEqual({ ...source });
	});

	it('a copy with fields replaced keeps the key order spreading gave', () => {
		const contact = new ContactMapper(source, DEFAULT_MAPPING, [15], 'UTC', { answers: true }).map(people[2]);
		const fields = { attributes: { X: 1 }, statusKept: 'kept' };
		expect(JSON.stringify(withFields(contact, fields))).toBe(JSON.stringify({ ...contact, ...fields }));
	});
});

describe('items built key by key', () => {
	it('are the spread items, key order included, and each contact is let go once its item is built', () => {
		const mapper = new ContactMapper(source, DEFAULT_MAPPING, [15], 'UTC', { answers: true });
		const contacts = people.map((p) => mapper.map(p));
		contacts[3] = withFields(contacts[3], { statusKept: 'ATTENDANCE_STATUS left as it is' });
		const extra = (index: number): IDataObject => (index % 2 ? { brevo: { mode: 'import', status: 'completed' }, event: { status: 'sent' } } : {});
		const expected = contacts.map((c, i) => spreadItem(c, extra(i)));
		const items = contactItems(contacts, 3, (_c, i) => extra(i));
		expect(items.map((item) => JSON.stringify(item.json))).toEqual(expected.map((json) => JSON.stringify(json)));
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":3}')).toBe(true);
		expect(contacts).toEqual([]);
	});

	it('a participant sync mapped one person at a time (emit only) gives the items and skipped people the arrays gave', () => {
		const rows: ParticipantRow[] = [
			{ user_email: 'Ada@X.io', name: 'Ada Lovelace', join_time: '2026-11-02T09:00:00Z', leave_time: '2026-11-02T09:30:00Z', duration: 1800 },
			{ user_email: 'not-an-address', name: 'Typo', join_time: '2026-11-02T09:01:00Z', leave_time: '2026-11-02T09:02:00Z', duration: 60 },
			{ name: 'Guest', join_time: '2026-11-02T09:03:00Z', leave_time: '2026-11-02T09:04:00Z', duration: 60 },
			{ user_email: 'grace@x.io', name: 'Grace', status: 'in_waiting_room', join_time: '2026-11-02T09:05:00Z', leave_time: '2026-11-02T09:06:00Z' },
			{ user_email: 'ada@x.io', name: 'iPhone', join_time: '2026-11-02T09:20:00Z', leave_time: '2026-11-02T09:50:00Z', duration: 1800 },
			{ user_email: 'bad@', name: 'Also Typo', join_time: '2026-11-02T09:07:00Z', duration: 60 },
		];
		const merged = (): ParticipantMerger => {
			const merger = new ParticipantMerger(source);
			merger.add(rows.slice(0, 3));
			merger.add(rows.slice(3));
			return merger;
		};
		const whole = merged().result();
		const mapper = new ContactMapper(source, DEFAULT_MAPPING, [15]);
		const expected = contactItems(whole.people.map((p) => mapper.map(p)), 0);

		const oneByOne = merged().drain();
		expect(oneByOne.skipped).toEqual(whole.skipped);
		const pairedItem = { item: 0 };
		const items = [...oneByOne.people].map((p) => contactItem(new ContactMapper(source, DEFAULT_MAPPING, [15]).map(p), pairedItem));
		expect(items.map((item) => JSON.stringify(item))).toEqual(expected.map((item) => JSON.stringify(item)));
		expect(items.map((item) => item.json.email)).toEqual(['ada@x.io', 'grace@x.io']);
		expect(whole.skipped.map((p) => p.reason)).toEqual(['invalid_email', 'invalid_email', 'no_email']);
	});

	it('skipped people go after the contacts into the same list, each with the source', () => {
		const items = contactItems([toBrevoContact(people[0], source, DEFAULT_MAPPING, [])], 0);
		skippedItems([{ reason: 'no_email', name: 'Guest', rows: 1, hint: 'h' }], source, 0, items);
		expect(items).toHaveLength(2);
		expect(items[1].json).toEqual({ skipped: true, reason: 'no_email', name: 'Guest', email: undefined, zoomRows: 1, hint: 'h', source: { ...source } });
	});
});

describe('the import plan reuses the contacts’ attributes', () => {
	/** The plan as it was made before: every row's attributes a filtered copy, lists from a Set. */
	function copiedRows(contacts: ContactWrite[], listIds: number[]) {
		const merged = new Map<string, { row: { email: string; attributes: IDataObject }; lists: Set<number> }>();
		for (const contact of contacts) {
			const email = contact.email.trim();
			const attributes: IDataObject = {};
			for (const [name, value] of Object.entries(contact.attributes ?? {})) if (name.toUpperCase() !== 'EMAIL' && value !== undefined) attributes[name] = value;
			const entry = merged.get(email.toLowerCase());
			if (entry) {
				Object.assign(entry.row.attributes, attributes);
				for (const id of contact.listIds ?? []) entry.lists.add(id);
			} else merged.set(email.toLowerCase(), { row: { email, attributes }, lists: new Set([...listIds, ...(contact.listIds ?? [])]) });
		}
		return [...merged.values()].map(({ row, lists }) => ({ row, listIds: [...lists].sort((a, b) => a - b) }));
	}

	const shared = [15];
	const contacts: ContactWrite[] = [
		...Array.from({ length: 300 }, (_, i) => ({ email: `p${i}@x.io`, attributes: { FIRSTNAME: 'Zoë'.repeat(i % 5), MINUTES: i }, listIds: shared })),
		{ email: 'P7@x.io ', attributes: { LASTNAME: 'Later', email: 'other@x.io', GONE: undefined }, listIds: [16] },
		{ email: 'q@x.io', attributes: { EMAIL: 'q2@x.io', CITY: 'Rome' }, listIds: shared },
	];

	it('its bodies, batch after batch, carry what the one-shot plan carried', () => {
		const expected = copiedRows(contacts, [15]);
		const { batches, oversized } = planImport(contacts, [15], 4_000);
		expect(oversized).toEqual([]);
		expect(batches.length).toBeGreaterThan(3);
		const sent = batches.flatMap((batch) => (batch.body.jsonBody as IDataObject[]).map((row) => ({ row, listIds: batch.listIds })));
		const byEmail = (list: Array<{ row: IDataObject; listIds: number[] }>) => [...list].sort((a, b) => String(a.row.email).localeCompare(String(b.row.email)));
		expect(JSON.stringify(byEmail(sent))).toBe(JSON.stringify(byEmail(expected)));
		for (const batch of batches) {
			expect(batch.bytes).toBe(Buffer.byteLength(JSON.stringify(batch.body)));
			expect(batch.bytes).toBeLessThanOrEqual(4_000);
		}
	});

	it('a second contact of one email merges into a copy, never into the first contact’s attributes', () => {
		const first = contacts[7];
		const before = JSON.stringify(first.attributes);
		const { batches } = planImport(contacts, [15], 1_000_000);
		expect(JSON.stringify(first.attributes)).toBe(before);
		const row = batches.flatMap((b) => b.rows).find((r) => r.email === 'p7@x.io')!;
		expect(row.attributes).toEqual({ FIRSTNAME: 'Zoë'.repeat(2), MINUTES: 7, LASTNAME: 'Later' });
		// A clean contact's row is its own attributes object; one with EMAIL in it is a copy without.
		const clean = batches.flatMap((b) => b.rows).find((r) => r.email === 'p8@x.io')!;
		expect(clean.attributes).toBe(contacts[8].attributes);
		const q = batches.flatMap((b) => b.rows).find((r) => r.email === 'q@x.io')!;
		expect(q.attributes).toEqual({ CITY: 'Rome' });
		expect(contacts[contacts.length - 1].attributes).toHaveProperty('EMAIL');
	});
});
