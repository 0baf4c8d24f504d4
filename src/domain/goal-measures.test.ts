import { describe, expect, it } from 'vitest';
import { comparable, countReading, MEASURE_INFO, measuresOf, moneyReading, perWeekReading, progressToward, rateReading, termsProblems } from './goal-measures.js';

const quarter = { start: '2026-04-01', end: '2026-06-30' };

describe('the measures a goal can pick', () => {
  it('offers each kind its own measures, computed by Advance', () => {
    expect(measuresOf('outcome')).toEqual(['revenue_won', 'deals_won']);
    expect(measuresOf('process')).toEqual([
      'planned_interactions_per_week',
      'advances_per_week',
      'advance_rate',
      'commitments_kept_on_time',
      'deals_with_mutual_plan',
      'check_in_actions_kept',
    ]);
    expect(measuresOf('learning')).toEqual(['learning_notes']);
    expect(MEASURE_INFO.deals_with_mutual_plan.needsAmount).toBe(true);
  });
});

describe('readings from the data, each with its n', () => {
  it('sums won revenue per currency, never across currencies, and compares the target’s currency only', () => {
    const won = [
      { amountMinor: 4_000_000, currency: 'USD' },
      { amountMinor: 3_000_000, currency: 'USD' },
      { amountMinor: 5_000_000, currency: 'EUR' },
    ];
    const reading = moneyReading(won);
    expect(reading).toEqual({ unit: 'money', n: 3, totals: [{ amountMinor: 5_000_000, currency: 'EUR' }, { amountMinor: 7_000_000, currency: 'USD' }] });
    expect(comparable(reading, 'USD')).toBe(7_000_000);
    expect(comparable(reading, 'GBP')).toBe(0);
  });

  it('divides a count by the weeks elapsed: 9 planned interactions in the first 3 weeks are 3 a week', () => {
    expect(perWeekReading(9, quarter, '2026-04-21')).toEqual({ unit: 'per_week', value: 3, count: 9, weeks: 3, n: 9 });
    // 10 advances over 13 weeks once the quarter is over: 0.769… → 0.8.
    expect(perWeekReading(10, quarter, '2026-08-01')).toEqual({ unit: 'per_week', value: 0.8, count: 10, weeks: 13, n: 10 });
    // 12 in 71 days (10.14 weeks) read 1.2 a week; against a target of 2 that is 59 %, not the 60 % the rounded figure would claim.
    const reading = perWeekReading(12, quarter, '2026-06-10');
    expect(reading).toMatchObject({ value: 1.2, weeks: 71 / 7 });
    expect(progressToward(2, comparable(reading, null) as number, false).percent).toBe(59);
    expect(perWeekReading(0, quarter, '2026-03-01')).toMatchObject({ value: 0, weeks: 0 });
  });

  it('judges a rate with its Wilson interval from 5 observations, and says "too few to judge" below', () => {
    const judged = rateReading(7, 10);
    expect(judged).toMatchObject({ unit: 'rate', successes: 7, n: 10, judgement: { kind: 'rate', rate: 0.7, n: 10 } });
    if (judged.unit !== 'rate' || judged.judgement.kind !== 'rate') throw new Error('expected a rate');
    // Wilson 95 % for 7/10: 0.3968 … 0.8922.
    expect(judged.judgement.low).toBeCloseTo(0.3968, 3);
    expect(judged.judgement.high).toBeCloseTo(0.8922, 3);
    expect(comparable(judged, null)).toBe(70);
    const few = rateReading(3, 4);
    expect(few).toEqual({ unit: 'rate', successes: 3, n: 4, judgement: { kind: 'too_few_to_judge', n: 4 } });
    expect(comparable(few, null)).toBeNull();
    // No check-in yet: nothing to judge, and it says so with n = 0.
    expect(rateReading(0, 0)).toEqual({ unit: 'rate', successes: 0, n: 0, judgement: { kind: 'too_few_to_judge', n: 0 } });
  });

  it('counts learning notes', () => {
    expect(countReading(4)).toEqual({ unit: 'count', value: 4, n: 4 });
  });
});

describe('progress toward a target, in words that never shame', () => {
  it('shows a stretch goal that ended short as how far it got', () => {
    expect(progressToward(100_000_00, 70_000_00, true)).toEqual({ percent: 70, reached: false, words: 'stretch — 70 % of the way' });
    expect(progressToward(12, 15, true).words).toBe('stretch — reached (125 %)');
  });
  it('shows any other goal the same way, without the stretch', () => {
    expect(progressToward(3, 2, false)).toEqual({ percent: 66, reached: false, words: '66 % of the way' });
    expect(progressToward(60, 60, false).words).toBe('reached (100 %)');
    expect(progressToward(10, 0, false).words).toBe('0 % of the way');
  });
});

describe('the terms of a goal hold together', () => {
  const none = { measure: null, targetValue: null, targetAmount: null, measureAmount: null };
  it('accepts a goal with no measure, and each measure with a fitting target', () => {
    expect(termsProblems({ kind: 'learning', ...none })).toEqual([]);
    expect(termsProblems({ kind: 'outcome', ...none, measure: 'revenue_won', targetAmount: { amountMinor: 100, currency: 'USD' } })).toEqual([]);
    expect(termsProblems({ kind: 'process', ...none, measure: 'advance_rate', targetValue: 60 })).toEqual([]);
    expect(termsProblems({ kind: 'process', ...none, measure: 'deals_with_mutual_plan', measureAmount: { amountMinor: 5_000_000, currency: 'EUR' }, targetValue: 80 })).toEqual([]);
  });
  it('names the field to fix', () => {
    expect(termsProblems({ kind: 'learning', ...none, measure: 'advance_rate' })).toEqual([{ path: 'measure', message: expect.stringContaining('a learning goal') }]);
    expect(termsProblems({ kind: 'outcome', ...none, targetValue: 5 }).map((p) => p.path)).toEqual(['targetValue']);
    expect(termsProblems({ kind: 'outcome', ...none, measure: 'revenue_won', targetValue: 5 }).map((p) => p.path)).toEqual(['targetValue']);
    expect(termsProblems({ kind: 'outcome', ...none, measure: 'deals_won', targetAmount: { amountMinor: 1, currency: 'USD' } }).map((p) => p.path)).toEqual(['targetAmount']);
    expect(termsProblems({ kind: 'process', ...none, measure: 'advance_rate', targetValue: 120 }).map((p) => p.path)).toEqual(['targetValue']);
    expect(termsProblems({ kind: 'process', ...none, measure: 'deals_with_mutual_plan' }).map((p) => p.path)).toEqual(['measureAmount']);
    expect(termsProblems({ kind: 'outcome', ...none, measure: 'deals_won', targetValue: 2.5 }).map((p) => p.path)).toEqual(['targetValue']);
    expect(termsProblems({ kind: 'process', ...none, measure: 'advances_per_week', targetValue: 0 }).map((p) => p.path)).toEqual(['targetValue']);
  });
});
