import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import * as operations from './operations.js';

/**
 * The route table: one contract per operation, read by the server (registration, validation,
 * serialization, the OpenAPI document) and, for its types, by the web client (src/web/app/api.ts).
 * An operation's method and path are in operations.ts; its contract is defined under the same
 * operationId in the feature's file.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Operations = typeof operations;
export type OperationId = keyof Operations;

/** The document's tags; each has a description in server/core/openapi.ts. */
export type ApiTag = 'session' | 'people' | 'stages' | 'accounts' | 'objectives' | 'interactions' | 'contacts' | 'opportunities' | 'qualification' | 'plans' | 'notifications' | 'search' | 'shared plan (customer)' | 'targets' | 'goals' | 'mail' | 'check-ins' | 'coaching' | 'webhooks' | 'imports' | 'api tokens' | 'calendar';

type SuccessStatus = 200 | 201 | 202 | 204;

/** The files an operation can answer in place of JSON (RouteSpec.file). */
export type FileMediaType = 'text/csv' | 'application/zip' | 'text/calendar';

/** What a feature's file says about an operation. */
export type RouteSpec = {
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly ApiTag[];
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The one success answer. */
  readonly response: { readonly [S in SuccessStatus]?: z.ZodType };
  /**
   * Errors the operation answers besides those its method, input, permission and version field
   * already imply (validation, sign-in, authorization, not found, stale version…; see
   * server/core/operation-errors.ts): the domain's own refusals, such as `plan_closed` or `duplicate`.
   */
  readonly errors?: readonly ErrorCode[];
  /**
   * The success answer holds a secret shown this once (a token, or a URL holding one), of which
   * Advance keeps only a hash. Such an answer is never kept for an Idempotency-Key replay, which
   * would keep the secret itself for a day: the operation takes no key (server/core/idempotency.ts).
   */
  readonly answersSecret?: true;
  /**
   * A success answer that is a file, not JSON — a CSV export, a zip, an iCalendar feed: its media
   * type and the name it is saved under (Content-Disposition: `attachment`, the default, or `inline`
   * for a feed a calendar app reads). The response schema then describes the file's text. With `etag`,
   * the answer carries an `ETag` that `If-None-Match` turns into a 304 without a body.
   */
  readonly file?: {
    readonly mediaType: FileMediaType;
    readonly filename: string;
    readonly disposition?: 'attachment' | 'inline';
    readonly etag?: true;
  };
};

/** A contract: its spec, its stable operationId, and its method and path from operations.ts. */
export type RouteContract = RouteSpec & { readonly operationId: string; readonly method: HttpMethod; readonly path: string };

/** Defines a feature's contracts, each under the operationId operations.ts gives its method and path. */
export function defineRoutes<const T extends { readonly [K in OperationId]?: RouteSpec }>(
  table: T,
): { readonly [K in keyof T & OperationId]: T[K] & Operations[K] & { readonly operationId: K } } {
  const out: Record<string, RouteContract> = {};
  for (const [operationId, spec] of Object.entries(table) as [OperationId, RouteSpec][]) {
    out[operationId] = { ...spec, ...operations[operationId], operationId };
  }
  return out as unknown as { readonly [K in keyof T & OperationId]: T[K] & Operations[K] & { readonly operationId: K } };
}
