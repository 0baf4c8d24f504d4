import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { customerWordOf } from '../../../domain/customer-word.js';
import {
  daysOpen,
  focusFlags,
  nextMoves,
  openSinceCutoff,
  type ChangeCommitment,
  type CustomerWord,
  type FocusFacts,
  type FocusFlag,
  type FocusThresholds,
  type NextMove,
} from '../../../domain/focus.js';
import type { FlagFilter } from '../../../shared/focus-flags.js';
import type { Cursor } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { customerReliabilityByOpportunity } from '../commitments/reliability.js';

/**
 * The focus flags of opportunity rows, for a page of the Focus list or of the opportunity list
 * filtered by flag — never a whole-table read, and every flag read from the row itself:
 *
 * - the streak and the no-commitment counters are columns kept in the same transaction as a result
 *   is recorded (migration 0093), and "days open" is `created_at` against a cutoff instant;
 * - the customer side's word is kept on the row by the commitment engine (migration 0165,
 *   src/domain/customer-word.ts): its counts, and the instant the flag is up from, so "is it up
 *   now?" is `customer_unreliable_from <= now` — exact at any time, one comparison.
 *
 * Each flag is then one predicate on the row, exact, so a page needs no second judgement. The
 * counts behind the reason hold until `customer_counts_until` (an open commitment's day ends); a
 * row read after that instant and before the next write is judged again from its commitments (a few
 * rows of a page at most, and only those).
 */

/** Placeholder values the predicates take (prepared queries bind them per request). */
export type FlagParams = { streak: number; openedBefore: string; interactions: number; now: string; workspaceId: string };

export function flagParams(workspaceId: string, t: FocusThresholds, now: Date): FlagParams {
  return {
    streak: t.noAdvanceStreak,
    openedBefore: openSinceCutoff(t.noCommitmentDays, now),
    interactions: t.noCommitmentInteractions,
    now: now.toISOString(),
    workspaceId,
  };
}

/**
 * Open deals that carry `flag` (each exactly, from the row). Any flag is one comparison with the
 * instant the deal is flagged from (focus/stored.ts, null on a deal that is not open), which the
 * flagged lists' indexes hold (migrations 0175, 0195): a walk tests it in the index.
 */
export function flagPredicate(flag: FlagFilter, p: Omit<FlagParams, 'workspaceId'>, inCloseOrder = false): RawBuilder<SqlBool> {
  if (flag === 'any') return anyFlag(p, inCloseOrder);
  // Built on demand: a prepared query must use every placeholder it reads (core/db/prepared.ts).
  const streak = () => sql`opportunities.no_advance_streak >= ${p.streak}`;
  const noCommitment = () => sql`(opportunities.change_commitment = 'none' and (opportunities.created_at <= ${p.openedBefore} or opportunities.results_count >= ${p.interactions}))`;
  // A range of a partial index of the few deals that have the instant (migration 0165; on
  // PostgreSQL, those deals in update order: 0200).
  const customer = () => sql`opportunities.customer_unreliable_from <= ${p.now}`;
  const which = {
    no_advance_streak: streak,
    no_commitment_to_change: noCommitment,
    customer_unreliable: customer,
  }[flag]();
  return sql<SqlBool>`(opportunities.status = 'open' and ${which})`;
}

/**
 * Deals that carry at least one flag now: `flagged_from <= now` (it implies an open deal). A walk in
 * close-date order says the status too (`inCloseOrder`), so that it takes the index of open deals in
 * that order, which holds `flagged_from` (migration 0195); other walks keep their own order's index
 * (in update order, the partial index of flagged deals, 0175), which the status would turn away from.
 */
export const anyFlag = (p: Pick<FlagParams, 'now'>, inCloseOrder = false) =>
  inCloseOrder ? sql<SqlBool>`(opportunities.status = 'open' and opportunities.flagged_from <= ${p.now})` : sql<SqlBool>`opportunities.flagged_from <= ${p.now}`;

/** What the rules read from an opportunity row, selected beside a list's own columns. */
export type FlagRow = {
  id: string;
  created_at: string;
  no_advance_streak: number;
  results_count: number;
  change_commitment: ChangeCommitment;
  cost_of_inaction?: string | null;
  /** The customer side's counts: absent on a list's rows whose customer flag is down (LIST_FLAG_COLUMNS). */
  customer_judged_count?: number;
  customer_kept_count?: number;
  customer_late_count?: number;
  customer_missed_count?: number;
  customer_open_count?: number;
  customer_judged_weight?: number;
  customer_kept_weight?: number;
  customer_counts_until: string | null;
  customer_unreliable_from: string | null;
};


/** What a page shows: a list's flags only (`candidates`), or Focus's figures and next moves (`figures`). */
type Need = 'candidates' | 'figures';

/** The customer side's counts on a row: what a list of any flag reads only for the rows whose customer flag is up. */
const CUSTOMER_COUNT_COLUMNS = [
  'opportunities.customer_judged_count',
  'opportunities.customer_kept_count',
  'opportunities.customer_late_count',
  'opportunities.customer_missed_count',
  'opportunities.customer_open_count',
  'opportunities.customer_judged_weight',
  'opportunities.customer_kept_weight',
] as const;

/**
 * What the opportunity list filtered by flag reads on every walked row: whether each flag is up,
 * not the figures behind the customer's (a few rows of a page carry it; judgeRows reads their
 * counts by id). A list of the customer flag itself reads them all at once (`FLAG_COLUMNS`).
 */
export const LIST_FLAG_COLUMNS = ['opportunities.no_advance_streak', 'opportunities.results_count', 'opportunities.change_commitment', 'opportunities.customer_counts_until', 'opportunities.customer_unreliable_from'] as const;

/** The columns the rules read: all on the row. */
export const FLAG_COLUMNS = [...LIST_FLAG_COLUMNS, 'opportunities.cost_of_inaction', ...CUSTOMER_COUNT_COLUMNS] as const;

/** A row read with LIST_FLAG_COLUMNS whose customer flag is up at `at`: its reason needs the counts it lacks. */
const lacksCounts = (r: FlagRow, at: string) => r.customer_judged_count === undefined && r.customer_unreliable_from !== null && r.customer_unreliable_from <= at;

/** Rows that lack their counts get them (one query by id for the page). */
async function withCustomerCounts<R extends FlagRow>(scope: Scope, rows: readonly R[], at: string): Promise<readonly R[]> {
  const missing = rows.filter((r) => lacksCounts(r, at)).map((r) => r.id);
  if (missing.length === 0) return rows;
  // By primary key (the ids are this workspace's page), the workspace checked on each row.
  const found = await scope.db.selectFrom('opportunities').select(['opportunities.id', 'opportunities.workspace_id', ...CUSTOMER_COUNT_COLUMNS]).where('opportunities.id', 'in', missing).execute();
  const counts = new Map(found.filter((c) => c.workspace_id === scope.workspaceId).map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = counts.get(r.id);
    if (!c) return r;
    const { id: _id, workspace_id: _ws, ...figures } = c;
    return { ...r, ...figures };
  });
}

/** The customer side's figure the Focus page shows (with its n) and the flag's reason reads. */
export type CustomerFigure = CustomerWord & { keptLate: number; missed: number; open: number };

export type Judged = { flags: FocusFlag[]; nextMoves: NextMove[]; facts: FocusFacts; customer: CustomerFigure | null };

function factsOf(row: FlagRow, customer: CustomerFigure | null, now: Date): FocusFacts {
  return {
    noAdvanceStreak: Number(row.no_advance_streak),
    resultsCount: Number(row.results_count),
    daysOpen: daysOpen(row.created_at, now),
    changeCommitment: row.change_commitment,
    customer,
    costOfInactionKnown: !!row.cost_of_inaction,
  };
}

const storedCounts = (row: FlagRow): CustomerFigure | null =>
  row.customer_judged_count === undefined || Number(row.customer_judged_count) + Number(row.customer_open_count) === 0
    ? null
    : customerWordOf({
        judged: Number(row.customer_judged_count),
        keptOnTime: Number(row.customer_kept_count),
        keptLate: Number(row.customer_late_count),
        missed: Number(row.customer_missed_count),
        open: Number(row.customer_open_count),
        judgedWeight: Number(row.customer_judged_weight),
        keptWeight: Number(row.customer_kept_weight),
      });

/** Whether the row's stored counts still hold at `at` (no open commitment's day has ended since they were stored). */
const countsHold = (row: Pick<FlagRow, 'customer_counts_until'>, at: string) => row.customer_counts_until === null || row.customer_counts_until > at;

/**
 * The rows to judge, with what their customer side's figure needs: counts read by id where the walk
 * did not read them, and the figures judged again from the commitments of rows whose counts have
 * aged (an open commitment's day has ended since the last write) — only where the figure is shown:
 * on a Focus page (`figures`), or when the row carries the flag and its reason needs the counts.
 */
async function customerFigures<R extends FlagRow>(scope: Scope, walked: readonly R[], now: Date, need: Need): Promise<{ rows: readonly R[]; customers: (CustomerFigure | null)[] }> {
  const at = now.toISOString();
  // No awaits on a page that needs no more from the database (most pages): a list's cost is per row.
  const rows = walked.some((r) => lacksCounts(r, at)) ? await withCustomerCounts(scope, walked, at) : walked;
  let aged: Set<string> | null = null;
  for (const r of rows) {
    if (!countsHold(r, at) && (need === 'figures' || (r.customer_unreliable_from !== null && r.customer_unreliable_from <= at))) (aged ??= new Set()).add(r.id);
  }
  const words = aged ? await customerReliabilityByOpportunity(scope, [...aged], now) : null;
  return { rows, customers: rows.map((r) => (words && aged?.has(r.id) ? (words.get(r.id) ?? null) : storedCounts(r))) };
}

/** Judges rows (selected with `FLAG_COLUMNS`) for a Focus page: every flag from the row, with its figures and next moves. */
export async function judgeRows(scope: Scope, walked: readonly FlagRow[], t: FocusThresholds, now: Date): Promise<Map<string, Judged>> {
  const { rows, customers } = await customerFigures(scope, walked, now, 'figures');
  const out = new Map<string, Judged>();
  rows.forEach((r, i) => {
    const facts = factsOf(r, customers[i], now);
    const flags = focusFlags(facts, t);
    out.set(r.id, { flags, nextMoves: nextMoves(flags, facts, t), facts, customer: customers[i] });
  });
  return out;
}

/**
 * The flags of a list's rows (selected with `LIST_FLAG_COLUMNS` or `FLAG_COLUMNS`), in the rows'
 * order: what the opportunity list filtered by flag shows, without Focus's figures and next moves.
 */
export async function listFlags(scope: Scope, walked: readonly FlagRow[], t: FocusThresholds, now: Date): Promise<FocusFlag[][]> {
  const { rows, customers } = await customerFigures(scope, walked, now, 'candidates');
  return rows.map((r, i) => focusFlags(factsOf(r, customers[i], now), t));
}

export const hasFlag = (flags: readonly FocusFlag[] | undefined, flag: FlagFilter) => !!flags && (flag === 'any' ? flags.length > 0 : flags.some((f) => f.id === flag));

/**
 * Fills a keyset page from a walk whose rows are then kept or dropped: asks for `limit + 1` rows
 * first, then for more after the last row walked (twice as many each time, at most 400) until the
 * page is full or the walk ends. The cursor is the last row kept, so the next
 * page starts right after it and never skips a row.
 */
export async function fillPage<R>(opts: {
  limit: number;
  after: Cursor | undefined;
  /** Up to `size` rows after `after`, in the list's order. */
  walk: (after: Cursor | undefined, size: number) => Promise<R[]>;
  /** Which of the walked rows stay. */
  keep: (rows: R[]) => Promise<boolean[]>;
  cursorOf: (row: R) => Cursor;
}): Promise<{ rows: R[]; next: Cursor | null }> {
  const kept: R[] = [];
  let after = opts.after;
  // The predicates are exact (see above): a page is its limit plus the one row that says whether
  // another page follows. A row the rule clears after all (a customer's counts that aged since the
  // last write) makes the walk go on after the last row walked.
  let size = opts.limit + 1;
  for (;;) {
    const rows = await opts.walk(after, size);
    const keep = await opts.keep(rows);
    for (let i = 0; i < rows.length && kept.length <= opts.limit; i++) if (keep[i]) kept.push(rows[i]);
    if (kept.length > opts.limit) return { rows: kept.slice(0, opts.limit), next: opts.cursorOf(kept[opts.limit - 1]) };
    if (rows.length < size) return { rows: kept, next: null };
    after = opts.cursorOf(rows[rows.length - 1]);
    size = Math.min(size * 2, 400);
  }
}
