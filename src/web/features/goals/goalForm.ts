import { MEASURE_INFO, type GoalKind, type Measure } from '../../../domain/goal-measures';
import { readAmount, parseAmount } from '../../../shared/money';
import { orNull } from '../../lib/forms';

/**
 * The new-goal form as strings (what inputs hold) and the body it sends, checked with the server's
 * own contract (CreateGoalBody): kind, measure and target are tied together there, and its messages
 * land beside these fields. The target is one field whose meaning follows the measure: an amount
 * for revenue, a percentage for a rate, a number otherwise.
 */
export type GoalValues = {
  ownerId: string;
  kind: string;
  title: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  measure: string;
  target: string;
  targetCurrency: string;
  measureAmount: string;
  measureCurrency: string;
  whyId: string;
  stretch: string;
  firstStep: string;
};

export const CUSTOM_PERIOD = 'custom';

export const emptyGoal = (ownerId: string, currency: string): GoalValues => ({
  ownerId,
  kind: 'process',
  title: '',
  period: 'this_quarter',
  periodStart: '',
  periodEnd: '',
  measure: '',
  target: '',
  targetCurrency: currency,
  measureAmount: '',
  measureCurrency: currency,
  whyId: '',
  stretch: '',
  firstStep: '',
});

const unitOf = (measure: string) => (measure ? MEASURE_INFO[measure as Measure]?.unit : undefined);

/** A number as people type it: "2.5" or "2,5"; null when it is not one. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/\s*%$/, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

export function goalBody(v: GoalValues, me: string): Record<string, unknown> {
  const unit = unitOf(v.measure);
  const target = v.target.trim();
  const custom = v.period === CUSTOM_PERIOD;
  return {
    ownerId: v.ownerId && v.ownerId !== me ? v.ownerId : undefined,
    kind: v.kind as GoalKind,
    title: v.title.trim(),
    periodPreset: custom ? undefined : v.period,
    periodStart: custom ? v.periodStart || undefined : undefined,
    periodEnd: custom ? v.periodEnd || undefined : undefined,
    measure: v.measure ? (v.measure as Measure) : null,
    targetValue: target && unit !== 'money' ? readNumber(target) : null,
    targetAmount: target && unit === 'money' ? { amountMinor: parseAmount(target, v.targetCurrency) ?? 0, currency: v.targetCurrency } : null,
    measureAmount: v.measure && MEASURE_INFO[v.measure as Measure]?.needsAmount && v.measureAmount.trim() ? { amountMinor: parseAmount(v.measureAmount, v.measureCurrency) ?? 0, currency: v.measureCurrency } : null,
    whyId: orNull(v.whyId),
    stretch: v.stretch === 'true',
    firstStep: v.firstStep.trim(),
  };
}

/** What the schema cannot see in strings: a target or amount that is not a number. */
export function goalPrecheck(v: GoalValues): Partial<Record<keyof GoalValues, string>> {
  const errors: Partial<Record<keyof GoalValues, string>> = {};
  const unit = unitOf(v.measure);
  if (v.target.trim()) {
    if (unit === 'money' && !readAmount(v.target, v.targetCurrency).ok) errors.target = `Enter an amount in ${v.targetCurrency}, such as 100,000.`;
    if (unit !== 'money' && readNumber(v.target) === null) errors.target = unit === 'rate' ? 'Enter a percentage, such as 60.' : 'Enter a number, such as 3.';
  }
  if (v.measure && MEASURE_INFO[v.measure as Measure]?.needsAmount && v.measureAmount.trim() && !readAmount(v.measureAmount, v.measureCurrency).ok) {
    errors.measureAmount = `Enter an amount in ${v.measureCurrency}, such as 50,000.`;
  }
  return errors;
}

export const GOAL_FIELDS = ['ownerId', 'kind', 'title', 'period', 'periodStart', 'periodEnd', 'measure', 'target', 'targetCurrency', 'measureAmount', 'measureCurrency', 'whyId', 'stretch', 'firstStep'] as const;

/** Where the contract's paths land in the form. */
export const GOAL_ALIASES: Partial<Record<string, (typeof GOAL_FIELDS)[number]>> = {
  periodPreset: 'period',
  targetValue: 'target',
  targetAmount: 'target',
  'targetAmount.amountMinor': 'target',
  'targetAmount.currency': 'targetCurrency',
  'measureAmount.amountMinor': 'measureAmount',
  'measureAmount.currency': 'measureCurrency',
};

/** The target field's label, after the measure's unit. */
export function targetLabel(measure: string): string {
  switch (unitOf(measure)) {
    case 'money':
      return 'Target amount';
    case 'rate':
      return 'Target rate (%)';
    case 'per_week':
      return 'Target per week';
    default:
      return 'Target';
  }
}
