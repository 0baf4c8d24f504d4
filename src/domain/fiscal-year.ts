/**
 * Fiscal years. A workspace says in which month its fiscal year starts (1 = January … 12 = December).
 *
 * A fiscal year is named by the calendar year in which it STARTS: with a start month of April,
 * FY2026 runs from 2026-04-01 to 2027-03-31; with January it is the calendar year 2026. (Some
 * companies name a year by the calendar year it ends in; Advance does not, and says so wherever it
 * shows a year that spans two calendar years.)
 *
 * Dates are calendar dates (YYYY-MM-DD); which day "today" is depends on a time zone and is decided
 * by the caller (dates.ts `todayIn`). Pure functions.
 */

export const FISCAL_MONTH_MIN = 1;
export const FISCAL_MONTH_MAX = 12;

export type FiscalYearBounds = {
  /** The calendar year the fiscal year starts in: its name. */
  fiscalYear: number;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
};

function checkMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < FISCAL_MONTH_MIN || startMonth > FISCAL_MONTH_MAX) {
    throw new RangeError(`the fiscal year's start month is a whole number from 1 to 12, got ${startMonth}`);
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The fiscal year a calendar date falls in. */
export function fiscalYearOf(date: string, startMonth: number): number {
  checkMonth(startMonth);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a calendar date: ${date}`);
  return month >= startMonth ? year : year - 1;
}

/** The first and last day of a fiscal year. */
export function fiscalYearBounds(fiscalYear: number, startMonth: number): FiscalYearBounds {
  checkMonth(startMonth);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9998) throw new RangeError(`not a fiscal year: ${fiscalYear}`);
  const start = `${pad(fiscalYear, 4)}-${pad(startMonth, 2)}-01`;
  // The day before the next fiscal year starts (leap years handled by the calendar, not by us).
  const next = Date.UTC(fiscalYear + 1, startMonth - 1, 1);
  const end = new Date(next - 86_400_000).toISOString().slice(0, 10);
  return { fiscalYear, start, end };
}

/** True when `date` falls within the fiscal year, both ends included. */
export function isInFiscalYear(date: string, fiscalYear: number, startMonth: number): boolean {
  const { start, end } = fiscalYearBounds(fiscalYear, startMonth);
  return date >= start && date <= end;
}

/** "FY2026": the name of a fiscal year (the calendar year it starts in). */
export const fiscalYearName = (fiscalYear: number): string => `FY${fiscalYear}`;
