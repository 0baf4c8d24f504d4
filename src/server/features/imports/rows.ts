import type { z } from 'zod';
import { closedStage, mappedStage, matchStage, readFlag } from '../../../domain/import-mapping.js';
import { domainOf, emailIn, firstOfList, readImportAmount, readImportDate } from '../../../domain/import-values.js';
import { stageGateRefusal } from '../../../domain/qualification.js';
import { foldText } from '../../../domain/search-text.js';
import { CreateAccountBody } from '../../../shared/accounts.js';
import { CreateContactBody } from '../../../shared/contacts.js';
import type { ImportEntity, ImportField, ImportMapping, ImportOptions, RowIssue } from '../../../shared/imports.js';
import { CreateOpportunityBody } from '../../../shared/opportunities.js';
import { cellOf } from './csv.js';
import { dealKey, type Lookups } from './lookups.js';

/**
 * One row of a file, read into what the API would be sent — and checked by the API's own schemas
 * (CreateAccountBody, CreateContactBody, CreateOpportunityBody) and the same domain rules (an
 * active owner, an active account and stage, the stage gate) — or into the problems that keep it
 * out, each naming its column. Reading writes nothing: the dry run and the run read alike.
 */

export type AccountInput = z.infer<typeof CreateAccountBody>;
export type ContactInput = z.infer<typeof CreateContactBody>;
export type OpportunityInput = z.infer<typeof CreateOpportunityBody>;

export type RowPlan =
  | { kind: 'skip'; externalId: string | null; issues: RowIssue[] }
  | { kind: 'account'; externalId: string | null; existingId: string | null; input: AccountInput; ownerGiven: boolean }
  | { kind: 'contact'; externalId: string | null; existingId: string | null; input: ContactInput }
  /**
   * `amountGiven` / `currencyGiven`: the row has an amount / a currency cell. An update writes only
   * what the row gives (an empty or unmapped cell keeps the deal's value); `input` holds the create's defaults.
   */
  | { kind: 'opportunity'; externalId: string | null; existingId: string | null; input: OpportunityInput; ownerGiven: boolean; stageGiven: boolean; reasonGiven: boolean; amountGiven: boolean; currencyGiven: boolean }
  | { kind: 'user'; externalId: string; userId: string };

/** Why a row that changes a deal's currency must give its amount: the amount is never relabelled into another currency. */
export const currencyChangeWithoutAmount = (from: string, to: string) => `This row changes the deal’s currency from ${from} to ${to} but gives no amount: give the amount in ${to} (an amount is never relabelled into another currency).`;

/** The close reason of a deal the file says is won, or lost without a reason column. */
export const IMPORTED_REASON = 'Imported';

export type Columns = Partial<Record<ImportField, number>>;

/** Field → column index, from the mapping (field → header). */
export function columnsOf(headers: readonly string[], mapping: ImportMapping): Columns {
  const cols: Columns = {};
  for (const [field, header] of Object.entries(mapping)) {
    if (header === null) continue;
    const index = headers.indexOf(header);
    if (index >= 0) cols[field as ImportField] = index;
  }
  return cols;
}

/** Where each API field comes from, to name the column of a schema's complaint. */
const FIELD_OF_PATH: Record<string, ImportField> = {
  name: 'name', domain: 'website', industry: 'industry', ownerId: 'owner', notes: 'description',
  email: 'email', title: 'title', phone: 'phone', accountId: 'account',
  amount: 'amount', 'amount.amountMinor': 'amount', 'amount.currency': 'currency', stageId: 'stage', closeDate: 'closeDate',
  status: 'closed', closeReason: 'closeReason',
};

export type RowReader = (cells: readonly string[], row: number) => RowPlan;

export function rowReader(entity: ImportEntity, headers: readonly string[], mapping: ImportMapping, options: ImportOptions, lookups: Lookups, actorId: string): RowReader {
  const cols = columnsOf(headers, mapping);
  const columnName = (field: ImportField) => mapping[field] ?? null;
  const get = (cells: readonly string[], field: ImportField) => cellOf(cells, cols[field]);

  const issue = (row: number, field: ImportField, message: string): RowIssue => ({ row, column: columnName(field), field, message });

  function schemaIssues(row: number, error: z.ZodError): RowIssue[] {
    return error.issues.map((i) => {
      const path = i.path.join('.');
      const field = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[String(i.path[0])] ?? 'name';
      return issue(row, field, i.message);
    });
  }

  /** The owner a cell names: a source user id linked by a users file, an email, or a person's name. */
  function owner(cells: readonly string[], row: number, issues: RowIssue[]): { id: string; given: boolean } {
    const text = get(cells, 'owner');
    if (!text) return { id: actorId, given: false };
    const linked = lookups.external.user.get(text);
    const email = emailIn(text);
    const id = linked ?? (email ? lookups.users.byEmail.get(email) : undefined) ?? lookups.users.byName.get(foldText(text));
    if (id && lookups.users.byId.get(id)?.active) return { id, given: true };
    if (options.unmatchedOwner === 'me') return { id: actorId, given: true };
    issues.push(issue(row, 'owner', id ? `“${text}” is deactivated here: choose to give such rows to you, or reactivate them.` : `Nobody here matches “${text}” by email or name${lookups.source === 'salesforce' && /^005/.test(text) ? ' (import the User.csv file first to link Salesforce user ids)' : ''}.`));
    return { id: actorId, given: true };
  }

  /** The account a row belongs to: a source id imported before, else an account's name. */
  function account(cells: readonly string[], row: number, issues: RowIssue[]): string {
    const text = firstOfList(get(cells, 'account'));
    if (!text) {
      issues.push(issue(row, 'account', 'Name the account (its id in the source or its name).'));
      return '';
    }
    const id = lookups.external.account.get(text) ?? lookups.accounts.byName.get(foldText(text));
    if (!id) issues.push(issue(row, 'account', `No account matches “${text}”: import the accounts file first, or check the name.`));
    else if (lookups.accounts.archived.has(id)) issues.push(issue(row, 'account', `The account for “${text}” is archived. Restore it first.`));
    return id ?? '';
  }

  const externalOf = (cells: readonly string[]) => get(cells, 'externalId') || null;

  function readAccount(cells: readonly string[], row: number): RowPlan {
    const issues: RowIssue[] = [];
    const externalId = externalOf(cells);
    const own = owner(cells, row, issues);
    const body = { name: get(cells, 'name'), domain: domainOf(get(cells, 'website')), industry: get(cells, 'industry') || null, ownerId: own.id, notes: get(cells, 'description') || null };
    const parsed = CreateAccountBody.safeParse(body);
    if (!parsed.success) issues.push(...schemaIssues(row, parsed.error));
    if (issues.length > 0 || !parsed.success) return { kind: 'skip', externalId, issues };
    const existingId = (externalId ? lookups.external.account.get(externalId) : undefined) ?? (externalId ? null : (lookups.accounts.byName.get(foldText(parsed.data.name)) ?? null));
    return { kind: 'account', externalId, existingId: existingId ?? null, input: parsed.data, ownerGiven: own.given };
  }

  function readContact(cells: readonly string[], row: number): RowPlan {
    const issues: RowIssue[] = [];
    const externalId = externalOf(cells);
    const accountId = account(cells, row, issues);
    const name = get(cells, 'name') || [get(cells, 'firstName'), get(cells, 'lastName')].filter(Boolean).join(' ');
    if (!name) issues.push(issue(row, cols.name !== undefined ? 'name' : 'lastName', 'Name the contact (a name, or a first and last name).'));
    const email = get(cells, 'email').toLowerCase() || null;
    const parsed = CreateContactBody.safeParse({ accountId: accountId || '00000000-0000-0000-0000-000000000000', name: name || 'x', title: get(cells, 'title') || null, email, phone: get(cells, 'phone') || null });
    if (!parsed.success) issues.push(...schemaIssues(row, parsed.error));
    if (issues.length > 0 || !parsed.success) return { kind: 'skip', externalId, issues };
    const existingId = externalId ? (lookups.external.contact.get(externalId) ?? null) : email ? (lookups.contactsByEmail.get(email) ?? null) : null;
    return { kind: 'contact', externalId, existingId, input: parsed.data };
  }

  /** Won or lost when the file says the deal is closed (IsClosed/IsWon, or a closed stage); null while open. */
  function closeOutcome(cells: readonly string[], row: number, closingStage: 'won' | 'lost' | undefined, issues: RowIssue[]): 'won' | 'lost' | null {
    const flag = (field: 'closed' | 'won') => {
      const text = get(cells, field);
      if (cols[field] === undefined || text === '') return undefined;
      const value = readFlag(text);
      if (value === undefined) issues.push(issue(row, field, `“${text}” is neither true nor false.`));
      return value;
    };
    const closed = flag('closed');
    const won = flag('won');
    if (closed === false) return null;
    if (closed === true) return won === true || (won === undefined && closingStage === 'won') ? 'won' : 'lost';
    if (won === true) return 'won';
    return closingStage ?? null;
  }

  function readOpportunity(cells: readonly string[], row: number): RowPlan {
    const issues: RowIssue[] = [];
    const externalId = externalOf(cells);
    const accountId = account(cells, row, issues);
    const own = owner(cells, row, issues);
    // The deal this row updates, if any (the name is compared as the schema will have it: trimmed, like every cell).
    const name = get(cells, 'name');
    const existingId = externalId ? (lookups.external.opportunity.get(externalId) ?? null) : accountId && name ? (lookups.opportunitiesByKey.get(dealKey(accountId, name)) ?? null) : null;
    const existingCurrency = existingId ? lookups.opportunityCurrency.get(existingId) : undefined;
    // The row's currency: its currency cell; else an existing deal's own (an import changes it only
    // when the file says one); else the one chosen for the file.
    const currencyText = get(cells, 'currency').toUpperCase();
    const currency = currencyText || existingCurrency || options.currency;
    const amountText = get(cells, 'amount');
    let amountMinor = 0;
    if (amountText) {
      const amount = readImportAmount(amountText, options.decimalMark, currency);
      if (amount.ok) amountMinor = amount.value;
      else issues.push(issue(row, 'amount', amount.message));
    } else if (existingCurrency && currencyText && currencyText !== existingCurrency) {
      issues.push(issue(row, 'amount', currencyChangeWithoutAmount(existingCurrency, currencyText)));
    }
    const closeText = get(cells, 'closeDate');
    let closeDate = '';
    if (!closeText) issues.push(issue(row, 'closeDate', 'Give the close date.'));
    else {
      const date = readImportDate(closeText, options.dateOrder);
      if (date.ok) closeDate = date.value;
      else issues.push(issue(row, 'closeDate', date.message));
    }
    const stageText = get(cells, 'stage');
    let stageId: string | undefined;
    // "Closed Won" / "closedlost" is the end of the source's pipeline, not a stage here: unless the
    // admin maps it to a stage, the deal keeps its stage (a new one starts in the first) and closes.
    const closingStage = stageText ? closedStage(stageText) : undefined;
    let stageGiven = !!stageText;
    if (stageText) {
      stageId = mappedStage(options.stageMap, stageText) ?? matchStage(stageText, lookups.stages);
      if (!stageId && closingStage) stageGiven = false;
      else if (!stageId || !lookups.stages.some((s) => s.id === stageId)) issues.push(issue(row, 'stage', `No active stage matches “${stageText}”: map it to one of your stages.`));
    } else if (lookups.stages.length === 0) issues.push(issue(row, 'stage', 'This workspace has no active stage yet; an admin can add one.'));
    const outcome = closeOutcome(cells, row, closingStage, issues);
    const lostReason = get(cells, 'closeReason');
    const body = {
      accountId: accountId || '00000000-0000-0000-0000-000000000000',
      name,
      amount: { amountMinor, currency },
      stageId: stageId ?? lookups.stages[0]?.id,
      closeDate: closeDate || '2000-01-01',
      ownerId: own.id,
      // Closed in the source: won or lost, with the API's rule that a lost deal says why.
      ...(outcome ? { status: outcome, closeReason: outcome === 'lost' && lostReason ? lostReason : IMPORTED_REASON } : {}),
    };
    const parsed = CreateOpportunityBody.safeParse(body);
    if (!parsed.success) issues.push(...schemaIssues(row, parsed.error));
    if (issues.length > 0 || !parsed.success) return { kind: 'skip', externalId, issues };
    // The API refuses creating a deal in or past the gated stage: it has no evidenced commitment to change yet.
    const to = lookups.stages.find((s) => s.id === parsed.data.stageId);
    if (!existingId && to) {
      const refusal = stageGateRefusal({ gate: lookups.gate, from: null, to, changeCommitment: 'none' });
      if (refusal) return { kind: 'skip', externalId, issues: [issue(row, 'stage', refusal.message)] };
    }
    return { kind: 'opportunity', externalId, existingId, input: parsed.data, ownerGiven: own.given, stageGiven, reasonGiven: outcome === 'lost' && !!lostReason, amountGiven: !!amountText, currencyGiven: !!currencyText };
  }

  function readUser(cells: readonly string[], row: number): RowPlan {
    const externalId = externalOf(cells);
    if (!externalId) return { kind: 'skip', externalId, issues: [issue(row, 'externalId', 'Give the user’s id in the source: it is what other files name owners by.')] };
    const email = emailIn(get(cells, 'email'));
    const name = get(cells, 'name') || [get(cells, 'firstName'), get(cells, 'lastName')].filter(Boolean).join(' ');
    const userId = (email ? lookups.users.byEmail.get(email) : undefined) ?? (name ? lookups.users.byName.get(foldText(name)) : undefined);
    if (!userId) return { kind: 'skip', externalId, issues: [issue(row, email ? 'email' : 'name', `Nobody here matches ${email ?? name ?? 'this row'}: invite them first, or their records go to the owner you choose.`)] };
    return { kind: 'user', externalId, userId };
  }

  const readers: Record<ImportEntity, RowReader> = { accounts: readAccount, contacts: readContact, opportunities: readOpportunity, users: readUser };
  return readers[entity];
}
