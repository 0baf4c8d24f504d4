import type { Money } from '../../../shared/common';
import { minorToDecimal, parseAmount, readAmount } from '../../../shared/money';
import { SetYearlyTargetBody, type YearlyTarget } from '../../../shared/targets';
import { formatMoney } from '../../lib/format';
import type { FormSpec } from '../records/versionedForm';

/**
 * A rep's target for one year, as the versioned form edits it: the target itself, or — when none
 * is set yet — a stand-in at version 0 ("I saw none"), which the API takes to create one.
 */
export type TargetRecord = Pick<YearlyTarget, 'id' | 'version'> & { amount: Money | null };
export type TargetValues = { amount: string };

export const noTarget = (userId: string, fiscalYear: number): TargetRecord => ({ id: `${userId}:${fiscalYear}`, version: 0, amount: null });

/** The body the form checks; the fiscal year is added when it is sent (it is the page's, not a field). */
export const TargetFormBody = SetYearlyTargetBody.omit({ fiscalYear: true });

export function targetSpec(currency: string): FormSpec<TargetRecord, TargetValues> {
  return {
    toValues: (t) => ({ amount: t.amount ? minorToDecimal(t.amount.amountMinor, t.amount.currency) : '' }),
    toBody: (v) => ({ amount: { amountMinor: parseAmount(v.amount, currency) ?? 0, currency } }),
    precheck: (v) => {
      const reading = readAmount(v.amount, currency);
      if (v.amount.trim() === '') return { amount: `Enter the yearly target in ${currency}, such as 1,000,000.` };
      if (!reading.ok) return { amount: reading.reason === 'ambiguous' ? 'Write the amount without a decimal point, or with two decimals (12,345 or 12.35).' : `Enter an amount in ${currency}, such as 1,000,000.` };
      return {};
    },
    fields: ['amount'],
    aliases: { 'amount.amountMinor': 'amount', 'amount.currency': 'amount', amount: 'amount' },
    labels: { amount: 'Yearly target' },
    display: (t) => ({ amount: t.amount ? formatMoney(t.amount) : '' }),
  };
}
