import { describe, expect, it } from 'vitest';
import { afterFailure, mailBackoffMs } from './mail-backoff';

describe('mail backoff', () => {
  it('doubles from one minute after each failure (middle of the spread)', () => {
    // 60 s, 120 s, 240 s, 480 s, 960 s: worked by hand from base 60 000 ms × 2^(n−1).
    expect([1, 2, 3, 4, 5].map((n) => mailBackoffMs(n))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]);
  });

  it('never waits more than six hours, however many failures', () => {
    // 2^9 minutes = 512 min > 360 min: capped.
    expect(mailBackoffMs(10)).toBe(6 * 3_600_000);
    expect(mailBackoffMs(1000)).toBe(6 * 3_600_000);
  });

  it('spreads each wait by ±25 % with the random draw', () => {
    expect(mailBackoffMs(3, 0)).toBe(180_000); // 240 s × 0.75
    expect(mailBackoffMs(3, 0.999999)).toBe(300_000); // 240 s × 1.25, rounded
    expect(mailBackoffMs(3, 0.25)).toBe(210_000); // 240 s × 0.875
  });

  it('treats nonsense counts as the first failure', () => {
    expect(mailBackoffMs(0)).toBe(60_000);
    expect(mailBackoffMs(-3)).toBe(60_000);
  });

  it('gives up (dead letter) once the attempts are used up', () => {
    const now = new Date('2026-06-10T10:00:00Z');
    expect(afterFailure(2, 3, now)).toEqual({ dead: false, retryAt: new Date('2026-06-10T10:02:00Z') });
    expect(afterFailure(3, 3, now)).toEqual({ dead: true });
    expect(afterFailure(9, 3, now)).toEqual({ dead: true });
  });
});
