import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_TOKEN_PATTERN, API_TOKEN_PREFIX } from '../../../shared/api-tokens.js';
import type { Actor } from '../actor.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { prepared } from '../db/prepared.js';
import { AppError } from '../errors.js';
import { hashSecret, newSecret } from '../ids.js';
import { hit } from '../limits.js';
import { actorColumns, toActor, TOUCH_INTERVAL_MS } from './sessions.js';

/**
 * Personal API tokens as credentials: `Authorization: Bearer adv_…` on /api/v1. A request that
 * sends the header is judged by it alone — a cookie beside it is ignored, so the Origin check a
 * cookie needs (app.ts) can be skipped for it without letting a browser's cookie ride along.
 * An unknown, revoked or expired token, a deactivated person, or a header of another shape: 401,
 * counted per IP address (API_TOKEN_MAX_FAILURES_PER_IP per 15 minutes, then 429).
 */

const FAILURE_WINDOW_MS = 15 * 60_000;

/** A new token: the secret shown once, the hash kept, the last four characters to recognise it by. */
export function newApiToken(): { secret: string; hash: string; hint: string } {
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  return { secret, hash: hashSecret(secret), hint: secret.slice(-4) };
}

/** The bearer credential of a request, if it sends an Authorization header at all (`''` for one of another shape). */
export function bearerOf(req: Pick<FastifyRequest, 'headers'>): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? match[1] : '';
}

const tokenByHash = prepared((db, p: { hash: string }) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select(['api_tokens.id as token_id', 'api_tokens.scope', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at', ...actorColumns(db)])
    .where('api_tokens.token_hash', '=', p.hash),
);

/** The actor a token acts for, or null for a token that is unknown, revoked, expired, or whose person was deactivated. */
export async function resolveApiToken(db: Db, secret: string, now = Date.now()): Promise<Actor | null> {
  // Not one of ours: no query needed.
  if (!API_TOKEN_PATTERN.test(secret)) return null;
  const row = await tokenByHash.first(db, { hash: hashSecret(secret) });
  if (!row || row.revoked_at !== null || row.status !== 'active') return null;
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now) return null;
  // Last use to the minute: a read stays a read most of the time.
  if (row.last_used_at === null || now - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date(now).toISOString() }).where('id', '=', row.token_id).execute();
  }
  return toActor(row, { sessionId: null, apiToken: { id: row.token_id, scope: row.scope } });
}

/**
 * Authenticates a request by its Authorization header, or answers 401 (429 once this address has
 * failed too often). The 401 carries `WWW-Authenticate: Bearer` as RFC 6750 asks.
 */
export async function authenticateBearer(db: Db, config: Config, req: FastifyRequest, reply: FastifyReply, secret: string): Promise<Actor> {
  const actor = secret ? await resolveApiToken(db, secret) : null;
  if (actor) return actor;
  await hit(db, `api-token-ip:${req.ip}`, config.apiTokenMaxFailuresPerIp, FAILURE_WINDOW_MS, 'Too many requests with a wrong API token from this address. Please wait a few minutes.');
  reply.header('www-authenticate', 'Bearer realm="Advance", error="invalid_token"');
  throw new AppError(
    'not_signed_in',
    secret ? 'This API token is not valid: it is unknown, revoked or expired, or its person no longer has access.' : 'Send an API token as `Authorization: Bearer adv_…`.',
  );
}
