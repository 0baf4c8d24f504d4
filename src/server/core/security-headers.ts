import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { App } from './http.js';
import { routePattern } from './route-rules.js';

// No inline script anywhere: the SPA ships as files, and so do the API docs.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// Swagger UI sets style attributes from its script; its scripts still come only from files.
const DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** The headers every answer carries, set by the route that answered (or none: the strict set). */
export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply, config: Config): void {
  // By the matched route, not the raw URL; an unmatched URL gets the strict policy and no caching.
  const route = routePattern(req);
  reply.header('content-security-policy', route?.startsWith('/api/docs') ? DOCS_CSP : CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (config.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  if ((route === null || route.startsWith('/api/')) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

export function securityHeaders(app: App, config: Config): void {
  // Synchronous: it runs on every answer, and an async hook costs a promise and a turn of the queue.
  app.addHook('onSend', (req, reply, payload, done) => {
    setSecurityHeaders(req, reply, config);
    done(null, payload);
  });
}
