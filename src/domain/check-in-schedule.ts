/**
 * When a recurring 1:1 check-in happens. A series is a cadence (weekly, every two weeks, monthly), a
 * day (a weekday, or a day of the month) and a wall-clock time in the manager's time zone, from a
 * first date on. Each occurrence is that time on that day *there*: a weekly 09:00 in Europe/Berlin
 * stays 09:00 in Berlin across the March and October clock changes (its UTC instant moves by an hour).
 *
 * - weekly / every two weeks: the first date on or after `startsOn` that falls on `weekday`
 *   (ISO: 1 = Monday … 7 = Sunday), then every 7 / 14 days.
 * - monthly: `dayOfMonth` of every month from `startsOn`'s month, on the month's last day when it is
 *   shorter (31 → 30 April, 28 or 29 February); a date before `startsOn` does not count.
 *
 * A time that a spring-forward change skips lands just after the jump (zoned-time.ts instantAt).
 * Pure: `now` and every instant are passed in.
 */
import { addDays, daysBetween, daysInMonth } from './dates.js';
import { instantAt, wallClock } from './zoned-time.js';

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export type Schedule = {
  cadence: Cadence;
  /** ISO weekday, 1 = Monday … 7 = Sunday: weekly and every two weeks. */
  weekday: number | null;
  /** 1–31: monthly (the month's last day when it has fewer). */
  dayOfMonth: number | null;
  /** HH:MM on the clock of `timeZone`. */
  time: string;
  /** The manager's IANA time zone. */
  timeZone: string;
  /** YYYY-MM-DD: no occurrence before this date. */
  startsOn: string;
};

export type Occurrence = {
  /** The day and time on the clock of the schedule's zone. */
  date: string;
  time: string;
  /** The instant it starts. */
  at: Date;
};

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Checks the schedule is one of the shapes above; throws a RangeError naming what is wrong. */
export function checkSchedule(s: Schedule): void {
  if (!CADENCES.includes(s.cadence)) throw new RangeError(`unknown cadence ${s.cadence}`);
  if (s.cadence === 'monthly') {
    if (!Number.isInteger(s.dayOfMonth) || (s.dayOfMonth as number) < 1 || (s.dayOfMonth as number) > 31) throw new RangeError('monthly needs a dayOfMonth from 1 to 31');
  } else if (!Number.isInteger(s.weekday) || (s.weekday as number) < 1 || (s.weekday as number) > 7) {
    throw new RangeError(`${s.cadence} needs a weekday from 1 to 7`);
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time)) throw new RangeError(`expected HH:MM, got ${s.time}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.startsOn)) throw new RangeError(`expected YYYY-MM-DD, got ${s.startsOn}`);
}

/** The n-th occurrence's date (n = 0 is the first on or after startsOn). */
function nthDate(s: Schedule, n: number): string {
  if (s.cadence === 'monthly') {
    const y0 = Number(s.startsOn.slice(0, 4));
    const m0 = Number(s.startsOn.slice(5, 7));
    // Month index counted from startsOn's month; skip that month when its day is before startsOn.
    const dayIn = (k: number) => {
      const total = m0 - 1 + k;
      const y = y0 + Math.floor(total / 12);
      const m = (total % 12) + 1;
      return `${y}-${pad(m)}-${pad(Math.min(s.dayOfMonth as number, daysInMonth(y, m)))}`;
    };
    const skip = dayIn(0) < s.startsOn ? 1 : 0;
    return dayIn(n + skip);
  }
  const first = addDays(s.startsOn, ((s.weekday as number) - isoWeekday(s.startsOn) + 7) % 7);
  return addDays(first, n * (s.cadence === 'weekly' ? 7 : 14));
}

/** An index a little before the occurrence on `date` (never after it), to walk forward from. */
function indexNear(s: Schedule, date: string): number {
  if (date <= s.startsOn) return 0;
  if (s.cadence === 'monthly') {
    const months = (Number(date.slice(0, 4)) - Number(s.startsOn.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(s.startsOn.slice(5, 7));
    return Math.max(0, months - 2);
  }
  const step = s.cadence === 'weekly' ? 7 : 14;
  return Math.max(0, Math.floor(daysBetween(s.startsOn, date) / step) - 2);
}

function occurrenceAt(s: Schedule, n: number): Occurrence {
  const date = nthDate(s, n);
  return { date, time: s.time, at: instantAt(date, s.time, s.timeZone) };
}

/** The first `count` occurrences that start at or after `from`, in order. */
export function occurrencesFrom(s: Schedule, from: Date, count: number): Occurrence[] {
  checkSchedule(s);
  const out: Occurrence[] = [];
  let n = indexNear(s, wallClock(from, s.timeZone).date);
  while (out.length < count) {
    const o = occurrenceAt(s, n++);
    if (o.at.getTime() >= from.getTime()) out.push(o);
  }
  return out;
}

/** The next occurrence starting at or after `from`. */
export function nextOccurrence(s: Schedule, from: Date): Occurrence {
  return occurrencesFrom(s, from, 1)[0];
}

/** The last occurrence that started before `before`, or null when there was none yet. */
export function previousOccurrence(s: Schedule, before: Date): Occurrence | null {
  checkSchedule(s);
  let n = indexNear(s, wallClock(before, s.timeZone).date);
  let last: Occurrence | null = null;
  for (;;) {
    const o = occurrenceAt(s, n++);
    if (o.at.getTime() >= before.getTime()) return last;
    last = o;
  }
}

/** Every occurrence starting in [from, to), in order. */
export function occurrencesBetween(s: Schedule, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  let cursor = from;
  for (;;) {
    const o = nextOccurrence(s, cursor);
    if (o.at.getTime() >= to.getTime()) return out;
    out.push(o);
    cursor = new Date(o.at.getTime() + 60_000);
  }
}

/** True when `at` is exactly when one of the schedule's occurrences starts. */
export function isOccurrence(s: Schedule, at: Date): boolean {
  return nextOccurrence(s, at).at.getTime() === at.getTime();
}

/** Roughly how long one period of the cadence is, in days (a first check-in's look-back). */
export function cadenceDays(cadence: Cadence): number {
  return cadence === 'weekly' ? 7 : cadence === 'biweekly' ? 14 : 30;
}
