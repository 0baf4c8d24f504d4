import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addDays, todayIn } from '../../../domain/dates.js';
import {
  CUSTOMER_MIN_JUDGED,
  daysOpen,
  focusFlags,
  nextMoves,
  openSinceCutoff,
  type ChangeCommitment,
  type FocusFacts,
  type FocusFlag,
  type FocusThresholds,
  type NextMove,
} from '../../../domain/focus.js';
import type { FlagFilter } from '../../../shared/focus-flags.js';
import type { Reliability } from '../../../shared/plan-reliability.js';
import type { Cursor } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { customerReliabilityByOpportunity } from '../commitments/reliability.js';

/**
 * The focus flags of opportunity rows, for a page of the Focus list or of the opportunity list
 * filtered by flag — never a whole-table read:
 *
 * 1. SQL narrows the walk with predicates on the opportunity row. Two flags are exact there: the
 *    streak and the no-commitment counters are columns kept in the same transaction as a result is
 *    recorded (migration 0093), and "days open" is `created_at` against a cutoff instant. The
 *    customer's reliability depends on time, time zones and date history, so SQL keeps a superset
 *    (`customerWord`): deals whose plan has at least 3 customer-side commitments that could be
 *    judged by now, not most of them surely kept on time — probed through the plan's unique
 *    opportunity index.
 * 2. The rows walked are then judged exactly by src/domain/focus.ts — the customer side through the
 *    commitments feature's one reliability rule, for the candidate rows only — and the page is
 *    filled from the rows that keep their flag (`fillPage`).
 */

/** Placeholder values the predicates take (prepared queries bind them per request). */
export type FlagParams = { streak: number; openedBefore: string; interactions: number; judgeBy: string; workspaceId: string };

export function flagParams(workspaceId: string, t: FocusThresholds, now: Date): FlagParams {
  return {
    streak: t.noAdvanceStreak,
    openedBefore: openSinceCutoff(t.noCommitmentDays, now),
    interactions: t.noCommitmentInteractions,
    // A due day that has ended anywhere on Earth has ended by the end of tomorrow in UTC.
    judgeBy: addDays(todayIn('UTC', now), 1),
    workspaceId,
  };
}

/**
 * The deal's customer-side plan commitments, as SQL can see them:
 * - `judgeable`: how many could be judged by now — done, or open and held to a day (the original
 *   one, or one an accepted new date moved it to) that may have ended somewhere on Earth;
 * - `candidate`: 1 when at least 3 are judgeable and the weight of those surely kept on time is
 *   below the weight of the others. "Surely kept on time": done before 10:00 UTC on its due day
 *   (still that day in every time zone), never re-dated. A deal the rule flags always passes: its
 *   kept-on-time weight is under half the judged weight, the surely-kept are among the kept, and
 *   the late and missed are among the others.
 * The date history is searched by commitment: `coalesce(status, '')` keeps a planner without
 * statistics from reaching for the (workspace, status) index, which holds every accepted new date
 * of the workspace.
 */
export function customerWord(p: Pick<FlagParams, 'judgeBy' | 'workspaceId'>, what: 'judgeable' | 'candidate'): RawBuilder<number> {
  const weight = sql`case when fc.must_do = 1 then 2 else 1 end`;
  const surelyOnTime = sql`(fc.status = 'done' and fc.due_date = fc.original_due_date and fc.done_at < (fc.due_date || 'T10:00:00.000Z')
    and not exists (select 1 from commitment_renegotiations fs where fs.workspace_id = ${p.workspaceId} and fs.commitment_id = fc.id))`;
  const value =
    what === 'judgeable'
      ? sql`count(*)`
      : sql`case when count(*) >= ${sql.lit(CUSTOMER_MIN_JUDGED)} and sum(case when ${surelyOnTime} then ${weight} else 0 end) < sum(case when ${surelyOnTime} then 0 else ${weight} end) then 1 else 0 end`;
  return sql<number>`(select ${value} from plans fp inner join commitments fc on fc.plan_id = fp.id
    where fp.opportunity_id = opportunities.id and fp.workspace_id = ${p.workspaceId} and fc.workspace_id = ${p.workspaceId}
      and fc.subject_kind = 'plan' and fc.side = 'customer'
      and (fc.status = 'done' or (fc.status = 'open' and fp.status <> 'abandoned' and (fc.original_due_date <= ${p.judgeBy}
        or exists (select 1 from commitment_renegotiations fr where fr.workspace_id = ${p.workspaceId} and fr.commitment_id = fc.id and coalesce(fr.status, '') = 'accepted' and fr.to_date <= ${p.judgeBy})))))`;
}

/** Open deals that carry `flag` (exactly for two flags, as a superset for the customer's word). */
export function flagPredicate(flag: FlagFilter, p: FlagParams): RawBuilder<SqlBool> {
  // Built on demand: a prepared query must use every placeholder it reads (core/db/prepared.ts).
  const streak = () => sql`opportunities.no_advance_streak >= ${p.streak}`;
  const noCommitment = () => sql`(opportunities.change_commitment = 'none' and (opportunities.created_at <= ${p.openedBefore} or opportunities.results_count >= ${p.interactions}))`;
  const customer = () => sql`${customerWord(p, 'candidate')} = 1`;
  const which = {
    no_advance_streak: streak,
    no_commitment_to_change: noCommitment,
    customer_unreliable: customer,
    any: () => sql`(${streak()} or ${noCommitment()} or ${customer()})`,
  }[flag]();
  return sql<SqlBool>`(opportunities.status = 'open' and ${which})`;
}

/** What the rules read from an opportunity row, selected beside a list's own columns. */
export type FlagRow = {
  id: string;
  created_at: string;
  no_advance_streak: number;
  results_count: number;
  change_commitment: ChangeCommitment;
  cost_of_inaction?: string | null;
  /** Selected for a Focus page (`figures`). */
  customer_judgeable?: number | string;
  /** Selected for the list filtered by flag (`candidates`). */
  customer_candidate?: number | string;
};

/**
 * The columns the rules read, and what the customer's word needs: whether the deal is a candidate
 * (the list filtered by flag only judges those), or how many commitments are judgeable (a Focus page
 * shows the figure, with its n, for every deal that has one).
 */
export function flagSelections(p: Pick<FlagParams, 'judgeBy' | 'workspaceId'>, need: Need) {
  return [
    'opportunities.no_advance_streak',
    'opportunities.results_count',
    'opportunities.change_commitment',
    'opportunities.cost_of_inaction',
    need === 'candidates' ? customerWord(p, 'candidate').as('customer_candidate') : customerWord(p, 'judgeable').as('customer_judgeable'),
  ] as const;
}

type Need = 'candidates' | 'figures';

export type Judged = { flags: FocusFlag[]; nextMoves: NextMove[]; facts: FocusFacts; customer: Reliability | null };

function judgeRow(row: FlagRow, customer: Reliability | null, t: FocusThresholds, now: Date): Judged {
  const facts: FocusFacts = {
    noAdvanceStreak: Number(row.no_advance_streak),
    resultsCount: Number(row.results_count),
    daysOpen: daysOpen(row.created_at, now),
    changeCommitment: row.change_commitment,
    customer,
    costOfInactionKnown: !!row.cost_of_inaction,
  };
  const flags = focusFlags(facts, t);
  return { flags, nextMoves: nextMoves(flags, facts, t), facts, customer };
}

/**
 * Judges rows exactly (selected with `flagSelections` for the same `need`). The customer side's
 * reliability is read for the rows that need it: the candidates SQL found (`candidates`), or every
 * row with a judgeable customer commitment (`figures`: a Focus page shows the figure with its n
 * even below the flag's minimum; every candidate has some).
 */
export async function judgeRows(scope: Scope, rows: readonly FlagRow[], t: FocusThresholds, now: Date, need: Need): Promise<Map<string, Judged>> {
  const ids = rows.filter((r) => (need === 'candidates' ? Number(r.customer_candidate) === 1 : Number(r.customer_judgeable) > 0)).map((r) => r.id);
  const words = await customerReliabilityByOpportunity(scope, ids, now);
  return new Map(rows.map((r) => [r.id, judgeRow(r, words.get(r.id) ?? null, t, now)]));
}

export const hasFlag = (judged: Judged | undefined, flag: FlagFilter) => !!judged && (flag === 'any' ? judged.flags.length > 0 : judged.flags.some((f) => f.id === flag));

/**
 * Fills a keyset page from a walk whose rows are then kept or dropped: asks for a few more than
 * `limit + 1` rows first (SQL's customer candidates that the rule clears would otherwise cost a
 * second walk on most pages), then for more after the last row walked (twice as many each time, at
 * most 400) until the page is full or the walk ends. The cursor is the last row kept, so the next
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
  let size = opts.limit + 2 + Math.ceil(opts.limit / 25);
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
