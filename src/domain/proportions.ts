/**
 * Rates shown honestly: every rate with its n and a 95 % interval, "too few to judge" instead of a
 * number when n is small, and comparisons that say "no detectable difference" rather than pretend.
 *
 *   - `wilsonInterval`: Wilson's score interval (Wilson 1927; method 3 of Newcombe 1998). Unlike
 *     the textbook p ± z·√(p(1−p)/n) it never leaves [0, 1] and does not collapse to zero width at
 *     0 or n successes, which is what small sales samples produce.
 *   - `judgeRate`: below MIN_RATE_N observations the answer is "too few to judge", with no number.
 *   - `twoProportionTest`: the pooled two-proportion z-test, two-sided (see its comment for the rule
 *     that answers "too few to tell").
 */
import { twoSidedPValue } from './normal-distribution.js';

/** The standard normal quantile for a two-sided 95 % interval (Φ⁻¹(0.975) = 1.959964…). */
export const Z_95 = 1.959964;
/** A rate on fewer observations than this is "too few to judge". */
export const MIN_RATE_N = 5;
/** The two-proportion test needs every expected count under "no difference" to be at least this. */
export const MIN_EXPECTED_COUNT = 5;
/** How the app names the comparison it ran, wherever it shows a verdict. */
export const TWO_PROPORTION_TEST_NAME = 'two-proportion z-test (pooled, two-sided)';

/** Successes out of n observations (e.g. advances out of interactions with a recorded result). */
export type Counts = { successes: number; n: number };

export type RateInterval = {
  /** successes / n */
  rate: number;
  low: number;
  high: number;
  n: number;
};

function checkCounts({ successes, n }: Counts): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number from 0 to n (${n}), got ${successes}`);
  }
}

/**
 * The Wilson score interval for successes out of n, at z (95 % by default):
 *   centre ± half = (s + z²/2 ∓ z·√(s(n−s)/n + z²/4)) / (n + z²)
 * At 0 successes the low end is exactly 0, at n successes the high end is exactly 1.
 * There is no rate without an observation: n = 0 is refused (use `judgeRate`, which says "too few").
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): RateInterval {
  checkCounts({ successes, n });
  if (n === 0) throw new RangeError('no observations: a rate needs n ≥ 1');
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be a positive number, got ${z}`);
  const z2 = z * z;
  const centre = successes + z2 / 2;
  const half = z * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  const denominator = n + z2;
  return {
    rate: successes / n,
    low: successes === 0 ? 0 : Math.max(0, (centre - half) / denominator),
    high: successes === n ? 1 : Math.min(1, (centre + half) / denominator),
    n,
  };
}

/** A rate as the app may show it: with its interval and n, or "too few to judge" and only n. */
export type RateJudgement =
  | { kind: 'too_few_to_judge'; n: number }
  | ({ kind: 'rate'; successes: number } & RateInterval);

export function judgeRate(successes: number, n: number): RateJudgement {
  checkCounts({ successes, n });
  if (n < MIN_RATE_N) return { kind: 'too_few_to_judge', n };
  return { kind: 'rate', successes, ...wilsonInterval(successes, n) };
}

export type TwoProportionVerdict = 'different' | 'no_detectable_difference' | 'too_few_to_tell';

export type TwoProportionResult =
  | {
      verdict: 'too_few_to_tell';
      a: Counts;
      b: Counts;
      alpha: number;
      /** The smallest of the four expected counts under "no difference" (0 when a group is empty). */
      smallestExpectedCount: number;
    }
  | {
      verdict: 'different' | 'no_detectable_difference';
      a: Counts;
      b: Counts;
      alpha: number;
      smallestExpectedCount: number;
      /** (a.successes + b.successes) / (a.n + b.n): the common rate if there were no difference. */
      pooledRate: number;
      /** a's rate − b's rate */
      difference: number;
      z: number;
      pValue: number;
      /** Which group's rate is higher; null when the rates are equal. */
      higher: 'a' | 'b' | null;
    };

/**
 * Do two rates differ by more than chance would explain? The pooled two-proportion z-test,
 * two-sided:
 *   p̂ = (x₁ + x₂)/(n₁ + n₂),  z = (x₁/n₁ − x₂/n₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),  p = P(|Z| ≥ |z|)
 * Verdict: "different" when p < alpha, otherwise "no detectable difference" — never "the same".
 *
 * "Too few to tell" rule: the normal approximation behind z is only trusted when each of the four
 * counts expected if there were no difference — n₁p̂, n₁(1−p̂), n₂p̂, n₂(1−p̂) — is at least
 * MIN_EXPECTED_COUNT (5), the usual condition for this test and for the equivalent χ² test on the
 * 2×2 table. When any is smaller (including an empty group, or no success or no failure at all in
 * either group) no z or p-value is given.
 */
export function twoProportionTest(a: Counts, b: Counts, alpha = 0.05): TwoProportionResult {
  checkCounts(a);
  checkCounts(b);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  const total = a.n + b.n;
  const pooledRate = total === 0 ? 0 : (a.successes + b.successes) / total;
  const smallestExpectedCount = Math.min(a.n, b.n) * Math.min(pooledRate, 1 - pooledRate);
  if (total === 0 || smallestExpectedCount < MIN_EXPECTED_COUNT) {
    return { verdict: 'too_few_to_tell', a, b, alpha, smallestExpectedCount };
  }
  const difference = a.successes / a.n - b.successes / b.n;
  const standardError = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / a.n + 1 / b.n));
  const z = difference / standardError;
  const pValue = twoSidedPValue(z);
  return {
    verdict: pValue < alpha ? 'different' : 'no_detectable_difference',
    a,
    b,
    alpha,
    smallestExpectedCount,
    pooledRate,
    difference,
    z,
    pValue,
    higher: difference > 0 ? 'a' : difference < 0 ? 'b' : null,
  };
}
