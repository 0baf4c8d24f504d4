import { MEASURE_INFO, type Measure } from '../../../domain/goal-measures';
import type { GoalSummary, MeasureReading } from '../../../shared/goals';
import { formatDate, formatMoney, plural } from '../../lib/format';

/**
 * A goal's figures in plain words. Every figure that judges a person says its n, and a rate its 95 %
 * interval — or "too few to judge" below 5. Growth tone: nothing is "failed" or "behind".
 */

const pct = (x: number) => `${Math.round(x * 100)} %`;
const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toLocaleString('en', { maximumFractionDigits: 1 });

const COUNT_NOUNS: Partial<Record<Measure, [string, string]>> = {
  deals_won: ['deal won', 'deals won'],
  learning_notes: ['note', 'notes'],
};

export type ReadingWords = { value: string; detail: string; /** How many things the figure stands on, for lists that show only the value. */ n: number };

/** In review mode an outcome goal's figures (how far, how much) are hidden with the other outcomes; process and learning goals keep theirs. */
export const figuresHidden = (goal: { kind: string }, review: boolean) => review && goal.kind === 'outcome';
export const HIDDEN_IN_REVIEW = 'Hidden in review mode.';

export function readingWords(measure: Measure, reading: MeasureReading): ReadingWords {
  switch (reading.unit) {
    case 'money':
      return {
        // Each currency on its own: never added together.
        value: reading.totals.length ? reading.totals.map(formatMoney).join(' · ') : 'Nothing won yet',
        detail: `from ${plural(reading.n, 'won deal')} in the period${reading.totals.length > 1 ? ', each currency apart' : ''}`,
        n: reading.n,
      };
    case 'count': {
      const [one, many] = COUNT_NOUNS[measure] ?? ['', ''];
      return { value: String(reading.value), detail: `${reading.value === 1 ? one : many} · n = ${reading.n}`.trim(), n: reading.n };
    }
    case 'per_week':
      return { value: `${oneDecimal(reading.value)} a week`, detail: `${reading.count} in ${oneDecimal(reading.weeks)} ${reading.weeks === 1 ? 'week' : 'weeks'} · n = ${reading.n}`, n: reading.n };
    case 'rate': {
      const j = reading.judgement;
      if (j.kind === 'too_few_to_judge') return { value: 'Too few to judge yet', detail: `${reading.successes} of ${reading.n} so far · n = ${reading.n} (a rate needs at least 5)`, n: reading.n };
      return { value: pct(j.rate), detail: `${j.successes} of ${j.n} · 95 % interval ${pct(j.low)}–${pct(j.high)} · n = ${j.n}`, n: j.n };
    }
  }
}

export function measureLabel(measure: Measure): string {
  return MEASURE_INFO[measure].label;
}

/** The target as the measure reads it: an amount, a count, a weekly figure or a percentage. */
export function targetWords(goal: Pick<GoalSummary, 'measure' | 'targetValue' | 'targetAmount'>): string | null {
  if (goal.targetAmount) return formatMoney(goal.targetAmount);
  if (goal.targetValue === null || !goal.measure) return null;
  switch (MEASURE_INFO[goal.measure].unit) {
    case 'rate':
      return `${goal.targetValue} %`;
    case 'per_week':
      return `${oneDecimal(goal.targetValue)} a week`;
    default: {
      const [one, many] = COUNT_NOUNS[goal.measure] ?? ['', ''];
      return `${goal.targetValue} ${goal.targetValue === 1 ? one : many}`.trim();
    }
  }
}

export function periodWords(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

export const KIND_HINTS = {
  outcome: 'A result: revenue or deals won.',
  process: 'How you work: outcomes planned, advances won, commitments kept.',
  learning: 'A skill you are building.',
} as const;

/** What a goal's status means, in growth words. */
/** Reopening lost the race: the goal as it is now is shown; the step typed stays in its box. */
export const REOPEN_CHANGED_ELSEWHERE = 'This goal changed since you opened it (another tab?). Your step is kept: check the goal above, then reopen it again.';

export const STATUS_WORDS = { active: 'Active', done: 'Done', dropped: 'Set aside' } as const;
