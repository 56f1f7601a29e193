/**
 * Stored credentials: the harness's stand-in for n8n's `credentials_entity` table.
 *
 * The caller owns the record and keeps it across runs; the harness writes token updates
 * (preAuthentication results, refreshed OAuth2 token data) back into it, as n8n saves them
 * to its DB, so a second run sharing the record sees what the first one stored. Reads and
 * writes go through a JSON round trip, as n8n's encrypt/decrypt does (no shared
 * references, `undefined` dropped, Dates become strings).
 */
import type { ICredentialDataDecryptedObject, INodeCredentialsDetails } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

export interface StoredCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Credential name (used as its id) → stored credential. */
export type StoredCredentials = Record<string, StoredCredential>;

export class CredentialStore {
	/** Writes since construction (each one is a DB update in n8n). */
	updates = 0;

	constructor(readonly entries: StoredCredentials = {}) {}

	/**
	 * The id a node should reference for a credential type: the entry named `name` when
	 * given, else the only entry of that type (the first one, when several).
	 */
	idFor(type: string, name?: string): string | undefined {
		if (name !== undefined) return name;
		return Object.keys(this.entries).find((id) => this.entries[id].type === type);
	}

	read(details: INodeCredentialsDetails, type: string): ICredentialDataDecryptedObject {
		return roundTrip(this.entry(details, type).data);
	}

	write(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): void {
		this.entry(details, type).data = roundTrip(data);
		this.updates++;
	}

	/** Like the CLI: look up by id and type; an unknown one is a UserError with n8n's message. */
	private entry(details: INodeCredentialsDetails, type: string): StoredCredential {
		if (!details.id) {
			throw new UserError('Found credential with no ID.', { extra: { credentialName: details.name } });
		}
		const entry = Object.prototype.hasOwnProperty.call(this.entries, details.id)
			? this.entries[details.id]
			: undefined;
		if (!entry || entry.type !== type) {
			throw new UserError(`Credential with ID "${details.id}" does not exist for type "${type}".`);
		}
		return entry;
	}
}

function roundTrip<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
