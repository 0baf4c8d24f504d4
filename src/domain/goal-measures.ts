/**
 * What goals and how they are measured — from the data Advance already holds, never typed in.
 *
 *   outcome   revenue_won (per currency, never added across currencies), deals_won
 *   process   planned_interactions_per_week, advances_per_week, advance_rate, commitments_kept_on_time,
 *             deals_with_mutual_plan (open deals at or above an amount that have a mutual plan),
 *             check_in_actions_kept
 *   learning  learning_notes (the rep's notes on the goal and the lessons of its steps)
 *
 * Every reading carries its n. A rate is judged by proportions.ts: below 5 observations it is "too
 * few to judge" (no number); from 5 it comes with its 95 % Wilson interval. A weekly figure divides
 * by the weeks elapsed (goal-period.ts). Progress toward a target is stretch.ts's rule — rounded down,
 * never "failed"; a stretch goal reads "stretch — 70 % of the way".
 * Pure functions: the server gathers the counts, these turn them into what is shown.
 */
import { elapsedWeeks, type Period } from './goal-period.js';
import { judgeRate, type RateJudgement } from './proportions.js';
import { describeStretch, stretchProgress } from './stretch.js';
import { sumByCurrency, type Amount } from './target-gap.js';

export const GOAL_KINDS = ['outcome', 'process', 'learning'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const MEASURES = [
  'revenue_won',
  'deals_won',
  'planned_interactions_per_week',
  'advances_per_week',
  'advance_rate',
  'commitments_kept_on_time',
  'deals_with_mutual_plan',
  'check_in_actions_kept',
  'learning_notes',
] as const;
export type Measure = (typeof MEASURES)[number];

export type MeasureUnit = 'money' | 'count' | 'per_week' | 'rate';

export type MeasureInfo = {
  kind: GoalKind;
  unit: MeasureUnit;
  /** What the rep reads, in the method's words. */
  label: string;
  /** deals_with_mutual_plan: the amount from which an open deal counts (in that currency). */
  needsAmount?: true;
};

export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  revenue_won: { kind: 'outcome', unit: 'money', label: 'Revenue won' },
  deals_won: { kind: 'outcome', unit: 'count', label: 'Deals won' },
  planned_interactions_per_week: { kind: 'process', unit: 'per_week', label: 'Interactions with a planned outcome, per week' },
  advances_per_week: { kind: 'process', unit: 'per_week', label: 'Advances won, per week' },
  advance_rate: { kind: 'process', unit: 'rate', label: 'Advance rate (advances out of interactions with a result)' },
  commitments_kept_on_time: { kind: 'process', unit: 'rate', label: 'Your commitments kept on time' },
  deals_with_mutual_plan: { kind: 'process', unit: 'rate', label: 'Open deals above an amount that have a mutual plan', needsAmount: true },
  check_in_actions_kept: { kind: 'process', unit: 'rate', label: 'Check-in actions kept on time' },
  learning_notes: { kind: 'learning', unit: 'count', label: 'Notes on what you learned' },
};

export const measuresOf = (kind: GoalKind): Measure[] => MEASURES.filter((m) => MEASURE_INFO[m].kind === kind);

/** The current value of a measure, always with its n. */
export type MeasureReading =
  | {
      unit: 'money';
      /** Won amounts per currency (never added together). */
      totals: Amount[];
      /** Won deals counted. */
      n: number;
    }
  | { unit: 'count'; value: number; n: number }
  | {
      unit: 'per_week';
      /** count ÷ weeks, rounded to one decimal (for reading; progress uses the exact figure). */
      value: number;
      count: number;
      /** Weeks elapsed, exactly (days ÷ 7). */
      weeks: number;
      n: number;
    }
  | { unit: 'rate'; successes: number; n: number; judgement: RateJudgement };

/** Won amounts (one per deal, or already summed per currency with the number of deals as `n`). */
export function moneyReading(won: readonly Amount[], n: number = won.length): MeasureReading {
  return { unit: 'money', totals: sumByCurrency(won), n };
}

export function countReading(count: number): MeasureReading {
  return { unit: 'count', value: count, n: count };
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** A count per week of the period elapsed so far (0 before the period starts). */
export function perWeekReading(count: number, period: Period, today: string): MeasureReading {
  const weeks = elapsedWeeks(period, today);
  return { unit: 'per_week', value: weeks === 0 ? 0 : oneDecimal(count / weeks), count, weeks, n: count };
}

export function rateReading(successes: number, n: number): MeasureReading {
  return { unit: 'rate', successes, n, judgement: judgeRate(successes, n) };
}

/**
 * The number a target is compared with: the won amount in the target's currency (minor units), a
 * count, a weekly figure, or a rate in percent. Null when there is nothing to compare (a rate with
 * too few observations to judge).
 */
export function comparable(reading: MeasureReading, targetCurrency: string | null): number | null {
  switch (reading.unit) {
    case 'money':
      return reading.totals.find((t) => t.currency === targetCurrency)?.amountMinor ?? 0;
    case 'count':
      return reading.value;
    case 'per_week':
      // Exact, not the rounded figure: progress never claims ground that was not covered.
      return reading.weeks === 0 ? 0 : reading.count / reading.weeks;
    case 'rate':
      return reading.judgement.kind === 'rate' ? reading.judgement.rate * 100 : null;
  }
}

export type Progress = { percent: number; reached: boolean; words: string };

/**
 * How far toward the target, in words that never shame: "70 % of the way", "reached (105 %)"; a
 * stretch goal reads "stretch — 70 % of the way" — also once its period has ended short.
 */
export function progressToward(target: number, actual: number, stretch: boolean): Progress {
  const p = stretchProgress(target, actual);
  const words = stretch ? describeStretch(p) : p.reached ? `reached (${p.percent} %)` : `${p.percent} % of the way`;
  return { percent: p.percent, reached: p.reached, words };
}

/** What a goal is measured by and against: checked together, whichever of them changed. */
export type GoalTerms = {
  kind: GoalKind;
  measure: Measure | null;
  targetValue: number | null;
  targetAmount: Amount | null;
  measureAmount: Amount | null;
};

export type TermsProblem = { path: keyof GoalTerms; message: string };

const KIND_WORDS: Record<GoalKind, string> = { outcome: 'an outcome goal', process: 'a process goal', learning: 'a learning goal' };

/**
 * The rules that tie a goal's terms together, each naming the field to fix: the measure fits the
 * kind; revenue takes an amount as its target, the other measures a number (a rate in percent, at
 * most 100); a target needs a measure to be compared with; "deals with a mutual plan" needs the
 * amount from which a deal counts. Empty when the terms hold together.
 */
export function termsProblems(t: GoalTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const info = t.measure ? MEASURE_INFO[t.measure] : null;
  if (t.measure && info && info.kind !== t.kind) {
    problems.push({ path: 'measure', message: `“${info.label}” measures ${KIND_WORDS[info.kind]}; choose one of the measures of ${KIND_WORDS[t.kind]}.` });
    return problems;
  }
  if (!info) {
    if (t.targetValue !== null || t.targetAmount !== null) problems.push({ path: t.targetAmount !== null ? 'targetAmount' : 'targetValue', message: 'Choose how Advance measures it before you set a target.' });
    if (t.measureAmount !== null) problems.push({ path: 'measureAmount', message: 'Only “deals with a mutual plan” counts deals from an amount.' });
    return problems;
  }
  if (info.unit === 'money') {
    if (t.targetValue !== null) problems.push({ path: 'targetValue', message: 'Revenue is measured in money: set the target as an amount.' });
  } else {
    if (t.targetAmount !== null) problems.push({ path: 'targetAmount', message: 'This measure is a number, not an amount: set the target as a number.' });
    if (t.targetValue !== null && info.unit === 'rate' && t.targetValue > 100) problems.push({ path: 'targetValue', message: 'A rate is at most 100 %.' });
    if (t.targetValue !== null && info.unit === 'count' && !Number.isInteger(t.targetValue)) problems.push({ path: 'targetValue', message: 'Count in whole numbers.' });
  }
  if (info.needsAmount && t.measureAmount === null) problems.push({ path: 'measureAmount', message: 'Say from which amount an open deal counts.' });
  if (!info.needsAmount && t.measureAmount !== null) problems.push({ path: 'measureAmount', message: 'Only “deals with a mutual plan” counts deals from an amount.' });
  if (t.targetValue !== null && t.targetValue <= 0) problems.push({ path: 'targetValue', message: 'A target is more than zero.' });
  if (t.targetAmount !== null && t.targetAmount.amountMinor <= 0) problems.push({ path: 'targetAmount', message: 'A target is more than zero.' });
  return problems;
}
