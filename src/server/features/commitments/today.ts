import type { Today, TodayItem } from '../../../shared/today.js';
import { todayBuckets, type CommitmentFacts } from '../../../domain/commitments.js';
import { todayIn } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import type { Scope } from '../../core/scope.js';
import { defaultTodayView, type PlanView } from '../../../shared/team-view.js';
import { peopleInView } from '../plans/views.js';
import { selectPlanAccess, toAccess } from '../plans/access.js';
import { byCommitment, factsOf, presentCommitment, presentRenegotiation, selectPlanCommitments, type CommitmentRow } from './queries.js';

const IN_PROGRESS = ['draft', 'active'] as const;

/**
 * The signed-in person's day across all plans in progress: their own open seller-side commitments
 * (due today, overdue, next 7 days, "confirm or re-date"), and customer proposals for new dates that
 * wait for their answer (on their deals' plans or on commitments they own).
 */
export async function today(scope: Scope, actor: Actor, now = new Date(), view: PlanView = defaultTodayView(actor.role)): Promise<Today> {
  const people = peopleInView(scope, actor, view);
  let mineQuery = selectPlanCommitments(scope);
  mineQuery = people ? mineQuery.where('commitments.owner_user_id', 'in', people) : mineQuery.where('commitments.owner_user_id', 'is not', null);
  const mine = await mineQuery
    .where('commitments.side', '=', 'seller')
    .where('commitments.status', '=', 'open')
    .where('plan.status', 'in', IN_PROGRESS)
    .execute();
  const waiting = await scope
    .selectFrom('commitment_renegotiations')
    .innerJoin('commitments as c', 'c.id', 'commitment_renegotiations.commitment_id')
    .innerJoin('plans as p', 'p.id', 'commitment_renegotiations.plan_id')
    .innerJoin('opportunities as o', 'o.id', 'p.opportunity_id')
    .select(['commitment_renegotiations.id', 'commitment_renegotiations.commitment_id'])
    .where('commitment_renegotiations.status', '=', 'pending')
    .where('commitment_renegotiations.requested_by_side', '=', 'customer')
    .where('p.status', 'in', IN_PROGRESS)
    .$if(people !== null, (q) => q.where((eb) => eb.or([eb('o.owner_id', 'in', people!), eb('c.owner_user_id', 'in', people!)])))
    .orderBy('commitment_renegotiations.requested_at')
    .execute();

  const known = new Set(mine.map((c) => c.id));
  const extraIds = [...new Set(waiting.map((w) => w.commitment_id))].filter((id) => !known.has(id));
  const rows: CommitmentRow[] = [...mine, ...(extraIds.length ? await selectPlanCommitments(scope).where('commitments.id', 'in', extraIds).execute() : [])];
  if (rows.length === 0) return { view, date: todayIn(actor.timeZone, now), timeZone: actor.timeZone, dueToday: [], overdue: [], next7Days: [], confirmOrRedate: [], waitingForAnswer: [] };

  const ids = rows.map((r) => r.id);
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const [renegotiations, plans] = await Promise.all([
    scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.commitment_id', 'in', ids).execute(),
    selectPlanAccess(scope)
      .innerJoin('opportunities as deal', 'deal.id', 'plans.opportunity_id')
      .select(['plans.title', 'deal.name as opportunity_name'])
      .where('plans.id', 'in', planIds)
      .execute(),
  ]);
  const history = byCommitment(renegotiations);
  const planById = new Map(plans.map((p) => [p.id, { ref: { id: p.id, title: p.title, opportunity: { id: p.opportunity_id, name: p.opportunity_name } }, access: toAccess(p, actor) }]));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const item = (row: CommitmentRow): TodayItem => {
    const plan = planById.get(row.plan_id)!;
    return { plan: plan.ref, commitment: presentCommitment(row, history.get(row.id) ?? [], plan.access, actor, now) };
  };

  type Mine = CommitmentFacts & { row: CommitmentRow };
  const buckets = todayBuckets<Mine>(
    mine.map((row) => ({ ...factsOf(row, history.get(row.id) ?? []), row })),
    now,
  );
  const toItems = (list: Mine[]) => list.map((c) => item(c.row));
  return {
    view,
    date: todayIn(actor.timeZone, now),
    timeZone: actor.timeZone,
    dueToday: toItems(buckets.dueToday),
    overdue: toItems(buckets.overdue),
    next7Days: toItems(buckets.next7Days),
    confirmOrRedate: toItems(buckets.confirmOrRedate),
    waitingForAnswer: waiting.map((w) => {
      const it = item(rowById.get(w.commitment_id)!);
      const reneg = (history.get(w.commitment_id) ?? []).find((r) => r.id === w.id)!;
      return { ...it, renegotiation: it.commitment.renegotiations.find((r) => r.id === w.id) ?? presentRenegotiation(reneg, false) };
    }),
  };
}
