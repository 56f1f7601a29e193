import type { BrevoAccount, BrevoAttribute, BrevoContact, BrevoFixture, BrevoTemplate } from '../fixture/types';

export interface BrevoList {
	id: number;
	name: string;
	folderId: number;
	createdAt: string;
}

export interface BrevoProcess {
	id: number;
	name: 'IMPORTUSER';
	status: 'queued' | 'processing' | 'completed' | 'failed';
	createdAt: number;
	completedAt?: number;
	/** Simulator bookkeeping (Brevo itself only links CSV reports): what the import did. */
	result?: {
		total: number;
		created: number;
		updated: number;
		invalidEmails: string[];
		duplicateEmails: string[];
		/** Attribute names that do not exist and were dropped without a word, as Brevo does. */
		ignoredAttributes: string[];
	};
}

export interface BrevoEventRecord {
	event_name: string;
	identifiers: Record<string, unknown>;
	event_properties?: Record<string, unknown>;
	contact_properties?: Record<string, unknown>;
	event_date?: string;
	/** The contact the event was attached to. */
	contactId: number;
	/** Simulator clock, ms. */
	receivedAt: number;
	/** 'single' for POST /events, 'batch' for POST /events/batch. */
	via: 'single' | 'batch';
}

export interface BrevoEmailRecord {
	messageId: string;
	to: { email: string; name?: string }[];
	templateId?: number;
	params?: Record<string, unknown>;
	subject?: string;
	sender?: { email?: string; name?: string };
	receivedAt: number;
}

export interface BrevoState {
	account: BrevoAccount;
	/** Keyed by lower-cased email. */
	contacts: Map<string, BrevoContact>;
	/** Keyed by upper-cased attribute name. */
	attributes: Map<string, BrevoAttribute>;
	folders: Map<number, { id: number; name: string }>;
	lists: Map<number, BrevoList>;
	templates: Map<number, BrevoTemplate>;
	events: BrevoEventRecord[];
	emails: BrevoEmailRecord[];
	processes: Map<number, BrevoProcess>;
	nextIds: { contact: number; list: number; process: number };
}

export interface BrevoConfig {
	apiKey: string;
	contactsPerSecond: number;
	eventsPerSecond: number;
	emailPerSecond: number;
	otherPerHour: number;
	importProcessingMs: number;
}

export interface BrevoContext {
	state: BrevoState;
	config: BrevoConfig;
	now: () => number;
	baseUrl: string;
	/** Runs `fn` after `ms` of real time; cancelled when the simulator closes. */
	later(ms: number, fn: () => void): void;
}

/** Brevo data is mutated by the API, so it is copied out of the fixture. */
export function createBrevoState(fixture: BrevoFixture, baseMs: number): BrevoState {
	const created = brevoTime(baseMs);
	const contacts = new Map(
		fixture.contacts.map((c) => [c.email.toLowerCase(), { ...c, attributes: { ...c.attributes }, listIds: [...c.listIds], listUnsubscribed: [...c.listUnsubscribed] }]),
	);
	return {
		account: structuredClone(fixture.account),
		contacts,
		attributes: new Map(fixture.attributes.map((a) => [a.name.toUpperCase(), { ...a }])),
		folders: new Map(fixture.folders.map((f) => [f.id, { ...f }])),
		lists: new Map(fixture.lists.map((l) => [l.id, { ...l, createdAt: created }])),
		templates: new Map(fixture.templates.map((t) => [t.id, { ...t }])),
		events: [],
		emails: [],
		processes: new Map(),
		nextIds: {
			contact: Math.max(0, ...fixture.contacts.map((c) => c.id)) + 1,
			list: Math.max(0, ...fixture.lists.map((l) => l.id)) + 1,
			process: 1,
		},
	};
}

/** Brevo's timestamps look like `2026-03-02T15:00:00.000+00:00`. */
export function brevoTime(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+00:00');
}
