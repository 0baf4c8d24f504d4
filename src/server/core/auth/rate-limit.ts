import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';

const WINDOW_MS = 15 * 60_000;

const keys = (email: string, ip: string) => ({ account: `account:${email.toLowerCase()}`, ip: `ip:${ip}` });

/**
 * Refuses a sign-in attempt while the account or the address has failed too often in the last
 * 15 minutes. Counted in the database so every instance behind a load balancer agrees.
 */
export async function assertSignInAllowed(db: Db, config: Config, email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  for (const [key, max] of [
    [k.account, config.signinMaxFailuresPerAccount],
    [k.ip, config.signinMaxFailuresPerIp],
  ] as const) {
    const rows = await db
      .selectFrom('sign_in_failures')
      .select('failed_at')
      .where('key', '=', key)
      .where('failed_at', '>', since)
      .orderBy('failed_at', 'desc')
      .limit(max)
      .execute();
    if (rows.length >= max) {
      const oldest = Date.parse(rows[rows.length - 1].failed_at);
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - Date.now()) / 1000));
      throw new AppError('too_many_requests', 'Too many failed sign-ins. Please wait a few minutes and try again.', [], {
        retryAfterSeconds,
      });
    }
  }
}

export async function recordSignInFailure(db: Db, email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  const now = new Date();
  await db
    .insertInto('sign_in_failures')
    .values([
      { id: newId(), key: k.account, failed_at: now.toISOString() },
      { id: newId(), key: k.ip, failed_at: now.toISOString() },
    ])
    .execute();
  // Forget what no longer counts.
  await db.deleteFrom('sign_in_failures').where('failed_at', '<', new Date(now.getTime() - WINDOW_MS).toISOString()).execute();
}

export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', keys(email, '').account).execute();
}
