import { z } from 'zod';
import type { ErrorCode } from '../../shared/errors.js';
import type { RouteContract } from '../../shared/routes/define.js';
import type { Permission } from './permissions.js';

/**
 * The errors an operation can answer, derived from its contract and permission the way the app's
 * hooks decide them, plus the domain refusals its contract lists. The API document shows these per
 * operation; in tests (config.env = test) an answer with a code not in the list becomes a 500
 * naming the operation, so the whole suite keeps the document true.
 */
export function operationErrors(contract: RouteContract, permission: Permission, opts: { sessionOnly?: boolean } = {}): ErrorCode[] {
  const codes = new Set<ErrorCode>(contract.errors ?? []);
  const write = contract.method !== 'GET';
  const body = fieldsOf(contract.body);
  // Input checks: every operation refuses a query or body its contract does not take (core/route.ts).
  codes.add('validation_failed');
  if (fieldsOf(contract.query).has('cursor')) codes.add('invalid_cursor');
  if (contract.body) codes.add('invalid_json');
  // Every write: JSON only, from the app's own origin (core/route-rules.ts), at most 1 MB.
  if (write) ['unsupported_media_type', 'origin_mismatch', 'payload_too_large'].forEach((c) => codes.add(c as ErrorCode));
  if (permission !== 'public' && permission !== 'guest') {
    codes.add('not_signed_in');
    // API tokens (core/auth/api-tokens.ts): wrong ones are counted per address, then 429; a read
    // token is refused writes, and every token is refused account security (403).
    codes.add('too_many_requests');
    if (write || opts.sessionOnly) codes.add('forbidden');
  }
  if (typeof permission === 'object') codes.add('forbidden');
  // A path names a record (or a share link): missing, another workspace's, or a malformed id.
  if (contract.params || permission === 'guest') codes.add('not_found');
  if (body.has('version')) codes.add('version_conflict');
  // Idempotency-Key on creating POSTs, for callers it can belong to (core/idempotency.ts).
  if (takesIdempotencyKey(contract) && permission !== 'public') {
    codes.add('idempotency_key_reused');
    codes.add('idempotency_in_progress');
  }
  // The customer's writes are rate-limited per link and per address (core/limits.ts).
  if (permission === 'guest' && write) codes.add('too_many_requests');
  return [...codes];
}

/** POST answering 201. */
export const isCreating = (contract: RouteContract) => contract.method === 'POST' && 201 in contract.response;

/** A creating POST replays for the same Idempotency-Key, unless its answer holds a secret shown once (core/idempotency.ts). */
export const takesIdempotencyKey = (contract: RouteContract) => isCreating(contract) && !contract.answersSecret;

/** Versioned writes take the version read, in the body or as If-Match; a DELETE of a versioned record (it has no body, and lists `version_conflict`) as If-Match only. */
export const isVersioned = (contract: RouteContract) =>
  fieldsOf(contract.body).has('version') || (contract.method === 'DELETE' && (contract.errors ?? []).includes('version_conflict'));

/** The field names of an object schema, through optional, nullable and default wrappers. */
function fieldsOf(schema: z.ZodType | undefined): Set<string> {
  let s: unknown = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap();
  return s instanceof z.ZodObject ? new Set(Object.keys(s.shape)) : new Set();
}
