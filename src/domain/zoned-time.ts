/**
 * Wall-clock times in IANA time zones: a meeting "on 12 June at 14:00 in Europe/Paris" is one instant,
 * and a person reads an instant as a date and time in a zone. Pure (Intl only), exact to the minute,
 * daylight-saving changes included.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The date (YYYY-MM-DD) and time (HH:MM) an instant shows on a clock in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** Minutes the zone is ahead of UTC at `instant` (Paris in summer: 120). */
function offsetMinutes(instant: number, timeZone: string): number {
  const { date, time } = wallClock(new Date(instant), timeZone);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The instant a clock in `timeZone` shows `date` at `time`. A time that a spring-forward change skips
 * (02:30 on the night clocks jump from 02:00 to 03:00) is read with the offset before the change, so
 * it lands just after the jump (03:30); a time that happens twice in autumn is the first of the two.
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  if (!DATE.test(date) || !TIME.test(time)) throw new RangeError(`expected YYYY-MM-DD and HH:MM, got ${date} ${time}`);
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`not a date: ${date}`);
  // The offset an hour either side of the wall time covers every change (none is longer than a day).
  const before = offsetMinutes(wall - 86_400_000, timeZone);
  const after = offsetMinutes(wall + 86_400_000, timeZone);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = wall - offset * 60_000;
    const shown = wallClock(new Date(candidate), timeZone);
    if (shown.date === date && shown.time === time) return new Date(candidate);
  }
  return new Date(wall - before * 60_000);
}

const wordsFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant in words for messages, on the clock of `timeZone`: "Wed 10 Jun 2026, 09:00". */
export function formatInstantIn(instant: Date, timeZone: string): string {
  let f = wordsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wordsFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}
