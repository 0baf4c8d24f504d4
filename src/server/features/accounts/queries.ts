import type { Account, AccountListQuery } from '../../../shared/accounts.js';
import type { Actor } from '../../core/actor.js';
import { keyset, toPage } from '../../core/paging.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';
import { matchesSearch, parseSearch, searchKeyset } from '../../core/search.js';

export function selectAccounts(scope: Scope) {
  return scope
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.domain',
      'accounts.industry',
      'accounts.size',
      'accounts.owner_id',
      'owner.name as owner_name',
      'owner.team_id as owner_team_id',
      'accounts.notes',
      'accounts.archived_at',
      'accounts.version',
      'accounts.created_at',
      'accounts.updated_at',
    ]);
}

type AccountRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectAccounts>['executeTakeFirst']>>>;

export function presentAccount(row: AccountRow, actor: Actor): Account {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    size: row.size as Account['size'],
    owner: { id: row.owner_id, name: row.owner_name },
    notes: row.notes,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEdit: canEditOwned(actor, { id: row.owner_id, teamId: row.owner_team_id }) },
  };
}

export async function findAccount(scope: Scope, actor: Actor, id: string): Promise<Account | undefined> {
  const row = await selectAccounts(scope).where('accounts.id', '=', id).executeTakeFirst();
  return row && presentAccount(row, actor);
}

const SORT_COLUMNS = { name: 'accounts.name', updatedAt: 'accounts.updated_at' } as const;

export async function listAccounts(scope: Scope, actor: Actor, query: AccountListQuery) {
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
  let q = selectAccounts(scope);
  if (query.archived === 'active') q = q.where('accounts.archived_at', 'is', null);
  if (query.archived === 'archived') q = q.where('accounts.archived_at', 'is not', null);
  if (query.ownerId) q = q.where('accounts.owner_id', '=', query.ownerId);
  const page = { column: SORT_COLUMNS[key], idColumn: 'accounts.id', descending, cursor: query.cursor, limit: query.limit };
  // Words of the name or domain that start with the query's words (accents and case ignored).
  const search = query.q ? parseSearch(query.q) : null;
  const rows = search ? await searchKeyset(scope, q, (col) => matchesSearch(scope, 'account', col('id'), search), page) : await keyset(q, page).execute();
  return toPage(rows, query.limit, (r) => [key === 'name' ? r.name : r.updated_at, r.id], (r) => presentAccount(r, actor));
}
