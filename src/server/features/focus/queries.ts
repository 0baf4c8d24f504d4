import { sql, type SqlBool } from 'kysely';
import { scopedShapes } from '../../core/db/prepared.js';
import { keysetAfter } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { selectOpportunities } from '../opportunities/queries.js';
import { anyFlag, FLAG_COLUMNS, type FlagParams } from './flags.js';

/**
 * The Focus list's reads, built once per shape and kept prepared (core/db/prepared.ts): with the
 * flag predicates, planning them cost PostgreSQL as much as running them.
 */

/** Placeholders: the instant flags are judged at, the person (when one), where the page starts (when a cursor). */
type Values = Pick<FlagParams, 'now'> & { owner: string | null; afterValue: string | null; afterId: string | null };

/**
 * Flagged now (so open) and active: a range of the indexes of open deals in close-date order, the
 * workspace's or one person's (migration 0195), with `flagged_from` tested in the index.
 */
const openAndFlagged = (scope: Scope, p: Values) =>
  // `p` hands out a placeholder per name read; workspaceId is bound by scopedShapes.
  sql<SqlBool>`${anyFlag({ now: p.now }, true)} and opportunities.archived_at is null`;

const byCloseDate = (p: Values, s: { cursor: boolean; size: number }) => ({
  column: 'opportunities.close_date',
  idColumn: 'opportunities.id',
  descending: false,
  after: s.cursor ? ([p.afterValue as string, p.afterId as string] as [string, string]) : undefined,
  limit: s.size - 1,
});

/** A page of flagged deals, whole rows: a person's (`owner`) or the workspace's. */
export const focusRows = scopedShapes((scope, p: Values, s: { owner: boolean; cursor: boolean; size: number }) => {
  let q = selectOpportunities(scope).select(FLAG_COLUMNS).where(openAndFlagged(scope, p));
  if (s.owner) q = q.where('opportunities.owner_id', '=', p.owner as string);
  return keysetAfter(q, byCloseDate(p, s));
});

/** One team member's next flagged deals, keys only (a team's page merges its members'). */
export const memberKeys = scopedShapes((scope, p: Values, s: { cursor: boolean; size: number }) =>
  keysetAfter(scope.selectFrom('opportunities').select(['opportunities.id', 'opportunities.close_date']).where('opportunities.owner_id', '=', p.owner as string).where(openAndFlagged(scope, p)), byCloseDate(p, s)),
);

/** The rows of a merged team page, by id (the page's order is the caller's). */
export const rowsById = scopedShapes((scope, p: Record<`id${number}`, string>, s: { count: number }) =>
  selectOpportunities(scope)
    .select(FLAG_COLUMNS)
    .where(
      'opportunities.id',
      'in',
      Array.from({ length: s.count }, (_, i) => p[`id${i}`]),
    ),
);
