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
  const row = await db
    .insertInto('rate_counters')
    .values({ bucket, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  // Now and then, forget windows that ended long ago.
  if (Math.random() < 0.01) await db.deleteFrom('rate_counters').where('window_start', '<', now - 24 * 3_600_000).execute();
  if (Number(row.count) > limit) {
    throw new AppError('too_many_requests', message, [], { retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) });
  }
}

const MINUTE = 60_000;
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

/** At most SIGNUP_MAX_PER_IP_PER_HOUR new workspaces from one IP address an hour. */
export async function limitSignUp(db: Db, config: Config, ip: string): Promise<void> {
  await hit(db, `signup-ip:${ip}`, config.signupMaxPerIpPerHour, 60 * MINUTE, 'Too many workspaces created from this address. Please try again later.');
}
