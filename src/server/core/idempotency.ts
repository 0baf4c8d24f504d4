import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from './db/connect.js';
import { AppError, invalid } from './errors.js';
import { isUniqueViolation } from './unique.js';
import type { App } from './http.js';

/**
 * `Idempotency-Key` on every POST that creates (its route answers 201), implemented once here.
 *
 * The key belongs to a workspace and a principal — the signed-in person, or the share link a
 * customer holds — so two callers can never see each other's results. Within 24 hours the same key
 * with the same request (route, path and body) replays the first 2xx response (status and body, with
 * `Idempotent-Replayed: true`); the same key with a different request is refused with 422
 * `idempotency_key_reused`. A row is inserted first, as "in progress", under a unique key: of two
 * requests racing with one key (on any number of instances) exactly one runs the handler; the other
 * waits for its response, or after IDEMPOTENCY_WAIT_MS gets 409 `idempotency_in_progress`. Failures
 * (4xx, 5xx) are not kept: retrying a refused request runs it again.
 *
 * Routes without a principal (sign-up, sign-in, invite acceptance) ignore the header, and so do those
 * whose answer holds a secret shown once (an API token, a share or invite link, a calendar feed URL,
 * a webhook signing secret: the contract's `answersSecret`): kept here, the secret itself would sit in
 * the database for a day beside the hash that is all Advance keeps of it, and a replay would show it
 * again.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** An "in progress" row older than this belongs to a request that died: the next one takes over. */
const ABANDONED_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

type Ticket = { workspaceId: string; principal: string; key: string };

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Ticket | null;
  }
  interface FastifyContextConfig {
    /** Set at registration for POST routes that answer 201. */
    idempotent?: boolean;
  }
}

/** Marks creating POSTs at registration (call from the app's onRoute hook), but those that answer a secret. */
export function markIdempotent(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const response = route.schema?.response as Record<string, unknown> | undefined;
  if (route.config?.contract?.answersSecret) return;
  if (methods.includes('POST') && response && '201' in response) {
    route.config = { ...(route.config ?? {}), idempotent: true } as typeof route.config;
  }
}

function fingerprint(req: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([req.method, req.routeOptions.url, req.params ?? null, req.body ?? null]))
    .digest('hex');
}

function principalOf(req: FastifyRequest): { workspaceId: string; principal: string } | null {
  if (req.actor) return { workspaceId: req.actor.workspaceId, principal: `user:${req.actor.id}` };
  if (req.guest) return { workspaceId: req.guest.workspaceId, principal: `share-link:${req.guest.shareLinkId}` };
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Keeps a keyed request's response. Register before compression: its onSend must see the JSON text,
 * not the compressed stream.
 */
export function keepIdempotentResponses(app: App, db: Db): void {
  app.decorateRequest('idempotency', null);
  const keep = async (ticket: Ticket, statusCode: number, payload: unknown) => {
    const where = db
      .updateTable('idempotency_keys')
      .where('workspace_id', '=', ticket.workspaceId)
      .where('principal', '=', ticket.principal)
      .where('key', '=', ticket.key);
    if (statusCode >= 200 && statusCode < 300 && typeof payload === 'string') {
      await where.set({ status: 'done', response_status: statusCode, response_body: payload }).execute();
    } else {
      await removeRow(db, ticket);
    }
  };
  // Callback style: answers without a key (nearly all) pass straight through, without a promise.
  app.addHook('onSend', (req, reply, payload, done) => {
    const ticket = req.idempotency;
    if (!ticket) return done(null, payload);
    req.idempotency = null;
    keep(ticket, reply.statusCode, payload).then(() => done(null, payload), (err: Error) => done(err));
  });
}

export function registerIdempotency(app: App, opts: { db: Db; waitMs: number }): void {
  const { db } = opts;

  // After authentication, validation and authorization: a refused or invalid request never takes a key.
  // Callback style: requests without a key (nearly all) pass straight through, without a promise.
  app.addHook('preHandler', (req, reply, done) => {
    if (req.headers['idempotency-key'] === undefined || !req.routeOptions.config?.idempotent) return done();
    withKey(req, reply).then(() => done(), done);
  });
  const withKey = async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers['idempotency-key'];
    const owner = principalOf(req);
    if (!owner) return;
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw invalid('Idempotency-Key', 'Use 1 to 255 visible ASCII characters (a UUID is a good key).');
    }
    const ticket: Ticket = { ...owner, key: header };
    const hash = fingerprint(req);
    const deadline = Date.now() + opts.waitMs;
    for (;;) {
      const now = Date.now();
      try {
        await db
          .insertInto('idempotency_keys')
          .values({
            workspace_id: ticket.workspaceId,
            principal: ticket.principal,
            key: ticket.key,
            request_hash: hash,
            status: 'in_progress',
            response_status: null,
            response_body: null,
            created_at: new Date(now).toISOString(),
            expires_at: new Date(now + IDEMPOTENCY_TTL_MS).toISOString(),
          })
          .execute();
        req.idempotency = ticket;
        if (Math.random() < 0.01) void sweep(db).catch((err) => req.log.warn({ err }, 'idempotency sweep failed'));
        return;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const row = await findRow(db, ticket);
      if (!row) continue; // finished with a failure and was removed in between: take it
      const stale = Date.parse(row.expires_at) <= now || (row.status === 'in_progress' && Date.parse(row.created_at) < now - ABANDONED_MS);
      if (stale) {
        await removeRow(db, ticket, row.created_at);
        continue;
      }
      if (row.request_hash !== hash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.', [
          { path: 'Idempotency-Key', message: 'Already used with a different request.' },
        ]);
      }
      if (row.status === 'done' && row.response_status !== null && row.response_body !== null) {
        return replay(reply, row.response_status, row.response_body);
      }
      if (Date.now() >= deadline) {
        throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running. Retry in a moment.', [], { retryAfterSeconds: 1 });
      }
      await sleep(25);
    }
  };
}

function findRow(db: Db, t: Ticket) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('workspace_id', '=', t.workspaceId)
    .where('principal', '=', t.principal)
    .where('key', '=', t.key)
    .executeTakeFirst();
}

async function removeRow(db: Db, t: Ticket, createdAt?: string): Promise<void> {
  let q = db.deleteFrom('idempotency_keys').where('workspace_id', '=', t.workspaceId).where('principal', '=', t.principal).where('key', '=', t.key);
  // Only the row we judged stale: a newer one another request just inserted stays.
  if (createdAt) q = q.where('created_at', '=', createdAt);
  await q.execute();
}

function replay(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(body);
}

/** Forgets expired keys now and then. */
async function sweep(db: Db): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<', new Date().toISOString()).execute();
}
