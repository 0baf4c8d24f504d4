import type { Today, TodayItem } from '../../../shared/today.js';
import { todayBuckets, type CommitmentFacts } from '../../../domain/commitments.js';
import { todayIn } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import type { Scope } from '../../core/scope.js';
import { defaultTodayView, type PlanView } from '../../../shared/team-view.js';
import { peopleInView } from '../plans/views.js';
import { selectPlanAccess, toAccess } from '../plans/access.js';
import { canEditOwned } from '../../core/policies.js';
import { canManage } from '../check-ins/access.js';
import { byCommitment, factsOf, presentCommitment, presentRenegotiation, selectCommitments, selectPlanCommitments, type AnyCommitmentRow } from './queries.js';

const IN_PROGRESS = ['draft', 'active'] as const;
const OPEN_OBJECTIVES = ['planned', 'active'] as const;

/**
 * The signed-in person's day across all plans in progress and open objectives: their own open seller-side commitments
 * (due today, overdue, next 7 days, "confirm or re-date"), and customer proposals for new dates that
 * wait for their answer (on their deals' plans or on commitments they own).
 */
export async function today(scope: Scope, actor: Actor, now = new Date(), view: PlanView = defaultTodayView(actor.role)): Promise<Today> {
  const people = peopleInView(scope, actor, view);
  let mineQuery = selectCommitments(scope);
  mineQuery = people ? mineQuery.where('commitments.owner_user_id', 'in', people) : mineQuery.where('commitments.owner_user_id', 'is not', null);
  const openObjectives = scope.selectFrom('account_objectives').select('account_objectives.id').where('account_objectives.status', 'in', OPEN_OBJECTIVES);
  const liveInteractions = scope.selectFrom('interactions').select('interactions.id').where('interactions.cancelled_at', 'is', null);
  // A check-in's actions are its two people's business (and admins'): a manager's "Everyone" view does not show other teams' 1:1s.
  let checkInsSeen = scope.selectFrom('check_ins').select('check_ins.id');
  if (actor.role !== 'admin') checkInsSeen = checkInsSeen.where((eb) => eb.or([eb('check_ins.manager_id', '=', actor.id), eb('check_ins.rep_id', '=', actor.id)]));
  const mine = await mineQuery
    .where('commitments.side', '=', 'seller')
    .where('commitments.status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb.and([eb('commitments.subject_kind', '=', 'plan'), eb('plan.status', 'in', IN_PROGRESS)]),
        eb.and([eb('commitments.subject_kind', '=', 'objective'), eb('commitments.subject_id', 'in', openObjectives)]),
        eb.and([eb('commitments.subject_kind', '=', 'interaction'), eb('commitments.subject_id', 'in', liveInteractions)]),
        eb.and([eb('commitments.subject_kind', '=', 'check_in'), eb('commitments.subject_id', 'in', checkInsSeen)]),
      ]),
    )
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
  const rows: AnyCommitmentRow[] = [...mine, ...(extraIds.length ? await selectPlanCommitments(scope).where('commitments.id', 'in', extraIds).execute() : [])];
  if (rows.length === 0) return { view, date: todayIn(actor.timeZone, now), timeZone: actor.timeZone, dueToday: [], overdue: [], next7Days: [], confirmOrRedate: [], waitingForAnswer: [] };

  const ids = rows.map((r) => r.id);
  const planIds = [...new Set(rows.flatMap((r) => (r.plan_id ? [r.plan_id] : [])))];
  const objectiveIds = [...new Set(rows.filter((r) => r.subject_kind === 'objective').map((r) => r.subject_id))];
  const interactionIds = [...new Set(rows.filter((r) => r.subject_kind === 'interaction').map((r) => r.subject_id))];
  const checkInIds = [...new Set(rows.filter((r) => r.subject_kind === 'check_in').map((r) => r.subject_id))];
  const [renegotiations, plans, objectives, interactions, checkIns] = await Promise.all([
    scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.commitment_id', 'in', ids).execute(),
    selectPlanAccess(scope)
      .innerJoin('opportunities as deal', 'deal.id', 'plans.opportunity_id')
      .select(['plans.title', 'deal.name as opportunity_name'])
      .where('plans.id', 'in', planIds.length ? planIds : [''])
      .execute(),
    objectiveIds.length
      ? scope
          .selectFrom('account_objectives')
          .innerJoin('accounts as account', 'account.id', 'account_objectives.account_id')
          .innerJoin('users as owner', 'owner.id', 'account_objectives.owner_id')
          .select(['account_objectives.id', 'account_objectives.title', 'account_objectives.owner_id', 'owner.team_id', 'account.id as account_id', 'account.name as account_name'])
          .where('account_objectives.id', 'in', objectiveIds)
          .execute()
      : [],
    interactionIds.length
      ? scope
          .selectFrom('interactions')
          .innerJoin('accounts as account', 'account.id', 'interactions.account_id')
          .innerJoin('users as owner', 'owner.id', 'interactions.owner_id')
          .select(['interactions.id', 'interactions.kind', 'interactions.owner_id', 'owner.team_id', 'account.id as account_id', 'account.name as account_name'])
          .where('interactions.id', 'in', interactionIds)
          .execute()
      : [],
    checkInIds.length
      ? scope
          .selectFrom('check_ins')
          .innerJoin('users as manager', 'manager.id', 'check_ins.manager_id')
          .innerJoin('users as rep', 'rep.id', 'check_ins.rep_id')
          .select(['check_ins.id', 'check_ins.local_date', 'check_ins.manager_id', 'check_ins.rep_id', 'manager.name as manager_name', 'rep.name as rep_name'])
          .where('check_ins.id', 'in', checkInIds)
          .execute()
      : [],
  ]);
  const history = byCommitment(renegotiations);
  const planById = new Map(plans.map((p) => [p.id, { ref: { id: p.id, title: p.title, opportunity: { id: p.opportunity_id, name: p.opportunity_name } }, access: toAccess(p, actor) }]));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const objectiveById = new Map(
    objectives.map((o) => [o.id, { ref: { id: o.id, title: o.title, account: { id: o.account_id, name: o.account_name } }, access: { canEdit: canEditOwned(actor, { id: o.owner_id, teamId: o.team_id }) } }]),
  );
  const interactionById = new Map(
    interactions.map((i) => [i.id, { ref: { id: i.id, kind: i.kind, account: { id: i.account_id, name: i.account_name } }, access: { canEdit: canEditOwned(actor, { id: i.owner_id, teamId: i.team_id }) } }]),
  );
  const checkInById = new Map(
    checkIns.map((c) => [
      c.id,
      { ref: { id: c.id, localDate: c.local_date, manager: { id: c.manager_id, name: c.manager_name }, rep: { id: c.rep_id, name: c.rep_name } }, access: { canEdit: canManage(actor, c) } },
    ]),
  );
  const item = (row: AnyCommitmentRow): TodayItem => {
    const renegotiations = history.get(row.id) ?? [];
    if (row.subject_kind === 'interaction') {
      const interaction = interactionById.get(row.subject_id)!;
      return { plan: null, objective: null, interaction: interaction.ref, commitment: presentCommitment(row, renegotiations, interaction.access, actor, now) };
    }
    if (row.subject_kind === 'check_in') {
      const checkIn = checkInById.get(row.subject_id)!;
      return { plan: null, objective: null, checkIn: checkIn.ref, commitment: presentCommitment(row, renegotiations, checkIn.access, actor, now) };
    }
    if (row.subject_kind === 'objective') {
      const objective = objectiveById.get(row.subject_id)!;
      return { plan: null, objective: objective.ref, commitment: presentCommitment(row, renegotiations, objective.access, actor, now) };
    }
    const plan = planById.get(row.plan_id as string)!;
    return { plan: plan.ref, objective: null, commitment: presentCommitment(row, renegotiations, plan.access, actor, now) };
  };

  type Mine = CommitmentFacts & { row: AnyCommitmentRow };
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
      // Customers propose dates on plans only.
      const { objective: _none, checkIn: _neither, ...it } = item(rowById.get(w.commitment_id)!);
      const reneg = (history.get(w.commitment_id) ?? []).find((r) => r.id === w.id)!;
      return { ...it, plan: it.plan!, renegotiation: it.commitment.renegotiations.find((r) => r.id === w.id) ?? presentRenegotiation(reneg, false) };
    }),
  };
}
