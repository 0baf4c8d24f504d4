import type { Milestone, Plan, PlanListQuery, PlanSummary } from '../../../shared/plans.js';
import type { HistoryEventList } from '../../../shared/audit.js';
import type { Actor } from '../../core/actor.js';
import type { PlanMilestoneTable } from '../../core/db/schema.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { scoped, scopedShapes } from '../../core/db/prepared.js';
import { isClosed, toAccess, type PlanAccess } from './access.js';
import { byCommitment, factsOf, presentCommitment, selectPlanCommitments, type CommitmentRow, type RenegotiationRow } from '../commitments/queries.js';
import { isMissed } from '../../../domain/commitments.js';
import { planInsights } from './insights.js';
import { defaultPlanView } from '../../../shared/team-view.js';
import { peopleInView } from './views.js';
import { partsHistory } from '../audit/parts.js';

/** Plans with their opportunity, account and the opportunity's owner (whose rights the plan follows). */
export function selectPlans(scope: Scope) {
  return scope
    .selectFrom('plans')
    .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
    .innerJoin('accounts as account', 'account.id', 'opp.account_id')
    .innerJoin('users as owner', 'owner.id', 'opp.owner_id')
    .selectAll('plans')
    .select(['opp.name as opportunity_name', 'opp.account_id', 'account.name as account_name', 'opp.owner_id', 'owner.name as owner_name', 'owner.team_id as owner_team_id']);
}

export type PlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectPlans>['executeTakeFirst']>>>;

function planBase(row: PlanRow, access: PlanAccess, commitments: readonly CommitmentRow[], history: Map<string, RenegotiationRow[]>, now: Date) {
  return {
    ...planInsights(row, commitments.map((c) => factsOf(c, history.get(c.id) ?? [])), now),
    id: row.id,
    opportunity: { id: row.opportunity_id, name: row.opportunity_name, account: { id: row.account_id, name: row.account_name } },
    owner: { id: row.owner_id, name: row.owner_name },
    title: row.title,
    agreedOutcome: row.agreed_outcome,
    whyItMatters: row.why_it_matters,
    costOfInaction: row.cost_of_inaction,
    startDate: row.start_date,
    targetDate: row.target_date,
    status: row.status,
    customerTimeZone: row.customer_time_zone,
    version: row.version,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // A closed plan is read-only until reopened: the app hides its edit controls and offers "Reopen".
    permissions: { canEdit: access.canEdit && !isClosed(row.status), canReopen: access.canEdit && isClosed(row.status) },
  };
}

export function presentMilestone(row: PlanMilestoneTable, access: PlanAccess): Milestone {
  return {
    id: row.id,
    planId: row.plan_id,
    title: row.title,
    dueDate: row.due_date,
    position: row.position,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEdit: access.canEdit && !isClosed(access.status) },
  };
}

const planBy = scopedShapes((scope, p: { id: string }, by: 'id' | 'opportunityId') =>
  selectPlans(scope).where(by === 'id' ? 'plans.id' : 'plans.opportunity_id', '=', p.id),
);

type PlanWhere = { id: string } | { opportunityId: string };

export async function findPlanRow(scope: Scope, where: PlanWhere): Promise<PlanRow | undefined> {
  const [row] = 'id' in where ? await planBy.execute(scope, 'id', { id: where.id }) : await planBy.execute(scope, 'opportunityId', { id: where.opportunityId });
  return row;
}

/** What the plan page shows under the plan, each built once. */
const milestonesOf = scoped((scope, p: { planId: string }) =>
  scope
    .selectFrom('plan_milestones')
    .selectAll('plan_milestones')
    .where('plan_milestones.plan_id', '=', p.planId)
    .where('plan_milestones.archived_at', 'is', null)
    .orderBy('plan_milestones.position')
    .orderBy('plan_milestones.id'),
);
const commitmentsOf = scoped((scope, p: { planId: string }) =>
  selectPlanCommitments(scope).where('commitments.plan_id', '=', p.planId).orderBy('commitments.position').orderBy('commitments.id'),
);
const renegotiationsOfPlan = scoped((scope, p: { planId: string }) =>
  scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.plan_id', '=', p.planId),
);

/** The whole plan: milestones and commitments in order, each commitment with its date history. */
export async function findPlan(scope: Scope, actor: Actor, where: PlanWhere): Promise<Plan | undefined> {
  const row = await findPlanRow(scope, where);
  if (!row) return undefined;
  const access = toAccess(row, actor);
  const on = { planId: row.id };
  const [milestones, commitments, renegotiations] = await Promise.all([milestonesOf.execute(scope, on), commitmentsOf.execute(scope, on), renegotiationsOfPlan.execute(scope, on)]);
  const history = byCommitment(renegotiations);
  const now = new Date();
  return {
    ...planBase(row, access, commitments, history, now),
    milestones: milestones.map((m) => presentMilestone(m, access)),
    commitments: commitments.map((c) => presentCommitment(c, history.get(c.id) ?? [], access, actor, now)),
  };
}

const SORTS = {
  lastActivityAt: { column: 'plans.last_activity_at', value: (r: PlanRow) => r.last_activity_at },
  targetDate: { column: 'plans.target_date', value: (r: PlanRow) => r.target_date },
} as const;

/** A page of plans with commitment counts: the page's commitments are read in one query. */
export async function listPlans(scope: Scope, actor: Actor, query: PlanListQuery) {
  const descending = query.sort.startsWith('-');
  const sort = SORTS[query.sort.replace(/^-/, '') as keyof typeof SORTS];
  let q = selectPlans(scope);
  if (query.ownerId) q = q.where('opp.owner_id', '=', query.ownerId);
  else {
    const people = peopleInView(scope, actor, query.view ?? defaultPlanView(actor.role));
    if (people) q = q.where('opp.owner_id', 'in', people);
  }
  if (query.opportunityId) q = q.where('plans.opportunity_id', '=', query.opportunityId);
  if (query.status) q = q.where('plans.status', '=', query.status);
  const rows = await keyset(q, { column: sort.column, idColumn: 'plans.id', descending, cursor: query.cursor, limit: query.limit }).execute();
  const pageRows = rows.slice(0, query.limit);
  const ids = pageRows.map((r) => r.id);
  const [commitments, renegotiations] = ids.length
    ? await Promise.all([
        selectPlanCommitments(scope).where('commitments.plan_id', 'in', ids).execute(),
        scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.plan_id', 'in', ids).execute(),
      ])
    : [[], []];
  const history = byCommitment(renegotiations);
  const now = new Date();
  const counts = new Map<string, PlanSummary['counts']>();
  const perPlan = new Map<string, CommitmentRow[]>();
  for (const c of commitments) {
    const list = perPlan.get(c.plan_id);
    if (list) list.push(c);
    else perPlan.set(c.plan_id, [c]);
    const count = counts.get(c.plan_id) ?? { open: 0, done: 0, missed: 0, dropped: 0 };
    if (c.status !== 'open') count[c.status] += 1;
    else if (isMissed(factsOf(c, history.get(c.id) ?? []), now)) count.missed += 1;
    else count.open += 1;
    counts.set(c.plan_id, count);
  }
  return toPage(rows, query.limit, (r) => [sort.value(r), r.id], (r): PlanSummary => ({
    ...planBase(r, toAccess(r, actor), perPlan.get(r.id) ?? [], history, now),
    counts: counts.get(r.id) ?? { open: 0, done: 0, missed: 0, dropped: 0 },
  }));
}

/**
 * Everything that happened on a plan, newest first: the plan, its milestones (archived ones too), its
 * commitments and their date changes, its share links and its comments — the customer's actions
 * included, under the customer's name.
 */
export async function planHistory(scope: Scope, planId: string, query: { limit: number; cursor?: string }): Promise<HistoryEventList> {
  return partsHistory(scope, scope.selectFrom('plans').select('plans.id').where('plans.id', '=', planId), [
    scope.selectFrom('plan_milestones').select('plan_milestones.id').where('plan_milestones.plan_id', '=', planId),
    scope.selectFrom('commitments').select('commitments.id').where('commitments.plan_id', '=', planId),
    scope.selectFrom('commitment_renegotiations').select('commitment_renegotiations.id').where('commitment_renegotiations.plan_id', '=', planId),
    scope.selectFrom('plan_share_links').select('plan_share_links.id').where('plan_share_links.plan_id', '=', planId),
    scope.selectFrom('plan_comments').select('plan_comments.id').where('plan_comments.plan_id', '=', planId),
  ], query);
}
