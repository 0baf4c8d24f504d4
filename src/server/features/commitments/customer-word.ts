import { sql } from 'kysely';
import { customerWordSnapshot, type CustomerWordSnapshot } from '../../../domain/customer-word.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';
import { lockRow } from '../../core/records.js';
import { refreshFocusFlags } from '../focus/stored.js';
import { Scope } from '../../core/scope.js';
import type { Db } from '../../core/db/connect.js';
import { scoped } from '../../core/db/prepared.js';
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
export async function judgeCustomerWord(
  tx: Scope,
  of: { planIds?: readonly string[]; opportunityIds?: readonly string[]; deals?: readonly { opportunityId: string; planId: string }[] },
  now = new Date(),
): Promise<void> {
  // Each deal with its plan (a deal has at most one), or none: a deal without a plan is judged on nothing.
  const planOf = new Map<string, string | null>((of.opportunityIds ?? []).map((id) => [id, null]));
  for (const d of of.deals ?? []) planOf.set(d.opportunityId, d.planId);
  const planIds = [...new Set(of.planIds ?? [])];
  for (let i = 0; i < planIds.length; i += 500) {
    const chunk = planIds.slice(i, i + 500);
    const plans = chunk.length === 1 ? await planById.execute(tx, { id: chunk[0] }) : await tx.selectFrom('plans').select(['plans.id', 'plans.opportunity_id']).where('plans.id', 'in', chunk).execute();
    for (const p of plans) planOf.set(p.opportunity_id, p.id);
  }
  const dealsWithoutPlan = [...planOf].filter(([, plan]) => plan === null).map(([id]) => id);
  for (let i = 0; i < dealsWithoutPlan.length; i += 500) {
    const plans = await tx.selectFrom('plans').select(['plans.id', 'plans.opportunity_id']).where('plans.opportunity_id', 'in', dealsWithoutPlan.slice(i, i + 500)).execute();
    for (const p of plans) planOf.set(p.opportunity_id, p.id);
  }
  const all = [...planOf.keys()].sort();
  for (let i = 0; i < all.length; i += 500) await judgeChunk(tx, all.slice(i, i + 500).map((id) => ({ opportunityId: id, planId: planOf.get(id) ?? null })), now);
}

const planById = scoped((scope, p: { id: string }) => scope.selectFrom('plans').select(['plans.id', 'plans.opportunity_id']).where('plans.id', '=', p.id));

/** One plan's customer-side commitments and date changes, through the (workspace, plan) indexes: what every engine write on a plan reads again. */
const customerCommitmentsOfPlan = scoped((scope, p: { planId: string }) =>
  // subject (kind, id) rather than plan_id: the same rows, and the whole of an index's key, whatever the planner's statistics.
  selectCommitments(scope).where('commitments.subject_kind', '=', 'plan').where('commitments.subject_id', '=', p.planId).where('commitments.side', '=', 'customer'),
);
const renegotiationsOfPlan = scoped((scope, p: { planId: string }) =>
  scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.plan_id', '=', p.planId),
);
const storeWord = scoped((scope, p: Columns & { id: string }) =>
  scope
    .updateTable('opportunities')
    .set({
      customer_judged_count: p.customer_judged_count,
      customer_kept_count: p.customer_kept_count,
      customer_late_count: p.customer_late_count,
      customer_missed_count: p.customer_missed_count,
      customer_open_count: p.customer_open_count,
      customer_judged_weight: p.customer_judged_weight,
      customer_kept_weight: p.customer_kept_weight,
      customer_counts_until: p.customer_counts_until,
      customer_unreliable_from: p.customer_unreliable_from,
    })
    .where('opportunities.id', '=', p.id),
);

async function judgeChunk(tx: Scope, deals: readonly { opportunityId: string; planId: string | null }[], now: Date): Promise<void> {
  // In one order, so two writers locking several deals cannot wait on each other.
  for (const d of deals) await lockRow(tx, 'opportunities', d.opportunityId);
  const planIds = deals.flatMap((d) => (d.planId ? [d.planId] : []));
  // By plan id (the deals' plans, read above), so each plan's rows come through the plan indexes.
  const rows =
    planIds.length === 0 ? []
    : planIds.length === 1 ? await customerCommitmentsOfPlan.execute(tx, { planId: planIds[0] })
    : await selectCommitments(tx).where('commitments.subject_kind', '=', 'plan').where('commitments.subject_id', 'in', planIds).where('commitments.side', '=', 'customer').execute();
  const renegotiations =
    rows.length === 0 ? []
    : planIds.length === 1 ? await renegotiationsOfPlan.execute(tx, { planId: planIds[0] })
    : await tx.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.plan_id', 'in', planIds).execute();
  const history = byCommitment(renegotiations);
  const dealOfPlan = new Map(deals.flatMap((d) => (d.planId ? [[d.planId, d.opportunityId] as const] : [])));
  const facts = new Map<string, CommitmentFacts[]>(deals.map((d) => [d.opportunityId, []]));
  for (const row of rows) facts.get(dealOfPlan.get(row.plan_id ?? '') ?? '')?.push(reliabilityFactsOf(row, history.get(row.id) ?? []));
  for (const [id, list] of facts) await storeWord.execute(tx, { id, ...customerWordColumns(customerWordSnapshot(list, now)) });
  // The customer side's word is one of the focus flags: the deals' `flagged_from` follows it.
  await refreshFocusFlags(tx, deals.map((d) => d.opportunityId));
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
 * Finding none (every start but the first after such a migration) reads an empty partial index (0190).
 */
export async function judgeMarkedDeals(db: Db, now = new Date()): Promise<number> {
  // The marker as a literal, as in the partial index of migration 0190, so either engine's planner can always prove the index's condition (a prepared plan with a bound value may not).
  const marked = await db.selectFrom('opportunities').select(['opportunities.workspace_id', 'opportunities.id']).where('opportunities.customer_counts_until', '=', sql.lit(JUDGE_AGAIN)).execute();
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
