/**
 * Register Contacts, the Zoom side (issue #14): for one meeting or webinar (and its chosen
 * sessions), each person registered once. Zoom answers a repeated registration with the existing
 * one, but counts it against that person's 3 registration requests a day: so a person this
 * workflow registered before is looked up in the registrant list (one listing for all of them)
 * instead of being registered again, and only people never registered here are sent to Zoom.
 * Those sent go by Zoom's batch registration, 30 a request, when the target and the person allow
 * it (registration/batch.ts says when), and one by one otherwise.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { readContactNames } from '../../shared/brevo';
import { httpFailureOf } from '../../shared/httpFailure';
import { registrationKey } from '../exactlyOnce/keys';
import { claim, release } from '../exactlyOnce/record';
import type { RegisteredFor, Registration } from '../registration/registeredContact';
import { BATCH_MAX, batchRefusalOf, chunks, isPlain, takesBatches, zoomBatchBody, type BatchAnswer } from '../registration/batch';
import { dailyLimitRefusal, isRegistrantDailyLimit, refusalOf, type Refusal } from '../registration/refusals';
import { zoomRegistrantBody, type RegistrantInput } from '../registration/registrant';
import type { ZoomClient } from './zoomClient';

/** What this reads of the answer of `POST /meetings|webinars/{id}/registrants` (checked against the vendor's type in test/contracts). */
export type RegistrationAnswer = { registrant_id?: string; join_url?: string; status?: string };

export interface RegistrationTarget {
	kind: 'meeting' | 'webinar';
	id: string;
	occurrenceIds: string[];
}

export type PersonOutcome = { registration: Registration } | { refusal: Refusal };

export interface Details {
	id?: number | string;
	uuid?: string;
	topic?: string;
	start_time?: string;
	timezone?: string;
	/** Meetings: 2 scheduled, 8 recurring (fixed time) …; webinars: 5 scheduled, 9 recurring …. */
	type?: number;
	settings?: { approval_type?: number; registrants_confirmation_email?: boolean };
	occurrences?: Array<{ occurrence_id?: string; start_time?: string; status?: string }>;
}

export interface ZoomRegistrant {
	id?: string;
	email?: string;
	status?: string;
	join_url?: string;
}

const pathOf = (target: RegistrationTarget) => `/${target.kind}s/${encodeURIComponent(target.id)}`;

/** How people are sent to Zoom for a target: in batches (`confirmationEmail`: ask Zoom to send
 *  its confirmation email, meetings only), or one by one (undefined). */
export type BatchPath = { confirmationEmail: boolean } | undefined;

/** The meeting or webinar as the contacts will tell it: topic, start (of the first session
 *  registered for), time zone; whether the host approves each registrant by hand; and whether it
 *  takes batch registration. */
export async function readTarget(
	zoom: ZoomClient,
	target: RegistrationTarget,
): Promise<{ registeredFor: RegisteredFor; approval: 'auto' | 'manual' | 'off'; batch: BatchPath }> {
	const details = await zoom.get<Details>(pathOf(target), 'light', `read the ${target.kind}`);
	const chosen = (details.occurrences ?? []).filter((o) => target.occurrenceIds.length === 0 || target.occurrenceIds.includes(String(o.occurrence_id)));
	const upcoming = chosen.filter((o) => o.status !== 'deleted').map((o) => o.start_time).filter((t): t is string => Boolean(t)).sort();
	const approvalType = details.settings?.approval_type;
	// Zoom: 0 automatic, 1 manual, 2 no registration required.
	const approval = approvalType === 2 ? 'off' : approvalType === 1 ? 'manual' : 'auto';
	return {
		registeredFor: {
			kind: target.kind,
			id: details.id === undefined ? target.id : String(details.id),
			uuid: details.uuid,
			topic: details.topic,
			startTime: upcoming[0] ?? details.start_time,
			timezone: details.timezone,
			occurrenceIds: target.occurrenceIds.length > 0 ? target.occurrenceIds : undefined,
		},
		approval,
		// The meeting's own setting, as the per-person request follows it; absent: Zoom's default (on).
		batch: approval !== 'off' && takesBatches(target.kind, details.type, target.occurrenceIds, approval) ? { confirmationEmail: details.settings?.registrants_confirmation_email !== false } : undefined,
	};
}

/** The person with a first name from their Brevo contact when they have none (Zoom requires one). */
export async function withNameFromBrevo(context: IExecuteFunctions, person: RegistrantInput): Promise<RegistrantInput> {
	if (person.firstName) return person;
	const names = await readContactNames(context, person.email);
	return { ...person, firstName: names.firstName, lastName: person.lastName ?? names.lastName };
}

/** Everyone registered for the target, by email (approved and pending; a denied person is told so). */
async function registrantsByEmail(zoom: ZoomClient, target: RegistrationTarget): Promise<Map<string, ZoomRegistrant & { status: string }>> {
	const byEmail = new Map<string, ZoomRegistrant & { status: string }>();
	const occurrence = target.occurrenceIds.length === 1 ? { occurrence_id: target.occurrenceIds[0] } : {};
	for (const status of ['approved', 'pending', 'denied']) {
		const rows = await zoom.list<ZoomRegistrant>(`${pathOf(target)}/registrants`, 'registrants', 'medium', `list the ${target.kind}'s ${status} registrants`, { status, ...occurrence });
		for (const row of rows) if (row.email && !byEmail.has(row.email.toLowerCase())) byEmail.set(row.email.toLowerCase(), { ...row, status });
	}
	return byEmail;
}

const deniedRefusal = (kind: string): Refusal => ({
	reason: 'failed',
	message: `The host denied this person's registration for the ${kind}`,
	hint: 'A denied registrant is not registered again. Approve them in Zoom (the registrants list of the meeting or webinar) if they should attend.',
	wholeTarget: false,
});

const noFirstName = (kind: string): Refusal => ({
	reason: 'invalid',
	message: 'Zoom requires a first name, and this person has none',
	hint: `Set First Name to the input's field that holds it, or keep Options → Names From Brevo on and give the Brevo contact a FIRSTNAME. Nobody was registered for the ${kind} under this email.`,
	wholeTarget: false,
});

/** How a person gets the first name Zoom requires, when the input had none (Names From Brevo). */
export type NameFiller = (person: RegistrantInput) => Promise<RegistrantInput>;

/** One registration request; Zoom's refusal comes back as the person's outcome, not thrown. */
async function sendRegistration(
	zoom: ZoomClient,
	target: RegistrationTarget,
	approval: 'auto' | 'manual',
	given: RegistrantInput,
	fillName: NameFiller,
): Promise<PersonOutcome> {
	// Names are looked up only for people about to be sent: someone found in Zoom needs none.
	const person = await fillName(given);
	const { firstName } = person;
	if (!firstName) return { refusal: noFirstName(target.kind) };
	try {
		const answer = await zoom.post<RegistrationAnswer>(
			`${pathOf(target)}/registrants`,
			zoomRegistrantBody({ ...person, firstName }),
			'light',
			`register ${person.email}`,
			target.occurrenceIds.length > 0 ? { occurrence_ids: target.occurrenceIds.join(',') } : undefined,
			(body) => isRegistrantDailyLimit(429, body),
		);
		// Zoom leaves the join link out while the host has not approved the person.
		const pending = answer.status === 'pending' || (approval === 'manual' && !answer.join_url);
		return { registration: { person, registrantId: answer.registrant_id, joinUrl: answer.join_url, status: pending ? 'pending' : 'approved', how: 'registered' } };
	} catch (error) {
		const { status, body } = httpFailureOf(error);
		return { refusal: refusalOf(status, body, target.kind) };
	}
}

const notInAnswer = (kind: string): Refusal => ({
	reason: 'unconfirmed',
	message: "Zoom's batch answer did not list this person, nor does its registrant list",
	hint: `Zoom may still register them: the node does not send them again, so nobody is registered twice. The next run looks them up in the ${kind}'s registrants and registers them if they are not there.`,
	wholeTarget: false,
});

type BatchResult =
	| { kind: 'answered'; byEmail: Map<string, NonNullable<BatchAnswer['registrants']>[number]> }
	| { kind: 'lost'; refusal: Refusal }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'per-person'; overLimit?: string };

/**
 * One batch request (Heavy, at most 30 people), never repeated: a 429 that says Zoom did nothing
 * is waited out and sent again by the Zoom client, except one person's daily limit (final, and
 * then the batch goes one by one: batchRefusalOf). Zoom's refusal comes back, not thrown.
 */
async function sendBatch(zoom: ZoomClient, target: RegistrationTarget, people: Array<RegistrantInput & { firstName: string }>, batch: NonNullable<BatchPath>): Promise<BatchResult> {
	try {
		const answer = await zoom.post<BatchAnswer>(
			`${pathOf(target)}/batch_registrants`,
			zoomBatchBody(target.kind, people, batch.confirmationEmail),
			'heavy',
			`register ${people.length} people at once`,
			undefined,
			(body) => isRegistrantDailyLimit(429, body),
		);
		const byEmail = new Map<string, NonNullable<BatchAnswer['registrants']>[number]>();
		for (const row of answer?.registrants ?? []) if (row.email) byEmail.set(row.email.toLowerCase(), row);
		return { kind: 'answered', byEmail };
	} catch (error) {
		const { status, body } = httpFailureOf(error);
		const decided = batchRefusalOf(status, body, target.kind);
		if (decided.perPerson) return { kind: 'per-person', overLimit: decided.overLimit };
		return decided.refusal.reason === 'unconfirmed' ? { kind: 'lost', refusal: decided.refusal } : { kind: 'refused', refusal: decided.refusal };
	}
}

export type DryRunOutcome = { dryRun: 'registered already' | 'would register'; registration?: Registration };

/**
 * Registers each person for the target once. `dryRun`: nothing is sent or recorded; people are
 * told whether they are registered already (from the list) or would be registered.
 */
export async function registerPeople(
	context: IExecuteFunctions,
	zoom: ZoomClient,
	target: RegistrationTarget,
	approval: 'auto' | 'manual',
	people: RegistrantInput[],
	{ dryRun, repeat, fillName, batch }: { dryRun: boolean; repeat: boolean; fillName: NameFiller; batch?: BatchPath },
): Promise<Array<PersonOutcome | DryRunOutcome>> {
	const found = (person: RegistrantInput, row: ZoomRegistrant & { status: string }): PersonOutcome =>
		row.status === 'denied'
			? { refusal: deniedRefusal(target.kind) }
			: { registration: { person, registrantId: row.id, joinUrl: row.join_url, status: row.status === 'pending' ? 'pending' : 'approved', how: 'found' } };

	if (dryRun) {
		const known = await registrantsByEmail(zoom, target);
		const told: Array<PersonOutcome | DryRunOutcome> = [];
		for (const person of people) {
			const row = known.get(person.email);
			if (row) {
				const outcome = found(person, row);
				told.push('refusal' in outcome ? outcome : { dryRun: 'registered already', registration: outcome.registration });
			} else {
				// Would Zoom take them? Not without a first name.
				told.push((await fillName(person)).firstName ? { dryRun: 'would register' } : { refusal: noFirstName(target.kind) });
			}
		}
		return told;
	}

	const keys = people.map((person) => registrationKey(target.kind, target.id, target.occurrenceIds, person.email));
	const before = await claim(context, 'workflow', keys);
	const outcomes: Array<PersonOutcome | undefined> = people.map(() => undefined);
	const lookUp: number[] = [];
	const forget: string[] = [];
	// The same person twice in one run (two list events, a form sent twice): registered once.
	const firstOf = new Map<string, number>();
	const repeats: Array<[number, number]> = [];
	const toSend: number[] = [];
	for (const [i, person] of people.entries()) {
		const first = firstOf.get(person.email);
		if (first !== undefined) {
			repeats.push([i, first]);
			continue;
		}
		firstOf.set(person.email, i);
		if (!repeat && before.has(keys[i])) lookUp.push(i);
		else toSend.push(i);
	}

	// The meeting or webinar refused people for a reason that holds for all (full, closed): the
	// others are not sent, so their daily registration requests are not spent for nothing.
	let stopAll: Refusal | undefined;
	const settle = (i: number, outcome: PersonOutcome) => {
		outcomes[i] = outcome;
		if (!('refusal' in outcome)) return;
		// Provably not registered: forget the key, so a later run tries again. An unconfirmed
		// registration stays recorded: the next run looks it up instead of registering twice.
		if (outcome.refusal.reason !== 'unconfirmed') forget.push(keys[i]);
		if (outcome.refusal.reason === 'daily_limit') lookUp.push(i);
		if (outcome.refusal.wholeTarget) stopAll = outcome.refusal;
	};
	// Whom Zoom may have registered without saying so: looked up in the one listing below, never sent
	// again (the key stays recorded; not found, they stay 'unconfirmed' and the next run looks again).
	const unconfirmed = (i: number, refusal: Refusal) => {
		outcomes[i] = { refusal };
		lookUp.push(i);
	};

	// People with their first name (from Brevo when the input had none), as they were sent.
	const sentAs = new Map<number, RegistrantInput>();
	const oneByOne: number[] = [];
	if (batch) {
		const plain: Array<{ i: number; person: RegistrantInput & { firstName: string } }> = [];
		for (const i of toSend) {
			if (!isPlain(people[i])) {
				oneByOne.push(i);
				continue;
			}
			const person = await fillName(people[i]);
			sentAs.set(i, person);
			const { firstName } = person;
			if (!firstName) settle(i, { refusal: noFirstName(target.kind) });
			else if (!isPlain(person)) oneByOne.push(i);
			else plain.push({ i, person: { ...person, firstName } });
		}
		for (const group of chunks(plain, BATCH_MAX)) {
			if (stopAll) {
				for (const { i } of group) settle(i, { refusal: stopAll });
				continue;
			}
			const sent = await sendBatch(zoom, target, group.map((g) => g.person), batch);
			if (sent.kind === 'per-person') {
				// The person Zoom named as over their 3 requests today is not sent again today.
				for (const { i, person } of group) {
					if (person.email === sent.overLimit) settle(i, { refusal: dailyLimitRefusal(target.kind) });
					else oneByOne.push(i);
				}
			} else if (sent.kind === 'refused') for (const { i } of group) settle(i, { refusal: sent.refusal });
			else if (sent.kind === 'lost') for (const { i } of group) unconfirmed(i, sent.refusal);
			else {
				for (const { i, person } of group) {
					// Matched by email: Zoom's answer need not keep the order of the request.
					const row = sent.byEmail.get(person.email.toLowerCase());
					if (row?.join_url) {
						settle(i, { registration: { person, registrantId: row.registrant_id, joinUrl: row.join_url, status: 'approved', how: 'registered' } });
					} else unconfirmed(i, notInAnswer(target.kind));
				}
			}
		}
	} else oneByOne.push(...toSend);

	// In input order, as before batching: who gets the last seats of a nearly full target.
	oneByOne.sort((a, b) => a - b);
	for (const i of oneByOne) {
		const outcome = stopAll ? { refusal: stopAll } : await sendRegistration(zoom, target, approval, sentAs.get(i) ?? people[i], fillName);
		settle(i, outcome);
	}

	if (lookUp.length > 0) {
		const known = await registrantsByEmail(zoom, target);
		for (const i of lookUp) {
			const row = known.get(people[i].email);
			if (row) outcomes[i] = found(sentAs.get(i) ?? people[i], row);
			// Recorded before but not in Zoom's list (removed, or the unconfirmed request never
			// arrived): registered now. A person over the daily limit keeps that refusal, and one whose
			// batch went unanswered in this run keeps 'unconfirmed'.
			else if (outcomes[i] === undefined) {
				const outcome = await sendRegistration(zoom, target, approval, people[i], fillName);
				outcomes[i] = outcome;
				if ('refusal' in outcome && outcome.refusal.reason !== 'unconfirmed') forget.push(keys[i]);
			}
		}
	}
	for (const [i, first] of repeats) outcomes[i] = outcomes[first];
	await release(context, 'workflow', forget);
	return outcomes as PersonOutcome[];
}
