/**
 * The period of a goal: a first and a last calendar day (both included), in the goal owner's time
 * zone. Three presets are read from the workspace's fiscal calendar (fiscal-year.ts):
 *
 *   this_month    the calendar month today falls in;
 *   this_quarter  the FISCAL quarter today falls in: quarters start at the fiscal year's start month
 *                 and every three months after it (with an April start, Q1 is April–June);
 *   this_year     the fiscal year today falls in.
 *
 * Measures count what happened inside the period, so a period is also turned into the instants it
 * spans in the owner's zone (`periodInstants`), and into the weeks elapsed so far (`elapsedWeeks`).
 * Pure functions; "today" is passed in.
 */
import { addDays, daysBetween } from './dates.js';
import { fiscalYearBounds, fiscalYearOf } from './fiscal-year.js';

export const PERIOD_PRESETS = ['this_month', 'this_quarter', 'this_year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type Period = { start: string; end: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The last day of a calendar month (month 1–12). */
function lastDayOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 1) - 86_400_000).toISOString().slice(0, 10);
}

/** The fiscal quarter (1–4) a date falls in, and its first and last days. */
export function fiscalQuarterOf(date: string, startMonth: number): Period & { quarter: number; fiscalYear: number } {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const month = Number(date.slice(5, 7));
  const offset = (month - startMonth + 12) % 12;
  const quarter = Math.floor(offset / 3) + 1;
  const firstMonthIndex = startMonth - 1 + (quarter - 1) * 3; // months since January of the fiscal year's first calendar year
  const startYear = fiscalYear + Math.floor(firstMonthIndex / 12);
  const startMonthOfQuarter = (firstMonthIndex % 12) + 1;
  const lastIndex = firstMonthIndex + 2;
  const endYear = fiscalYear + Math.floor(lastIndex / 12);
  const endMonth = (lastIndex % 12) + 1;
  return { quarter, fiscalYear, start: `${pad(startYear, 4)}-${pad(startMonthOfQuarter)}-01`, end: lastDayOf(endYear, endMonth) };
}

/** The days a preset stands for, on `today`, in a workspace whose fiscal year starts in `startMonth`. */
export function presetPeriod(preset: PeriodPreset, today: string, startMonth: number): Period {
  switch (preset) {
    case 'this_month': {
      const year = Number(today.slice(0, 4));
      const month = Number(today.slice(5, 7));
      return { start: `${today.slice(0, 7)}-01`, end: lastDayOf(year, month) };
    }
    case 'this_quarter': {
      const { start, end } = fiscalQuarterOf(today, startMonth);
      return { start, end };
    }
    case 'this_year': {
      const { start, end } = fiscalYearBounds(fiscalYearOf(today, startMonth), startMonth);
      return { start, end };
    }
  }
}

/** A period is the right way round: it may be a single day. */
export const isPeriod = (p: Period): boolean => p.start <= p.end;

/** Whether the period's last day has passed (today is after it). */
export const hasEnded = (p: Period, today: string): boolean => today > p.end;

/** Whether today falls inside the period. */
export const isCurrent = (p: Period, today: string): boolean => today >= p.start && today <= p.end;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
function zoneOffset(timeZone: string, at: number): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant `date` begins in `timeZone` (its midnight there; on a day whose midnight is skipped by
 * a clock change, the first instant that exists).
 */
export function startOfDayIn(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnightUtc)) throw new RangeError(`not a calendar date: ${date}`);
  // Two passes: the offset at the first guess can differ from the offset at the answer near a change.
  const guess = midnightUtc - zoneOffset(timeZone, midnightUtc);
  return new Date(midnightUtc - zoneOffset(timeZone, guess));
}

/** [from, to): the instants of the period in the owner's zone, as RFC 3339 text (compares with stored instants). */
export function periodInstants(p: Period, timeZone: string): { from: string; to: string } {
  return { from: startOfDayIn(p.start, timeZone).toISOString(), to: startOfDayIn(addDays(p.end, 1), timeZone).toISOString() };
}

/**
 * Weeks of the period that have passed, today included, counting at least one week so that the
 * first days of a period do not inflate a weekly rate (2 calls on day 3 are 2 a week, not 4.7). A
 * period that has not started has 0 weeks; one that has ended counts all its days.
 */
export function elapsedWeeks(p: Period, today: string): number {
  if (today < p.start) return 0;
  const last = today > p.end ? p.end : today;
  const days = daysBetween(p.start, last) + 1;
  return Math.max(1, days / 7);
}
