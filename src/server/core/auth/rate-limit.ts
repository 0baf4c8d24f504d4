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

async function failures(db: Db, key: string, since: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('key', '=', key)
    .where('failed_at', '>', new Date(since).toISOString())
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

export async function assertSignInAllowed(db: Db, config: Config, email: string, ip: string, now = Date.now()): Promise<void> {
  const k = keys(email, ip);
  const byIp = await failures(db, k.ip, now - WINDOW_MS, config.signinMaxFailuresPerIp);
  if (byIp.length >= config.signinMaxFailuresPerIp) throw tooMany(byIp[byIp.length - 1] + WINDOW_MS - now);

  // Enough rows to reach the longest delay: free tries + log2(15 min) + 1.
  const pair = await failures(db, k.pair, now - PAIR_WINDOW_MS, config.signinFreeFailuresPerAccountIp + 12);
  const delay = signInDelaySeconds(pair.length, config.signinFreeFailuresPerAccountIp) * 1000;
  if (delay > 0 && pair[0] + delay > now) throw tooMany(pair[0] + delay - now);

  if (pair.length > 0) {
    const byAccount = await failures(db, k.account, now - WINDOW_MS, config.signinMaxFailuresPerAccount);
    if (byAccount.length >= config.signinMaxFailuresPerAccount) throw tooMany(byAccount[byAccount.length - 1] + WINDOW_MS - now);
  }
}

export async function recordSignInFailure(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  const k = keys(email, ip);
  const at = now.toISOString();
  await db
    .insertInto('sign_in_failures')
    .values([k.account, k.pair, k.ip].map((key) => ({ id: newId(), key, failed_at: at })))
    .execute();
  // Forget what no longer counts.
  await db.deleteFrom('sign_in_failures').where('failed_at', '<', new Date(now.getTime() - PAIR_WINDOW_MS).toISOString()).execute();
}

/** The right password from this address: its failures on the account are forgiven (the account's total stays). */
export async function clearFailuresFrom(db: Db, email: string, ip: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', keys(email, ip).pair).execute();
}
