import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';

/**
 * Failed sign-ins, counted in the database so every instance behind a load balancer agrees, in a way
 * that is hard to turn against the account's owner:
 *
 * - per account and IP address: after SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP failures, each further try
 *   from that address waits 1 s after the last failure, then 2 s, 4 s… up to 15 minutes — a growing
 *   delay, not a flat lock, and only for the address that keeps guessing;
 * - per account, from every address: past SIGNIN_MAX_FAILURES_PER_ACCOUNT in 15 minutes (a much
 *   higher ceiling), addresses that have themselves failed on the account are held back too — but an
 *   address with no failure on it (the owner's, typically) still signs in with the right password;
 * - per IP address, across accounts: SIGNIN_MAX_FAILURES_PER_IP in 15 minutes (password spraying).
 *
 * A successful sign-in clears its own address's failures on the account, not the account's total.
 */
const WINDOW_MS = 15 * 60_000;
/** Failures of one account from one address are remembered this long (the delay grows within it). */
const PAIR_WINDOW_MS = 60 * 60_000;
const MAX_DELAY_S = 15 * 60;

const keys = (email: string, ip: string) => ({ account: `account:${email.toLowerCase()}`, pair: `account-ip:${email.toLowerCase()}|${ip}`, ip: `ip:${ip}` });

/** `before`: only failures reserved before this id (ids grow with time: core/ids.ts), the attempts that came first. */
async function failures(db: Db, key: string, since: number, limit: number, before?: string): Promise<number[]> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('key', '=', key)
    .where('failed_at', '>', new Date(since).toISOString())
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .orderBy('failed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => Date.parse(r.failed_at));
}

const tooMany = (retryAfterMs: number) =>
  new AppError('too_many_requests', 'Too many failed sign-ins. Please wait a moment and try again.', [], {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

/** The wait after `n` failures from one address on one account (0 while within the free tries). */
export function signInDelaySeconds(n: number, free: number): number {
  if (n < free) return 0;
  return Math.min(MAX_DELAY_S, 2 ** (n - free));
}

async function assertSignInAllowed(db: Db, config: Config, email: string, ip: string, now: number, reserved: Record<string, string>): Promise<void> {
  const k = keys(email, ip);
  const byIp = await failures(db, k.ip, now - WINDOW_MS, config.signinMaxFailuresPerIp, reserved[k.ip]);
  if (byIp.length >= config.signinMaxFailuresPerIp) throw tooMany(byIp[byIp.length - 1] + WINDOW_MS - now);

  // Enough rows to reach the longest delay: free tries + log2(15 min) + 1.
  const pair = await failures(db, k.pair, now - PAIR_WINDOW_MS, config.signinFreeFailuresPerAccountIp + 12, reserved[k.pair]);
  const delay = signInDelaySeconds(pair.length, config.signinFreeFailuresPerAccountIp) * 1000;
  if (delay > 0 && pair[0] + delay > now) throw tooMany(pair[0] + delay - now);

  if (pair.length > 0) {
    const byAccount = await failures(db, k.account, now - WINDOW_MS, config.signinMaxFailuresPerAccount, reserved[k.account]);
    if (byAccount.length >= config.signinMaxFailuresPerAccount) throw tooMany(byAccount[byAccount.length - 1] + WINDOW_MS - now);
  }
}

/** A password check under way: it ends as a failure (kept), a success (forgiven), or was never made (abandoned: taken back). */
export type SignInAttempt = { failed(): Promise<void>; succeeded(): Promise<void>; abandon(): Promise<void> };

/**
 * Starts a password check (sign-in, or the current password of a change). The attempt is written as
 * a failure first, then the limits are read counting only the attempts written before it: attempts
 * sent all at once are counted one after the other, so a burst gets no more tries than a sequence
 * (read first and written after the password check, forty at once all passed the check). Refused,
 * the attempt is taken back and answered 429.
 */
export async function beginSignIn(db: Db, config: Config, email: string, ip: string, now = new Date()): Promise<SignInAttempt> {
  const k = keys(email, ip);
  const at = now.toISOString();
  const rows = [k.account, k.pair, k.ip].map((key) => ({ id: newId(), key, failed_at: at }));
  await db.insertInto('sign_in_failures').values(rows).execute();
  const ids = rows.map((r) => r.id);
  const takeBack = () => db.deleteFrom('sign_in_failures').where('id', 'in', ids).execute();
  try {
    await assertSignInAllowed(db, config, email, ip, now.getTime(), Object.fromEntries(rows.map((r) => [r.key, r.id])));
  } catch (err) {
    await takeBack();
    throw err;
  }
  return {
    // Forget what no longer counts.
    failed: async () => {
      await db.deleteFrom('sign_in_failures').where('failed_at', '<', new Date(now.getTime() - PAIR_WINDOW_MS).toISOString()).execute();
    },
    // The right password from this address: its failures on the account are forgiven (the account's total stays).
    succeeded: async () => {
      await takeBack();
      await db.deleteFrom('sign_in_failures').where('key', '=', k.pair).execute();
    },
    abandon: async () => {
      await takeBack();
    },
  };
}
