import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from './actor.js';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import { notSignedIn } from './errors.js';
import { Scope } from './scope.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** Every route as registered, with its contracts (the route-walking tests read them). */
    routeList: { method: string; url: string; public: boolean; schema?: FastifySchema }[];
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Everything else needs a session (secure by default). */
    public?: boolean;
  }
}

/** What a signed-in route handler works with: the actor and a workspace-bound scope. */
export function ctx(req: FastifyRequest): { actor: Actor; scope: Scope } {
  const actor = req.actor;
  if (!actor) throw notSignedIn();
  return { actor, scope: new Scope(req.server.db, actor.workspaceId) };
}

/** Reads an `If-Match: "<version>"` header; the body's `version` wins when both are present. */
export function expectedVersion(req: FastifyRequest, bodyVersion?: number): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = req.headers['if-match'];
  if (typeof header !== 'string') return undefined;
  const n = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function created<T>(reply: FastifyReply, body: T): FastifyReply {
  return reply.code(201).send(body);
}
