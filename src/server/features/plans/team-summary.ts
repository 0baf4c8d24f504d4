import type { PlanView, TeamSummary, TeamSummaryRow } from '../../../shared/team-view.js';
import { defaultPlanView } from '../../../shared/team-view.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';
import type { Actor } from '../../core/actor.js';
import type { Scope } from '../../core/scope.js';
import { factsOf, reliabilityFactsOf, selectCommitments, selectPlanCommitments, type CommitmentRow } from '../commitments/queries.js';
import { ALL_KINDS, historyOf, judge, kindsReadBy, PLAN_KINDS } from '../commitments/reliability.js';
import type { CommitmentSubjectKind } from '../../../shared/commitments.js';
import { planInsights } from './insights.js';
import { selectPlans } from './queries.js';
import { peopleInView } from './views.js';

const CHUNK = 500;

/**
 * One row per person in the view: their plans by health, their own word on the seller side and their
 * customers' word on their deals' plans — each with its n (counted) so small samples show as such.
 */
export async function teamSummary(scope: Scope, actor: Actor, view: PlanView = defaultPlanView(actor.role), now = new Date()): Promise<TeamSummary> {
  const people = peopleInView(scope, actor, view);
  let plansQ = selectPlans(scope);
  if (people) plansQ = plansQ.where('opp.owner_id', 'in', people);
  const plans = await plansQ.execute();
  const planIds = plans.map((p) => p.id);

  // A person's own word counts every kind of commitment they own; their customers' word, the plans'.
  let sellerQ = selectCommitments(scope).where('commitments.side', '=', 'seller').where('commitments.owner_user_id', 'is not', null);
  if (people) sellerQ = sellerQ.where('commitments.owner_user_id', 'in', people);
  const seller = await sellerQ.execute();
  const onPlans: CommitmentRow[] = [];
  for (let i = 0; i < planIds.length; i += CHUNK) {
    onPlans.push(...(await selectPlanCommitments(scope).where('commitments.plan_id', 'in', planIds.slice(i, i + CHUNK)).execute()));
  }
  const history = await historyOf(scope, [...new Map([...seller, ...onPlans].map((r) => [r.id, r])).values()]);

  const rows = new Map<string, TeamSummaryRow & { sellerFacts: { kind: CommitmentSubjectKind; facts: CommitmentFacts }[]; customerFacts: CommitmentFacts[] }>();
  const rowOf = (id: string, name: string) => {
    let row = rows.get(id);
    if (!row) {
      row = { user: { id, name }, plans: { draft: 0, onTrack: 0, atRisk: 0, stalled: 0, closed: 0 }, seller: judge([], ALL_KINDS, now), customer: judge([], PLAN_KINDS, now), sellerFacts: [], customerFacts: [] };
      rows.set(id, row);
    }
    return row;
  };

  const byPlan = new Map<string, CommitmentRow[]>();
  for (const c of onPlans) byPlan.set(c.plan_id, [...(byPlan.get(c.plan_id) ?? []), c]);
  for (const p of plans) {
    const row = rowOf(p.owner_id, p.owner_name);
    const commitments = byPlan.get(p.id) ?? [];
    if (p.status === 'completed' || p.status === 'abandoned') row.plans.closed += 1;
    else if (p.status === 'draft') row.plans.draft += 1;
    else {
      const { health } = planInsights(p, commitments.map((c) => factsOf(c, history.get(c.id) ?? [])), now);
      if (health?.status === 'stalled') row.plans.stalled += 1;
      else if (health?.status === 'at_risk') row.plans.atRisk += 1;
      else row.plans.onTrack += 1;
    }
    for (const c of commitments) if (c.side === 'customer') row.customerFacts.push(reliabilityFactsOf(c, history.get(c.id) ?? []));
  }
  for (const c of seller) rowOf(c.owner_user_id as string, c.owner_user_name ?? '').sellerFacts.push({ kind: c.subject_kind, facts: reliabilityFactsOf(c, history.get(c.id) ?? []) });

  // Check-in actions count in a person's word only for the people of their check-ins (kindsReadBy).
  const ids = [...rows.keys()];
  const managers = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await scope.selectFrom('users').leftJoin('teams as team', 'team.id', 'users.team_id').select(['users.id', 'team.manager_id']).where('users.id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const u of found) managers.set(u.id, u.manager_id);
  }
  const kindsOf = (id: string) => kindsReadBy(actor, { id, team_manager_id: managers.get(id) ?? null });

  return {
    view,
    rows: [...rows.values()]
      .map(({ sellerFacts, customerFacts, ...row }) => {
        const kinds = kindsOf(row.user.id);
        return { ...row, seller: judge(sellerFacts.filter((f) => kinds.includes(f.kind)).map((f) => f.facts), kinds, now), customer: judge(customerFacts, PLAN_KINDS, now) };
      })
      .sort((a, b) => a.user.name.localeCompare(b.user.name) || (a.user.id < b.user.id ? -1 : 1)),
  };
}
