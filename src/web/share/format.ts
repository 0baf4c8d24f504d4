import { daysBetween, todayIn } from '../../domain/dates';

/** Dates on the customer's page: calendar dates as written, "today" in the browser's own time zone. */
const zone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
})();

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

export const today = () => todayIn(zone, new Date());

export function formatDate(date: string, short = false): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : (short ? shortFormat : dateFormat).format(d);
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export function dueWhen(date: string): string {
  const n = daysBetween(today(), date);
  if (n === 0) return 'due today';
  if (n === 1) return 'due tomorrow';
  if (n > 1) return `due in ${days(n)}`;
  return `${days(-n)} past its date`;
}

export function untilTarget(date: string): string {
  const n = daysBetween(today(), date);
  return n > 0 ? `${days(n)} to go` : n === 0 ? 'today' : `${days(-n)} ago`;
}

export function ago(instant: string): string {
  const minutes = Math.round((Date.now() - Date.parse(instant)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(new Date(instant));
}
