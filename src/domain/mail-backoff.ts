/**
 * When a mail that failed to send is tried again: exponential backoff from one minute, doubling
 * after each failure, never more than six hours, spread by ±25 % so that many mails that failed
 * together (the SMTP server was down) do not all come back at the same second.
 * Pure: the spread comes in as `random` in [0, 1); 0.5 gives the middle of the range.
 */
export const MAIL_BACKOFF_BASE_MS = 60_000;
export const MAIL_BACKOFF_CAP_MS = 6 * 3_600_000;

/** Milliseconds to wait after the `failures`-th failed attempt (1 = the first failure). */
export function mailBackoffMs(failures: number, random = 0.5): number {
  const n = Math.max(1, Math.floor(failures));
  const plain = Math.min(MAIL_BACKOFF_CAP_MS, MAIL_BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 30));
  const spread = 0.75 + 0.5 * Math.min(Math.max(random, 0), 1);
  return Math.round(plain * spread);
}

/** What happens after a failed attempt: try again at `retryAt`, or give up (dead letter). */
export function afterFailure(failures: number, maxAttempts: number, now: Date, random = 0.5): { dead: true } | { dead: false; retryAt: Date } {
  if (failures >= maxAttempts) return { dead: true };
  return { dead: false, retryAt: new Date(now.getTime() + mailBackoffMs(failures, random)) };
}
