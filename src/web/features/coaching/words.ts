import type { CoachingMeasure, CoachingMeasureKey, ChartSignal, ProcessChart, RepFigure, WeekCounts } from '../../../shared/coaching';
import type { RateJudgement } from '../../../shared/interactions';
import { plural } from '../../lib/format';

/**
 * What a rate counts: its successes (`success`, also a column's heading) out of n (`of`). A noun has
 * its singular beside it ("1 advance of 1 result"); "kept on time", "held" and "won" stay as they are.
 */
export type MeasureWords = { success: string; successOne?: string; of: string; ofOne?: string };

/** What each measure is called and what it counts, in the method's words. */
export const MEASURE_WORDS: Record<CoachingMeasureKey, MeasureWords & { title: string; counts: string; chartOf: string }> = {
  plannedAhead: {
    title: 'Outcomes planned ahead',
    counts: 'Interactions held whose planned outcome was written before they happened (not logged afterwards).',
    success: 'planned ahead',
    of: 'held',
    chartOf: 'Share planned ahead, week by week',
  },
  advances: {
    title: 'Advance rate',
    counts: 'Interactions with a recorded result where the customer agreed to an advance.',
    success: 'advances',
    successOne: 'advance',
    of: 'results',
    ofOne: 'result',
    chartOf: 'Advance rate, week by week',
  },
  sellerKept: {
    title: 'Commitments kept on time',
    counts: 'Own commitments (plans, objectives, interactions, check-ins) kept by the date they were held to — a date changed in advance counts — each counted once, in the week it was due.',
    success: 'kept on time',
    of: 'due',
    chartOf: 'Share kept on time, week by week',
  },
  customerKept: {
    title: 'Customer commitments kept',
    counts: 'The customer side’s commitments on the mutual plans of the deals, kept by their date: a buying signal.',
    success: 'kept on time',
    of: 'due',
    chartOf: 'Share the customer kept, week by week',
  },
  checkInKept: {
    title: 'Check-in actions kept',
    counts: 'The actions agreed in check-ins that are this person’s to do, kept by their date (a part of the commitments above).',
    success: 'kept on time',
    of: 'due',
    chartOf: 'Share of check-in actions kept, week by week',
  },
  wins: {
    title: 'Win rate',
    counts: 'Deals won out of deals won or lost. A deal walked away from is not a loss and is counted apart.',
    success: 'won',
    of: 'won or lost',
    chartOf: 'Deals won, week by week',
  },
};

export const percent = (x: number) => `${Math.round(x * 100)} %`;

/** A rate as the app may show it: with n and its 95 % interval, or "too few to judge" with n alone. */
export function rateWords(j: RateJudgement, successes: number, words: MeasureWords): { headline: string; detail: string } {
  const counted = (s: number, n: number) => `${plural(s, words.successOne ?? words.success, words.success)} of ${plural(n, words.ofOne ?? words.of, words.of)}`;
  if (j.kind === 'too_few_to_judge') {
    return {
      headline: 'Too few to judge',
      detail: j.n === 0 ? 'Nothing to count yet (n = 0).' : `${counted(successes, j.n)} — a rate needs at least 5 (n = ${j.n}).`,
    };
  }
  return { headline: percent(j.rate), detail: `${counted(j.successes, j.n)} (n = ${j.n}); 95 % interval ${percent(j.low)}–${percent(j.high)}.` };
}

/** A rep's figure in a team table cell: "62 % [41–79 %] · n = 21", or "too few to judge · n = 3". */
export function figureCell(f: Pick<RepFigure, 'judgement' | 'n'>): string {
  const j = f.judgement;
  return j.kind === 'rate' ? `${percent(j.rate)} [${Math.round(j.low * 100)}–${percent(j.high)}] · n = ${j.n}` : `too few to judge · n = ${f.n}`;
}

const pValueWords = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** What the test said about a rep against the rest of the team, when it told them apart; null otherwise. */
export function differenceWords(f: RepFigure): string | null {
  const c = f.comparison;
  if (c.verdict !== 'different' || c.z === null || c.pValue === null || f.judgement.kind !== 'rate' || c.restJudgement.kind !== 'rate') return null;
  const side = c.higher === 'rep' ? 'higher' : 'lower';
  return `${side} than the rest of the team: ${percent(f.judgement.rate)} vs ${percent(c.restJudgement.rate)} (n = ${c.rest.n}), z = ${c.z.toFixed(2)}, ${pValueWords(c.pValue)}`;
}

const shortDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
/** "Mar 9": a week's Monday on an axis. */
export const shortDate = (date: string) => shortDay.format(new Date(`${date}T00:00:00Z`));

export const SIGNAL_WORDS: Record<ChartSignal, string> = {
  beyond_upper: 'beyond the upper limit',
  beyond_lower: 'beyond the lower limit',
  run_above: 'part of a run above the average',
  run_below: 'part of a run below the average',
};

/** One value as the chart plots it: a rate in whole percent, or a count. */
export const plotted = (measure: ProcessChart['measure'], value: number) => (measure === 'rate' ? `${Math.round(value)} %` : String(value));

export type ChartRow = { weekStart: string; successes: number; n: number; value: string; note: string };

/** The numbers behind a chart, one row per week of the period: what the table and the CSV show. */
export function chartRows(measure: CoachingMeasure, currentWeekStart: string | null): ChartRow[] {
  const points = new Map(measure.chart.kind === 'chart' ? measure.chart.points.map((p) => [p.weekStart, p]) : []);
  return measure.weeks.map((w: WeekCounts) => {
    const p = points.get(w.weekStart);
    const value = measure.chart.measure === 'rate' ? (w.n > 0 ? plotted('rate', (100 * w.successes) / w.n) : '—') : String(w.successes);
    const note =
      w.weekStart === currentWeekStart
        ? 'week under way: not charted yet'
        : p?.signal
          ? SIGNAL_WORDS[p.signal]
          : measure.chart.measure === 'rate' && w.n === 0
            ? 'nothing to measure'
            : '';
    return { weekStart: w.weekStart, successes: w.successes, n: w.n, value, note };
  });
}

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The chart's numbers as CSV (RFC 4180), with the limits it was judged by. */
export function chartCsv(key: CoachingMeasureKey, measure: CoachingMeasure, currentWeekStart: string | null): string {
  const words = MEASURE_WORDS[key];
  const lines = [['week_start', words.success.replace(/ /g, '_'), 'n', measure.chart.measure === 'rate' ? 'rate_percent' : 'count', 'note']];
  for (const r of chartRows(measure, currentWeekStart)) lines.push([r.weekStart, String(r.successes), String(r.n), r.value === '—' ? '' : r.value.replace(' %', ''), r.note]);
  if (measure.chart.kind === 'chart') {
    const c = measure.chart;
    lines.push([], ['centre_line', '', '', c.centre.toFixed(2), ''], ['upper_limit', '', '', c.upperLimit.toFixed(2), c.upperLimitClamped ? 'clamped at 100' : ''], ['lower_limit', '', '', c.lowerLimit.toFixed(2), c.lowerLimitClamped ? 'clamped at 0' : '']);
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A rep's goal progress in the team table: "2 active · 1 of 2 moved", then "3 steps done · 1 goal done". */
export function goalProgressWords(g: { active: number; activeMoved: number; stepsDone: number; closedDone: number }): { main: string; sub: string | null } {
  const main = g.active === 0 ? 'No active goal' : `${g.activeMoved} of ${g.active} active ${g.active === 1 ? 'goal' : 'goals'} moved`;
  const parts = [g.stepsDone === 1 ? '1 step done' : `${g.stepsDone} steps done`, g.closedDone ? (g.closedDone === 1 ? '1 goal done' : `${g.closedDone} goals done`) : null].filter(Boolean);
  return { main, sub: parts.join(' · ') };
}
