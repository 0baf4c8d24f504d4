import { describe, expect, it } from 'vitest';
import { judgeRate, twoProportionTest, wilsonInterval } from './proportions.js';

// Published limits are printed to 4 decimals: agreeing within 5e-5 means agreeing with every digit.
const PRINTED_4 = 5e-5;
const near = (actual: number, published: number, tolerance = PRINTED_4) =>
  expect(Math.abs(actual - published)).toBeLessThan(tolerance);

describe('Wilson score interval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (score interval without
  // continuity correction), 95 %.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('reproduces Newcombe (1998) Table I: %i of %i → %f–%f', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    near(interval.low, low);
    near(interval.high, high);
    expect(interval.rate).toBe(successes / n);
    expect(interval.n).toBe(n);
  });

  it('gives 8 of 10 → 0.490–0.943, the example of issue 11 (printed to 3 decimals)', () => {
    const interval = wilsonInterval(8, 10);
    near(interval.low, 0.49, 5e-4);
    near(interval.high, 0.943, 5e-4);
  });

  it('stays inside [0, 1] and keeps width at 0 and at n successes, where p ± z·se would collapse', () => {
    const none = wilsonInterval(0, 7);
    expect(none.low).toBe(0);
    expect(none.high).toBeGreaterThan(0.3);
    const all = wilsonInterval(7, 7);
    expect(all.high).toBe(1);
    expect(all.low).toBeLessThan(0.7);
    // Mirror images: k of n and n − k of n.
    const three = wilsonInterval(3, 7);
    const four = wilsonInterval(4, 7);
    expect(three.low).toBeCloseTo(1 - four.high, 12);
    expect(three.high).toBeCloseTo(1 - four.low, 12);
  });

  it('narrows as n grows at the same rate', () => {
    const small = wilsonInterval(4, 10);
    const large = wilsonInterval(400, 1000);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('refuses a rate without observations and counts that cannot be', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 5, 0)).toThrow(RangeError);
  });
});

describe('judging a rate', () => {
  it('says "too few to judge" below 5 observations, with n and no number', () => {
    for (const [successes, n] of [[0, 0], [3, 3], [1, 4]]) {
      expect(judgeRate(successes, n)).toEqual({ kind: 'too_few_to_judge', n });
    }
  });

  it('gives the rate with its interval and n from 5 observations on', () => {
    const judged = judgeRate(4, 5);
    expect(judged.kind).toBe('rate');
    if (judged.kind !== 'rate') return;
    expect(judged).toMatchObject({ successes: 4, n: 5, rate: 0.8 });
    // Hand-worked: (4 + z²/2 ∓ z·√(4·1/5 + z²/4)) / (5 + z²) with z = 1.959964.
    near(judged.low, 0.3755, 1e-4);
    near(judged.high, 0.9638, 1e-4);
  });
});

describe('two-proportion test', () => {
  // Stat Trek, "Hypothesis test: difference between proportions", example 1
  // (https://stattrek.com/hypothesis-test/difference-in-proportions): 38 % of 100 women and 51 % of
  // 200 men caught a cold; pooled p = 0.467, SE = 0.061, z = −2.13, two-tailed P = 0.0332 (computed
  // there from z rounded to −2.13; unrounded z = −2.1276 gives 0.0334), so the rates differ at α = 0.05.
  it('reproduces the Stat Trek worked example: different, z = −2.13, P ≈ 0.033', () => {
    const result = twoProportionTest({ successes: 38, n: 100 }, { successes: 102, n: 200 });
    expect(result.verdict).toBe('different');
    if (result.verdict === 'too_few_to_tell') return;
    expect(result.pooledRate).toBeCloseTo(0.467, 3);
    expect(result.z).toBeCloseTo(-2.13, 2);
    near(result.pValue, 0.0332, 3e-4);
    expect(result.higher).toBe('b');
  });

  // Ritzel's vitamin C trial with skiers (as analysed by L. Pauling, PNAS 68 (1971) 2678–2681), worked
  // as a two-sample z-test and as a χ² test at http://omega.albany.edu:8008/mat108dir/chap28/28-3sol.html:
  // colds in 31 of 140 on placebo and 17 of 139 on vitamin C; z = 2.19, one-tailed P ≈ 1.4 % (so
  // two-sided ≈ 2.8 %); χ² = 4.8, which for a 2×2 table is z².
  it('reproduces the vitamin C example: z = 2.19, two-sided P ≈ 0.028, z² = χ² = 4.8', () => {
    const result = twoProportionTest({ successes: 31, n: 140 }, { successes: 17, n: 139 });
    expect(result.verdict).toBe('different');
    if (result.verdict === 'too_few_to_tell') return;
    expect(result.z).toBeCloseTo(2.19, 2);
    near(result.pValue / 2, 0.014, 5e-4);
    expect(result.z * result.z).toBeCloseTo(4.8, 1);
    expect(result.higher).toBe('a');
  });

  it('says "no detectable difference" when p ≥ α, and the verdict follows α', () => {
    // Hand-worked: p̂ = 64/555, z = (28/254 − 36/301)/√(p̂(1−p̂)(1/254 + 1/301)) = −0.3441, P = 0.7307.
    const close = twoProportionTest({ successes: 28, n: 254 }, { successes: 36, n: 301 });
    expect(close.verdict).toBe('no_detectable_difference');
    if (close.verdict === 'too_few_to_tell') return;
    expect(close.z).toBeCloseTo(-0.3441, 4);
    expect(close.pValue).toBeCloseTo(0.7307, 4);
    // The Stat Trek data (P = 0.033) is a difference at α = 0.05 but not at α = 0.01.
    expect(twoProportionTest({ successes: 38, n: 100 }, { successes: 102, n: 200 }, 0.01).verdict).toBe('no_detectable_difference');
  });

  it('gives equal rates z = 0 and no higher group', () => {
    const same = twoProportionTest({ successes: 10, n: 40 }, { successes: 20, n: 80 });
    expect(same).toMatchObject({ verdict: 'no_detectable_difference', z: 0, pValue: 1, higher: null });
  });

  it('says "too few to tell" when any expected count under "no difference" is below 5', () => {
    // p̂ = 6/20: expected successes 3 in each group of 10 → too few, however different 5/10 and 1/10 look.
    const small = twoProportionTest({ successes: 5, n: 10 }, { successes: 1, n: 10 });
    expect(small).toEqual({
      verdict: 'too_few_to_tell',
      a: { successes: 5, n: 10 },
      b: { successes: 1, n: 10 },
      alpha: 0.05,
      smallestExpectedCount: 3,
    });
    // Expected failures count too: p̂ = 0.9 over 2 × 40 → 4 expected failures per group.
    expect(twoProportionTest({ successes: 36, n: 40 }, { successes: 36, n: 40 }).verdict).toBe('too_few_to_tell');
    // Exactly 5 everywhere is enough: p̂ = 0.5 over 2 × 10.
    expect(twoProportionTest({ successes: 5, n: 10 }, { successes: 5, n: 10 }).verdict).toBe('no_detectable_difference');
    // An empty group, or nobody succeeding anywhere, never yields a z.
    expect(twoProportionTest({ successes: 0, n: 0 }, { successes: 30, n: 60 }).verdict).toBe('too_few_to_tell');
    expect(twoProportionTest({ successes: 0, n: 50 }, { successes: 0, n: 60 }).verdict).toBe('too_few_to_tell');
    expect(twoProportionTest({ successes: 0, n: 0 }, { successes: 0, n: 0 }).verdict).toBe('too_few_to_tell');
  });

  it('refuses impossible counts and α', () => {
    expect(() => twoProportionTest({ successes: 11, n: 10 }, { successes: 1, n: 10 })).toThrow(RangeError);
    expect(() => twoProportionTest({ successes: 1, n: 10 }, { successes: 1, n: 10 }, 1)).toThrow(RangeError);
  });
});
