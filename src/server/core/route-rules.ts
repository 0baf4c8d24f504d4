import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * One rule for every spelling of a URL: `/api/%761/session`, `/api/v1//shared/…` and
 * `/api/v1/shared/…` reach the same route, so what protects a request and what its log line shows
 * are decided from the route the router matched (its pattern and config), never from the raw URL.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Path parameters that are secrets (share and invite tokens): never logged, however spelled. */
    secretParams?: readonly string[];
    /** RFC 8058 one-click unsubscribe: posted by mail providers, so neither Origin nor JSON applies. */
    oneClick?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The matched route's pattern (`/api/v1/shared/:token`), or null when nothing matched. */
export function routePattern(req: Pick<FastifyRequest, 'routeOptions'>): string | null {
  return req.routeOptions?.url ?? null;
}

/** Writes need the Origin and JSON checks: every unsafe method on a matched route, whatever its prefix. */
export const needsWriteChecks = (req: FastifyRequest) => routePattern(req) !== null && UNSAFE.has(req.method) && req.routeOptions.config?.oneClick !== true;

/** `/api/v1` routes need a session unless declared public. */
export const isApiRoute = (req: FastifyRequest) => routePattern(req)?.startsWith('/api/v1/') ?? false;

export function hasBody(req: FastifyRequest): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/** JSON only; a route without a body contract takes none (checked before anything is parsed). */
export function assertJsonBody(req: FastifyRequest): void {
  if (!hasBody(req)) return;
  const type = req.headers['content-type'];
  if (!(type ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('unsupported_media_type', 'Send JSON (Content-Type: application/json).');
  }
}

// Segments after these names carry secrets in pages and API paths (`/p/<token>`, `/invite/<token>`,
// `/api/v1/shared/<token>`, `/unsubscribe/<token>`, `/reset-password/<token>`, `/confirm/<token>`, `/api/v1/calendar-feed/<token>.ics`); secrets are 43 base64url characters, so any such long segment is too.
const SECRET_AFTER = new Set(['p', 'invite', 'shared', 'unsubscribe', 'reset-password', 'confirm', 'calendar-feed']);
const SECRET_LIKE = /^[A-Za-z0-9_-]{32,}$/;
const REDACTED = '[redacted]';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The URL as logged. A matched route is rebuilt from its pattern with secret parameters redacted;
 * an unmatched URL (a 404, a page, a malformed path) is decoded segment by segment and anything
 * that follows a secret-bearing name, or looks like a secret, is redacted — in any letter case.
 */
export function logUrl(req: Pick<FastifyRequest, 'routeOptions' | 'params' | 'url'>): string {
  const raw = req.url ?? '';
  const q = raw.indexOf('?');
  const query = q >= 0 ? raw.slice(q) : '';
  const pattern = routePattern(req);
  if (pattern !== null) {
    const secret = new Set(req.routeOptions.config?.secretParams ?? []);
    const params = (req.params ?? {}) as Record<string, unknown>;
    const path = pattern.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
      const key = name ?? '*';
      if (secret.has(key)) return REDACTED;
      const value = String(params[key] ?? '');
      return SECRET_LIKE.test(value) ? REDACTED : encodeURIComponent(value);
    });
    return path + query;
  }
  const segments = raw.slice(0, q >= 0 ? q : undefined).split('/');
  let previous = '';
  const out = segments.map((segment) => {
    const decoded = decodeSegment(segment);
    const secret = SECRET_AFTER.has(previous) || SECRET_LIKE.test(decoded.replace(/[^A-Za-z0-9_-]/g, '')) && decoded.length >= 32;
    if (decoded !== '') previous = decoded.toLowerCase();
    return secret && decoded !== '' ? REDACTED : segment;
  });
  return out.join('/') + query;
}

const RECORDS: Record<string, string> = {
  accounts: 'Account', contacts: 'Contact', opportunities: 'Opportunity', plans: 'Plan', milestones: 'Milestone',
  commitments: 'Commitment', renegotiations: 'Renegotiation', users: 'Person', teams: 'Team', invites: 'Invite',
  stages: 'Stage', mails: 'Mail', 'share-links': 'Share link', 'plan-templates': 'Plan template', notifications: 'Notification', shared: 'Plan',
};

/**
 * What a path parameter names, from the route pattern (`/plans/:id/commitments`, `id` → Plan), so
 * an id of the wrong shape gets word for word the 404 of a record that is not there.
 */
export function recordNamed(pattern: string | null, param: string): string {
  const segments = (pattern ?? '').split('/');
  const at = segments.indexOf(`:${param}`);
  return RECORDS[at > 0 ? segments[at - 1] : ''] ?? 'Record';
}
