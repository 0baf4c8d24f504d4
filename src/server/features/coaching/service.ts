import { sql } from 'kysely';
import {
  COACHING_MEASURES,
  type CoachingMeasure,
  type CoachingMeasureKey,
  type CoachingQuery,
  type ProcessChart,
  type RepCoaching,
  type RepFigure,
  type TeamCoaching,
  type WeekCounts,
} from '../../../shared/coaching.js';
import { compareWithRest, sumWeeks, totalOf, weeklyChart, type ChartMeasure } from '../../../domain/coaching.js';
import { judgeRate, TWO_PROPORTION_TEST_NAME } from '../../../domain/proportions.js';
import type { Actor } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import { canReadRep, canReadTeam, REP_REFUSED, TEAM_REFUSED } from './access.js';
import { resolvePeriod } from './period.js';
import { goalProgress, weeklyCounts } from './queries.js';

/** Each weekly chart plots a rate, but the outcome chart plots deals won per week: a week's 1 or 2 closes make no rate. */
const CHART_MEASURE: Record<CoachingMeasureKey, ChartMeasure> = {
  plannedAhead: 'rate',
  advances: 'rate',
  sellerKept: 'rate',
  customerKept: 'rate',
  checkInKept: 'rate',
  wins: 'count',
};

export const ALPHA = 0.05;
export const COMPARED_WITH = 'each rep against the rest of the team, pooled';

function presentChart(weeks: readonly WeekCounts[], measure: ChartMeasure, lastCompleteWeek: string | null): ProcessChart {
  const { chart, weekStarts, summary } = weeklyChart(weeks, measure, lastCompleteWeek);
  if (chart.kind === 'too_few_points') return { kind: 'too_few_points', measure, n: chart.n, summary };
  return {
    kind: 'chart',
    measure,
    n: chart.n,
    centre: chart.centre,
    upperLimit: chart.upperLimit,
    lowerLimit: chart.lowerLimit,
    lowerLimitClamped: chart.lowerLimitClamped,
    upperLimitClamped: chart.upperLimitClamped,
    points: chart.points.map((p, i) => ({
      weekStart: weekStarts[i],
      label: p.label,
      value: p.value,
      signal: p.beyond ? (p.beyond === 'upper' ? 'beyond_upper' : 'beyond_lower') : p.run ? (p.run === 'above' ? 'run_above' : 'run_below') : null,
    })),
    summary,
  };
}

function measureOf(key: CoachingMeasureKey, weeks: WeekCounts[], lastCompleteWeek: string | null): CoachingMeasure {
  const total = totalOf(weeks);
  return { ...total, judgement: judgeRate(total.successes, total.n), weeks, chart: presentChart(weeks, CHART_MEASURE[key], lastCompleteWeek) };
}

function measuresOf(series: Record<CoachingMeasureKey, WeekCounts[]>, lastCompleteWeek: string | null): Record<CoachingMeasureKey, CoachingMeasure> {
  return Object.fromEntries(COACHING_MEASURES.map((key) => [key, measureOf(key, series[key], lastCompleteWeek)])) as Record<CoachingMeasureKey, CoachingMeasure>;
}

/** One person's figures for a period (default: the current fiscal quarter). */
export async function repCoaching({ scope, actor, userId, query }: { scope: Scope; actor: Actor; userId: string; query: CoachingQuery }): Promise<RepCoaching> {
  const person = await scope
    .selectFrom('users')
    .leftJoin('teams as team', 'team.id', 'users.team_id')
    .select(['users.id', 'users.name', 'users.team_id', 'team.name as team_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!person) throw notFound('Person');
  if (!canReadRep(actor, person)) throw forbidden(REP_REFUSED);
  const r = await resolvePeriod(scope, query);
  const { perOwner, outcomes } = await weeklyCounts(scope, [person.id], r);
  return {
    rep: { id: person.id, name: person.name },
    team: person.team_id && person.team_name ? { id: person.team_id, name: person.team_name } : null,
    period: r.period,
    measures: measuresOf(perOwner.get(person.id)!, r.lastCompleteWeek),
    outcomes: outcomes.get(person.id)!,
  };
}

function figureOf(rep: { successes: number; n: number }, team: { successes: number; n: number }): RepFigure {
  const test = compareWithRest(rep, team, ALPHA);
  const rest = { successes: team.successes - rep.successes, n: team.n - rep.n };
  const ran = test.verdict !== 'too_few_to_tell';
  return {
    ...rep,
    judgement: judgeRate(rep.successes, rep.n),
    comparison: {
      verdict: test.verdict,
      rest,
      restJudgement: judgeRate(rest.successes, rest.n),
      z: ran ? test.z : null,
      pValue: ran ? test.pValue : null,
      higher: ran && test.higher ? (test.higher === 'a' ? 'rep' : 'rest') : null,
    },
  };
}

/** A team's figures: each active rep by name (never ranked) against the rest of the team, and the team's own charts. */
export async function teamCoaching({ scope, actor, teamId, query }: { scope: Scope; actor: Actor; teamId: string; query: CoachingQuery }): Promise<TeamCoaching> {
  const team = await scope
    .selectFrom('teams')
    .leftJoin('users as manager', 'manager.id', 'teams.manager_id')
    .select(['teams.id', 'teams.name', 'teams.manager_id', 'manager.name as manager_name'])
    .where('teams.id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw notFound('Team');
  if (!canReadTeam(actor, team.id)) throw forbidden(TEAM_REFUSED);
  let members = scope.selectFrom('users').select(['users.id', 'users.name']).where('users.team_id', '=', team.id).where('users.status', '=', 'active');
  if (team.manager_id) members = members.where('users.id', '<>', team.manager_id);
  // Name order, case-insensitive, then id: the same order for everyone, never a score's.
  const reps = await members.orderBy(sql`lower(users.name)`).orderBy('users.id').execute();
  const r = await resolvePeriod(scope, query);
  const [{ perOwner, outcomes }, goals] = await Promise.all([
    weeklyCounts(
      scope,
      reps.map((m) => m.id),
      r,
    ),
    goalProgress(
      scope,
      reps.map((m) => m.id),
      r,
    ),
  ]);
  const teamSeries = Object.fromEntries(
    COACHING_MEASURES.map((key) => [
      key,
      sumWeeks(
        r.period.weekStarts,
        reps.map((m) => perOwner.get(m.id)![key]),
      ),
    ]),
  ) as Record<CoachingMeasureKey, WeekCounts[]>;
  const teamTotals = Object.fromEntries(COACHING_MEASURES.map((key) => [key, totalOf(teamSeries[key])])) as Record<CoachingMeasureKey, { successes: number; n: number }>;
  const teamOutcomes = { won: 0, lost: 0, walkedAway: 0 };
  for (const o of outcomes.values()) {
    teamOutcomes.won += o.won;
    teamOutcomes.lost += o.lost;
    teamOutcomes.walkedAway += o.walkedAway;
  }
  return {
    team: { id: team.id, name: team.name, manager: team.manager_id && team.manager_name ? { id: team.manager_id, name: team.manager_name } : null },
    period: r.period,
    test: { name: TWO_PROPORTION_TEST_NAME, alpha: ALPHA, comparedWith: COMPARED_WITH },
    reps: reps.map((m) => {
      const series = perOwner.get(m.id)!;
      const figures = Object.fromEntries(COACHING_MEASURES.map((key) => [key, figureOf(totalOf(series[key]), teamTotals[key])])) as Record<CoachingMeasureKey, RepFigure>;
      return { rep: { id: m.id, name: m.name }, figures, outcomes: outcomes.get(m.id)!, goals: goals.get(m.id)! };
    }),
    measures: measuresOf(teamSeries, r.lastCompleteWeek),
    outcomes: teamOutcomes,
  };
}
