import { sql, type RawBuilder } from 'kysely';
import { dbKind, type Db } from '../../core/db/connect.js';
import { Scope } from '../../core/scope.js';

/**
 * Every deal's `flagged_from` (migration 0175): the instant from which it carries at least one focus
 * flag, null when none before the next write — src/domain/focus.ts `flaggedFrom` has the rule and
 * why one instant is exact at any time. It is what lets the list filtered by `flag=any` and the Focus
 * list walk only flagged deals (partial indexes over the flagged rows, in each list's order) instead
 * of testing every open deal on the way.
 *
 * One SQL expression of the row's own columns and the workspace's thresholds, the rule written the
 * way the database computes it, so each write keeps its deals current in one statement, and a
 * change of thresholds re-judges a whole workspace in one UPDATE, in the same transaction as the
 * change. It runs in the transaction of every write that can move a flag:
 *
 * - a deal created, or its status changed (opportunities/service.ts, imports/apply.ts, the demo);
 * - its interactions' results, times or deals (interactions/counters.ts);
 * - its commitment to change (qualification/service.ts);
 * - its customer side's word (commitments/customer-word.ts);
 * - the workspace's thresholds (focus/thresholds.ts).
 *
 * A property test (focus/stored.test.ts) holds the stored instant against the read-time rule,
 * `focusFlags`, after random writes and time passing.
 */

type Thresholds = { noAdvanceStreak: number; noCommitmentDays: number; noCommitmentInteractions: number };

/**
 * The rule (`flaggedFrom`) as an expression over the `opportunities` row being updated: with the
 * given thresholds, or (`stored`) with the row's workspace's, read by the statement itself.
 */
function flaggedFromSql(db: Scope['db'], t: Thresholds | 'stored'): RawBuilder<string | null> {
  const postgres = dbKind(db) === 'postgres';
  const threshold = (key: keyof Thresholds): RawBuilder<number> =>
    t === 'stored' ? sql<number>`(select ${sql.ref(`workspaces.${THRESHOLD_COLUMNS[key]}`)} from workspaces where workspaces.id = opportunities.workspace_id)` : sql<number>`${t[key]}`;
  const createdAt = sql.ref('opportunities.created_at');
  // created_at + the threshold in whole days, to the millisecond, in the stored ISO form.
  const daysLater = postgres
    ? sql`to_char((${createdAt}::timestamptz at time zone 'UTC') + make_interval(days => ${threshold('noCommitmentDays')}::integer), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${createdAt}, '+' || ${threshold('noCommitmentDays')} || ' days')`;
  const streak = sql`case when opportunities.no_advance_streak >= ${threshold('noAdvanceStreak')} then ${createdAt} end`;
  const noCommitment = sql`case when opportunities.change_commitment = 'none' then case when opportunities.results_count >= ${threshold('noCommitmentInteractions')} then ${createdAt} else ${daysLater} end end`;
  const customer = sql.ref('opportunities.customer_unreliable_from');
  // The earliest of those that are not null: PostgreSQL's least skips nulls; SQLite's min does not,
  // so nulls read as '~' there (above every digit in its binary order) and back.
  const earliest = postgres
    ? sql`least(${streak}, ${noCommitment}, ${customer})`
    : sql`nullif(min(coalesce(${streak}, '~'), coalesce(${noCommitment}, '~'), coalesce(${customer}, '~')), '~')`;
  return sql<string | null>`case when opportunities.status = 'open' then ${earliest} end`;
}

/** Each threshold's column on the workspace row (thresholds.ts writes them). */
export const THRESHOLD_COLUMNS = { noAdvanceStreak: 'focus_no_advance_streak', noCommitmentDays: 'focus_no_commitment_days', noCommitmentInteractions: 'focus_no_commitment_interactions' } as const;

async function thresholdsOf(scope: Scope): Promise<Thresholds> {
  const w = await scope.db
    .selectFrom('workspaces')
    .select(['focus_no_advance_streak', 'focus_no_commitment_days', 'focus_no_commitment_interactions'])
    .where('workspaces.id', '=', scope.workspaceId)
    .executeTakeFirstOrThrow();
  return { noAdvanceStreak: Number(w.focus_no_advance_streak), noCommitmentDays: Number(w.focus_no_commitment_days), noCommitmentInteractions: Number(w.focus_no_commitment_interactions) };
}

/**
 * Judges again the `flagged_from` of these deals (or of every open deal of the workspace, after its
 * thresholds changed or a bulk load), with the thresholds as the transaction sees them.
 */
export async function refreshFocusFlags(tx: Scope, which: readonly (string | null | undefined)[] | 'workspace', thresholds?: Thresholds): Promise<void> {
  const ids = which === 'workspace' ? null : [...new Set(which.filter((id): id is string => !!id))];
  if (ids !== null && ids.length === 0) return;
  if (ids === null) {
    const expr = flaggedFromSql(tx.db, thresholds ?? (await thresholdsOf(tx)));
    // Deals that are not open carry no flag and keep null; the open ones are a range of an index (0115).
    await tx.updateTable('opportunities').set({ flagged_from: expr }).where('opportunities.status', '=', 'open').execute();
    return;
  }
  // A few deals (a write's own): the statement reads the thresholds itself, one statement instead of two.
  const expr = flaggedFromSql(tx.db, thresholds ?? 'stored');
  for (let i = 0; i < ids.length; i += 500) {
    await tx.updateTable('opportunities').set({ flagged_from: expr }).where('opportunities.id', 'in', ids.slice(i, i + 500)).execute();
  }
}

/** What migration 0175 (or a later change of the rule) writes in `flagged_from` of a deal to judge again. */
export const FLAGS_TO_JUDGE = '0000-01-01T00:00:00.000Z';

/**
 * Judges the deals marked to be judged again, workspace by workspace: run by migrateToLatest after the
 * migrations (and after the customer side's word, which the flags read), before the app serves. The
 * marked rows are found through a partial index holding only them (0175), so a start with none
 * marked costs one probe of an empty index, whatever the size of the table. The marker is written as
 * a literal: a partial index serves only a query whose condition is literally its own.
 */
export async function judgeMarkedFlags(db: Db): Promise<number> {
  const marked = sql<boolean>`opportunities.flagged_from = ${sql.lit(FLAGS_TO_JUDGE)}`;
  const rows = await db.selectFrom('opportunities').select(['opportunities.workspace_id', 'opportunities.id']).where(marked).execute();
  const byWorkspace = new Map<string, string[]>();
  for (const r of rows) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.id]);
  for (const [workspaceId, ids] of byWorkspace) await db.transaction().execute((trx) => refreshFocusFlags(new Scope(trx, workspaceId), ids));
  return rows.length;
}

/** For tests and fixtures that set a deal's facts straight in the database: judge its flags again, as every write does. */
export async function rejudgeFlags(db: Db, opportunityId: string): Promise<void> {
  const row = await db.selectFrom('opportunities').select('workspace_id').where('id', '=', opportunityId).executeTakeFirst();
  if (row) await refreshFocusFlags(new Scope(db, row.workspace_id), [opportunityId]);
}
