/**
 * Every Brevo answer nodes/ reads and every request it sends, against Brevo's own SDK
 * (`@getbrevo/brevo` 6.0.3, test/contracts/vendor.ts). Same checks as zoomReads.ts and
 * zoomRequests.ts: `Reads`, `Gaps`, `ReadsFields`, `SendsFields`. The bodies built as
 * `IDataObject` are also type-checked as sent, JSON against the SDK's type, by wire.test.ts.
 *
 * Type-only: `tsc -p tsconfig.test.json` judges this file; nothing here runs.
 */
import type { AttributeNeed } from '../../nodes/shared/brevo/attributes';
import type { BrevoEvent } from '../../nodes/shared/brevo/eventBatches';
import type { ImportRow } from '../../nodes/shared/brevo/importBatches';
import type { BrevoErrorBody, ContactWrite } from '../../nodes/shared/brevo/types';
import type { FollowUpEvent } from '../../nodes/ZoomToBrevo/contacts/followUpEvents';
import type { AttributesAnswer } from '../../nodes/shared/brevo/attributes';
import type { ContactNamesAnswer } from '../../nodes/shared/brevo/contactNames';
import type { ContactsPage } from '../../nodes/shared/brevo/contactsWhere';
import type { EmailAnswer } from '../../nodes/shared/brevo/email';
import type { ImportAnswer } from '../../nodes/shared/brevo/import';
import type { BrevoProcess } from '../../nodes/shared/brevo/importPolling';
import type { ListsPage, TemplatesPage } from '../../nodes/shared/brevo/lists';
import type { Body, Brevo, BrevoBatchEvent, Gaps, Reads, ReadsFields, Row, SendsFields } from './vendor';

// ---------------------------------------------------------------------------------------------
// Answers

/** lists.ts: `GET /contacts/lists?limit&offset&sort` (pickers, summaries). */
export type Lists = Reads<Brevo.GetListsResponse, ListsPage>;
export const listGaps: Gaps<Row<ListsPage, 'lists'>, Brevo.GetListsResponse.Lists.Item> = {};

/** lists.ts: `GET /smtp/templates?templateStatus=true&limit&offset` (template picker). */
export type Templates = Reads<Brevo.GetSmtpTemplatesResponse, TemplatesPage>;
export const templateGaps: Gaps<Row<TemplatesPage, 'templates'>, Brevo.GetSmtpTemplateOverview> = {};

/** contactsWhere.ts: `GET /contacts?limit&offset&filter=equals(ATTRIBUTE,"value")`. */
export type Contacts = Reads<Brevo.GetContacts, ContactsPage>;
export const contactRowGaps: Gaps<Row<ContactsPage, 'contacts'>, Brevo.GetContactDetails> = {};

/** contactNames.ts: `GET /contacts/{email}?identifierType=email_id` (404: no such contact). */
export type ContactNames = Reads<Brevo.GetContactInfoResponse, ContactNamesAnswer>;
export const contactNameGaps: Gaps<ContactNamesAnswer, Brevo.GetContactInfoResponse> = {};

/** attributes.ts: `GET /contacts/attributes`. */
export type Attributes = Reads<Brevo.GetAttributesResponse, AttributesAnswer>;
export const attributeGaps: Gaps<Row<AttributesAnswer, 'attributes'>, Brevo.GetAttributesResponse.Attributes.Item> = {};

/** import.ts: `POST /contacts/import` (202). */
export type Imported = Reads<Brevo.ImportContactsResponse, ImportAnswer>;

/**
 * importPolling.ts: `GET /processes/{id}`, and `GET /processes?limit&offset&sort` read off an
 * `IDataObject` (`processes`). The SDK types `info.import` as an interface, which TypeScript does not
 * let stand for the node's `IDataObject` (no index signature; the node only passes it on as the
 * import's report links), so `info.import` is checked by name and the rest with `Reads`.
 */
export type Process = Reads<Omit<Brevo.GetProcessResponse, 'info'>, Omit<BrevoProcess, 'info'>>;
export type ProcessImportInfo = ReadsFields<Brevo.GetProcessResponse, 'info'>;
export type ProcessImportReports = ReadsFields<NonNullable<Brevo.GetProcessResponse['info']>, 'import'>;
export const processGaps: Gaps<BrevoProcess, Brevo.GetProcessResponse> = {};
export type Processes = ReadsFields<Brevo.GetProcessesResponse, 'processes'>;

/** email.ts: `POST /smtp/email` (201). */
export type EmailSent = Reads<Brevo.SendTransacEmailResponse, EmailAnswer>;

/**
 * eventBatches.ts `failuresOf` / `deliveriesOf`: a 207 (or all-refused 400) of `POST /events/batch`,
 * read off `unknown`: `errors[].eventIndex`, `errors[].message`, `successful_events`. (It also takes
 * an `index` for `eventIndex`, which is not Brevo's: a fallback that costs nothing.)
 */
export type EventBreakdown = [
	ReadsFields<Brevo.BatchEventsResponse, 'errors' | 'successful_events'>,
	ReadsFields<Row<Brevo.BatchEventsResponse, 'errors'>, 'eventIndex' | 'message'>,
];

/** types.ts `BrevoErrorBody`, read from every refusal (errors.ts, upsert.ts, attributes.ts). */
export type ErrorBody = Reads<Brevo.ErrorModel, BrevoErrorBody>;
export type BadRequestBody = Reads<Brevo.BadRequestErrorBody, BrevoErrorBody>;

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * Events (`POST /events/batch`, `{ events }`): the node's event types against the SDK's batch item
 * (booleans allowed, vendor.ts). Their `event_properties` / `contact_properties` are `IDataObject`s,
 * looser than the SDK's value types (`null` and `undefined` included): what is sent is checked as
 * JSON by wire.test.ts; the rest is checked here.
 */
type Typed<T> = Omit<T, 'event_properties' | 'contact_properties'>;
export type Events = [Reads<Typed<BrevoEvent>, Typed<BrevoBatchEvent>>, Reads<Typed<FollowUpEvent>, Typed<BrevoBatchEvent>>];
export const eventGaps: Gaps<BrevoEvent, BrevoBatchEvent> = {};
export const followUpEventGaps: Gaps<FollowUpEvent, BrevoBatchEvent> = {};
export type EventEnvelope = SendsFields<Brevo.CreateBatchEventsRequest, 'events'>;

/** upsert.ts `upsertBody`: `POST /contacts` with `updateEnabled: true`. */
export type Upsert = SendsFields<Brevo.CreateContactRequest, 'email' | 'attributes' | 'updateEnabled' | 'listIds'>;
export type UpsertValues = Reads<Omit<ContactWrite, 'attributes'>, Omit<Brevo.CreateContactRequest, 'attributes'>>;

/** importBatches.ts: `POST /contacts/import`, the envelope and its `jsonBody` rows. */
export type Import = SendsFields<Brevo.ImportContactsRequest, 'jsonBody' | 'listIds' | 'updateExistingContacts' | 'emptyContactsAttributes' | 'disableNotification'>;
export type ImportRows = Reads<ImportRow, Brevo.ImportContactsRequest.JsonBody.Item>;

/** attributes.ts: `POST /contacts/attributes/normal/{name}` with `{ type }`. */
export type AttributeCreate = [
	SendsFields<Body<Brevo.CreateAttributeRequest, 'attributeCategory' | 'attributeName'>, 'type'>,
	Reads<AttributeNeed['type'], NonNullable<Brevo.CreateAttributeRequest['type']>>,
	Reads<'normal', Brevo.CreateAttributeRequest['attributeCategory']>,
];

/** email.ts: `POST /smtp/email` with `to`, `templateId`, `params`. */
export type Email = [
	SendsFields<Brevo.SendTransacEmailRequest, 'to' | 'templateId' | 'params'>,
	SendsFields<Row<Brevo.SendTransacEmailRequest, 'to'>, 'email' | 'name'>,
];

/** Query parameters of the reads. */
export type Queries = [
	SendsFields<Brevo.GetListsRequest, 'limit' | 'offset' | 'sort'>,
	Reads<'desc', NonNullable<Brevo.GetListsRequest['sort']>>,
	SendsFields<Brevo.GetSmtpTemplatesRequest, 'templateStatus' | 'limit' | 'offset'>,
	SendsFields<Brevo.GetContactsRequest, 'limit' | 'offset' | 'filter'>,
	SendsFields<Brevo.GetContactInfoRequest, 'identifierType'>,
	Reads<'email_id', NonNullable<Brevo.GetContactInfoRequest['identifierType']>>,
	SendsFields<Brevo.GetProcessesRequest, 'limit' | 'offset' | 'sort'>,
];
