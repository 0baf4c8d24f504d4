import type { Goal, GoalList, GoalListQuery, GoalNote, GoalStep, GoalSummary } from '../../../shared/goals.js';
import type { Actor } from '../../core/actor.js';
import type { GoalNoteTable, GoalStepTable } from '../../core/db/schema.js';
import { forbidden, notFound } from '../../core/errors.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { canEditTerms, canReadGoal, canReadWhy, canTakeSteps } from './access.js';
import { measureGoal } from './measures.js';

/**
 * A goal with its owner (name, team, zone), who set it, and the why it links to — with what is
 * needed to decide whether the reader may see that why (its owner and whether it is shared).
 */
export function selectGoals(scope: Scope) {
  return scope
    .selectFrom('goals')
    .innerJoin('users as owner', 'owner.id', 'goals.owner_id')
    .innerJoin('users as setter', 'setter.id', 'goals.set_by_id')
    .innerJoin('workspaces as ws', 'ws.id', 'goals.workspace_id')
    .leftJoin('why_ladders as why', 'why.id', 'goals.why_id')
    .selectAll('goals')
    .select([
      'owner.name as owner_name',
      'owner.team_id as owner_team_id',
      'owner.time_zone as owner_time_zone',
      'ws.default_time_zone as workspace_time_zone',
      'setter.name as setter_name',
      'why.why as why_text',
      'why.owner_id as why_owner_id',
      'why.shared_with_manager as why_shared',
    ]);
}

export type GoalRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectGoals>['executeTakeFirst']>>>;

export const goalNotFound = () => notFound('Goal');

export const zoneOf = (row: Pick<GoalRow, 'owner_time_zone' | 'workspace_time_zone'>) => row.owner_time_zone ?? row.workspace_time_zone;

/** The goal if the actor may read it, else the 404 of a goal that does not exist. */
export async function readableGoal(scope: Scope, actor: Actor, id: string): Promise<GoalRow> {
  const row = await selectGoals(scope).where('goals.id', '=', id).executeTakeFirst();
  if (!row || !canReadGoal(actor, row)) throw goalNotFound();
  return row;
}

export function presentStep(s: GoalStepTable): GoalStep {
  return { id: s.id, text: s.text, status: s.status, lesson: s.lesson, createdAt: s.created_at, doneAt: s.done_at, doneOn: s.done_on };
}

async function summaryOf(scope: Scope, actor: Actor, row: GoalRow, current: GoalStepTable | undefined, stepsDone: number, now: Date): Promise<GoalSummary> {
  // The why shows only to whoever may read it: to anyone else the goal links to nothing.
  const whyVisible = row.why_id !== null && row.why_owner_id !== null && canReadWhy(actor, { owner_id: row.why_owner_id, owner_team_id: row.owner_team_id, shared_with_manager: row.why_shared ?? 0 });
  return {
    id: row.id,
    owner: { id: row.owner_id, name: row.owner_name },
    setBy: { id: row.set_by_id, name: row.setter_name },
    kind: row.kind,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    measure: (row.measure as GoalSummary['measure']) ?? null,
    measureAmount: row.measure_amount_minor !== null && row.measure_currency ? { amountMinor: Number(row.measure_amount_minor), currency: row.measure_currency } : null,
    targetValue: row.target_value === null ? null : Number(row.target_value),
    targetAmount: row.target_amount_minor !== null && row.target_currency ? { amountMinor: Number(row.target_amount_minor), currency: row.target_currency } : null,
    stretch: row.stretch === 1,
    status: row.status,
    why: whyVisible ? { id: row.why_id as string, why: row.why_text ?? null } : null,
    currentStep: current ? presentStep(current) : null,
    stepsDone,
    measurement: await measureGoal(scope, row, zoneOf(row), now),
    closedAt: row.closed_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEditTerms: canEditTerms(actor, row), canTakeSteps: canTakeSteps(actor, row) },
  };
}

export async function presentGoal(scope: Scope, actor: Actor, row: GoalRow, now = new Date()): Promise<Goal> {
  const [steps, notes] = await Promise.all([
    scope.selectFrom('goal_steps').selectAll('goal_steps').where('goal_steps.goal_id', '=', row.id).orderBy('goal_steps.position', 'desc').execute(),
    scope
      .selectFrom('goal_notes')
      .innerJoin('users as author', 'author.id', 'goal_notes.author_id')
      .selectAll('goal_notes')
      .select('author.name as author_name')
      .where('goal_notes.goal_id', '=', row.id)
      .orderBy('goal_notes.created_at', 'desc')
      .orderBy('goal_notes.id', 'desc')
      .execute(),
  ]);
  const summary = await summaryOf(
    scope,
    actor,
    row,
    steps.find((s) => s.status === 'current'),
    steps.filter((s) => s.status === 'done').length,
    now,
  );
  return { ...summary, steps: steps.map(presentStep), notes: notes.map((n) => presentNote(n, n.author_name)) };
}

export function presentNote(n: GoalNoteTable, authorName: string): GoalNote {
  return { id: n.id, body: n.body, author: { id: n.author_id, name: authorName }, createdAt: n.created_at };
}

export async function findGoal(scope: Scope, actor: Actor, id: string, now = new Date()): Promise<Goal> {
  return presentGoal(scope, actor, await readableGoal(scope, actor, id), now);
}

export const LIST_REFUSED = 'You see your own goals; a manager also sees the goals of their team, and an admin everyone’s.';

/** A person's goals, newest first (yours by default), each with its current step and measure. */
export async function listGoals(scope: Scope, actor: Actor, query: GoalListQuery, now = new Date()): Promise<GoalList> {
  const ownerId = query.ownerId ?? actor.id;
  const owner = await scope.selectFrom('users').select(['id', 'team_id']).where('users.id', '=', ownerId).executeTakeFirst();
  if (!owner) throw notFound('Person');
  if (!canReadGoal(actor, { owner_id: owner.id, owner_team_id: owner.team_id })) throw forbidden(LIST_REFUSED);
  let q = selectGoals(scope).where('goals.owner_id', '=', ownerId);
  if (query.status !== 'all') q = q.where('goals.status', '=', query.status);
  const rows = await keyset(q, { column: 'goals.id', idColumn: 'goals.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const [current, done] = ids.length
    ? await Promise.all([
        scope.selectFrom('goal_steps').selectAll('goal_steps').where('goal_steps.goal_id', 'in', ids).where('goal_steps.status', '=', 'current').execute(),
        scope
          .selectFrom('goal_steps')
          .select((eb) => ['goal_steps.goal_id', eb.fn.countAll<number | string>().as('n')])
          .where('goal_steps.goal_id', 'in', ids)
          .where('goal_steps.status', '=', 'done')
          .groupBy('goal_steps.goal_id')
          .execute(),
      ])
    : [[], []];
  const currentOf = new Map(current.map((s) => [s.goal_id, s]));
  const doneOf = new Map(done.map((d) => [d.goal_id, Number(d.n)]));
  const summaries = new Map<string, GoalSummary>();
  for (const r of page) summaries.set(r.id, await summaryOf(scope, actor, r, currentOf.get(r.id), doneOf.get(r.id) ?? 0, now));
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => summaries.get(r.id)!,
  );
}
