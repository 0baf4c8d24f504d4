import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import { hasZodFastifySchemaValidationErrors, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createSerializerCompiler } from './core/serializer.js';
import type { Config } from './core/config.js';
import type { Db } from './core/db/connect.js';
import { AppError } from './core/errors.js';
import type { App, RouteInfo } from './core/http.js';
import { enforcePermissions, requirePermission, withPermission } from './core/permissions.js';
import { keepIdempotentResponses, markIdempotent, registerIdempotency } from './core/idempotency.js';
import { limitGuestWrites } from './core/limits.js';
import { registerApiDocs } from './core/openapi.js';
import { securityHeaders } from './core/security-headers.js';
import { registerOps, type Lifecycle } from './core/ops.js';
import { appShell, registerCompression, registerWebAssets, sendHtml, sharePage } from './core/web-assets.js';
import { registerFeatures } from './features/index.js';
import { ownershipPolicies } from './features/ownership.js';
import { openGuestPrincipal } from './features/plans/guest.js';

export type BuildOptions = {
  config: Config;
  db: Db;
  lifecycle?: Lifecycle;
  /** Folder of the built web app to serve (production). */
  webRoot?: string | null;
  logger?: boolean;
  /** Where logs go (tests read them); stdout by default. */
  logStream?: NodeJS.WritableStream;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Secrets in paths (invite links, later share links) never reach the logs.
const SECRET_PATH = /^(\/invite\/|\/p\/|\/api\/v1\/shared\/)[^/?#]+/;
export const redactUrl = (url: string) => url.replace(SECRET_PATH, '$1[redacted]');

export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, db } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
            },
          },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ checkContracts: config.env === 'test' }));
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorateRequest('actor', null);
  app.decorateRequest('guest', null);

  // Every route, as registered, with the permission it must declare (else the server does not start):
  // the authorization test walks this list so no route escapes it.
  const routeList: RouteInfo[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', function (route) {
    const permission = requirePermission(route, this.routePermission);
    markIdempotent(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeList.push({ method, url: route.url, permission });
    }
  });

  await app.register(cookie);
  keepIdempotentResponses(app as unknown as App, db);
  await registerCompression(app);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  securityHeaders(app, config);

  // CSRF: every write must come from our own origin as JSON.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    if (UNSAFE.has(req.method)) {
      assertSameOrigin(req, config);
      const type = req.headers['content-type'];
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (hasBody && !(type ?? '').toLowerCase().startsWith('application/json')) {
        throw new AppError('unsupported_media_type', 'Send JSON (Content-Type: application/json).');
      }
    }
  });
  // Authentication and authorization, from the permission each route declares.
  enforcePermissions(app as unknown as App, { config, db, policies: ownershipPolicies, openGuest: openGuestPrincipal });
  limitGuestWrites(app as unknown as App, { config, db });
  registerIdempotency(app as unknown as App, { db, waitMs: config.idempotencyWaitMs });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const body = toErrorBody(err, req);
    if (body.status >= 500) req.log.error({ err }, 'request failed');
    if (body.retryAfter) reply.header('retry-after', String(body.retryAfter));
    return reply.code(body.status).type('application/json; charset=utf-8').send({ error: body.error });
  });

  app.setNotFoundHandler((req, reply) => {
    if (opts.webRoot && req.method === 'GET' && req.url.startsWith('/p/') && fs.existsSync(path.join(opts.webRoot, 'share.html'))) {
      return sendHtml(req, reply, sharePage(opts.webRoot));
    }
    if (opts.webRoot && req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0])) {
      return sendHtml(req, reply, appShell(opts.webRoot));
    }
    const err = new AppError('not_found', 'Nothing here.');
    return reply.code(404).send({ error: { code: err.code, message: err.message, details: [], requestId: req.id } });
  });

  await registerApiDocs(app);
  registerOps(app, opts.lifecycle);
  await app.register(async (api) => registerFeatures(api as unknown as App), { prefix: '/api/v1' });

  if (opts.webRoot) {
    const webRoot = opts.webRoot;
    // The web app's files are public: every file route the plugin registers is marked so.
    await app.register(async (files) => {
      withPermission(files as unknown as App, 'public');
      await registerWebAssets(files, webRoot);
    });
    app.get('/', { schema: { hide: true }, config: { permission: 'public' } }, (req, reply) => sendHtml(req, reply, appShell(webRoot)));
  }

  return app as unknown as App;
}

function expectedOrigin(req: FastifyRequest, config: Config): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  return `${req.protocol}://${req.host}`;
}

function assertSameOrigin(req: FastifyRequest, config: Config): void {
  const origin = req.headers.origin;
  if (!origin || origin !== expectedOrigin(req, config)) {
    throw new AppError('origin_mismatch', 'This request did not come from the Advance web app (Origin header missing or different).');
  }
}

type ErrorOut = {
  status: number;
  retryAfter?: number;
  error: { code: string; message: string; details: { path: string; message: string }[]; requestId: string; current?: unknown };
};

function toErrorBody(err: FastifyError, req: FastifyRequest): ErrorOut {
  const requestId = req.id;
  if (err instanceof AppError) {
    return {
      status: err.status,
      retryAfter: err.extra.retryAfterSeconds,
      error: {
        code: err.code,
        message: err.message,
        details: err.details,
        requestId,
        ...(err.extra.current !== undefined ? { current: err.extra.current } : {}),
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.flatMap((v) => {
      const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const keys = (v.params as { keys?: string[] }).keys;
      if (v.keyword === 'unrecognized_keys' && keys) {
        return keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'This field is not allowed.' }));
      }
      return [{ path: base, message: v.message ?? 'Invalid value.' }];
    });
    return {
      status: 400,
      error: { code: 'validation_failed', message: 'Some fields need attention.', details, requestId },
    };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
    return { status: 400, error: { code: 'invalid_json', message: 'The request body is not valid JSON.', details: [], requestId } };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, error: { code: 'unsupported_media_type', message: 'Send JSON (Content-Type: application/json).', details: [], requestId } };
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, error: { code: 'validation_failed', message: 'The request body is too large.', details: [], requestId } };
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, error: { code: err.statusCode === 404 ? 'not_found' : 'validation_failed', message: 'The request could not be processed.', details: [], requestId } };
  }
  return { status: 500, error: { code: 'internal_error', message: 'Something went wrong on our side. Quote the request id if you contact support.', details: [], requestId } };
}
