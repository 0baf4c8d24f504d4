import { afterAll } from 'vitest';

/**
 * 10:30 UTC is at least 30 minutes from midnight in every time zone in use (UTC−12 to UTC+14,
 * Chatham's +12:45 included), so a test file that starts its clock here cannot see "today" change
 * halfway through, whatever hour CI runs at.
 */
export const FIXED_START = new Date('2026-06-10T10:30:00.000Z');

/**
 * Call at the top of a test file, before `testApp()`: the file then runs on a clock that starts at
 * `start` and moves on with real time at full resolution (timestamps keep increasing, so ordering by
 * creation or update time keeps working); timers are untouched. The app under test runs in the same
 * process, so the server's "today" is the test's "today". Restored after the file.
 */
export function useFixedClock(start: Date = FIXED_START): void {
  const RealDate = globalThis.Date;
  const offset = start.getTime() - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: [] | [string | number | Date] | [number, number, ...number[]]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else if (args.length === 1) super(args[0]);
      else super(...(args as [number, number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  afterAll(() => {
    globalThis.Date = RealDate;
  });
}

/**
 * Like `useFixedClock`, with a hand on the clock: `advance(ms)` moves "now" on for the app and the
 * test alike (time passing between writes, made quick).
 */
export function useMovableClock(start: Date = FIXED_START): { advance: (ms: number) => void } {
  const RealDate = globalThis.Date;
  let offset = start.getTime() - RealDate.now();
  class MovableDate extends RealDate {
    constructor(...args: [] | [string | number | Date] | [number, number, ...number[]]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else if (args.length === 1) super(args[0]);
      else super(...(args as [number, number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = MovableDate as DateConstructor;
  afterAll(() => {
    globalThis.Date = RealDate;
  });
  return { advance: (ms) => (offset += ms) };
}
