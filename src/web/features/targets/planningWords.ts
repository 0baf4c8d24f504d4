import type { Money } from '../../../shared/common';
import type { FiscalYear, TargetGap } from '../../../shared/targets';
import { MONTH_NAMES } from '../../../shared/targets';
import { fiscalYearBounds, fiscalYearName } from '../../../domain/fiscal-year';
import { gapInWords, standing } from '../../../domain/target-gap';
import { formatDate, formatMoney } from '../../lib/format';

/** "$450,000 to find", "ahead by $50,000", "on target". */
export const gapWords = (gap: Pick<TargetGap, 'currency' | 'gapMinor'>): string => gapInWords(gap, formatMoney);

/** How a gap reads at a glance: still to find (neutral), on target or ahead (good news). Never a red mark on a person. */
export const gapTone = (gap: Pick<TargetGap, 'currency' | 'gapMinor'>): 'neutral' | 'success' => (standing(gap).kind === 'to_find' ? 'neutral' : 'success');

/** Amounts per currency, side by side and never added: "$300,000 · €100,000". */
export const perCurrency = (amounts: readonly Money[]): string => (amounts.length ? amounts.map((a) => formatMoney(a)).join(' · ') : 'none');

/**
 * Under your own page while you have no target: who sets it with you — as the server decides it (a
 * rep's manager or an admin; a manager's, an admin) — or nothing when you may set it yourself (an admin).
 */
export function whoSetsYourTarget(role: 'admin' | 'manager' | 'rep', canSetTarget: boolean): string | null {
  if (canSetTarget) return null;
  return role === 'rep' ? 'Your manager sets your yearly target with you.' : 'An admin sets your yearly target with you.';
}

/** "FY2026 · 1 Apr 2026 – 31 Mar 2027" (a year is named by the calendar year it starts in). */
export function fiscalYearLabel(fiscalYear: number, startMonth: number): string {
  const { start, end } = fiscalYearBounds(fiscalYear, startMonth);
  return `${fiscalYearName(fiscalYear)} · ${formatDate(start)} – ${formatDate(end)}`;
}

/** What a year is, in a sentence for the page's header. */
export function fiscalYearSentence(year: FiscalYear, startMonth: number): string {
  const span = `${formatDate(year.start)} to ${formatDate(year.end)}`;
  if (startMonth === 1) return `${year.name} is the calendar year ${year.fiscalYear} (${span}).`;
  return `${year.name} runs from ${span}: a fiscal year starting in ${MONTH_NAMES[startMonth - 1]} is named by the year it starts in.`;
}

/** The years a picker offers: a few either side of the current one, and the one shown. */
export function yearChoices(current: number, shown: number): number[] {
  const years = new Set<number>();
  for (let y = current - 3; y <= current + 2; y++) years.add(y);
  years.add(shown);
  return [...years].sort((a, b) => a - b);
}
