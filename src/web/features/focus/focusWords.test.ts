import { describe, expect, it } from 'vitest';
import { callsLine, customerLine, sentence } from './focusWords';

const customer = { judged: 4, keptOnTime: 1, keptLate: 0, missed: 3, open: 0, score: 0.25, weightedJudged: 4 };

describe('focus words', () => {
  it('starts a reason as a sentence', () => {
    expect(sentence('the customer kept 1 of 4 judged commitments on time (25 %)')).toBe('The customer kept 1 of 4 judged commitments on time (25 %)');
  });

  it('gives the calls with their n', () => {
    expect(callsLine({ noAdvanceStreak: 3, resultsCount: 5 })).toBe('3 in a row without an advance, of 5 calls with a result');
    expect(callsLine({ noAdvanceStreak: 0, resultsCount: 1 })).toBe('0 in a row without an advance, of 1 call with a result');
    expect(callsLine({ noAdvanceStreak: 0, resultsCount: 0 })).toBe('No call with a recorded result yet');
  });

  it('gives the customer’s word with n, saying when the sample is small or weighted', () => {
    expect(customerLine(customer)).toEqual({ text: '1 of 4 judged kept on time (25 %)', note: 'n = 4; a small sample: read it with care' });
    expect(customerLine({ ...customer, judged: 6, keptOnTime: 2, score: 2 / 7, weightedJudged: 7 })).toEqual({ text: '2 of 6 judged kept on time (28 %)', note: 'n = 6; must-dos count double' });
    expect(customerLine({ ...customer, judged: 6, keptOnTime: 6, score: 1, weightedJudged: 6 }).text).toBe('6 of 6 judged kept on time (100 %)');
    expect(customerLine({ ...customer, judged: 0, keptOnTime: 0, score: null, weightedJudged: 0, open: 2 })).toEqual({ text: 'Nothing judged yet (2 commitments open)', note: null });
  });
});
