import type { CustomerReliability, PersonReliability, PlanReliability, UserReliability } from '../../../shared/plan-reliability.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';
import { reliability, reliabilityBy } from '../../../domain/reliability.js';
import { notFound } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import { byCommitment, ownerKeyOf, ownerOf, reliabilityFactsOf, selectCommitments, type CommitmentRow, type RenegotiationRow } from './commitment-queries.js';

/**
 * Reliability — "keep your word", measured — for a plan, a person, a deal's customer side and a
 * customer company. The counting rule lives in src/domain/reliability.ts; this file only gathers
 * the commitments it judges.
 */

type Judged = { row: CommitmentRow; facts: CommitmentFacts };

type Where = { planId?: string; ownerUserId?: string; opportunityId?: string; accountId?: string; side?: 'seller' | 'customer' };

async function judged(scope: Scope, where: Where): Promise<Judged[]> {
  let q = selectCommitments(scope);
  if (where.planId) q = q.where('commitments.plan_id', '=', where.planId);
  if (where.ownerUserId) q = q.where('commitments.owner_user_id', '=', where.ownerUserId);
  if (where.side) q = q.where('commitments.side', '=', where.side);
  if (where.opportunityId) q = q.where('plan.opportunity_id', '=', where.opportunityId);
  if (where.accountId) {
    const plansOfAccount = scope
      .selectFrom('plans')
      .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
      .select('plans.id')
      .where('opp.account_id', '=', where.accountId);
    q = q.where('commitments.plan_id', 'in', plansOfAccount);
  }
  const rows = await q.orderBy('commitments.plan_id').orderBy('commitments.position').execute();
  const renegotiations: RenegotiationRow[] = [];
  // Read in chunks: a person's commitments across all plans can outgrow one statement's parameters.
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    renegotiations.push(
      ...(await scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.commitment_id', 'in', ids).execute()),
    );
  }
  const history = byCommitment(renegotiations);
  return rows.map((row) => ({ row, facts: reliabilityFactsOf(row, history.get(row.id) ?? []) }));
}

function perPerson(items: readonly Judged[], now: Date): PersonReliability[] {
  const first = new Map<string, CommitmentRow>();
  for (const { row } of items) {
    const key = `${row.side}|${ownerKeyOf(row)}`;
    if (!first.has(key)) first.set(key, row);
  }
  const groups = reliabilityBy(
    items.map((i) => i.facts),
    (c) => `${c.side}|${c.ownerKey}`,
    now,
  );
  return [...groups].map(([key, rel]) => {
    const row = first.get(key) as CommitmentRow;
    const owner = ownerOf(row);
    return { side: row.side, owner: { kind: owner.kind, id: owner.id, name: owner.name }, reliability: rel };
  });
}

export async function planReliability(scope: Scope, planId: string, now = new Date()): Promise<PlanReliability> {
  const exists = await scope.selectFrom('plans').select('id').where('plans.id', '=', planId).executeTakeFirst();
  if (!exists) throw notFound('Plan');
  const items = await judged(scope, { planId });
  const side = (s: 'seller' | 'customer') => reliability(items.filter((i) => i.row.side === s).map((i) => i.facts), now);
  return { planId, sides: { seller: side('seller'), customer: side('customer') }, people: perPerson(items, now) };
}

/** A person's word on the seller side, overall and per plan. */
export async function userReliability(scope: Scope, userId: string, now = new Date()): Promise<UserReliability> {
  const user = await scope.selectFrom('users').select(['id', 'name']).where('users.id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('User');
  const items = await judged(scope, { ownerUserId: userId, side: 'seller' });
  const byPlan = reliabilityBy(
    items.map((i) => ({ ...i.facts, planId: i.row.plan_id })),
    (c) => c.planId,
    now,
  );
  const planIds = [...byPlan.keys()];
  const titles = planIds.length ? await scope.selectFrom('plans').select(['id', 'title']).where('plans.id', 'in', planIds).execute() : [];
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  return {
    user: { id: user.id, name: user.name },
    overall: reliability(
      items.map((i) => i.facts),
      now,
    ),
    plans: [...byPlan].map(([planId, rel]) => ({ planId, title: titleOf.get(planId) ?? '', reliability: rel })),
  };
}

function customerSide(items: readonly Judged[], now: Date): CustomerReliability {
  return {
    customer: reliability(
      items.map((i) => i.facts),
      now,
    ),
    people: perPerson(items, now),
    planIds: [...new Set(items.map((i) => i.row.plan_id))],
  };
}

/** The customer side's word on one deal: later an input to "chased deal" signals. */
export async function opportunityReliability(scope: Scope, opportunityId: string, now = new Date()): Promise<CustomerReliability> {
  const opp = await scope.selectFrom('opportunities').select('id').where('opportunities.id', '=', opportunityId).executeTakeFirst();
  if (!opp) throw notFound('Opportunity');
  const plan = await scope.selectFrom('plans').select('id').where('plans.opportunity_id', '=', opportunityId).executeTakeFirst();
  const out = customerSide(await judged(scope, { opportunityId, side: 'customer' }), now);
  return { ...out, planIds: plan ? [plan.id] : [] };
}

/** The customer company's word across all its deals' plans. */
export async function accountReliability(scope: Scope, accountId: string, now = new Date()): Promise<CustomerReliability> {
  const account = await scope.selectFrom('accounts').select('id').where('accounts.id', '=', accountId).executeTakeFirst();
  if (!account) throw notFound('Account');
  return customerSide(await judged(scope, { accountId, side: 'customer' }), now);
}
