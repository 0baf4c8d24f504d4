import type { Contact, CreateContactBody, UpdateContactBody } from '../../../shared/contacts.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { canEditOwned } from '../../core/policies.js';
import { columnsOf, setArchived, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { findContact } from './queries.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

const NOT_ALLOWED = 'Only the account’s owner, their manager or an admin can change its contacts.';

async function present(scope: Scope, actor: Actor, id: string): Promise<Contact> {
  const contact = await findContact(scope, actor, id);
  if (!contact) throw notFound('Contact');
  return contact;
}

/** The account a contact is put on: it must be in this workspace, and the actor must be able to edit it. */
async function assertEditableAccount(scope: Scope, actor: Actor, accountId: string): Promise<void> {
  const account = await scope
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .select(['accounts.owner_id', 'owner.team_id as owner_team_id'])
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw invalid('accountId', 'Choose an account in this workspace.');
  if (!canEditOwned(actor, { id: account.owner_id, teamId: account.owner_team_id })) throw forbidden(NOT_ALLOWED);
}

/** The contact row for a change (the route's `owns: 'contact'` permission decided who may make it). */
async function loadForChange(scope: Scope, actor: Actor, id: string) {
  const row = await scope
    .selectFrom('contacts')
    .innerJoin('accounts as account', 'account.id', 'contacts.account_id')
    .innerJoin('users as owner', 'owner.id', 'account.owner_id')
    .selectAll('contacts')
    .select(['account.owner_id as account_owner_id', 'owner.team_id as account_owner_team_id'])
    .where('contacts.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Contact');
  const { account_owner_id: _owner, account_owner_team_id: _team, ...contact } = row;
  return contact;
}

/** Emails compare case-insensitively everywhere (search, import, dedupe), so they are stored lowercased. */
const normalizeEmail = (email: string | null | undefined) => (email ? email.toLowerCase() : email);
/** Forms send '' for a cleared optional field; store that as "no value". */
const orNull = (text: string | null | undefined) => (text === '' ? null : text);

export async function createContact({ scope, actor, input }: Op<{ input: CreateContactBody }>): Promise<Contact> {
  return scope.transaction(async (tx) => {
    await assertEditableAccount(tx, actor, input.accountId);
    const now = nowIso();
    const row = {
      id: newId(),
      account_id: input.accountId,
      name: input.name,
      title: orNull(input.title) ?? null,
      email: normalizeEmail(input.email) ?? null,
      phone: orNull(input.phone) ?? null,
      buying_role: input.buyingRole ?? null,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('contacts', row);
    await audit(tx, actor, { entityType: 'contact', entityId: row.id, action: 'create', before: null, after: row });
    return present(tx, actor, row.id);
  });
}

export async function updateContact({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateContactBody; version?: number }>): Promise<Contact> {
  return scope.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id);
    // Moving a contact needs the right to edit the account it moves to as well as the one it leaves.
    if (input.accountId && input.accountId !== current.account_id) await assertEditableAccount(tx, actor, input.accountId);
    const normalized = { ...input, title: orNull(input.title), phone: orNull(input.phone), email: normalizeEmail(input.email) };
    const patch = columnsOf(normalized, { accountId: 'account_id', name: 'name', title: 'title', email: 'email', phone: 'phone', buyingRole: 'buying_role' });
    return writeVersioned({ scope: tx, actor, table: 'contacts', entityType: 'contact', action: 'update', current, expectedVersion: version, patch, present: () => present(tx, actor, id) });
  });
}

export async function setContactArchived({ scope, actor, id, archived, version }: Op<{ id: string; archived: boolean; version?: number }>): Promise<Contact> {
  return scope.transaction(async (tx) =>
    setArchived({ scope: tx, actor, table: 'contacts', entityType: 'contact', current: await loadForChange(tx, actor, id), archived, expectedVersion: version, present: () => present(tx, actor, id) }),
  );
}
