import { CADENCE_LABELS, WEEKDAY_LABELS, type CheckInSeries } from '../../../shared/check-ins';
import type { Reliability } from '../../../shared/plan-reliability';
import { judgeRate } from '../../../domain/proportions';
import { dateTimeFormat, formatDate, timeZoneLabel } from '../../lib/format';

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
};

/** "Every week on Thursday at 09:00 (Europe/Paris time)"; monthly: "Every month on the 31st (or its last day)…". */
export function scheduleWords(s: Pick<CheckInSeries, 'cadence' | 'weekday' | 'dayOfMonth' | 'time' | 'timeZone'>): string {
  const day =
    s.cadence === 'monthly'
      ? `on the ${ordinal(s.dayOfMonth ?? 1)}${(s.dayOfMonth ?? 1) > 28 ? ' (or the month’s last day)' : ''}`
      : `on ${WEEKDAY_LABELS[(s.weekday ?? 1) - 1]}`;
  return `${CADENCE_LABELS[s.cadence]} ${day} at ${s.time} (${timeZoneLabel(s.timeZone)} time)`;
}

/** A check-in's day and time on the manager's clock, and on the reader's when they live elsewhere. */
export function whenWords(c: { scheduledAt: string; localDate: string; localTime: string; timeZone: string }, readerZone: string): string {
  const there = `${formatDate(c.localDate)} at ${c.localTime}`;
  if (readerZone === c.timeZone) return there;
  const mine = dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: readerZone }).format(new Date(c.scheduledAt));
  return `${there} ${timeZoneLabel(c.timeZone)} time (${mine} your time)`;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Kept on time among judged commitments, as a rate that judges a person may be shown: with n and a
 * 95 % interval, or "too few to judge" below 5 (counted one each here: the must-do weight is the
 * reliability card's).
 */
export function keptWords(r: Reliability): string {
  const j = judgeRate(r.keptOnTime, r.counted);
  if (j.kind === 'too_few_to_judge') return r.counted === 0 ? 'Nothing judged yet.' : `${r.keptOnTime} of ${r.counted} judged kept on time — too few to judge.`;
  return `${r.keptOnTime} of ${r.counted} judged kept on time: ${percent(j.rate)} (95 % interval ${percent(j.low)}–${percent(j.high)}).`;
}
