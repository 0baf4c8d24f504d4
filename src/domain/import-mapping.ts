import { IMPORT_FIELDS, type ImportEntity, type ImportField, type ImportMapping, type ImportSource } from '../shared/imports.js';

/**
 * Which column of a CRM export fills which field. The names are the ones the exports really use:
 * Salesforce Data Export writes API field names (`Id`, `AccountId`, `StageName`, `CloseDate`,
 * `CurrencyIsoCode`, `OwnerId`), Salesforce reports write labels ("Opportunity Owner", "Account
 * Name", "Close Date"), and HubSpot writes its property labels ("Record ID", "Deal Stage",
 * "Associated Company", "Deal owner"). Headers are compared folded (lowercase, letters and digits
 * only), so "Close Date", "close_date" and "CloseDate" are one name. Earlier names win: an id column
 * is preferred over a name column for the account a row belongs to.
 */
const KNOWN: Record<ImportEntity, Partial<Record<ImportField, readonly string[]>>> = {
  accounts: {
    externalId: ['Id', 'Account ID', 'Record ID', 'Company ID'],
    name: ['Name', 'Account Name', 'Company name', 'Company'],
    website: ['Website', 'Company Domain Name', 'Website URL', 'Domain'],
    industry: ['Industry'],
    owner: ['OwnerId', 'Account Owner', 'Account Owner Email', 'Company owner', 'Owner', 'Owner Email'],
    description: ['Description', 'Notes'],
  },
  contacts: {
    externalId: ['Id', 'Contact ID', 'Record ID'],
    firstName: ['FirstName', 'First Name'],
    lastName: ['LastName', 'Last Name'],
    name: ['Name', 'Full Name', 'Contact Name'],
    email: ['Email', 'Email Address'],
    title: ['Title', 'Job Title'],
    phone: ['Phone', 'Phone Number', 'Business Phone'],
    account: ['AccountId', 'Account ID', 'Associated Company IDs', 'Associated Company ID', 'Account Name', 'Associated Company', 'Company Name', 'Company'],
  },
  opportunities: {
    externalId: ['Id', 'Opportunity ID', 'Record ID', 'Deal ID'],
    name: ['Name', 'Opportunity Name', 'Deal Name'],
    account: ['AccountId', 'Account ID', 'Associated Company IDs', 'Associated Company ID', 'Account Name', 'Associated Company', 'Company Name', 'Company'],
    amount: ['Amount', 'Opportunity Amount', 'Deal Amount'],
    currency: ['CurrencyIsoCode', 'Opportunity Currency', 'Amount Currency', 'Currency', 'Deal currency code'],
    stage: ['StageName', 'Stage', 'Deal Stage'],
    closeDate: ['CloseDate', 'Close Date', 'Expected Close Date'],
    owner: ['OwnerId', 'Opportunity Owner', 'Opportunity Owner Email', 'Deal owner', 'Owner', 'Owner Email'],
    closed: ['IsClosed', 'Closed'],
    won: ['IsWon', 'Won'],
    // HubSpot's property; Salesforce has no standard one (Loss_Reason__c is a custom field, mapped by hand).
    closeReason: ['Closed lost reason'],
  },
  users: {
    externalId: ['Id', 'User ID', 'Record ID', 'Owner ID'],
    email: ['Email', 'Email Address', 'Username'],
    firstName: ['FirstName', 'First Name'],
    lastName: ['LastName', 'Last Name'],
    name: ['Name', 'Full Name', 'User', 'Owner Name'],
  },
};

/** A header as compared: `Close Date` → `closedate`. A BOM or surrounding quotes never count. */
export function foldHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The mapping a file gets before anyone touches it: each field → the first known column present, else null. */
export function suggestMapping(entity: ImportEntity, headers: readonly string[]): ImportMapping {
  const byFold = new Map<string, string>();
  for (const h of headers) if (!byFold.has(foldHeader(h))) byFold.set(foldHeader(h), h);
  const used = new Set<string>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS[entity]) {
    const names = KNOWN[entity][field as ImportField] ?? [];
    let column: string | null = null;
    for (const name of names) {
      const header = byFold.get(foldHeader(name));
      if (header !== undefined && !used.has(header)) {
        column = header;
        break;
      }
    }
    if (column !== null) used.add(column);
    mapping[field] = column;
  }
  return mapping;
}

const SALESFORCE_SIGNS = ['accountid', 'ownerid', 'stagename', 'closedate', 'currencyisocode', 'opportunityowner', 'accountowner', 'opportunityname', 'opportunityid', 'accountname', 'contactid', 'isdeleted', 'createdbyid', 'systemmodstamp'];
const HUBSPOT_SIGNS = ['recordid', 'dealstage', 'dealname', 'dealowner', 'companyowner', 'contactowner', 'associatedcompany', 'associatedcompanyids', 'companyname', 'pipeline'];

/**
 * Which CRM made the file, from its headers: HubSpot's exports all carry "Record ID"; Salesforce's
 * carry API names (`AccountId`, `OwnerId`…), their report labels, or an `Id` column of Salesforce
 * ids (15 or 18 characters, the fourth a digit as in every key prefix). Anything else is plain CSV.
 */
export function detectSource(headers: readonly string[], firstRow: readonly string[] = []): ImportSource {
  const folded = new Set(headers.map(foldHeader));
  // A Data Export file with no telling column (User.csv): its `Id` holds Salesforce's 15- or 18-character ids.
  const id = firstRow[headers.findIndex((h) => foldHeader(h) === 'id')] ?? '';
  if (/^[a-zA-Z0-9]{3}[0-9][a-zA-Z0-9]{11}([a-zA-Z0-9]{3})?$/.test(id.trim()) && /\d/.test(id)) return 'salesforce';
  const hubspot = HUBSPOT_SIGNS.filter((s) => folded.has(s)).length;
  const salesforce = SALESFORCE_SIGNS.filter((s) => folded.has(s)).length;
  if (hubspot === 0 && salesforce === 0) return 'csv';
  return hubspot >= salesforce ? 'hubspot' : 'salesforce';
}

/** A stage's name as compared with a file's value: HubSpot's `closedwon` meets "Closed Won". */
export const foldStage = (name: string) => name.toLowerCase().replace(/[^\p{L}0-9]+/gu, '');

/**
 * The outcome a stage value names when it is not a stage of the pipeline but the end of it:
 * Salesforce's "Closed Won" / "Closed Lost", HubSpot's `closedwon` / `closedlost` (its internal
 * values) or "Closed won" / "Closed lost" (its labels).
 */
export function closedStage(value: string): 'won' | 'lost' | undefined {
  const folded = foldStage(value);
  if (folded === 'closedwon') return 'won';
  if (folded === 'closedlost') return 'lost';
  return undefined;
}

/** A yes/no cell of an export (`IsClosed`, `IsWon`): Salesforce writes true/false, others 1/0 or yes/no. */
export function readFlag(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'y', 'oui', 'ja', 'sí', 'si', 'x'].includes(v)) return true;
  if (['false', '0', 'no', 'n', 'non', 'nein', ''].includes(v)) return false;
  return undefined;
}

/**
 * The stage the admin mapped a file's value to (the import's `stageMap`), or undefined. Only the
 * map's own entries count: the map is a plain object, and a value such as "constructor", "toString"
 * or "__proto__" would otherwise read what every object inherits — a function or an object where
 * an id belongs.
 */
export function mappedStage(stageMap: Readonly<Record<string, string>>, value: string): string | undefined {
  return Object.hasOwn(stageMap, value) ? stageMap[value] : undefined;
}

/** The stage a value names, by folded name; undefined when none does. */
export function matchStage(value: string, stages: readonly { id: string; name: string }[]): string | undefined {
  const folded = foldStage(value);
  return stages.find((s) => foldStage(s.name) === folded)?.id;
}
