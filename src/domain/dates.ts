/**
 * Calendar dates in people's time zones. A due date such as `2026-12-31` means that day where its
 * owner lives: it is overdue only once that day has ended there, not at midnight UTC.
 * Pure functions; `now` is always passed in.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

// Lists ask for "today" once per row, and a deal's customer-side figures ask it at the instant each
// open commitment would turn into a miss — the same instants on every write to that deal. Every
// zone's offset is a whole number of minutes, so a day never starts inside a UTC minute: the answer
// for one (zone, minute) pair is exact to reuse. The last answer per zone is checked first.
const todayCache = new Map<string, { minute: number; date: string }>();
const todayByMinute = new Map<string, string>();

/** The calendar date it is at `now` in `timeZone`, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const hit = todayCache.get(timeZone);
  if (hit && hit.minute === minute) return hit.date;
  const key = `${minute} ${timeZone}`;
  let date = todayByMinute.get(key);
  if (date === undefined) {
    const parts = formatterFor(timeZone).formatToParts(now);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    date = `${get('year')}-${get('month')}-${get('day')}`;
    if (todayByMinute.size >= 10_000) todayByMinute.clear();
    todayByMinute.set(key, date);
  }
  if (todayCache.size > 1000) todayCache.clear();
  todayCache.set(timeZone, { minute, date });
  return date;
}

/** True once the whole of `date` has passed in `timeZone`. */
export function isOverdue(date: string, timeZone: string, now: Date): boolean {
  return todayIn(timeZone, now) > date;
}

/** True when `date` is before today in `timeZone`: a new due date there would already have passed. */
export function isBeforeToday(date: string, timeZone: string, now: Date): boolean {
  return date < todayIn(timeZone, now);
}

/**
 * An instant that falls on `date` in `timeZone` (midday there, give or take the zone's offset):
 * "done on Tuesday" for something recorded afterwards. Noon UTC is on that day from UTC−12 to UTC+11;
 * further east it is already the next day, so step back half a day.
 */
export function instantOn(date: string, timeZone: string): Date {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const drift = daysBetween(date, todayIn(timeZone, noonUtc));
  return new Date(noonUtc.getTime() - drift * 12 * 3_600_000);
}

/**
 * The first instant of `date` in `timeZone` (its midnight there, or whenever the day begins when a
 * clock change skips midnight): where "until the end of the 14th" stops, as the start of the 15th.
 * Every zone's day starts between UTC−14 h and UTC+12 h of UTC midnight, and the date there only
 * grows with time, so a binary search over minutes finds it exactly.
 */
export function dayStartsAt(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`) / 60_000;
  let lo = utcMidnight - 15 * 60; // surely still the day before there
  let hi = utcMidnight + 13 * 60; // surely `date` (or later) there
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (todayIn(timeZone, new Date(mid * 60_000)) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(hi * 60_000);
}

// A plan page asks for days between a few distinct dates hundreds of times; parsing was 5% of it.
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 at UTC midnight of `date` (a whole number for a valid date, else NaN). */
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    if (dayNumbers.size >= 10_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const year = d.getUTCFullYear();
  // Past year 9999 (or before year 1) the ISO text grows a sign and two digits ("+010000-01-01"), which
  // no longer compares or parses as a date: refuse, rather than let a loop over days run forever.
  if (!(year >= 1 && year <= 9999)) throw new RangeError(`${date} + ${days} days is outside the calendar Advance computes with`);
  return d.toISOString().slice(0, 10);
}

/** Days a date is overdue for its owner at `now` (0 when not overdue). */
export function daysOverdue(date: string, timeZone: string, now: Date): number {
  return Math.max(0, daysBetween(date, todayIn(timeZone, now)));
}

const dateWords = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A calendar date in words for messages ("Fri 27 Nov 2026"): no time zone can shift it. */
export function formatCalendarDate(date: string): string {
  return dateWords.format(new Date(`${date}T00:00:00Z`)).replace(/,/g, '');
}

/** The days from 1970-01-01 to a proleptic Gregorian date (month 1–12), in integer arithmetic. */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** Two digits at `i` as a number, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/**
 * Milliseconds since the epoch of an instant in the form the app stores (`Date#toISOString`:
 * `YYYY-MM-DDTHH:mm:ss.sssZ`), read from its digits: about four times faster than `Date.parse`,
 * which a list page calls once per row (the days a deal has been open). Any other form, and a
 * month, day or time out of range, goes to `Date.parse`, so the answer is always `Date.parse`'s.
 */
export function instantMs(iso: string): number {
  if (
    iso.length !== 24 ||
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(19) !== 46 || // .
    iso.charCodeAt(23) !== 90 // Z
  )
    return Date.parse(iso);
  const century = twoDigits(iso, 0);
  const yy = twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hours = twoDigits(iso, 11);
  const minutes = twoDigits(iso, 14);
  const seconds = twoDigits(iso, 17);
  const hundreds = iso.charCodeAt(20) - 48;
  const rest = twoDigits(iso, 21);
  const year = century * 100 + yy;
  // Not digits, or out of range (a 30th of February, hour 24): Date.parse decides, as everywhere else.
  if (century < 0 || yy < 0 || rest < 0 || hundreds >>> 0 > 9 || month < 1 || month > 12 || day < 1 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || day > daysInMonth(year, month))
    return Date.parse(iso);
  return civilDays(year, month, day) * 86_400_000 + ((hours * 60 + minutes) * 60 + seconds) * 1000 + hundreds * 100 + rest;
}

/** The days of a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
