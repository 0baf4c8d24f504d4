import type { Contact, ContactListQuery } from '../../../shared/contacts.js';
import type { Actor } from '../../core/actor.js';
import { keyset, toPage } from '../../core/paging.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';
import { matchesSearch, parseSearch, searchKeyset } from '../../core/search.js';

/** Contacts with their account and the account owner's team: all a page needs, in one query. */
export function selectContacts(scope: Scope) {
  return scope
    .selectFrom('contacts')
    .innerJoin('accounts as account', 'account.id', 'contacts.account_id')
    .innerJoin('users as owner', 'owner.id', 'account.owner_id')
    .select([
      'contacts.id',
      'contacts.account_id',
      'account.name as account_name',
      'account.owner_id as account_owner_id',
      'owner.team_id as account_owner_team_id',
      'contacts.name',
      'contacts.title',
      'contacts.email',
      'contacts.phone',
      'contacts.buying_role',
      'contacts.archived_at',
      'contacts.version',
      'contacts.created_at',
      'contacts.updated_at',
    ]);
}

type ContactRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectContacts>['executeTakeFirst']>>>;

export function presentContact(row: ContactRow, actor: Actor): Contact {
  return {
    id: row.id,
    account: { id: row.account_id, name: row.account_name },
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    buyingRole: row.buying_role as Contact['buyingRole'],
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // A contact is part of its account: whoever may edit the account may edit its people.
    permissions: { canEdit: canEditOwned(actor, { id: row.account_owner_id, teamId: row.account_owner_team_id }) },
  };
}

export async function findContact(scope: Scope, actor: Actor, id: string): Promise<Contact | undefined> {
  const row = await selectContacts(scope).where('contacts.id', '=', id).executeTakeFirst();
  return row && presentContact(row, actor);
}

const SORT_COLUMNS = { name: 'contacts.name', updatedAt: 'contacts.updated_at' } as const;

export async function listContacts(scope: Scope, actor: Actor, query: ContactListQuery) {
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
  let q = selectContacts(scope);
  if (query.archived === 'active') q = q.where('contacts.archived_at', 'is', null);
  if (query.archived === 'archived') q = q.where('contacts.archived_at', 'is not', null);
  if (query.accountId) q = q.where('contacts.account_id', '=', query.accountId);
  const page = { column: SORT_COLUMNS[key], idColumn: 'contacts.id', descending, cursor: query.cursor, limit: query.limit };
  // Words of the name, email or title that start with the query's words (accents and case ignored).
  const search = query.q ? parseSearch(query.q) : null;
  const rows = search ? await searchKeyset(scope, q, (col) => matchesSearch(scope, 'contact', col('id'), search), page) : await keyset(q, page).execute();
  return toPage(rows, query.limit, (r) => [key === 'name' ? r.name : r.updated_at, r.id], (r) => presentContact(r, actor));
}
