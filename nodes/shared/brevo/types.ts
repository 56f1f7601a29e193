import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

/** Where Brevo calls come from: a running node, or the editor loading options. */
export type Ctx = IExecuteFunctions | ILoadOptionsFunctions;

export const BREVO_CREDENTIAL = 'brevoV3Api';

export const BREVO_DEFAULT_BASE_URL = 'https://api.brevo.com/v3';

export interface BrevoRequest {
	method: IHttpRequestMethods;
	/** Path below the API base, already encoded, e.g. `/contacts/import` */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** What the call is for, in the user's words; error messages read "while trying to <what>". */
	what: string;
	/**
	 * The request reaches people or starts work (events, emails, imports): it is sent again only
	 * where Brevo provably did not take it (a 429, or a connection refused before anything was
	 * sent). A 5xx or a lost answer ends in an error that `isUnconfirmed` recognises.
	 */
	atMostOnce?: boolean;
}

/** A Brevo answer that was not retried away: 2xx, or a 4xx other than 429. */
export interface BrevoResponse<T = unknown> {
	status: number;
	body: T;
	/** Lower-case names. */
	headers: Record<string, string>;
}

/** A contact as the transport writes it: Brevo's email, attributes (UPPERCASE names) and lists. */
export interface ContactWrite {
	email: string;
	attributes: IDataObject;
	listIds: number[];
}

/** What became of one import batch (import.ts plans and sends them, importPolling.ts follows them). */
export interface BatchReport {
	batch: number;
	contacts: number;
	bytes: number;
	processId?: number;
	status: 'completed' | 'queued' | 'processing' | 'failed' | 'dry-run';
	/** `listIds` and `emails` of the batch; Brevo's status and import report once known; `note` when still running. */
	details?: IDataObject;
}

/** Brevo's error body: `{code, message}` with a string code such as `invalid_parameter`. */
export interface BrevoErrorBody {
	code?: string;
	message?: string;
}
