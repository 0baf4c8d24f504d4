import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../lib/format';
import { fiscalYearSentence, gapTone, gapWords, perCurrency, whoSetsYourTarget, yearChoices } from './planningWords';

describe('account planning in words', () => {
  it('says the gap as an amount to find, on target, or ahead — in the target’s currency', () => {
    expect(gapWords({ currency: 'USD', gapMinor: 45_000_000 })).toBe(`${formatMoney({ amountMinor: 45_000_000, currency: 'USD' })} to find`);
    expect(gapWords({ currency: 'USD', gapMinor: -5_000_000 })).toBe(`ahead by ${formatMoney({ amountMinor: 5_000_000, currency: 'USD' })}`);
    expect(gapWords({ currency: 'EUR', gapMinor: 0 })).toBe('on target');
    // Never a warning colour on a person: still to find is neutral, on target or ahead is good news.
    expect(gapTone({ currency: 'USD', gapMinor: 1 })).toBe('neutral');
    expect(gapTone({ currency: 'USD', gapMinor: -1 })).toBe('success');
  });

  it('lists amounts per currency side by side, never added', () => {
    const text = perCurrency([{ amountMinor: 10_000_000, currency: 'EUR' }, { amountMinor: 30_000_000, currency: 'USD' }]);
    expect(text).toBe(`${formatMoney({ amountMinor: 10_000_000, currency: 'EUR' })} · ${formatMoney({ amountMinor: 30_000_000, currency: 'USD' })}`);
    expect(perCurrency([])).toBe('none');
  });

  it('explains a year that spans two calendar years by the year it starts in', () => {
    expect(fiscalYearSentence({ fiscalYear: 2026, name: 'FY2026', start: '2026-04-01', end: '2027-03-31', isCurrent: true }, 4)).toMatch(/^FY2026 runs from .+2026 to .+2027: a fiscal year starting in April is named by the year it starts in\.$/);
    expect(fiscalYearSentence({ fiscalYear: 2026, name: 'FY2026', start: '2026-01-01', end: '2026-12-31', isCurrent: true }, 1)).toMatch(/^FY2026 is the calendar year 2026/);
  });

  it('offers three years back and two ahead of the current one, and the one shown', () => {
    expect(yearChoices(2026, 2026)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(yearChoices(2026, 2019)).toEqual([2019, 2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it('says who sets your target as the server decides it, and nothing to an admin, who sets their own', () => {
    expect(whoSetsYourTarget('rep', false)).toBe('Your manager sets your yearly target with you.');
    // A manager has no manager to set it: an admin does.
    expect(whoSetsYourTarget('manager', false)).toBe('An admin sets your yearly target with you.');
    // The “Set target” button is there: no sentence saying someone else does it.
    expect(whoSetsYourTarget('admin', true)).toBeNull();
  });
});
