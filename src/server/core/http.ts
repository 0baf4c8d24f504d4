import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteContract } from '../../shared/routes/define.js';
import type { Actor } from './actor.js';
import type { SessionProfile } from './auth/sessions.js';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import { invalid, notSignedIn } from './errors.js';
import type { GuestPrincipal, Permission } from './permissions.js';
import { Scope } from './scope.js';

/**
 * Every route as registered, with its permission and schemas, and the route table's contract it was
 * registered from (core/route.ts): the route-walking tests and the API document read this list.
 */
export type RouteInfo = { method: string; url: string; permission: Permission; schema?: FastifySchema; contract?: RouteContract; sessionOnly?: boolean };

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** On routes declared `withProfile`, signed in with a session: the person's profile, read with the session. */
    profile: SessionProfile | null;
    /** Set on `guest` routes: the share link the request holds. */
    guest: GuestPrincipal | null;
    /** Set by a record's policy (`{ owns: … }`): the scope it read in, with what it read (Scope.remember). */
    scope: Scope | null;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
    routeList: RouteInfo[];
    /** The permission of routes registered in this context without their own (see withPermission). */
    routePermission?: Permission;
  }
  interface FastifyContextConfig {
    /** Who may call the route (core/permissions.ts). Required: a route without one stops the server at boot. */
    permission?: Permission;
  }
}

/** What a signed-in route handler works with: the actor and a workspace-bound scope. */
export function ctx(req: FastifyRequest): { actor: Actor; scope: Scope } {
  const actor = req.actor;
  if (!actor) throw notSignedIn();
  // The scope the route's policy judged the record in, when it has one: what it read is handed on.
  return { actor, scope: req.scope?.workspaceId === actor.workspaceId ? req.scope : new Scope(req.server.db, actor.workspaceId) };
}

/**
 * The version a write was made from: the body's `version` or an `If-Match: "<version>"` header. Both
 * may be sent only when they agree: two different versions are a field error, never one silently
 * chosen over the other.
 */
export function expectedVersion(req: FastifyRequest, bodyVersion?: number): number | undefined {
  const header = req.headers['if-match'];
  let fromHeader: number | undefined;
  if (typeof header === 'string') {
    const text = header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
    // Something else than a version (a number too large to be one, a `*`, an ETag of another kind) is the header's error, not a conflict.
    if (!Number.isSafeInteger(n) || n < 1) throw invalid('version', `The If-Match header must be the version you edited, such as "3" (it was ${JSON.stringify(header.slice(0, 40))}).`);
    fromHeader = n;
  }
  if (bodyVersion !== undefined && fromHeader !== undefined && bodyVersion !== fromHeader) {
    throw invalid('version', `The version field (${bodyVersion}) and the If-Match header (${fromHeader}) disagree: send the version you edited once.`);
  }
  return bodyVersion ?? fromHeader;
}

export function created<T>(reply: FastifyReply, body: T): FastifyReply {
  return reply.code(201).send(body);
}
