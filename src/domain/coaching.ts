/**
 * Coaching figures: the period a page covers (a fiscal quarter by default), its weeks, the weekly
 * series drawn as process-behaviour charts, and how one rep's rate compares with the rest of the
 * team. Pure: counts come from the database; the statistics are proportions.ts and xmr-chart.ts.
 *
 * - A quarter is a quarter of the workspace's FISCAL year (fiscal-year.ts): with a fiscal year
 *   starting in April, Q1 FY2026 is April–June 2026. Named "Q1 FY2026".
 * - Weeks run Monday to Sunday and are named by their Monday ("week of Mar 9"). A period is read in
 *   whole weeks: from the Monday of its first day to the Sunday of its last, so every week charted is
 *   a full week (a quarter rarely starts on a Monday; its figures then reach a few days either side,
 *   and the page says which days).
 * - A week still under way is not charted: a half-finished week would look like a drop. Its counts
 *   are in the figures and the table all the same.
 */
import { addDays, daysBetween } from './dates.js';
import { fiscalYearOf } from './fiscal-year.js';
import { twoProportionTest, type Counts, type TwoProportionResult } from './proportions.js';
import { describeSignals, xmrChart, type XmrChart } from './xmr-chart.js';

/** The longest period a coaching page reads: a year and a week (53 weekly points). */
export const MAX_PERIOD_DAYS = 371;

export type Quarter = {
  fiscalYear: number;
  /** 1 to 4, counted from the start of the fiscal year. */
  quarter: number;
  /** "Q1 FY2026". */
  name: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** The first day of a month counted as year·12 + (month − 1). */
const firstOfMonth = (index: number) => `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;

/** The fiscal quarter a calendar date falls in, for a fiscal year starting in `startMonth` (1–12). */
export function fiscalQuarterOf(date: string, startMonth: number): Quarter {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const yearStart = fiscalYear * 12 + startMonth - 1;
  const quarter = Math.floor((monthIndex - yearStart) / 3) + 1;
  const startIndex = yearStart + (quarter - 1) * 3;
  return { fiscalYear, quarter, name: `Q${quarter} FY${fiscalYear}`, start: firstOfMonth(startIndex), end: addDays(firstOfMonth(startIndex + 3), -1) };
}

/** The quarter before this one. */
export const previousQuarter = (q: Quarter, startMonth: number): Quarter => fiscalQuarterOf(addDays(q.start, -1), startMonth);

/** The Monday on or before a calendar date. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The Mondays of the weeks a period touches, first to last. */
export function weeksOf(from: string, to: string): string[] {
  if (to < from) throw new RangeError(`a period ends on or after its start: ${from} to ${to}`);
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw new RangeError(`a period is at most ${MAX_PERIOD_DAYS} days`);
  const out: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) out.push(monday);
  return out;
}

const dayMonth = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "week of Mar 9": how the charts and their words name a week. */
export const weekLabel = (monday: string) => `week of ${dayMonth.format(new Date(`${monday}T00:00:00Z`))}`;

/** One week's counts of one measure: successes out of n (e.g. advances out of results). */
export type WeekCounts = { weekStart: string; successes: number; n: number };

/**
 * What a weekly chart plots: `rate` — each week's successes ÷ n in percent, weeks with n = 0 left out
 * (there is nothing to measure); `count` — each week's successes, a week with none being a real 0.
 */
export type ChartMeasure = 'rate' | 'count';

/**
 * A count that averages fewer than this per week is too rare to chart week by week: most weeks are 0,
 * every 0 sits below the average, and the run rule would cry "shift" at routine quiet spells.
 */
export const RARE_BELOW = 1;

export type WeeklyChart = {
  measure: ChartMeasure;
  chart: XmrChart;
  /** A count too rare to chart (see RARE_BELOW): `chart` is then too_few_points and `summary` says why. */
  rare: boolean;
  /** The Monday of each charted point, in order (the chart's points carry their labels). */
  weekStarts: string[];
  /** The chart in plain words: each signal, or "routine variation — no week stands out". */
  summary: string[];
};

/**
 * The XmR chart of a weekly series, over the complete weeks only (those starting on or before
 * `lastCompleteWeek`; null when none is complete yet).
 */
export function weeklyChart(weeks: readonly WeekCounts[], measure: ChartMeasure, lastCompleteWeek: string | null): WeeklyChart {
  const charted = weeks.filter((w) => lastCompleteWeek !== null && w.weekStart <= lastCompleteWeek && (measure === 'count' || w.n > 0));
  const points = charted.map((w) => ({ label: weekLabel(w.weekStart), value: measure === 'rate' ? (100 * w.successes) / w.n : w.successes }));
  const mean = points.reduce((sum, p) => sum + p.value, 0) / (points.length || 1);
  if (measure === 'count' && points.length >= 2 && mean < RARE_BELOW) {
    const perWeek = Math.round(mean * 10) / 10;
    return {
      measure,
      chart: { kind: 'too_few_points', n: points.length },
      rare: true,
      weekStarts: [],
      summary: [`too rare to chart week by week: ${perWeek} a week on average over ${points.length} weeks — read the period’s figure instead`],
    };
  }
  const chart = xmrChart(points, { nonNegative: true, ...(measure === 'rate' ? { maximum: 100 } : {}) });
  return { measure, chart, rare: false, weekStarts: charted.map((w) => w.weekStart), summary: describeSignals(chart) };
}

/** Adds counts week by week (a team's series from its reps'); every list covers the same weeks. */
export function sumWeeks(weekStarts: readonly string[], series: readonly (readonly WeekCounts[])[]): WeekCounts[] {
  return weekStarts.map((weekStart) => {
    let successes = 0;
    let n = 0;
    for (const s of series) {
      const w = s.find((x) => x.weekStart === weekStart);
      if (w) {
        successes += w.successes;
        n += w.n;
      }
    }
    return { weekStart, successes, n };
  });
}

export const totalOf = (weeks: readonly WeekCounts[]): Counts =>
  weeks.reduce((sum, w) => ({ successes: sum.successes + w.successes, n: sum.n + w.n }), { successes: 0, n: 0 });

/**
 * One rep against the rest of the team, pooled: the team's counts less the rep's. Never a ranking:
 * the only question asked is whether this rep's rate differs from everyone else's by more than
 * chance explains (the pooled two-proportion z-test, two-sided).
 */
export function compareWithRest(rep: Counts, team: Counts, alpha = 0.05): TwoProportionResult {
  if (rep.n > team.n || rep.successes > team.successes) throw new RangeError('a rep’s counts are part of the team’s');
  return twoProportionTest(rep, { successes: team.successes - rep.successes, n: team.n - rep.n }, alpha);
}
