import { formatInstantIn } from '../../../domain/zoned-time.js';
import { AppError, ruleViolation } from '../../core/errors.js';

/**
 * When an interaction may be planned and when its result may be recorded.
 *
 * - A new time must be ahead: a time in the past is refused with 422 date_in_past, worded on the
 *   clock of the zone it was planned in — unless the person says it already happened (logging a
 *   past call), and then it must not be ahead. A time up to GRACE_MINUTES ago counts as now, so
 *   "a call right now" is not refused for the seconds it took to save.
 * - Its result is recorded once its time has come (the start: a call may end early), not before.
 */
export const GRACE_MINUTES = 5;

const words = (instant: string, timeZone: string) => `${formatInstantIn(new Date(instant), timeZone)} (${timeZone.replace(/_/g, ' ')})`;

export function assertPlannable(startsAt: string, timeZone: string, alreadyHappened: boolean, now: Date): void {
  const at = Date.parse(startsAt);
  if (alreadyHappened) {
    if (at > now.getTime()) {
      const message = `${words(startsAt, timeZone)} is still ahead: it cannot have happened yet. Plan it instead.`;
      throw ruleViolation(message, [{ path: 'startsAt', message }]);
    }
    return;
  }
  if (at < now.getTime() - GRACE_MINUTES * 60_000) {
    const message = `Pick a time still ahead — ${words(startsAt, timeZone)} has already passed. If it already happened, say so and record its result.`;
    throw new AppError('date_in_past', message, [{ path: 'startsAt', message }]);
  }
}

export function assertHappened(i: { kind: string; starts_at: string | null; time_zone: string | null; sort_at: string }, now: Date): void {
  if (Date.parse(i.sort_at) <= now.getTime()) return;
  const when = i.starts_at && i.time_zone ? ` is planned for ${words(i.starts_at, i.time_zone)}` : ' has not happened yet';
  throw new AppError('not_happened_yet', `This ${i.kind}${when}: record its result once it has happened.`);
}

/** Stored and answered in UTC, to the millisecond, whatever offset it was sent with. */
export const utcInstant = (instant: string) => new Date(instant).toISOString();
