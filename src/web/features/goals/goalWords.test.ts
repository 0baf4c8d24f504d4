import { describe, expect, it } from 'vitest';
import { figuresHidden, readingWords, REOPEN_CHANGED_ELSEWHERE, targetWords } from './goalWords';

describe('a goal’s figures in words', () => {
  it('gives a rate with its interval and n, or says there are too few to judge', () => {
    expect(readingWords('advance_rate', { unit: 'rate', successes: 7, n: 11, judgement: { kind: 'rate', successes: 7, n: 11, rate: 7 / 11, low: 0.3538, high: 0.8483 } })).toEqual({
      value: '64 %',
      detail: '7 of 11 · 95 % interval 35 %–85 % · n = 11',
      n: 11,
    });
    expect(readingWords('commitments_kept_on_time', { unit: 'rate', successes: 2, n: 4, judgement: { kind: 'too_few_to_judge', n: 4 } })).toEqual({
      value: 'Too few to judge yet',
      detail: '2 of 4 so far · n = 4 (a rate needs at least 5)',
      n: 4,
    });
  });

  it('keeps currencies apart and counts the deals', () => {
    const words = readingWords('revenue_won', { unit: 'money', n: 3, totals: [{ amountMinor: 5_000_000, currency: 'EUR' }, { amountMinor: 7_000_000, currency: 'USD' }] });
    expect(words.value).toMatch(/€50,000 · \$70,000/);
    expect(words.detail).toBe('from 3 won deals in the period, each currency apart');
    expect(readingWords('revenue_won', { unit: 'money', n: 0, totals: [] })).toEqual({ value: 'Nothing won yet', detail: 'from 0 won deals in the period', n: 0 });
  });

  it('reads weekly figures and counts with their n', () => {
    expect(readingWords('planned_interactions_per_week', { unit: 'per_week', value: 1.2, count: 12, weeks: 71 / 7, n: 12 })).toEqual({ value: '1.2 a week', detail: '12 in 10.1 weeks · n = 12', n: 12 });
    expect(readingWords('learning_notes', { unit: 'count', value: 1, n: 1 })).toEqual({ value: '1', detail: 'note · n = 1', n: 1 });
  });

  it('hides an outcome goal’s figures in review mode, and only an outcome goal’s', () => {
    expect(figuresHidden({ kind: 'outcome' }, true)).toBe(true);
    expect(figuresHidden({ kind: 'process' }, true)).toBe(false);
    expect(figuresHidden({ kind: 'outcome' }, false)).toBe(false);
  });

  it('writes the target as the measure reads it', () => {
    expect(targetWords({ measure: 'advance_rate', targetValue: 60, targetAmount: null })).toBe('60 %');
    expect(targetWords({ measure: 'advances_per_week', targetValue: 2.5, targetAmount: null })).toBe('2.5 a week');
    expect(targetWords({ measure: 'learning_notes', targetValue: 10, targetAmount: null })).toBe('10 notes');
    expect(targetWords({ measure: 'revenue_won', targetValue: null, targetAmount: { amountMinor: 10_000_000, currency: 'USD' } })).toBe('$100,000');
    expect(targetWords({ measure: null, targetValue: null, targetAmount: null })).toBeNull();
  });
});

describe('reopening a goal changed elsewhere meanwhile', () => {
  it('says the step typed is kept and to reopen again, never to reload', () => {
    expect(REOPEN_CHANGED_ELSEWHERE).toMatch(/Your step is kept/);
    expect(REOPEN_CHANGED_ELSEWHERE).toMatch(/reopen it again/);
    expect(REOPEN_CHANGED_ELSEWHERE).not.toMatch(/reload/i);
  });
});
