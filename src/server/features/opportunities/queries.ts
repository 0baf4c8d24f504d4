import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Opportunity, OpportunityListQuery } from '../../../shared/opportunities.js';
import type { Actor } from '../../core/actor.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Cursor } from '../../core/paging.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';
import { scoped, scopedShapes } from '../../core/db/prepared.js';
import { matchesSearch, parseSearch, searchKeyset, textMatches, type Search } from '../../core/search.js';
import { isOverdue } from '../../../domain/dates.js';
import type { FlagFilter, FocusFlag } from '../../../shared/focus-flags.js';
import { FLAG_COLUMNS, LIST_FLAG_COLUMNS, fillPage, flagParams, flagPredicate, hasFlag, listFlags, type FlagParams, type FlagRow } from '../focus/flags.js';

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
const opportunityById = scoped((scope, p: { id: string }) => selectOpportunities(scope).where('opportunities.id', '=', p.id));

export async function findOpportunity(scope: Scope, actor: Actor, id: string): Promise<Opportunity | undefined> {
  const row = await opportunityById.first(scope, { id });
  return row && presentOpportunity(row, actor);
}

/** Each sort key pages on its column + id, matching the (workspace_id, column, id) indexes. */
const SORTS = {
  name: { column: 'opportunities.name', value: (r: OpportunityRow) => r.name },
  closeDate: { column: 'opportunities.close_date', value: (r: OpportunityRow) => r.close_date },
  amount: { column: 'opportunities.amount_minor', value: (r: OpportunityRow) => Number(r.amount_minor) },
  updatedAt: { column: 'opportunities.updated_at', value: (r: OpportunityRow) => r.updated_at },
} as const;

type ListShape = Pick<OpportunityListQuery, 'archived' | 'limit'> & {
  sort: keyof typeof SORTS;
  descending: boolean;
  /** Which filters and whether a cursor are present: their values go in the placeholders. */
  filters: { owner: boolean; stage: boolean; account: boolean; status: boolean; cursor: boolean };
};
type ListValues = { ownerId: string | null; stageId: string | null; accountId: string | null; status: string | null; afterValue: string | number | null; afterId: string | null };

/** The rows of a list page without search, built once per shape (sort, filters present, page size). */
const listPage = scopedShapes((scope, p: ListValues, s: ListShape) =>
  keysetAfter(filtered(selectOpportunities(scope), {
    archived: s.archived,
    ownerId: s.filters.owner ? (p.ownerId as string) : undefined,
    stageId: s.filters.stage ? (p.stageId as string) : undefined,
    accountId: s.filters.account ? (p.accountId as string) : undefined,
    status: s.filters.status ? (p.status as OpportunityListQuery['status']) : undefined,
  }), {
    column: SORTS[s.sort].column,
    idColumn: 'opportunities.id',
    descending: s.descending,
    after: s.filters.cursor ? [p.afterValue as string | number, p.afterId as string] : undefined,
    limit: s.limit,
  }),
);

type Filters = Pick<OpportunityListQuery, 'archived' | 'ownerId' | 'stageId' | 'accountId' | 'status'>;

/** The list's filters, on any query of opportunities (with or without its joins). */
function filtered<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, f: Filters): SelectQueryBuilder<DB, TB, O> {
  const column = (name: string) => sql.ref(`opportunities.${name}`);
  if (f.archived === 'active') q = q.where(sql<SqlBool>`${column('archived_at')} is null`);
  if (f.archived === 'archived') q = q.where(sql<SqlBool>`${column('archived_at')} is not null`);
  if (f.ownerId !== undefined) q = q.where(sql<SqlBool>`${column('owner_id')} = ${f.ownerId}`);
  if (f.stageId !== undefined) q = q.where(sql<SqlBool>`${column('stage_id')} = ${f.stageId}`);
  if (f.accountId !== undefined) q = q.where(sql<SqlBool>`${column('account_id')} = ${f.accountId}`);
  if (f.status !== undefined) q = q.where(sql<SqlBool>`${column('status')} = ${f.status}`);
  return q;
}

/** What a `?q=` list reads of a walked row besides its id (core/search.ts `searchKeyset`'s `lean`). */
const LEAN_COLUMNS = ['opportunities.account_id', 'opportunities.search_text'] as const;

/** `?q=`: the deal's name, or its account's name or domain, has words starting with the query's words. */
const searchMatch = (scope: Scope, search: Search) => (col: (name: string) => string) =>
  sql<SqlBool>`(${matchesSearch(scope, 'opportunity', col('id'), search)} or ${matchesSearch(scope, 'account', col('account_id'), search)})`;

/** The same, tested on one walked row: its own text, and its account's by primary key. */
const rowSearchMatch = (scope: Scope, search: Search) => (col: (name: string) => string) =>
  sql<SqlBool>`(${textMatches(search, sql.ref(col('search_text')))} or exists (select 1 from ${sql.table('accounts')} as ${sql.id('search_account')} where ${sql.ref('search_account.id')} = ${sql.ref(col('account_id'))} and ${sql.ref('search_account.workspace_id')} = ${scope.workspaceId} and ${textMatches(search, sql.ref('search_account.search_text'))}))`;

type FlaggedShape = ListShape & { flag: FlagFilter };

/** The flag columns a list walks: the customer's counts on every row only when it lists that flag. */
const flagColumns = (flag: FlagFilter) => (flag === 'customer_unreliable' ? FLAG_COLUMNS : LIST_FLAG_COLUMNS);
type FlaggedValues = ListValues & Omit<FlagParams, 'workspaceId'>;

/** A walk through the list filtered by a focus flag, built once per shape like `listPage`. */
const flaggedPage = scopedShapes((scope, p: FlaggedValues, s: FlaggedShape) => {
  // `p` hands out a placeholder for each name read (workspaceId too: scopedShapes binds it), and a
  // prepared query must use every one it reads, so the predicates get `p` itself and read only theirs.
  const flags = p as FlaggedValues;
  return keysetAfter(
    filtered(selectOpportunities(scope).select(flagColumns(s.flag)), {
      archived: s.archived,
      ownerId: s.filters.owner ? (p.ownerId as string) : undefined,
      stageId: s.filters.stage ? (p.stageId as string) : undefined,
      accountId: s.filters.account ? (p.accountId as string) : undefined,
      status: s.filters.status ? (p.status as OpportunityListQuery['status']) : undefined,
    }).where(flagPredicate(s.flag, flags, s.sort === 'closeDate')),
    {
      column: SORTS[s.sort].column,
      idColumn: 'opportunities.id',
      descending: s.descending,
      after: s.filters.cursor ? [p.afterValue as string | number, p.afterId as string] : undefined,
      limit: s.limit,
    },
  );
});

/**
 * The list filtered by a focus flag: SQL walks the rows the flag's predicates allow, the domain's
 * rules judge them exactly (focus/flags.ts), and each row lists its flags.
 */
async function listFlagged(scope: Scope, actor: Actor, query: OpportunityListQuery & { flag: FlagFilter }) {
  const now = new Date();
  const thresholds = actor.focusThresholds;
  const fp = flagParams(scope.workspaceId, thresholds, now);
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as keyof typeof SORTS;
  const kind = key === 'amount' ? ('integer' as const) : ('text' as const);
  const search = query.q ? parseSearch(query.q) : null;
  type Row = OpportunityRow & FlagRow;
  const walk = async (after: Cursor | undefined, size: number): Promise<Row[]> => {
    if (search) {
      const q = filtered(selectOpportunities(scope).select(flagColumns(query.flag)), query).where(flagPredicate(query.flag, fp, key === 'closeDate'));
      const lean = filtered(scope.selectFrom('opportunities').select(LEAN_COLUMNS), query).where(flagPredicate(query.flag, fp, key === 'closeDate'));
      const page = { column: SORTS[key].column, idColumn: 'opportunities.id', descending, cursor: after ? encodeCursor(...after) : undefined, limit: size - 1, kind };
      return (await searchKeyset(scope, q, searchMatch(scope, search), page, lean, rowSearchMatch(scope, search))) as Row[];
    }
    const shape: FlaggedShape = {
      archived: query.archived,
      limit: size - 1,
      sort: key,
      descending,
      flag: query.flag,
      filters: { owner: !!query.ownerId, stage: !!query.stageId, account: !!query.accountId, status: !!query.status, cursor: !!after },
    };
    const { workspaceId: _ws, ...flagValues } = fp;
    return (await flaggedPage.execute(scope, shape, {
      ownerId: query.ownerId ?? null,
      stageId: query.stageId ?? null,
      accountId: query.accountId ?? null,
      status: query.status ?? null,
      afterValue: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
      ...flagValues,
    })) as Row[];
  };
  const flagsOf = new Map<Row, FocusFlag[]>();
  const { rows, next } = await fillPage<Row>({
    limit: query.limit,
    after: query.cursor ? decodeCursor(query.cursor, kind) : undefined,
    walk,
    keep: async (batch) => {
      const flags = await listFlags(scope, batch, thresholds, now);
      return batch.map((r, i) => {
        flagsOf.set(r, flags[i]);
        return hasFlag(flags[i], query.flag);
      });
    },
    cursorOf: (r) => [SORTS[key].value(r), r.id],
  });
  return {
    data: rows.map((r) => Object.assign(presentOpportunity(r, actor), { flags: flagsOf.get(r) ?? [] })),
    nextCursor: next ? encodeCursor(...next) : null,
  };
}

export async function listOpportunities(scope: Scope, actor: Actor, query: OpportunityListQuery) {
  if (query.flag) return listFlagged(scope, actor, { ...query, flag: query.flag });
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as keyof typeof SORTS;
  const sort = SORTS[key];
  const kind = key === 'amount' ? ('integer' as const) : ('text' as const);
  // The deal's name, or its account's name or domain, has words starting with the query's words.
  const search = query.q ? parseSearch(query.q) : null;
  let rows: OpportunityRow[];
  if (search) {
    const q = filtered(selectOpportunities(scope), query);
    const lean = filtered(scope.selectFrom('opportunities').select(LEAN_COLUMNS), query);
    const page = { column: sort.column, idColumn: 'opportunities.id', descending, cursor: query.cursor, limit: query.limit, kind };
    rows = await searchKeyset(scope, q, searchMatch(scope, search), page, lean, rowSearchMatch(scope, search));
  } else {
    const after = query.cursor ? decodeCursor(query.cursor, kind) : null;
    const shape: ListShape = {
      archived: query.archived,
      limit: query.limit,
      sort: key,
      descending,
      filters: { owner: !!query.ownerId, stage: !!query.stageId, account: !!query.accountId, status: !!query.status, cursor: !!after },
    };
    rows = await listPage.execute(scope, shape, {
      ownerId: query.ownerId ?? null,
      stageId: query.stageId ?? null,
      accountId: query.accountId ?? null,
      status: query.status ?? null,
      afterValue: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
    });
  }
  return toPage(rows, query.limit, (r) => [sort.value(r), r.id], (r) => presentOpportunity(r, actor));
}
