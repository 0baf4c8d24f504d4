import { describe, expect, it } from 'vitest';
import type { CoachingMeasure, RepFigure } from '../../../shared/coaching';
import { chartCsv, chartRows, differenceWords, figureCell, goalProgressWords, MEASURE_WORDS, rateWords } from './words';

const measure: CoachingMeasure = {
  successes: 4,
  n: 7,
  judgement: { kind: 'rate', successes: 4, n: 7, rate: 4 / 7, low: 0.2505, high: 0.8418 },
  weeks: [
    { weekStart: '2026-05-04', successes: 1, n: 3 },
    { weekStart: '2026-05-11', successes: 0, n: 0 },
    { weekStart: '2026-05-18', successes: 3, n: 4 },
    { weekStart: '2026-05-25', successes: 0, n: 0 },
  ],
  chart: {
    kind: 'chart',
    measure: 'rate',
    n: 2,
    centre: 54.17,
    upperLimit: 164.99,
    lowerLimit: 0,
    lowerLimitClamped: true,
    upperLimitClamped: false,
    points: [
      { weekStart: '2026-05-04', label: 'week of May 4', value: 100 / 3, signal: null },
      { weekStart: '2026-05-18', label: 'week of May 18', value: 75, signal: 'beyond_upper' },
    ],
    summary: ['week of May 18 is beyond the upper limit: a real change, worth asking about'],
  },
};

describe('coaching words', () => {
  it('say a rate with n and its interval, or "too few to judge" with n and no rate', () => {
    expect(rateWords(measure.judgement, 4, MEASURE_WORDS.advances)).toEqual({ headline: '57 %', detail: '4 advances of 7 results (n = 7); 95 % interval 25 %–84 %.' });
    expect(rateWords({ kind: 'too_few_to_judge', n: 3 }, 2, MEASURE_WORDS.wins)).toEqual({ headline: 'Too few to judge', detail: '2 won of 3 won or lost — a rate needs at least 5 (n = 3).' });
    expect(rateWords({ kind: 'too_few_to_judge', n: 0 }, 0, MEASURE_WORDS.wins).detail).toBe('Nothing to count yet (n = 0).');
    expect(figureCell(measure)).toBe('57 % [25–84 %] · n = 7');
    expect(figureCell({ judgement: { kind: 'too_few_to_judge', n: 3 }, n: 3 })).toBe('too few to judge · n = 3');
  });

  it('say one advance of one result in the singular, and none or two in the plural', () => {
    const tooFew = (successes: number, n: number) => rateWords({ kind: 'too_few_to_judge', n }, successes, MEASURE_WORDS.advances).detail;
    expect(tooFew(0, 1)).toBe('0 advances of 1 result — a rate needs at least 5 (n = 1).');
    expect(tooFew(1, 1)).toBe('1 advance of 1 result — a rate needs at least 5 (n = 1).');
    expect(tooFew(1, 2)).toBe('1 advance of 2 results — a rate needs at least 5 (n = 2).');
    expect(tooFew(2, 2)).toBe('2 advances of 2 results — a rate needs at least 5 (n = 2).');
    expect(rateWords({ kind: 'rate', successes: 1, n: 5, rate: 0.2, low: 0.036, high: 0.624 }, 1, MEASURE_WORDS.advances).detail).toBe('1 advance of 5 results (n = 5); 95 % interval 4 %–62 %.');
    // Words that are not nouns stay as they are.
    expect(rateWords({ kind: 'too_few_to_judge', n: 1 }, 1, MEASURE_WORDS.sellerKept).detail).toBe('1 kept on time of 1 due — a rate needs at least 5 (n = 1).');
  });

  it('tell a difference only when the test found one, naming both rates, z and p', () => {
    const figure: RepFigure = {
      successes: 16,
      n: 20,
      judgement: { kind: 'rate', successes: 16, n: 20, rate: 0.8, low: 0.584, high: 0.919 },
      comparison: { verdict: 'different', rest: { successes: 15, n: 40 }, restJudgement: { kind: 'rate', successes: 15, n: 40, rate: 0.375, low: 0.24, high: 0.53 }, z: 3.1055, pValue: 0.0019, higher: 'rep' },
    };
    expect(differenceWords(figure)).toBe('higher than the rest of the team: 80 % vs 38 % (n = 40), z = 3.11, p = 0.002');
    expect(differenceWords({ ...figure, comparison: { ...figure.comparison, verdict: 'no_detectable_difference' } })).toBeNull();
    expect(differenceWords({ ...figure, comparison: { ...figure.comparison, verdict: 'too_few_to_tell', z: null, pValue: null, higher: null } })).toBeNull();
  });

  it('list every week behind a chart, saying which are signals, empty, or still under way', () => {
    expect(chartRows(measure, '2026-05-25').map((r) => [r.value, r.note])).toEqual([
      ['33 %', ''],
      ['—', 'nothing to measure'],
      ['75 %', 'beyond the upper limit'],
      ['—', 'week under way: not charted yet'],
    ]);
  });

  it('write the same numbers as CSV, with the limits', () => {
    const csv = chartCsv('advances', measure, null);
    expect(csv.split('\r\n')).toEqual([
      'week_start,advances,n,rate_percent,note',
      '2026-05-04,1,3,33,',
      '2026-05-11,0,0,,nothing to measure',
      '2026-05-18,3,4,75,beyond the upper limit',
      '2026-05-25,0,0,,nothing to measure',
      '',
      'centre_line,,,54.17,',
      'upper_limit,,,164.99,',
      'lower_limit,,,0.00,clamped at 0',
      '',
    ]);
  });
});

describe('a rep’s goal progress in the team table', () => {
  it('says how many active goals moved, with their n, and the steps and goals done', () => {
    expect(goalProgressWords({ active: 3, activeMoved: 2, stepsDone: 5, closedDone: 1 })).toEqual({ main: '2 of 3 active goals moved', sub: '5 steps done · 1 goal done' });
    expect(goalProgressWords({ active: 1, activeMoved: 0, stepsDone: 1, closedDone: 0 })).toEqual({ main: '0 of 1 active goal moved', sub: '1 step done' });
    expect(goalProgressWords({ active: 0, activeMoved: 0, stepsDone: 0, closedDone: 2 })).toEqual({ main: 'No active goal', sub: '0 steps done · 2 goals done' });
  });
});
