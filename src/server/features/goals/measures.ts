import type { GoalMeasurement, MeasureReading } from '../../../shared/goals.js';
import { comparable, countReading, moneyReading, perWeekReading, progressToward, rateReading, type Measure } from '../../../domain/goal-measures.js';
import { hasEnded, isCurrent, periodInstants, type Period } from '../../../domain/goal-period.js';
import { reliability } from '../../../domain/reliability.js';
import { todayIn } from '../../../domain/dates.js';
import type { CommitmentSubjectKind, GoalTable } from '../../core/db/schema.js';
import { minorTotal, sumMinor } from '../../core/db/sum-minor.js';
import type { Scope } from '../../core/scope.js';
import { historyOf } from '../commitments/reliability.js';
import { reliabilityFactsOf, selectCommitments } from '../commitments/queries.js';

/**
 * A goal's measure, read from the data (src/domain/goal-measures.ts says what each one means). Each
 * reads one person's rows in one period through an index that starts with (workspace, owner), and
 * aggregates in SQL where it can — never a whole table.
 *
 *   revenue_won, deals_won   won opportunities of the owner whose close date falls in the period,
 *                            summed per currency (archived ones left out)
 *   planned_interactions…    the owner's interactions (all carry a planned outcome) that took place
 *                            in the period up to now, cancelled ones left out
 *   advances_per_week        those whose recorded result is an advance
 *   advance_rate             advances out of those with a recorded result
 *   commitments_kept_on_time the owner's seller-side commitments due in the period, judged by the one
 *                            reliability rule (domain/reliability.ts): kept on time out of judged
 *   check_in_actions_kept    the same, for commitments agreed in check-ins (subject 'check_in')
 *   deals_with_mutual_plan   the owner's open deals now, in the amount's currency and at or above
 *                            it, and how many of them have a mutual plan that is not abandoned
 *   learning_notes           notes on the goal, plus the lessons of its completed steps
 */

export type MeasuredGoal = Pick<GoalTable, 'id' | 'owner_id' | 'period_start' | 'period_end' | 'measure' | 'measure_amount_minor' | 'measure_currency' | 'target_value' | 'target_amount_minor' | 'target_currency' | 'stretch'>;

async function interactionCounts(scope: Scope, ownerId: string, period: Period, timeZone: string, now: Date) {
  const { from, to } = periodInstants(period, timeZone);
  const until = now.toISOString() < to ? now.toISOString() : to;
  const row = await scope
    .selectFrom('interactions')
    .where('interactions.owner_id', '=', ownerId)
    .where('interactions.sort_at', '>=', from)
    .where('interactions.sort_at', '<', until)
    .where('interactions.cancelled_at', 'is', null)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('planned'),
      eb.fn.count<number | string>('interactions.result').as('with_result'),
      eb.fn.sum<number | string | null>(eb.case().when('interactions.result', '=', 'advanced').then(1).else(0).end()).as('advances'),
    ])
    .executeTakeFirst();
  return { planned: Number(row?.planned ?? 0), withResult: Number(row?.with_result ?? 0), advances: Number(row?.advances ?? 0) };
}

async function keptOnTime(scope: Scope, ownerId: string, period: Period, kinds: readonly CommitmentSubjectKind[] | null, now: Date): Promise<MeasureReading> {
  let q = selectCommitments(scope)
    .where('commitments.owner_user_id', '=', ownerId)
    .where('commitments.side', '=', 'seller')
    .where('commitments.due_date', '>=', period.start)
    .where('commitments.due_date', '<=', period.end);
  if (kinds) q = q.where('commitments.subject_kind', 'in', [...kinds]);
  const rows = await q.execute();
  const history = await historyOf(scope, rows);
  const figure = reliability(
    rows.map((r) => reliabilityFactsOf(r, history.get(r.id) ?? [])),
    now,
  );
  // Kept on time out of judged (kept on time, kept late, missed): the counts reliability reports.
  return rateReading(figure.keptOnTime, figure.counted);
}

async function wonDeals(scope: Scope, ownerId: string, period: Period) {
  return scope
    .selectFrom('opportunities')
    .where('opportunities.owner_id', '=', ownerId)
    .where('opportunities.close_date', '>=', period.start)
    .where('opportunities.close_date', '<=', period.end)
    .where('opportunities.status', '=', 'won')
    .where('opportunities.archived_at', 'is', null)
    .select((eb) => ['opportunities.currency', eb.fn.countAll<number | string>().as('n'), sumMinor(scope.db, 'opportunities.amount_minor').as('total')])
    .groupBy('opportunities.currency')
    .execute();
}

async function plannedDeals(scope: Scope, ownerId: string, minimum: { amountMinor: number; currency: string }) {
  const withPlan = scope.selectFrom('plans').select('plans.opportunity_id').where('plans.status', '!=', 'abandoned');
  const row = await scope
    .selectFrom('opportunities')
    .where('opportunities.owner_id', '=', ownerId)
    .where('opportunities.status', '=', 'open')
    .where('opportunities.archived_at', 'is', null)
    .where('opportunities.currency', '=', minimum.currency)
    .where('opportunities.amount_minor', '>=', minimum.amountMinor)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>(eb.case().when('opportunities.id', 'in', withPlan).then(1).else(0).end()).as('planned'),
    ])
    .executeTakeFirst();
  return rateReading(Number(row?.planned ?? 0), Number(row?.n ?? 0));
}

async function learningNotes(scope: Scope, goalId: string): Promise<MeasureReading> {
  const [notes, lessons] = await Promise.all([
    scope.selectFrom('goal_notes').select((eb) => eb.fn.countAll<number | string>().as('n')).where('goal_notes.goal_id', '=', goalId).executeTakeFirst(),
    scope.selectFrom('goal_steps').select((eb) => eb.fn.countAll<number | string>().as('n')).where('goal_steps.goal_id', '=', goalId).where('goal_steps.status', '=', 'done').executeTakeFirst(),
  ]);
  return countReading(Number(notes?.n ?? 0) + Number(lessons?.n ?? 0));
}

export async function readMeasure(scope: Scope, goal: MeasuredGoal, timeZone: string, now: Date): Promise<MeasureReading | null> {
  const period = { start: goal.period_start, end: goal.period_end };
  const today = todayIn(timeZone, now);
  switch (goal.measure as Measure | null) {
    case null:
      return null;
    case 'revenue_won': {
      const rows = await wonDeals(scope, goal.owner_id, period);
      return moneyReading(
        rows.map((r) => ({ amountMinor: minorTotal(r.total), currency: r.currency })),
        rows.reduce((n, r) => n + Number(r.n), 0),
      );
    }
    case 'deals_won': {
      const rows = await wonDeals(scope, goal.owner_id, period);
      return countReading(rows.reduce((n, r) => n + Number(r.n), 0));
    }
    case 'planned_interactions_per_week':
      return perWeekReading((await interactionCounts(scope, goal.owner_id, period, timeZone, now)).planned, period, today);
    case 'advances_per_week':
      return perWeekReading((await interactionCounts(scope, goal.owner_id, period, timeZone, now)).advances, period, today);
    case 'advance_rate': {
      const c = await interactionCounts(scope, goal.owner_id, period, timeZone, now);
      return rateReading(c.advances, c.withResult);
    }
    case 'commitments_kept_on_time':
      return keptOnTime(scope, goal.owner_id, period, null, now);
    case 'check_in_actions_kept':
      return keptOnTime(scope, goal.owner_id, period, ['check_in'], now);
    case 'deals_with_mutual_plan':
      if (goal.measure_amount_minor === null || goal.measure_currency === null) return rateReading(0, 0);
      return plannedDeals(scope, goal.owner_id, { amountMinor: Number(goal.measure_amount_minor), currency: goal.measure_currency });
    case 'learning_notes':
      return learningNotes(scope, goal.id);
    default:
      return null;
  }
}

/** The measure's reading and, with a target, how far toward it ("stretch — 70 % of the way"). */
export async function measureGoal(scope: Scope, goal: MeasuredGoal, timeZone: string, now: Date): Promise<GoalMeasurement> {
  const today = todayIn(timeZone, now);
  const period = { start: goal.period_start, end: goal.period_end };
  const reading = await readMeasure(scope, goal, timeZone, now);
  const target = goal.target_amount_minor !== null ? Number(goal.target_amount_minor) : goal.target_value;
  const actual = reading ? comparable(reading, goal.target_currency) : null;
  return {
    period: hasEnded(period, today) ? 'ended' : isCurrent(period, today) ? 'current' : 'upcoming',
    reading,
    progress: target !== null && target > 0 && actual !== null ? progressToward(target, actual, goal.stretch === 1) : null,
  };
}
