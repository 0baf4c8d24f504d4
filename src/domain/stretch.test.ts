import { describe, expect, it } from 'vitest';
import { describeStretch, stretchProgress } from './stretch.js';

describe('stretch progress', () => {
  it('shows a stretch goal that ended short as how far it got (issue 12: "stretch — 70 % of the way")', () => {
    const progress = stretchProgress(1_000_000, 700_000);
    expect(progress).toEqual({ target: 1_000_000, actual: 700_000, percent: 70, reached: false });
    expect(describeStretch(progress)).toBe('stretch — 70 % of the way');
  });

  it('rounds down, so it never claims ground not covered', () => {
    expect(stretchProgress(1000, 699.9).percent).toBe(69);
    expect(stretchProgress(3, 2).percent).toBe(66);
    expect(stretchProgress(1_000_000, 999_999.99).percent).toBe(99);
    expect(stretchProgress(1_000_000_000, 999_999_999.999).percent).toBe(99);
  });

  it('does not lose a whole percent to floating point (57 / 100 × 100 = 56.99999999999999)', () => {
    expect(stretchProgress(100, 57).percent).toBe(57);
    expect(stretchProgress(1000, 580).percent).toBe(58);
    expect(stretchProgress(1, 0.29).percent).toBe(29);
  });

  it('says "reached" at or past the target, and keeps counting', () => {
    expect(stretchProgress(12, 12)).toMatchObject({ percent: 100, reached: true });
    const past = stretchProgress(20, 26);
    expect(past).toMatchObject({ percent: 130, reached: true });
    expect(describeStretch(past)).toBe('stretch — reached (130 %)');
  });

  it('shows nothing reached as 0 %, never as a failure or a negative', () => {
    expect(describeStretch(stretchProgress(10, 0))).toBe('stretch — 0 % of the way');
    expect(stretchProgress(10, -3).percent).toBe(0);
  });

  it('refuses a target that cannot be stretched towards', () => {
    expect(() => stretchProgress(0, 5)).toThrow(RangeError);
    expect(() => stretchProgress(-10, 5)).toThrow(RangeError);
    expect(() => stretchProgress(Number.NaN, 5)).toThrow(RangeError);
    expect(() => stretchProgress(10, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
