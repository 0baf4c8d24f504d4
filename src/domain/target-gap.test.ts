import { describe, expect, it } from 'vitest';
import { coverage, gapInWords, standing, sumByCurrency, teamTotals, type Amount } from './target-gap.js';

const usd = (units: number): Amount => ({ amountMinor: units * 100, currency: 'USD' });
const eur = (units: number): Amount => ({ amountMinor: units * 100, currency: 'EUR' });
// Plain words for the tests: "450000 USD".
const plain = (a: Amount) => `${a.amountMinor / 100} ${a.currency}`;

describe('a yearly target against the objectives, per currency', () => {
  it('gives the example of issue 11: target 1 000 000, objectives 300 000 + 250 000 → gap 450 000', () => {
    const c = coverage(usd(1_000_000), [usd(300_000), usd(250_000)]);
    expect(c.objectives).toEqual([usd(550_000)]);
    expect(c.gap).toEqual({ currency: 'USD', targetMinor: 100_000_000, objectivesMinor: 55_000_000, gapMinor: 45_000_000 });
    expect(c.otherCurrencies).toEqual([]);
    expect(gapInWords(c.gap!, plain)).toBe('450000 USD to find');
  });

  it('keeps objectives in another currency apart: never added to the gap, never converted', () => {
    // 1 000 000 USD target; 300 000 USD + 200 000 EUR + 50 000 EUR of objectives.
    const c = coverage(usd(1_000_000), [usd(300_000), eur(200_000), eur(50_000)]);
    expect(c.objectives).toEqual([eur(250_000), usd(300_000)]);
    expect(c.gap).toEqual({ currency: 'USD', targetMinor: 100_000_000, objectivesMinor: 30_000_000, gapMinor: 70_000_000 });
    expect(c.otherCurrencies).toEqual([eur(250_000)]);
  });

  it('has no gap without a target: every objective total stands apart', () => {
    const c = coverage(null, [usd(10), eur(20)]);
    expect(c.gap).toBeNull();
    expect(c.otherCurrencies).toEqual([eur(20), usd(10)]);
  });

  it('with a target and no objective in its currency, the whole target is still to find', () => {
    const c = coverage(eur(400_000), [usd(100_000)]);
    expect(c.gap).toEqual({ currency: 'EUR', targetMinor: 40_000_000, objectivesMinor: 0, gapMinor: 40_000_000 });
    expect(c.otherCurrencies).toEqual([usd(100_000)]);
  });

  it('words a negative gap as ahead of target, and zero as on target', () => {
    // 500 000 target, 350 000 + 200 000 planned → 50 000 ahead.
    const ahead = coverage(usd(500_000), [usd(350_000), usd(200_000)]).gap!;
    expect(ahead.gapMinor).toBe(-5_000_000);
    expect(standing(ahead)).toEqual({ kind: 'ahead', amount: usd(50_000) });
    expect(gapInWords(ahead, plain)).toBe('ahead by 50000 USD');
    const even = coverage(usd(500_000), [usd(500_000)]).gap!;
    expect(standing(even)).toEqual({ kind: 'on_target' });
    expect(gapInWords(even, plain)).toBe('on target');
  });

  it('sums per currency in order of the code, zero amounts included', () => {
    expect(sumByCurrency([usd(1), eur(2), usd(3), { amountMinor: 0, currency: 'GBP' }])).toEqual([eur(2), { amountMinor: 0, currency: 'GBP' }, usd(4)]);
    expect(sumByCurrency([])).toEqual([]);
  });
});

describe('a team’s totals, per currency', () => {
  it('adds targets and objectives within each currency, and measures the gap only where there is a target', () => {
    // Ana: 1 000 000 USD target, 300 000 + 250 000 USD objectives (gap 450 000).
    // Ben:   600 000 USD target, 700 000 USD objectives (ahead by 100 000).
    // Cleo: no target, 80 000 USD and 120 000 EUR objectives.
    const totals = teamTotals([usd(1_000_000), usd(600_000)], [usd(300_000), usd(250_000), usd(700_000), usd(80_000), eur(120_000)]);
    expect(totals).toEqual([
      // Nobody's target is in euros: the euro objectives stand apart, with no gap.
      { currency: 'EUR', targetMinor: null, objectivesMinor: 12_000_000, gapMinor: null },
      // 1 600 000 − (300 000 + 250 000 + 700 000 + 80 000 = 1 330 000) = 270 000 to find.
      { currency: 'USD', targetMinor: 160_000_000, objectivesMinor: 133_000_000, gapMinor: 27_000_000 },
    ]);
    expect(gapInWords({ currency: 'USD', gapMinor: totals[1].gapMinor! }, plain)).toBe('270000 USD to find');
  });

  it('keeps targets set in different currencies on separate lines', () => {
    expect(teamTotals([usd(100), eur(200)], [eur(50)])).toEqual([
      { currency: 'EUR', targetMinor: 20_000, objectivesMinor: 5_000, gapMinor: 15_000 },
      { currency: 'USD', targetMinor: 10_000, objectivesMinor: 0, gapMinor: 10_000 },
    ]);
  });

  it('is empty for a team with neither targets nor objectives', () => {
    expect(teamTotals([], [])).toEqual([]);
  });
});
