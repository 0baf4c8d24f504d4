import { MEASURE_INFO } from '../../../domain/goal-measures';
import { minorToDecimal, parseAmount, readAmount } from '../../../shared/money';
import type { Goal } from '../../../shared/goals';
import { formatDate } from '../../lib/format';
import type { FormSpec } from '../records/versionedForm';
import { readNumber } from './goalForm';
import { targetWords } from './goalWords';

/**
 * Editing a goal: its title, dates, target and stretch (for whoever set it), and rewording the current
 * step (its owner). Sent as a versioned change of only what changed; a stale save shows the latest.
 */
export type EditGoalValues = { title: string; periodStart: string; periodEnd: string; target: string; stretch: string; currentStep: string };

const unitOf = (g: Pick<Goal, 'measure'>) => (g.measure ? MEASURE_INFO[g.measure].unit : undefined);

export function editGoalSpec(goal: Goal): FormSpec<Goal, EditGoalValues> {
  const currency = goal.targetAmount?.currency ?? 'USD';
  return {
    toValues: (g) => ({
      title: g.title,
      periodStart: g.periodStart,
      periodEnd: g.periodEnd,
      target: g.targetAmount ? minorToDecimal(g.targetAmount.amountMinor, g.targetAmount.currency) : g.targetValue === null ? '' : String(g.targetValue),
      stretch: g.stretch ? 'true' : '',
      currentStep: g.currentStep?.text ?? '',
    }),
    toBody: (v) => {
      const target = v.target.trim();
      const money = unitOf(goal) === 'money';
      return {
        ...(goal.permissions.canEditTerms
          ? {
              title: v.title.trim(),
              periodStart: v.periodStart,
              periodEnd: v.periodEnd,
              stretch: v.stretch === 'true',
              ...(goal.measure
                ? money
                  ? { targetAmount: target ? { amountMinor: parseAmount(target, currency) ?? 0, currency } : null }
                  : { targetValue: target ? readNumber(target) : null }
                : {}),
            }
          : {}),
        ...(goal.permissions.canTakeSteps && goal.currentStep ? { currentStep: v.currentStep.trim() } : {}),
      };
    },
    precheck: (v) => {
      const target = v.target.trim();
      if (!target) return {};
      if (unitOf(goal) === 'money') return readAmount(target, currency).ok ? {} : { target: `Enter an amount in ${currency}, such as 100,000.` };
      return readNumber(target) === null ? { target: 'Enter a number, such as 3.' } : {};
    },
    fields: ['title', 'periodStart', 'periodEnd', 'target', 'stretch', 'currentStep'],
    aliases: { targetValue: 'target', targetAmount: 'target', 'targetAmount.amountMinor': 'target' },
    labels: { title: 'Goal', periodStart: 'From', periodEnd: 'To', target: 'Target', stretch: 'Stretch', currentStep: 'Next step' },
    display: (g) => ({ title: g.title, periodStart: formatDate(g.periodStart), periodEnd: formatDate(g.periodEnd), target: targetWords(g) ?? '', stretch: g.stretch ? 'yes' : 'no', currentStep: g.currentStep?.text ?? '' }),
  };
}
