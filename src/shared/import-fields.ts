/**
 * The import's constants without zod (../imports.ts has the schemas): the web's import pages read
 * these, and a page should not carry a schema library for a list of field names.
 */

/** What a file holds. `users` creates nobody: it links the source's user ids to people here, for owners. */
export const IMPORT_ENTITIES = ['accounts', 'contacts', 'opportunities', 'users'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** Where the file comes from: external ids are kept per source, so a Salesforce id never meets a HubSpot one. */
export const IMPORT_SOURCES = ['salesforce', 'hubspot', 'csv'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** The fields a column can fill, per entity. `externalId` is the source's own id of the row. */
export const IMPORT_FIELDS = {
  accounts: ['externalId', 'name', 'website', 'industry', 'owner', 'description'],
  contacts: ['externalId', 'firstName', 'lastName', 'name', 'email', 'title', 'phone', 'account'],
  opportunities: ['externalId', 'name', 'account', 'amount', 'currency', 'stage', 'closeDate', 'owner', 'closed', 'won', 'closeReason'],
  users: ['externalId', 'email', 'firstName', 'lastName', 'name'],
} as const satisfies Record<ImportEntity, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportEntity][number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalId: 'Id in the source',
  name: 'Name',
  website: 'Website (domain)',
  industry: 'Industry',
  owner: 'Owner (email or name)',
  description: 'Description (notes)',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  title: 'Title',
  phone: 'Phone',
  account: 'Account (id or name)',
  amount: 'Amount',
  currency: 'Currency',
  stage: 'Stage',
  closeDate: 'Close date',
  closed: 'Closed (true or false)',
  won: 'Won (true or false)',
  closeReason: 'Lost reason',
};

/** The fields a row must have for each entity (name may come from first + last name for people). */
export const IMPORT_REQUIRED: Record<ImportEntity, readonly ImportField[]> = {
  accounts: ['name'],
  contacts: ['account'],
  opportunities: ['name', 'account', 'closeDate'],
  users: [],
};

/** The largest file Advance keeps for an import: 50 MB of CSV text (about 400 000 opportunity rows). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_FILE_NAME_MAX = 200;

