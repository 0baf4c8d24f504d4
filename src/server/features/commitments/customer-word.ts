import { customerWordSnapshot, type CustomerWordSnapshot } from '../../../domain/customer-word.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';
import { sql } from 'kysely';
import { lockRow } from '../../core/records.js';
import { refreshFocusFlags } from '../focus/stored.js';
import { Scope } from '../../core/scope.js';
import type { Db } from '../../core/db/connect.js';
import { byCommitment, reliabilityFactsOf, selectCommitments } from './queries.js';

/**
 * The customer side's word on each deal, kept on the deal's row (migration 0165) by the engine, in
 * the transaction of every write that can change how a customer-side plan commitment is judged: a
 * commitment added, changed, ticked, dropped or reopened; a new date asked for or answered; the plan
 * abandoned, completed or reopened or its customer time zone changed; the workspace's default zone
 * changed. The time-based part (an open commitment turning into a miss when its day ends) is stored
 * as instants (src/domain/customer-word.ts), so the row stays exact between writes.
 *
 * Each deal is judged again from all its commitments (never adjusted by a difference), with the
 * deal's row locked first on PostgreSQL: two writers on one deal's plan take turns, and the second
 * reads what the first committed.
 */

type Columns = {
  customer_judged_count: number;
  customer_kept_count: number;
  customer_late_count: number;
  customer_missed_count: number;
  customer_open_count: number;
  customer_judged_weight: number;
  customer_kept_weight: number;
  customer_counts_until: string | null;
  customer_unreliable_from: string | null;
};

export function customerWordColumns(s: CustomerWordSnapshot): Columns {
  return {
    customer_judged_count: s.judged,
    customer_kept_count: s.keptOnTime,
    customer_late_count: s.keptLate,
    customer_missed_count: s.missed,
    customer_open_count: s.open,
    customer_judged_weight: s.judgedWeight,
    customer_kept_weight: s.keptWeight,
    customer_counts_until: s.countsUntil,
    customer_unreliable_from: s.unreliableFrom,
  };
}

/** Judges again the customer side of the deals of these plans (or these deals) and stores it on their rows. */
export async function judgeCustomerWord(tx: Scope, of: { planIds?: readonly string[]; opportunityIds?: readonly string[] }, now = new Date()): Promise<void> {
  const ids = new Set(of.opportunityIds ?? []);
  const planIds = [...new Set(of.planIds ?? [])];
  for (let i = 0; i < planIds.length; i += 500) {
    const plans = await tx.selectFrom('plans').select('plans.opportunity_id').where('plans.id', 'in', planIds.slice(i, i + 500)).execute();
    for (const p of plans) ids.add(p.opportunity_id);
  }
  const all = [...ids].sort();
  for (let i = 0; i < all.length; i += 500) await judgeChunk(tx, all.slice(i, i + 500), now);
}

async function judgeChunk(tx: Scope, ids: readonly string[], now: Date): Promise<void> {
  // In one order, so two writers locking several deals cannot wait on each other.
  for (const id of ids) await lockRow(tx, 'opportunities', id);
  const plans = () => tx.selectFrom('plans').select('plans.id').where('plans.opportunity_id', 'in', [...ids]);
  const rows = await selectCommitments(tx)
    .select('plan.opportunity_id as of_opportunity')
    .where('commitments.subject_kind', '=', 'plan')
    .where('commitments.side', '=', 'customer')
    .where('commitments.plan_id', 'in', plans())
    .execute();
  const history = rows.length
    ? byCommitment(await tx.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.plan_id', 'in', plans()).execute())
    : new Map();
  const facts = new Map<string, CommitmentFacts[]>(ids.map((id) => [id, []]));
  for (const row of rows) facts.get(row.of_opportunity ?? '')?.push(reliabilityFactsOf(row, history.get(row.id) ?? []));
  for (const [id, list] of facts) {
    await tx.updateTable('opportunities').set(customerWordColumns(customerWordSnapshot(list, now))).where('opportunities.id', '=', id).execute();
  }
  // The customer side's word is one of the focus flags: the deals' `flagged_from` follows it.
  await refreshFocusFlags(tx, ids);
}

/** Every deal of the workspace with a plan (after its default time zone changed, or a bulk load such as the demo). */
export async function judgeCustomerWordOfWorkspace(tx: Scope, opts: { withoutOwnZone?: boolean } = {}, now = new Date()): Promise<void> {
  let q = tx.selectFrom('plans').select('plans.opportunity_id');
  if (opts.withoutOwnZone) q = q.where('plans.customer_time_zone', 'is', null);
  const rows = await q.execute();
  await judgeCustomerWord(tx, { opportunityIds: rows.map((r) => r.opportunity_id) }, now);
}

/** What migration 0165 (or a later change of the rule) writes in `customer_counts_until` of a deal to judge again. */
export const JUDGE_AGAIN = '0000-01-01T00:00:00.000Z';

/**
 * Judges the deals marked to be judged again, workspace by workspace, each in a transaction: run by
 * migrateToLatest after the migrations, before the app serves. Marked deals read as out of date
 * until then, and a second instance starting at the same time judges them again to the same result.
 */
export async function judgeMarkedDeals(db: Db, now = new Date()): Promise<number> {
  // A literal, so the partial index of the marked deals serves it (0175): no read of the whole table.
  const marked = await db.selectFrom('opportunities').select(['opportunities.workspace_id', 'opportunities.id']).where(sql<boolean>`opportunities.customer_counts_until = ${sql.lit(JUDGE_AGAIN)}`).execute();
  const byWorkspace = new Map<string, string[]>();
  for (const r of marked) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.id]);
  for (const [workspaceId, ids] of byWorkspace) await db.transaction().execute((trx) => judgeCustomerWord(new Scope(trx, workspaceId), { opportunityIds: ids }, now));
  return marked.length;
}

/**
 * For tests and fixtures that move a commitment's dates straight in the database (time passing,
 * made quick): judge its deal again, as the engine does after its own writes.
 */
export async function rejudgeCommitmentDeal(db: Db, commitmentId: string): Promise<void> {
  const row = await db.selectFrom('commitments').select(['workspace_id', 'plan_id']).where('id', '=', commitmentId).executeTakeFirst();
  if (row?.plan_id) await judgeCustomerWord(new Scope(db, row.workspace_id), { planIds: [row.plan_id] });
}
