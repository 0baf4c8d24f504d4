import type { Reliability as ReliabilityFigure, CustomerReliability, PersonReliability, PlanReliability, UserReliability } from '../../../shared/plan-reliability.js';
import type { CommitmentSubjectKind } from '../../../shared/commitments.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';
import { reliability, reliabilityBy } from '../../../domain/reliability.js';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import { isParticipant } from '../check-ins/access.js';
import { byCommitment, ownerKeyOf, ownerOf, reliabilityFactsOf, selectCommitments, type AnyCommitmentRow, type RenegotiationRow } from './queries.js';
import { SUBJECT_KINDS } from './subjects.js';

/**
 * Reliability — "keep your word", measured — for a plan, a person, a deal's customer side and a
 * customer company. The counting rule lives in src/domain/reliability.ts; this file gathers the
 * commitments it judges, of whatever they belong to, and says which kinds each figure counts.
 */

type Judged = { row: AnyCommitmentRow; facts: CommitmentFacts };

type Where = { planId?: string; ownerUserId?: string; opportunityId?: string; accountId?: string; side?: 'seller' | 'customer'; kinds?: readonly CommitmentSubjectKind[] };

/** A person's own word counts every kind; what is on plans (a plan, a customer's side) counts plans. */
export const ALL_KINDS = SUBJECT_KINDS;
export const PLAN_KINDS: readonly CommitmentSubjectKind[] = ['plan'];
/** A person's word as anyone in the workspace reads it: every kind but the actions agreed in their check-ins. */
export const OPEN_KINDS: readonly CommitmentSubjectKind[] = ALL_KINDS.filter((k) => k !== 'check_in');

/**
 * The kinds of a person's word this reader sees. Check-in actions are agreed between a rep and
 * their manager, and a check-in is read by its two people and admins (features/check-ins/access.ts):
 * so their figures are read by the person, the manager of the person's team and admins — the
 * people of the person's check-ins, by the check-ins' own rule. Anyone else reads the other kinds,
 * with totals that leave check-in actions out (the figure's `kinds` says so).
 */
export function kindsReadBy(reader: Actor, person: { id: string; team_manager_id: string | null }): readonly CommitmentSubjectKind[] {
  // No team, or a team without a manager: nobody is their manager ('' is nobody's id).
  return isParticipant(reader, { rep_id: person.id, manager_id: person.team_manager_id ?? '' }) ? ALL_KINDS : OPEN_KINDS;
}

/** The domain's figure, saying which kinds of commitment it counts. */
export function judge(facts: readonly CommitmentFacts[], kinds: readonly CommitmentSubjectKind[], now: Date): ReliabilityFigure {
  return { ...reliability(facts, now), kinds: [...kinds] };
}

/** Renegotiations of these commitments, in chunks: a person's commitments can outgrow one statement's parameters. */
export async function historyOf(scope: Scope, rows: readonly { id: string }[]): Promise<Map<string, RenegotiationRow[]>> {
  const renegotiations: RenegotiationRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    renegotiations.push(...(await scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.commitment_id', 'in', ids).execute()));
  }
  return byCommitment(renegotiations);
}

async function judged(scope: Scope, where: Where): Promise<Judged[]> {
  let q = selectCommitments(scope);
  if (where.kinds) q = q.where('commitments.subject_kind', 'in', [...where.kinds]);
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
  const rows = await q.orderBy('commitments.subject_kind').orderBy('commitments.subject_id').orderBy('commitments.position').execute();
  const history = await historyOf(scope, rows);
  return rows.map((row) => ({ row, facts: reliabilityFactsOf(row, history.get(row.id) ?? []) }));
}

function perPerson(items: readonly Judged[], kinds: readonly CommitmentSubjectKind[], now: Date): PersonReliability[] {
  const first = new Map<string, AnyCommitmentRow>();
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
    const row = first.get(key) as AnyCommitmentRow;
    const owner = ownerOf(row);
    return { side: row.side, owner: { kind: owner.kind, id: owner.id, name: owner.name }, reliability: { ...rel, kinds: [...kinds] } };
  });
}

export async function planReliability(scope: Scope, planId: string, now = new Date()): Promise<PlanReliability> {
  const exists = await scope.selectFrom('plans').select('id').where('plans.id', '=', planId).executeTakeFirst();
  if (!exists) throw notFound('Plan');
  const items = await judged(scope, { planId, kinds: PLAN_KINDS });
  const side = (s: 'seller' | 'customer') => judge(items.filter((i) => i.row.side === s).map((i) => i.facts), PLAN_KINDS, now);
  return { planId, sides: { seller: side('seller'), customer: side('customer') }, people: perPerson(items, PLAN_KINDS, now) };
}

/**
 * A person's word on the seller side: overall, per kind, and per plan. Read for someone (`reader`:
 * the API), it counts the kinds they may see (kindsReadBy); without one it counts every kind — for
 * a check-in's data, which only its two people and admins read.
 */
export async function userReliability(scope: Scope, userId: string, now = new Date(), reader?: Actor): Promise<UserReliability> {
  const user = await scope
    .selectFrom('users')
    .leftJoin('teams as team', 'team.id', 'users.team_id')
    .select(['users.id', 'users.name', 'team.manager_id as team_manager_id'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('User');
  const kinds = reader ? kindsReadBy(reader, user) : ALL_KINDS;
  const items = await judged(scope, { ownerUserId: userId, side: 'seller', kinds });
  const onPlans = items.filter((i) => i.row.plan_id !== null);
  const byPlan = reliabilityBy(
    onPlans.map((i) => ({ ...i.facts, planId: i.row.plan_id as string })),
    (c) => c.planId,
    now,
  );
  const planIds = [...byPlan.keys()];
  const titles = planIds.length ? await scope.selectFrom('plans').select(['id', 'title']).where('plans.id', 'in', planIds).execute() : [];
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  const kindsHeld = kinds.filter((k) => items.some((i) => i.row.subject_kind === k));
  return {
    user: { id: user.id, name: user.name },
    overall: judge(
      items.map((i) => i.facts),
      kinds,
      now,
    ),
    byKind: kindsHeld.map((kind) => ({ kind, reliability: judge(items.filter((i) => i.row.subject_kind === kind).map((i) => i.facts), [kind], now) })),
    plans: [...byPlan].map(([planId, rel]) => ({ planId, title: titleOf.get(planId) ?? '', reliability: { ...rel, kinds: [...PLAN_KINDS] } })),
  };
}

function customerSide(items: readonly Judged[], now: Date): CustomerReliability {
  return {
    customer: judge(
      items.map((i) => i.facts),
      PLAN_KINDS,
      now,
    ),
    people: perPerson(items, PLAN_KINDS, now),
    planIds: [...new Set(items.map((i) => i.row.plan_id as string))],
  };
}

/** The customer side's word on one deal: later an input to "chased deal" signals. */
export async function opportunityReliability(scope: Scope, opportunityId: string, now = new Date()): Promise<CustomerReliability> {
  const opp = await scope.selectFrom('opportunities').select('id').where('opportunities.id', '=', opportunityId).executeTakeFirst();
  if (!opp) throw notFound('Opportunity');
  const plan = await scope.selectFrom('plans').select('id').where('plans.opportunity_id', '=', opportunityId).executeTakeFirst();
  const out = customerSide(await judged(scope, { opportunityId, side: 'customer', kinds: PLAN_KINDS }), now);
  return { ...out, planIds: plan ? [plan.id] : [] };
}

/**
 * The customer side's word on each of several deals at once (a page of the Focus list, or of the
 * opportunity list filtered by flag): one query for their commitments, one for their date history.
 * Deals without a plan or without customer commitments are absent from the map.
 */
export async function customerReliabilityByOpportunity(scope: Scope, opportunityIds: readonly string[], now = new Date()): Promise<Map<string, ReliabilityFigure>> {
  if (opportunityIds.length === 0) return new Map();
  // Both found through the plans' ids (their plan indexes, not a scan), and asked for together.
  const plans = () => scope.selectFrom('plans').select('plans.id').where('plans.opportunity_id', 'in', [...opportunityIds]);
  const [rows, renegotiations] = await Promise.all([
    selectCommitments(scope)
      .select('plan.opportunity_id as of_opportunity')
      .where('commitments.subject_kind', 'in', [...PLAN_KINDS])
      .where('commitments.side', '=', 'customer')
      .where('commitments.plan_id', 'in', plans())
      .execute(),
    scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.plan_id', 'in', plans()).execute(),
  ]);
  const history = byCommitment(renegotiations);
  const groups = reliabilityBy(
    rows.map((row) => ({ ...reliabilityFactsOf(row, history.get(row.id) ?? []), opportunityId: row.of_opportunity ?? '' })),
    (c) => c.opportunityId,
    now,
  );
  return new Map([...groups].map(([id, rel]) => [id, { ...rel, kinds: [...PLAN_KINDS] }]));
}

/** The customer company's word across all its deals' plans. */
export async function accountReliability(scope: Scope, accountId: string, now = new Date()): Promise<CustomerReliability> {
  const account = await scope.selectFrom('accounts').select('id').where('accounts.id', '=', accountId).executeTakeFirst();
  if (!account) throw notFound('Account');
  return customerSide(await judged(scope, { accountId, side: 'customer', kinds: PLAN_KINDS }), now);
}
