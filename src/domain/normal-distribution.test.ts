import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, twoSidedPValue } from './normal-distribution.js';

// Published values: M. Abramowitz & I. A. Stegun (eds.), Handbook of Mathematical Functions (NBS, 1964),
// Table 7.1 (error function, p. 310) and Table 26.1 (normal probability function P(x), pp. 966–972),
// which print 15 decimals.
const TOLERANCE = 1e-12; // far tighter than the 1e-7 a p-value needs

describe('error function', () => {
  it('matches A&S Table 7.1', () => {
    expect(Math.abs(erf(0.5) - 0.520499877813047)).toBeLessThan(TOLERANCE);
    expect(Math.abs(erf(1) - 0.842700792949715)).toBeLessThan(TOLERANCE);
    expect(Math.abs(erf(2) - 0.995322265018953)).toBeLessThan(TOLERANCE);
    expect(erf(0)).toBe(0);
  });

  it('is odd, and erfc is its complement on both sides of the switch between methods', () => {
    for (const x of [0.1, 1.3, 2.4999, 2.5, 2.5001, 3.7]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(1e-15);
      expect(Math.abs(erfc(-x) - (2 - erfc(x)))).toBeLessThan(1e-15);
    }
    // No jump where the series hands over to the continued fraction: over 1e-10 the curve itself
    // falls by 2.2e-13 (its slope there is −2/√π·e^(−6.25)).
    const step = erfc(2.5 - 1e-10) - erfc(2.5);
    expect(step).toBeGreaterThan(2.0e-13);
    expect(step).toBeLessThan(2.4e-13);
  });
});

describe('normal CDF', () => {
  it('matches A&S Table 26.1', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [0.5, 0.691462461274013],
      [1, 0.841344746068543],
      [1.96, 0.97500210485178],
      [2, 0.977249868051821],
      [2.5, 0.993790334674224],
      [3, 0.99865010196837],
    ];
    for (const [z, p] of table) {
      expect(Math.abs(normalCdf(z) - p)).toBeLessThan(TOLERANCE);
      expect(Math.abs(normalCdf(-z) - (1 - p))).toBeLessThan(TOLERANCE);
    }
  });

  it('keeps far tails accurate relative to their size (A&S 26.1: P(4) = 0.999968328758167, P(5) = 0.999999713348428)', () => {
    expect(normalCdf(-4) / (1 - 0.999968328758167)).toBeCloseTo(1, 8);
    expect(normalCdf(-5) / (1 - 0.999999713348428)).toBeCloseTo(1, 6);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it('gives the two-sided p-values every statistics table prints: 1.96 → 0.05, 2.5758 → 0.01, 1.6449 → 0.10', () => {
    expect(twoSidedPValue(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedPValue(-1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedPValue(2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedPValue(1.644854)).toBeCloseTo(0.1, 6);
    expect(twoSidedPValue(0)).toBe(1);
  });
});
