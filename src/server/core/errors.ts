import { formatCalendarDate } from '../../domain/dates.js';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.js';

export type ErrorDetail = { path: string; message: string };

/** A failure the client can act on. Anything else is masked as `internal_error`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra: { current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found.`);
export const forbidden = (message = 'You are not allowed to do that.') => new AppError('forbidden', message);
export const notSignedIn = () => new AppError('not_signed_in', 'Please sign in.');
export const conflict = (current: unknown) =>
  new AppError('version_conflict', 'Someone else changed this record since you opened it. Here is the current version.', [], {
    current,
  });
export const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'Some fields need attention.', [{ path, message }]);
export const ruleViolation = (message: string, details: ErrorDetail[] = []) =>
  new AppError('rule_violation', message, details);
export const duplicate = (path: string, message: string) => new AppError('duplicate', 'Some fields need attention.', [{ path, message }]);

/**
 * A new date before today in the zone where it is judged (the owner's, for a due date). The message
 * names the date and the zone, so the person sees why "yesterday" is yesterday.
 */
export const dateInPast = (path: string, date: string, timeZone: string) => {
  const message = `Pick today or a later date — ${formatCalendarDate(date)} has already passed in ${timeZone.replace(/_/g, ' ')}.`;
  return new AppError('date_in_past', message, [{ path, message }]);
};

export const planClosed = (status: 'completed' | 'abandoned') =>
  new AppError('plan_closed', `This plan is ${status}: nothing on it can change. Reopen it first if there is more to do.`);
