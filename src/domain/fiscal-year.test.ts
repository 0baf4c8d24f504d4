import { describe, expect, it } from 'vitest';
import { fiscalYearBounds, fiscalYearName, fiscalYearOf, isInFiscalYear } from './fiscal-year.js';

describe('fiscal year of a date (named by the calendar year it starts in)', () => {
  it('with a January start, is the calendar year; its first and last days included', () => {
    expect(fiscalYearOf('2026-01-01', 1)).toBe(2026);
    expect(fiscalYearOf('2026-06-10', 1)).toBe(2026);
    expect(fiscalYearOf('2026-12-31', 1)).toBe(2026);
    expect(fiscalYearOf('2025-12-31', 1)).toBe(2025);
    expect(fiscalYearBounds(2026, 1)).toEqual({ fiscalYear: 2026, start: '2026-01-01', end: '2026-12-31' });
  });

  it('with an April start: 31 March is the last day of the previous year, 1 April the first of the next', () => {
    expect(fiscalYearOf('2026-03-31', 4)).toBe(2025);
    expect(fiscalYearOf('2026-04-01', 4)).toBe(2026);
    expect(fiscalYearOf('2027-03-31', 4)).toBe(2026);
    expect(fiscalYearOf('2027-04-01', 4)).toBe(2027);
    expect(fiscalYearOf('2026-12-31', 4)).toBe(2026);
    expect(fiscalYearOf('2027-01-01', 4)).toBe(2026);
    // FY2026 runs 1 Apr 2026 – 31 Mar 2027.
    expect(fiscalYearBounds(2026, 4)).toEqual({ fiscalYear: 2026, start: '2026-04-01', end: '2027-03-31' });
  });

  it('with an October start: 30 September closes the year, 1 October opens the next', () => {
    expect(fiscalYearOf('2026-09-30', 10)).toBe(2025);
    expect(fiscalYearOf('2026-10-01', 10)).toBe(2026);
    expect(fiscalYearOf('2027-09-30', 10)).toBe(2026);
    expect(fiscalYearOf('2027-10-01', 10)).toBe(2027);
    expect(fiscalYearBounds(2026, 10)).toEqual({ fiscalYear: 2026, start: '2026-10-01', end: '2027-09-30' });
  });

  it('ends a March-start year on 28 or 29 February, as the calendar has it', () => {
    expect(fiscalYearBounds(2027, 3).end).toBe('2028-02-29'); // 2028 is a leap year
    expect(fiscalYearBounds(2026, 3).end).toBe('2027-02-28');
    expect(fiscalYearOf('2028-02-29', 3)).toBe(2027);
    expect(fiscalYearOf('2028-03-01', 3)).toBe(2028);
  });

  it('puts every day of a year inside its own bounds, and the days either side outside', () => {
    for (const month of [1, 4, 10]) {
      const { start, end } = fiscalYearBounds(2026, month);
      expect(isInFiscalYear(start, 2026, month)).toBe(true);
      expect(isInFiscalYear(end, 2026, month)).toBe(true);
      expect(fiscalYearOf(start, month)).toBe(2026);
      expect(fiscalYearOf(end, month)).toBe(2026);
    }
    expect(isInFiscalYear('2026-03-31', 2026, 4)).toBe(false);
    expect(isInFiscalYear('2027-04-01', 2026, 4)).toBe(false);
    expect(isInFiscalYear('2025-12-31', 2026, 1)).toBe(false);
    expect(isInFiscalYear('2027-10-01', 2026, 10)).toBe(false);
  });

  it('refuses a start month outside 1–12 and a date that is not one', () => {
    expect(() => fiscalYearOf('2026-05-01', 0)).toThrow(RangeError);
    expect(() => fiscalYearOf('2026-05-01', 13)).toThrow(RangeError);
    expect(() => fiscalYearBounds(2026, 4.5)).toThrow(RangeError);
    expect(() => fiscalYearOf('soon', 1)).toThrow(RangeError);
  });

  it('names a year FY and the year it starts in', () => {
    expect(fiscalYearName(2026)).toBe('FY2026');
  });
});
