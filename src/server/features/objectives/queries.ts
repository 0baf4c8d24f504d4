import type { AccountObjectives, Objective, ObjectiveInsight, ObjectiveSummary } from '../../../shared/objectives.js';
import type { HistoryEventList } from '../../../shared/audit.js';
import { sumPerCurrency } from '../../../shared/money.js';
import { minorTotal } from '../../core/db/sum-minor.js';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';
import { byCommitment, presentCommitment, renegotiationsOf, selectCommitments } from '../commitments/queries.js';
import { partsHistory } from '../audit/parts.js';

function selectObjectives(scope: Scope) {
  return scope
    .selectFrom('account_objectives')
    .innerJoin('accounts as account', 'account.id', 'account_objectives.account_id')
    .innerJoin('users as owner', 'owner.id', 'account_objectives.owner_id')
    .selectAll('account_objectives')
    .select(['account.name as account_name', 'owner.name as owner_name', 'owner.team_id as owner_team_id']);
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectObjectives>['executeTakeFirst']>>>;

const moneyOf = (r: Pick<Row, 'target_amount_minor' | 'target_currency'>) =>
  r.target_amount_minor !== null && r.target_currency ? { amountMinor: Number(r.target_amount_minor), currency: r.target_currency } : null;

/** Summaries of these objectives, in the order given: contributors, linked deals and open tasks read in one query each. */
async function summaries(scope: Scope, actor: Actor, rows: readonly Row[]): Promise<ObjectiveSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [contributors, opportunities, open] = await Promise.all([
    scope
      .selectFrom('objective_contributors')
      .innerJoin('users as u', 'u.id', 'objective_contributors.user_id')
      .select(['objective_contributors.objective_id', 'u.id', 'u.name'])
      .where('objective_contributors.objective_id', 'in', ids)
      .orderBy('u.name')
      .orderBy('u.id')
      .execute(),
    scope
      .selectFrom('objective_opportunities')
      .innerJoin('opportunities as o', 'o.id', 'objective_opportunities.opportunity_id')
      .select(['objective_opportunities.objective_id', 'o.id', 'o.name', 'o.amount_minor', 'o.currency', 'o.status', 'o.close_date'])
      .where('objective_opportunities.objective_id', 'in', ids)
      .orderBy('o.close_date')
      .orderBy('o.id')
      .execute(),
    scope
      .selectFrom('commitments')
      .select(['commitments.subject_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('commitments.subject_kind', '=', 'objective')
      .where('commitments.subject_id', 'in', ids)
      .where('commitments.status', '=', 'open')
      .groupBy('commitments.subject_id')
      .execute(),
  ]);
  const openOf = new Map(open.map((o) => [o.subject_id, Number(o.n)]));
  return rows.map((r) => {
    const people = contributors.filter((c) => c.objective_id === r.id).map((c) => ({ id: c.id, name: c.name }));
    const canEdit = canEditOwned(actor, { id: r.owner_id, teamId: r.owner_team_id });
    return {
      id: r.id,
      account: { id: r.account_id, name: r.account_name },
      title: r.title,
      kind: r.kind,
      clientGoal: r.client_goal,
      target: moneyOf(r),
      targetDate: r.target_date,
      status: r.status,
      owner: { id: r.owner_id, name: r.owner_name },
      contributors: people,
      opportunities: opportunities
        .filter((o) => o.objective_id === r.id)
        .map((o) => ({ id: o.id, name: o.name, amount: { amountMinor: Number(o.amount_minor), currency: o.currency }, status: o.status, closeDate: o.close_date })),
      openTasks: openOf.get(r.id) ?? 0,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      permissions: { canEdit, canContribute: canEdit || people.some((p) => p.id === actor.id) },
    };
  });
}

/** An account's objectives by target date, and the financial targets of those not dropped, per currency. */
export async function listAccountObjectives(scope: Scope, actor: Actor, accountId: string): Promise<AccountObjectives> {
  const account = await scope.selectFrom('accounts').select('id').where('accounts.id', '=', accountId).executeTakeFirst();
  if (!account) throw notFound('Account');
  const rows = await selectObjectives(scope).where('account_objectives.account_id', '=', accountId).orderBy('account_objectives.target_date').orderBy('account_objectives.id').execute();
  const data = await summaries(scope, actor, rows);
  // Each target is at most 999 999 999 999 999 minor units: their sum may pass what a response carries (MoneyTotal).
  const targets = sumPerCurrency(data.filter((o) => o.status !== 'dropped' && o.target).map((o) => o.target!)).map((t) => ({ ...t, amountMinor: minorTotal(t.amountMinor) }));
  return { data, targets };
}

export async function findObjective(scope: Scope, actor: Actor, id: string): Promise<Objective> {
  const row = await selectObjectives(scope).where('account_objectives.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Objective');
  const [summary] = await summaries(scope, actor, [row]);
  const [tasks, history, insights] = await Promise.all([
    selectCommitments(scope).where('commitments.subject_kind', '=', 'objective').where('commitments.subject_id', '=', id).orderBy('commitments.position').orderBy('commitments.id').execute(),
    renegotiationsOf(scope, { subject: { kind: 'objective', id } }),
    scope.selectFrom('objective_insights').selectAll('objective_insights').where('objective_insights.objective_id', '=', id).orderBy('created_at').orderBy('id').execute(),
  ]);
  const byTask = byCommitment(history);
  const access = { canEdit: summary.permissions.canEdit };
  return {
    ...summary,
    tasks: tasks.map((t) => presentCommitment(t, byTask.get(t.id) ?? [], access, actor)),
    insights: insights.map(presentInsight),
  };
}

export const presentInsight = (r: { id: string; author_id: string; author_name: string; body: string; created_at: string }): ObjectiveInsight => ({
  id: r.id,
  author: { id: r.author_id, name: r.author_name },
  body: r.body,
  createdAt: r.created_at,
});

/**
 * Everything that happened on an objective, newest first: its own changes, contributors invited and
 * removed, insights added, and its tasks — added, changed, ticked, dropped, re-dated.
 */
export async function objectiveHistory(scope: Scope, id: string, query: { limit: number; cursor?: string }): Promise<HistoryEventList> {
  const tasks = scope.selectFrom('commitments').select('commitments.id').where('commitments.subject_kind', '=', 'objective').where('commitments.subject_id', '=', id);
  return partsHistory(
    scope,
    scope.selectFrom('account_objectives').select('account_objectives.id').where('account_objectives.id', '=', id),
    [
      tasks,
      scope.selectFrom('commitment_renegotiations').select('commitment_renegotiations.id').where('commitment_renegotiations.commitment_id', 'in', tasks),
      scope.selectFrom('objective_insights').select('objective_insights.id').where('objective_insights.objective_id', '=', id),
    ],
    query,
  );
}
