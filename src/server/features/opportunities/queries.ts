import { sql, type SqlBool } from 'kysely';
import type { Opportunity, OpportunityListQuery } from '../../../shared/opportunities.js';
import type { Actor } from '../../core/actor.js';
import { keyset, toPage } from '../../core/paging.js';
import { canEditOwned } from '../../core/policies.js';
import { Scope } from '../../core/scope.js';
import { prepared } from '../../core/db/prepared.js';
import { matchesSearch, parseSearch, searchKeyset } from '../../core/search.js';
import { isOverdue } from '../../../domain/dates.js';

/** Opportunities with their account, stage and owner: a whole page in one query, no lookups per row. */
export function selectOpportunities(scope: Scope) {
  return scope
    .selectFrom('opportunities')
    .innerJoin('accounts as account', 'account.id', 'opportunities.account_id')
    .innerJoin('stages as stage', 'stage.id', 'opportunities.stage_id')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    // The owner's own zone only: the workspace default comes from the actor, so no extra table
    // enters the plan (joining workspaces made SQLite sort filtered pages in a temporary B-tree).
    .select('owner.time_zone as owner_time_zone')
    .select([
      'opportunities.id',
      'opportunities.account_id',
      'account.name as account_name',
      'opportunities.name',
      'opportunities.amount_minor',
      'opportunities.currency',
      'opportunities.stage_id',
      'stage.name as stage_name',
      'opportunities.close_date',
      'opportunities.owner_id',
      'owner.name as owner_name',
      'owner.team_id as owner_team_id',
      'opportunities.status',
      'opportunities.close_reason',
      'opportunities.closed_at',
      'opportunities.archived_at',
      'opportunities.version',
      'opportunities.created_at',
      'opportunities.updated_at',
    ]);
}

type OpportunityRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectOpportunities>['executeTakeFirst']>>>;

export function presentOpportunity(row: OpportunityRow, actor: Actor): Opportunity {
  return {
    id: row.id,
    account: { id: row.account_id, name: row.account_name },
    name: row.name,
    amount: { amountMinor: Number(row.amount_minor), currency: row.currency },
    stage: { id: row.stage_id, name: row.stage_name },
    closeDate: row.close_date,
    closeDatePassed: row.status === 'open' && isOverdue(row.close_date, row.owner_time_zone ?? actor.workspaceTimeZone, new Date()),
    owner: { id: row.owner_id, name: row.owner_name },
    status: row.status,
    closeReason: row.close_reason,
    closedAt: row.closed_at,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEdit: canEditOwned(actor, { id: row.owner_id, teamId: row.owner_team_id }) },
  };
}

/** An opportunity by id: the detail page's query, built once per engine. */
const opportunityById = prepared((db, p: { workspaceId: string; id: string }) => selectOpportunities(new Scope(db, p.workspaceId)).where('opportunities.id', '=', p.id));

export async function findOpportunity(scope: Scope, actor: Actor, id: string): Promise<Opportunity | undefined> {
  const row = await opportunityById.first(scope.db, { workspaceId: scope.workspaceId, id });
  return row && presentOpportunity(row, actor);
}

/** Each sort key pages on its column + id, matching the (workspace_id, column, id) indexes. */
const SORTS = {
  name: { column: 'opportunities.name', value: (r: OpportunityRow) => r.name },
  closeDate: { column: 'opportunities.close_date', value: (r: OpportunityRow) => r.close_date },
  amount: { column: 'opportunities.amount_minor', value: (r: OpportunityRow) => Number(r.amount_minor) },
  updatedAt: { column: 'opportunities.updated_at', value: (r: OpportunityRow) => r.updated_at },
} as const;

export async function listOpportunities(scope: Scope, actor: Actor, query: OpportunityListQuery) {
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as keyof typeof SORTS;
  const sort = SORTS[key];
  let q = selectOpportunities(scope);
  if (query.archived === 'active') q = q.where('opportunities.archived_at', 'is', null);
  if (query.archived === 'archived') q = q.where('opportunities.archived_at', 'is not', null);
  if (query.ownerId) q = q.where('opportunities.owner_id', '=', query.ownerId);
  if (query.stageId) q = q.where('opportunities.stage_id', '=', query.stageId);
  if (query.accountId) q = q.where('opportunities.account_id', '=', query.accountId);
  if (query.status) q = q.where('opportunities.status', '=', query.status);
  const page = { column: sort.column, idColumn: 'opportunities.id', descending, cursor: query.cursor, limit: query.limit, kind: key === 'amount' ? ('integer' as const) : ('text' as const) };
  // The deal's name, or its account's name or domain, has words starting with the query's words.
  const search = query.q ? parseSearch(query.q) : null;
  const rows = search
    ? await searchKeyset(scope, q, (col) => sql<SqlBool>`(${matchesSearch(scope, 'opportunity', col('id'), search)} or ${matchesSearch(scope, 'account', col('account_id'), search)})`, page)
    : await keyset(q, page).execute();
  return toPage(rows, query.limit, (r) => [sort.value(r), r.id], (r) => presentOpportunity(r, actor));
}
