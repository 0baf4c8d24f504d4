import { z } from 'zod';
import { CalendarDate, Id, UserRef } from './common.js';
import { RateJudgement } from './interactions.js';

/**
 * Coaching figures (part 5 of the method): a rep's process first — planned outcomes, advances,
 * commitments kept on both sides — then outcomes last, each rate with its n and 95 % interval (or
 * "too few to judge"), each weekly series on a process-behaviour (XmR) chart whose signals are told
 * in words. A team's page lists the same figures per rep by name, never ranked; a figure is
 * highlighted only when the two-proportion test says it differs from the rest of the team.
 *
 * What each measure counts (the README says it too):
 * - plannedAhead: interactions held in the week (their time has come, not cancelled) whose planned
 *   outcome was written BEFORE they happened (created no later than 5 minutes after their start),
 *   out of all held. Every interaction has a planned outcome; one logged after the fact had it
 *   written in hindsight, and that is what this measure shows.
 * - advances: interactions whose result says the customer agreed to an advance, out of those with a
 *   recorded result (cancelled ones never count), by the week they took place.
 * - sellerKept: the rep's own commitments (every kind: plans, objectives, interactions, check-ins)
 *   kept on time, out of those judged (kept on time, kept late, missed), by the week of the date they
 *   were held to — the same rule as reliability, each commitment counted once (reliability's score
 *   weighs must-do commitments double; a rate with an interval needs plain counts).
 * - customerKept: the customer side's commitments on the mutual plans of the rep's deals, the same way.
 * - checkInKept: the actions agreed in check-ins that the person owns (commitments of subject
 *   'check_in', a part of sellerKept), the same way.
 * - wins: deals won out of those won or lost, by the week they closed. A deal walked away from is
 *   counted apart and is not a loss: walking away from a chased deal is what the method asks for.
 */

export { COACHING_MEASURES, PROCESS_MEASURES, type CoachingMeasureKey } from './coaching-words.js';

export const CoachingQuery = z
  .strictObject({
    from: CalendarDate.optional().meta({ description: 'First day of the period (YYYY-MM-DD). Default: the first day of the current fiscal quarter.' }),
    to: CalendarDate.optional().meta({ description: 'Last day of the period (YYYY-MM-DD), at most 371 days after `from`. Default: the last day of the current fiscal quarter.' }),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.from === undefined ? 'from' : 'to'], message: 'Give both the first and the last day of the period, or neither.' });
      return;
    }
    if (q.from && q.to) {
      if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends on or after its first day.' });
      else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > 371) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose a period of at most a year (371 days).' });
    }
  });
export type CoachingQuery = z.infer<typeof CoachingQuery>;

export const CoachingPeriod = z
  .object({
    /** The period asked for (or the current fiscal quarter). */
    from: CalendarDate,
    to: CalendarDate,
    /** "Q2 FY2026" when the period is exactly one fiscal quarter, else null. */
    name: z.string().nullable(),
    /** The period in whole weeks, Monday to Sunday: what the figures cover. */
    firstDay: CalendarDate,
    lastDay: CalendarDate,
    /** The Monday of each week, in order. */
    weekStarts: z.array(CalendarDate),
    /** The week under way, if it is in the period: counted, but not charted until it is over. */
    currentWeekStart: CalendarDate.nullable(),
    /** Weeks are read in the workspace's default time zone (the company's calendar). */
    timeZone: z.string(),
    /** The fiscal quarters before and after this one, for paging through quarters. */
    previous: z.object({ from: CalendarDate, to: CalendarDate, name: z.string() }),
    next: z.object({ from: CalendarDate, to: CalendarDate, name: z.string() }),
  })
  .meta({ id: 'CoachingPeriod' });
export type CoachingPeriod = z.infer<typeof CoachingPeriod>;

export const WeekCounts = z.object({ weekStart: CalendarDate, successes: z.number().int(), n: z.number().int() }).meta({ id: 'WeekCounts' });
export type WeekCounts = z.infer<typeof WeekCounts>;

export const ChartSignal = z.enum(['beyond_upper', 'beyond_lower', 'run_above', 'run_below']);
export type ChartSignal = z.infer<typeof ChartSignal>;

const ChartMeasure = z.enum(['rate', 'count']).meta({ description: 'rate: each week’s successes ÷ n in percent (weeks with n = 0 are not plotted); count: each week’s successes.' });

export const ProcessChart = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('too_few_points'), measure: ChartMeasure, n: z.number().int(), summary: z.array(z.string()) }),
    z.object({
      kind: z.literal('chart'),
      measure: ChartMeasure,
      n: z.number().int(),
      centre: z.number(),
      upperLimit: z.number(),
      lowerLimit: z.number(),
      lowerLimitClamped: z.boolean(),
      /** A rate's upper limit stops at 100 %, the most a week can reach. */
      upperLimitClamped: z.boolean(),
      points: z.array(z.object({ weekStart: CalendarDate, label: z.string(), value: z.number(), signal: ChartSignal.nullable() })),
      summary: z.array(z.string()),
    }),
  ])
  .meta({
    id: 'ProcessChart',
    description:
      'An XmR process-behaviour chart of the complete weeks: centre line the mean, natural process limits mean ± 2.66 × the average moving range (lower limit not below 0). Signals: a point beyond a limit, or 8 or more successive points on one side of the centre line. `summary` says each signal in words, or "routine variation — no week stands out".',
  });
export type ProcessChart = z.infer<typeof ProcessChart>;

export const CoachingMeasure = z
  .object({
    successes: z.number().int(),
    n: z.number().int(),
    judgement: RateJudgement,
    weeks: z.array(WeekCounts),
    chart: ProcessChart,
  })
  .meta({ id: 'CoachingMeasure', description: 'A rate over the period with n and its 95 % Wilson interval ("too few to judge" below 5), its weekly counts and their process-behaviour chart.' });
export type CoachingMeasure = z.infer<typeof CoachingMeasure>;

export const Outcomes = z.object({ won: z.number().int(), lost: z.number().int(), walkedAway: z.number().int() }).meta({ id: 'CoachingOutcomes', description: 'Deals closed in the period (archived ones left out).' });
export type Outcomes = z.infer<typeof Outcomes>;

const measures = <T extends z.ZodType>(item: T) => z.object({ plannedAhead: item, advances: item, sellerKept: item, customerKept: item, checkInKept: item, wins: item });

export const RepCoaching = z
  .object({
    rep: UserRef,
    team: z.object({ id: Id, name: z.string() }).nullable(),
    period: CoachingPeriod,
    measures: measures(CoachingMeasure),
    outcomes: Outcomes,
  })
  .meta({ id: 'RepCoaching' });
export type RepCoaching = z.infer<typeof RepCoaching>;

const Counts = z.object({ successes: z.number().int(), n: z.number().int() });

export const RestComparison = z
  .object({
    verdict: z.enum(['different', 'no_detectable_difference', 'too_few_to_tell']),
    /** The rest of the team, pooled: the team's counts less this rep's. */
    rest: Counts,
    restJudgement: RateJudgement,
    z: z.number().nullable(),
    pValue: z.number().nullable(),
    /** Whose rate is higher, when the test ran and they differ at all. */
    higher: z.enum(['rep', 'rest']).nullable(),
  })
  .meta({ id: 'RestComparison', description: 'This rep against the rest of the team pooled, by the pooled two-proportion z-test (two-sided); too_few_to_tell when any expected count is below 5.' });
export type RestComparison = z.infer<typeof RestComparison>;

export const RepFigure = z.object({ successes: z.number().int(), n: z.number().int(), judgement: RateJudgement, comparison: RestComparison }).meta({ id: 'RepFigure' });
export type RepFigure = z.infer<typeof RepFigure>;

export const RepGoalProgress = z
  .object({
    /** Goals active now (outcome, process and learning; a quota set for the rep included). */
    active: z.number().int(),
    /** Of those, how many had at least one tiny step done in the period: "2 of 3 moved" (n = active). */
    activeMoved: z.number().int(),
    /** Tiny steps done in the period (on the rep's calendar day), across all their goals. */
    stepsDone: z.number().int(),
    /** Goals closed as done in the period. */
    closedDone: z.number().int(),
  })
  .meta({
    id: 'RepGoalProgress',
    description: 'How a rep’s goals moved in the period, as counts with their n. Never the why a goal serves (private unless the rep shared it), never a goal’s notes.',
  });
export type RepGoalProgress = z.infer<typeof RepGoalProgress>;

export const TeamCoachingRow = z.object({ rep: UserRef, figures: measures(RepFigure), outcomes: Outcomes, goals: RepGoalProgress }).meta({ id: 'TeamCoachingRow' });
export type TeamCoachingRow = z.infer<typeof TeamCoachingRow>;

export const TeamCoaching = z
  .object({
    team: z.object({ id: Id, name: z.string(), manager: UserRef.nullable() }),
    period: CoachingPeriod,
    /** How a rep's figure is compared with the rest of the team: the page names the test. */
    test: z.object({ name: z.string(), alpha: z.number(), comparedWith: z.string() }),
    /** The team's active reps (its manager aside), in name order: never ranked. */
    reps: z.array(TeamCoachingRow),
    /** The whole team's figures and weekly charts. */
    measures: measures(CoachingMeasure),
    outcomes: Outcomes,
  })
  .meta({ id: 'TeamCoaching' });
export type TeamCoaching = z.infer<typeof TeamCoaching>;
