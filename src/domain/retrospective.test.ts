import { describe, expect, it } from 'vitest';
import { twoProportionTest } from './proportions.js';
import { answeredScore, placeDeal, processScore, processWinsVerdict, type DealProcessFacts } from './retrospective.js';

const facts = (f: Partial<DealProcessFacts> = {}): DealProcessFacts => ({
  held: 0,
  plannedAhead: 0,
  results: 0,
  advances: 0,
  customerJudged: 0,
  customerKept: 0,
  hasPlan: false,
  changeCommitment: 'none',
  ...f,
});

describe('the outcome-blind process score of a deal', () => {
  it('averages the parts it can measure', () => {
    // Planned 4/5 = 0.8, advances 3/4 = 0.75, customer kept 2/2 = 1, a plan = 1, evidenced change = 1 → 4.55/5 = 0.91.
    const s = processScore(facts({ held: 5, plannedAhead: 4, results: 4, advances: 3, customerJudged: 2, customerKept: 2, hasPlan: true, changeCommitment: 'evidenced' }));
    expect(s.score).toBeCloseTo(0.91, 10);
    expect(s.verdict).toBe('sound');
    expect(s.components.map((c) => c.score)).toEqual([0.8, 0.75, 1, 1, 1]);
  });

  it('leaves out what there is nothing to measure, and calls a deal with no plan, no commitment and no calls weak', () => {
    // No interactions, no customer commitments: only the plan (1) and a stated change (0.5) → 0.75.
    const s = processScore(facts({ hasPlan: true, changeCommitment: 'stated' }));
    expect(s.components.map((c) => c.score)).toEqual([null, null, null, 1, 0.5]);
    expect(s.score).toBe(0.75);
    expect(processScore(facts()).score).toBe(0);
    expect(processScore(facts()).verdict).toBe('weak');
  });

  it('is sound from 0.6 on: 3 of 5 parts fully there is just sound', () => {
    const s = processScore(facts({ held: 2, plannedAhead: 2, results: 2, advances: 2, customerJudged: 1, customerKept: 0, hasPlan: true }));
    expect(s.score).toBeCloseTo(0.6, 10);
    expect(s.verdict).toBe('sound');
    expect(processScore(facts({ held: 2, plannedAhead: 1, results: 2, advances: 2, customerJudged: 1, customerKept: 0, hasPlan: true })).verdict).toBe('weak');
  });
});

describe('the 2×2 of process and outcome', () => {
  it('places each deal in its quadrant; walking away is not a win', () => {
    expect(placeDeal('sound', 'won')).toBe('earned_win');
    expect(placeDeal('weak', 'won')).toBe('lucky_win');
    expect(placeDeal('sound', 'lost')).toBe('unlucky_loss');
    expect(placeDeal('weak', 'lost')).toBe('earned_loss');
    expect(placeDeal('sound', 'walked_away')).toBe('unlucky_loss');
    expect(placeDeal('weak', 'walked_away')).toBe('earned_loss');
  });

  it('scores a person’s answers the same way: yes 1, partly ½, no 0', () => {
    expect(answeredScore({ plannedOutcomes: 'yes', advancesWon: 'partly', customerKept: 'no', mutualPlan: 'yes', changeCommitment: 'yes' })).toBeCloseTo(0.7, 10);
  });
});

describe('does the process predict wins?', () => {
  it('says so in words with both rates and their intervals', () => {
    // Sound: 20 won of 40; weak: 5 won of 40. p̂ = 25/80; z = 0.375/√(0.3125·0.6875·0.05) = 3.61 → different.
    const verdict = processWinsVerdict(twoProportionTest({ successes: 20, n: 40 }, { successes: 5, n: 40 }));
    expect(verdict).toBe('Deals run with the process were won more often: 50 % [35–65] vs 13 % [5–26].');
  });

  it('says when it cannot tell, and when there is no detectable difference', () => {
    expect(processWinsVerdict(twoProportionTest({ successes: 3, n: 4 }, { successes: 1, n: 3 }))).toBe('Not enough closed deals to tell yet.');
    expect(processWinsVerdict(twoProportionTest({ successes: 12, n: 30 }, { successes: 10, n: 30 }))).toBe(
      'No detectable difference: deals run with a sound process were won 40 % of the time, the others 33 %.',
    );
  });

  it('says it plainly when the weak process wins more often', () => {
    expect(processWinsVerdict(twoProportionTest({ successes: 5, n: 40 }, { successes: 20, n: 40 }))).toMatch(/^Deals run with a weak process were won more often: 13 % \[5–26\] vs 50 % \[35–65\]/);
  });
});
