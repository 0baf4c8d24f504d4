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
import { enforcePermissions, requirePermission, usesBearer, withPermission } from './core/permissions.js';
import { keepIdempotentResponses, markIdempotent, registerIdempotency } from './core/idempotency.js';
import { limitGuestWrites } from './core/limits.js';
import { registerApiDocs } from './core/openapi.js';
import { operationErrors } from './core/operation-errors.js';
import { securityHeaders } from './core/security-headers.js';
import { assertJsonBody, logUrl, needsWriteChecks, recordNamed, routePattern } from './core/route-rules.js';
import { clientErrorHandler, frameworkErrors, methodsAllowed, registerJsonParser, sendError } from './core/router-errors.js';
import { ERROR_CODES, type ErrorCode } from '../shared/errors.js';
import { registerOps, type Lifecycle } from './core/ops.js';
import { appShell, registerCompression, registerWebAssets, sendHtml, sharePage } from './core/web-assets.js';
import { registerFeatures } from './features/index.js';
import { registerOneClickUnsubscribe } from './features/mail/routes.js';
import { ownershipPolicies } from './features/ownership.js';
import { openGuestPrincipal } from './features/sharing/guest.js';

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
              // Secrets in paths (share and invite tokens) never reach the logs, however the URL is spelled.
              req: (req: FastifyRequest) => ({ method: req.method, url: logUrl(req), remoteAddress: req.ip }),
            },
          },
    genReqId: () => randomUUID(),
    // A number of proxies: trust that many hops nearest the socket (proxy-addr counts from the socket, 0 first).
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 100 },
    // A path that cannot be decoded, or a path value over maxParamLength: the one error shape too.
    frameworkErrors: frameworkErrors(config),
    // A request the HTTP parser cannot read (a NUL in a header, headers over 16 KiB): the one error shape too.
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  registerJsonParser(app as unknown as App);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ checkContracts: config.env === 'test' }));
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorateRequest('actor', null);
  app.decorateRequest('guest', null);
  app.decorateRequest('profile', null);
  app.decorateRequest('scope', null);

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
      routeList.push({ method, url: route.url, permission, schema: route.schema, contract: route.config?.contract, sessionOnly: route.config?.sessionOnly === true });
    }
  });

  await app.register(cookie);
  keepIdempotentResponses(app as unknown as App, db);
  await registerCompression(app);

  // The request id on every answer; then CSRF, decided from the matched route (never the raw URL,
  // which has many spellings): every write must come from our own origin as JSON. A request with an
  // API token (Authorization: Bearer) is judged by the token alone — its cookie, if any, is ignored —
  // so it needs no Origin: a browser never adds that header by itself, and without a valid token it
  // gets 401. One synchronous hook: it runs on every request.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    if (needsWriteChecks(req)) {
      try {
        if (!usesBearer(req)) assertSameOrigin(req, config);
        assertJsonBody(req);
      } catch (err) {
        done(err as Error);
        return;
      }
    }
    done();
  });
  securityHeaders(app, config);
  // Authentication and authorization, from the permission each route declares.
  enforcePermissions(app as unknown as App, { config, db, policies: ownershipPolicies, openGuest: openGuestPrincipal });
  limitGuestWrites(app as unknown as App, { config, db });
  registerIdempotency(app as unknown as App, { db, waitMs: config.idempotencyWaitMs });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let body = toErrorBody(err, req);
    // Tests prove the API document: an answer its operation does not document fails loudly.
    if (config.env === 'test') body = undocumentedAsFailure(req, body);
    if (body.status >= 500) req.log.error({ err }, 'request failed');
    if (body.retryAfter) reply.header('retry-after', String(body.retryAfter));
    return reply.code(body.status).type('application/json; charset=utf-8').send({ error: body.error });
  });

  const allowedMethods = methodsAllowed(routeList);
  app.setNotFoundHandler((req, reply) => {
    if (opts.webRoot && req.method === 'GET' && req.url.startsWith('/p/') && fs.existsSync(path.join(opts.webRoot, 'share.html'))) {
      return sendHtml(req, reply, sharePage(opts.webRoot));
    }
    if (opts.webRoot && req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0])) {
      return sendHtml(req, reply, appShell(opts.webRoot));
    }
    const allowed = allowedMethods(req.url.split('?')[0]).filter((m) => m !== req.method);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendError(req, reply, config, 'method_not_allowed', `This address does not take ${req.method}.`);
    }
    return sendError(req, reply, config, 'not_found', 'Nothing here.');
  });

  await registerApiDocs(app);
  registerOps(app, opts.lifecycle);
  await app.register(async (api) => registerFeatures(api as unknown as App), { prefix: '/api/v1' });
  await registerOneClickUnsubscribe(app as unknown as App);

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

const BY_STATUS: Partial<Record<number, ErrorCode>> = { 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type' };

type ErrorOut = {
  status: number;
  retryAfter?: number;
  error: { code: string; message: string; details: { path: string; message: string }[]; requestId: string; current?: unknown };
};

function undocumentedAsFailure(req: FastifyRequest, body: ErrorOut): ErrorOut {
  const contract = req.routeOptions.config?.contract;
  const permission = req.routeOptions.config?.permission;
  const sessionOnly = req.routeOptions.config?.sessionOnly === true;
  if (!contract || !permission || body.status >= 500 || operationErrors(contract, permission, { sessionOnly }).includes(body.error.code as ErrorCode)) return body;
  const message = `${contract.operationId} answered ${body.error.code}, which its contract does not document (src/shared/routes).`;
  req.log.error(message);
  return { status: 500, error: { code: 'internal_error', message, details: [], requestId: body.error.requestId } };
}

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
    // A path id or token of the wrong shape names nothing: the same 404 as a record that is not there,
    // answered before any query runs.
    if (err.validationContext === 'params') {
      const param = err.validation[0]?.instancePath.replace(/^\//, '').split('/')[0] ?? 'id';
      return { status: 404, error: { code: 'not_found', message: `${recordNamed(routePattern(req), param)} not found.`, details: [], requestId } };
    }
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
    return { status: 413, error: { code: 'payload_too_large', message: 'The request body is too large (at most 1 MB).', details: [], requestId } };
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const code = BY_STATUS[err.statusCode] ?? 'validation_failed';
    return { status: ERROR_CODES[code], error: { code, message: 'The request could not be processed.', details: [], requestId } };
  }
  return { status: 500, error: { code: 'internal_error', message: 'Something went wrong on our side. Quote the request id if you contact support.', details: [], requestId } };
}
