import type { Config } from './config.js';
import type { App } from './http.js';

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

export function securityHeaders(app: App, config: Config): void {
  const hsts = config.secureCookies ? 'max-age=31536000; includeSubDomains' : null;
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', req.url.startsWith('/api/docs') ? DOCS_CSP : CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (hsts) reply.header('strict-transport-security', hsts);
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
