import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import { AppError } from './errors.js';
import type { App } from './http.js';

/**
 * Fixed-window request limits counted in the database (table rate_counters), so several instances
 * share them, on SQLite and PostgreSQL alike: one atomic upsert per hit returns the window's count.
 * Over the limit → 429 `too_many_requests` with `Retry-After` (seconds until the window ends).
 */
export async function hit(db: Db, bucket: string, limit: number, windowMs: number, message: string, now = Date.now()): Promise<void> {
  const windowStart = now - (now % windowMs);
  if ((await add(db, bucket, windowStart, now)) > limit) throw tooMany(message, windowStart + windowMs - now);
}

/** One more in the bucket's window (created at 1), atomically: the window's count after it. */
async function add(db: Db, bucket: string, windowStart: number, now: number): Promise<number> {
  const row = await db
    .insertInto('rate_counters')
    .values({ bucket, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  // Now and then, forget windows that ended long ago.
  if (Math.random() < 0.01) await db.deleteFrom('rate_counters').where('window_start', '<', now - 24 * 3_600_000).execute();
  return Number(row.count);
}

/** One fewer in that window: a place taken by `limitOutcomes` and given back. */
async function giveBack(db: Db, bucket: string, windowStart: number): Promise<void> {
  await db
    .updateTable('rate_counters')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart)
    .where('count', '>', 0)
    .execute();
}

const tooMany = (message: string, retryAfterMs: number) =>
  new AppError('too_many_requests', message, [], { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

export const DAY_MS = 24 * 3_600_000;

/**
 * A cap on records made in any 24 hours, counted from the records themselves: given the creation
 * instants of the latest (at most `maxPerDay`, newest first, since `now - DAY_MS`), refuses with 429
 * and the time until the oldest of them is a day old.
 */
export function refuseWhenDayIsFull(recent: readonly { created_at: string }[], maxPerDay: number, message: string, now: number): void {
  if (recent.length < maxPerDay) return;
  throw tooMany(message, Date.parse(recent[recent.length - 1].created_at) + DAY_MS - now);
}

export type OutcomeLimit = { bucket: string; limit: number; windowMs: number; message: string };
export type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * A fixed-window limit on outcomes (workspaces created, wrong tokens tried), not on requests, that
 * still refuses before any work once the window is full. A request first takes a place in the window
 * — the same atomic upsert as `hit`, so however many arrive at once, no more than `limit` get past —
 * and gives it back when it is refused, or when `work`'s outcome is not one that `counts`. The
 * window's count is thus what counted plus what is still running.
 */
export async function limitOutcomes<T>(db: Db, l: OutcomeLimit, counts: (outcome: Outcome) => boolean, work: () => Promise<T>, now = Date.now()): Promise<T> {
  const windowStart = now - (now % l.windowMs);
  if ((await add(db, l.bucket, windowStart, now)) > l.limit) {
    await giveBack(db, l.bucket, windowStart);
    throw tooMany(l.message, windowStart + l.windowMs - now);
  }
  let done: { value: T } | { error: unknown };
  try {
    done = { value: await work() };
  } catch (error) {
    done = { error };
  }
  if (!counts('value' in done ? { ok: true } : { ok: false, error: done.error })) await giveBack(db, l.bucket, windowStart);
  if ('error' in done) throw done.error;
  return done.value;
}

/** A refusal of the caller's request (address taken, common password, unknown link), not an outage or a 429. */
export const refused = (error: unknown): error is AppError => error instanceof AppError && error.code !== 'too_many_requests' && error.status < 500;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A share link's writes (ticks, dates, comments, commitments): at most GUEST_WRITES_PER_LINK_PER_MINUTE
 * per link and GUEST_WRITES_PER_IP_PER_MINUTE per IP address, counted before the body is read.
 * Runs after the permission hook has opened the link (req.guest).
 */
export function limitGuestWrites(app: App, opts: { config: Config; db: Db }): void {
  const { config, db } = opts;
  const count = async (guest: NonNullable<FastifyRequest['guest']>, ip: string) => {
    const message = 'Too many changes through this link in a short time. Please wait a moment and try again.';
    await hit(db, `guest-link:${guest.shareLinkId}`, config.guestWritesPerLinkPerMinute, MINUTE, message);
    await hit(db, `guest-ip:${ip}`, config.guestWritesPerIpPerMinute, MINUTE, message);
  };
  // Callback style: every other request passes straight through, without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    if (!req.guest || !UNSAFE.has(req.method)) return done();
    count(req.guest, req.ip).then(() => done(), done);
  });
}

/**
 * Sign-up from one IP address, per hour: at most SIGNUP_MAX_PER_IP_PER_HOUR that succeed (workspaces
 * created, or — with mail — sign-up requests answered, whether or not the address has an account, so
 * the quota tells nothing), and at most SIGNUP_MAX_FAILURES_PER_IP_PER_HOUR refused (address taken,
 * common password): without mail, sign-up says whether an address has an account, so asking must
 * stay slow. Both are checked before `work` runs, race-free (`limitOutcomes`: a sign-up in progress
 * holds a place in both until its outcome is known); a request refused by either uses neither.
 */
export async function limitSignUp<T>(db: Db, config: Config, ip: string, work: () => Promise<T>): Promise<T> {
  const created = { bucket: `signup-ip:${ip}`, limit: config.signupMaxPerIpPerHour, windowMs: HOUR, message: 'Too many workspaces created from this address. Please try again later.' };
  const failed = { bucket: `signup-refused-ip:${ip}`, limit: config.signupMaxFailuresPerIpPerHour, windowMs: HOUR, message: 'Too many refused sign-ups from this address. Please try again later.' };
  return limitOutcomes(db, created, (o) => o.ok, () => limitOutcomes(db, failed, (o) => !o.ok && refused(o.error), work));
}

/**
 * Share links sent by email, per workspace per hour: at most SHARE_LINK_EMAILS_MAX_PER_WORKSPACE_PER_HOUR.
 * Sign-up is open, and each such mail goes to an address the rep typed, naming the rep and the plan as
 * they wrote them: without a ceiling, any account could send the server's mail to anyone, in bulk.
 * Only links created with their email count (`limitOutcomes`); links without one are not limited.
 */
export async function limitShareLinkEmails<T>(db: Db, config: Config, workspaceId: string, work: () => Promise<T>): Promise<T> {
  const l = { bucket: `share-link-emails-workspace:${workspaceId}`, limit: config.shareLinkEmailsMaxPerWorkspacePerHour, windowMs: HOUR, message: 'This workspace sent many share links by email in the last hour. Create the link without sending it and send it yourself, or try again later.' };
  return limitOutcomes(db, l, (o) => o.ok, work);
}

/** Wrong current passwords given to change one's password, per person per hour, from any address. */
export const WRONG_CURRENT_PASSWORDS_PER_PERSON_PER_HOUR = 10;

/**
 * Changing one's password takes the current one: someone holding a stolen session cookie must not
 * be able to guess it. Each wrong guess also counts as a failed sign-in of the account (the growing
 * delay per address, core/auth/rate-limit.ts); this ceiling is per person, whatever the address, so
 * a guesser spreading tries over many addresses is stopped too. Only wrong guesses count (`wrongGuess`);
 * it is checked before any work (`limitOutcomes`). The owner, held back, can still sign in, or reset
 * the password by email.
 */
export async function limitCurrentPasswordGuesses<T>(db: Db, userId: string, wrongGuess: (error: unknown) => boolean, work: () => Promise<T>): Promise<T> {
  const l = {
    bucket: `current-password-user:${userId}`,
    limit: WRONG_CURRENT_PASSWORDS_PER_PERSON_PER_HOUR,
    windowMs: HOUR,
    message: 'Too many wrong current passwords. Please wait a while and try again, or reset your password by email.',
  };
  return limitOutcomes(db, l, (o) => !o.ok && wrongGuess(o.error), work);
}
