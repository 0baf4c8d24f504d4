import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Actor } from './actor.js';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import { AppError, forbidden, notFound, notSignedIn } from './errors.js';
import { cookieName, resolveSession, resolveSessionWithProfile } from './auth/sessions.js';
import { authenticateBearer, bearerOf } from './auth/api-tokens.js';
import { Scope } from './scope.js';
import type { App } from './http.js';

/**
 * Who may call a route. Every route declares one in its config (`config: { permission: … }`); a
 * route without one stops the server at boot. One pair of hooks enforces it before the handler:
 * authentication (401) on request, before the body is read; authorization (403, or 404 for a record
 * that is not there) after validation, following the order routes read in (auth, validation, authz).
 *
 * - `public`: anyone, signed in or not.
 * - `guest`: the customer, holding a live share token in the `:token` path parameter (no session).
 * - `signedIn`: any active person of the workspace (reads, and creating one's own records).
 * - `{ role: 'admin' }`: workspace admins.
 * - `{ owns: kind }`: someone who may change that record (its owner, their manager, an admin, as the
 *   kind's policy says). The record's id is the `:id` path parameter, or the body field `field`.
 *
 * Everything but `public` and `guest` also takes a personal API token (`Authorization: Bearer`,
 * core/auth/api-tokens.ts) in place of the session cookie: the token acts for its person, so it
 * passes exactly the checks the person's session would. A `read` token may only read (GET, HEAD);
 * a route declared `sessionOnly` (account security: tokens, signing out) refuses every token (403).
 */
export type OwnedKind =
  | 'account'
  | 'contact'
  | 'opportunity'
  | 'plan'
  | 'objective'
  /** The objective's editors and its contributors (insights, tasks). */
  | 'objective-contribution'
  /** An interaction: its owner, their manager, an admin (move, cancel, record the result). */
  | 'interaction'
  | 'milestone'
  | 'commitment'
  | 'renegotiation'
  | 'share-link'
  | 'plan-template'
  | 'notification'
  | 'user'
  /** A person's yearly targets (the `:id` is the person): their manager or an admin, never themselves. */
  | 'yearly-target'
  /** A why ladder: its owner only; anyone who cannot read it gets the 404 of a ladder that does not exist. */
  | 'why-ladder'
  /** A what goal: whoever reads it (owner, their manager, an admin); the service decides which parts each may change. */
  | 'goal'
  /** Check-ins (features/check-ins/access.ts): set up with a person, change a series, attend one, manage one, answer, a note. */
  | 'check-in-setup'
  | 'check-in-series'
  | 'check-in-series-attend'
  | 'check-in'
  | 'check-in-manage'
  | 'check-in-answers'
  | 'check-in-note';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Account security: a signed-in session only, never an API token (core/route.ts `sessionOnly`). */
    sessionOnly?: boolean;
    /** The session lookup also reads the person's profile into `req.profile` (core/route.ts `withProfile`). */
    withProfile?: boolean;
  }
}

export type Permission = 'public' | 'guest' | 'signedIn' | { role: 'admin' } | { owns: OwnedKind; field?: string };

/** What a kind's policy says about one record for one person. `missing` answers 404, like another workspace's record. */
export type Verdict = 'allowed' | 'missing' | { refused: string };
export type OwnershipPolicy = (scope: Scope, actor: Actor, id: string) => Promise<Verdict>;
export type OwnershipPolicies = Record<OwnedKind, OwnershipPolicy>;

/** The customer holding a share link: a principal of its own (rate limits and idempotency key on it). */
export type GuestPrincipal = { shareLinkId: string; workspaceId: string };
/** Finds the live link for a token, or throws the same 404 for unknown, revoked and expired ones. */
export type GuestOpener = (db: Db, token: string) => Promise<GuestPrincipal>;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const describePermission = (p: Permission): string =>
  typeof p === 'string' ? p : 'role' in p ? `role:${p.role}` : `owns:${p.owns}${p.field ? `(body.${p.field})` : ''}`;

function permissionOf(req: FastifyRequest): Permission | undefined {
  return (req.routeOptions.config as { permission?: Permission } | undefined)?.permission;
}

/**
 * Refuses, at registration, a route that does not say who may call it. A plugin's routes (API docs,
 * static files) take the permission its context was given with `withPermission`.
 */
export function requirePermission(route: RouteOptions, inherited: Permission | undefined): Permission {
  const permission = (route.config as { permission?: Permission } | undefined)?.permission ?? inherited;
  if (!permission) {
    const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new Error(`${method} ${route.url} declares no permission: add config: { permission: … } (see core/permissions.ts)`);
  }
  route.config = { ...(route.config ?? {}), permission } as typeof route.config;
  return permission;
}

/** Marks every route registered in this (encapsulated) context, e.g. by a third-party plugin, with `permission`. */
export function withPermission(app: App, permission: Permission): void {
  app.decorate('routePermission', { getter: () => permission });
}

/** Routes that take a person's credentials: a session, or an API token in its place. */
export const takesCredentials = (permission: Permission | undefined): boolean => permission !== undefined && permission !== 'public' && permission !== 'guest';

/**
 * The request authenticates with `Authorization: Bearer` on a route that takes it: judged by the token
 * alone (any cookie is ignored), so the cookie's Origin check does not apply to it.
 */
export const usesBearer = (req: FastifyRequest): boolean => takesCredentials(permissionOf(req)) && bearerOf(req) !== null;

const READS = new Set(['GET', 'HEAD']);

export function enforcePermissions(app: App, opts: { config: Config; db: Db; policies: OwnershipPolicies; openGuest: GuestOpener }): void {
  const { config, db, policies } = opts;

  app.addHook('onRequest', async (req, reply) => {
    const permission = permissionOf(req);
    // No route matched: the not-found handler answers, the same for everyone.
    if (!permission || (permission === 'public' && !req.routeOptions.url?.startsWith('/api/v1/'))) return;
    if (permission === 'guest') {
      const token = (req.params as { token?: string }).token;
      if (!token) throw notFound('Plan');
      req.guest = await opts.openGuest(db, token);
      return;
    }
    const bearer = takesCredentials(permission) ? bearerOf(req) : null;
    if (bearer !== null) {
      const actor = await authenticateBearer(db, config, req, reply, bearer);
      if (req.routeOptions.config?.sessionOnly) throw forbidden('Sign in to do this: account security needs a signed-in session, not an API token.');
      if (actor.apiToken?.scope === 'read' && !READS.has(req.method)) throw forbidden('This API token can only read. Make a read-and-write token to change things.');
      req.actor = actor;
      return;
    }
    const token = req.cookies[cookieName(config)];
    if (token) {
      if (req.routeOptions.config?.withProfile) {
        const found = await resolveSessionWithProfile(db, config, token);
        req.actor = found?.actor ?? null;
        req.profile = found?.profile ?? null;
      } else {
        req.actor = await resolveSession(db, config, token);
      }
    }
    if (permission !== 'public' && !req.actor) throw notSignedIn();
  });

  // Callback style: routes without a record to check (most reads) pass straight through, without a promise.
  app.addHook('preHandler', (req, _reply, done) => {
    const permission = permissionOf(req);
    if (!permission || typeof permission === 'string') return done();
    authorize(req, permission).then(() => done(), done);
  });
  const authorize = async (req: FastifyRequest, permission: Exclude<Permission, string>) => {
    const actor = req.actor;
    if (!actor) throw notSignedIn();
    if ('role' in permission) {
      if (actor.role !== permission.role) throw forbidden(`Only an ${permission.role} can do this.`);
      return;
    }
    const fromBody = permission.field !== undefined;
    const id = fromBody
      ? (req.body as Record<string, unknown> | undefined)?.[permission.field as string]
      : (req.params as { id?: string }).id;
    // A body field that names nothing valid is the body's problem: validation and the service say so.
    if (typeof id !== 'string' || !ID.test(id)) {
      if (fromBody) return;
      throw notFound();
    }
    const scope = new Scope(db, actor.workspaceId);
    const verdict = await policies[permission.owns](scope, actor, id);
    if (verdict === 'allowed') {
      req.scope = scope; // the handler's scope: what the policy read is handed on (Scope.remember)
      return;
    }
    if (verdict === 'missing') {
      if (fromBody) return;
      throw notFound();
    }
    throw new AppError('forbidden', verdict.refused);
  };
}
