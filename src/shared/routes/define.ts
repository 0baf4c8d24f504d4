import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';

/**
 * The route table: one contract per operation, read by the server (registration, validation,
 * serialization, the OpenAPI document) and by the web client (paths, methods, input and output
 * types). Only types come from zod here, so a page can import a contract's type without zod.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The document's tags; each has a description in server/core/openapi.ts. */
export type ApiTag = 'session' | 'people' | 'stages' | 'accounts' | 'contacts' | 'opportunities' | 'plans' | 'notifications' | 'search' | 'shared plan (customer)';

type SuccessStatus = 200 | 201 | 204;

export type RouteSpec = {
  readonly method: HttpMethod;
  /** The full path, `:name` for a path parameter: `/api/v1/accounts/:id`. */
  readonly path: string;
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
   * server/core/openapi.ts): the domain's own refusals, such as `plan_closed` or `duplicate`.
   */
  readonly errors?: readonly ErrorCode[];
};

/** A contract: its spec and its stable operationId (verb + noun, camelCase; the key it is defined under). */
export type RouteContract = RouteSpec & { readonly operationId: string };

/**
 * Defines a feature's routes, keyed by operationId. The key is the operationId in the API document
 * and in generated clients: renaming one is a breaking change (src/shared/routes/operation-ids.txt).
 */
export function defineRoutes<const T extends Record<string, RouteSpec>>(table: T): { readonly [K in keyof T & string]: T[K] & { readonly operationId: K } } {
  const out: Record<string, RouteContract> = {};
  for (const [operationId, spec] of Object.entries(table)) out[operationId] = { ...spec, operationId };
  return out as { readonly [K in keyof T & string]: T[K] & { readonly operationId: K } };
}

type Field<C, K extends string> = C extends { readonly [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What a call sends: path parameters, query and body, each as its contract accepts it (before defaults and coercion). */
export type RouteInput<C extends RouteSpec> = (Field<C, 'params'> extends z.ZodType ? { params: z.input<Field<C, 'params'>> } : { params?: undefined }) &
  (Field<C, 'query'> extends z.ZodType ? { query?: z.input<Field<C, 'query'>> } : { query?: undefined }) &
  (Field<C, 'body'> extends z.ZodType
    ? undefined extends z.input<Field<C, 'body'>>
      ? { body?: z.input<Field<C, 'body'>> }
      : { body: z.input<Field<C, 'body'>> }
    : { body?: undefined });

/** What a successful call returns, as the contract's response schema outputs it. */
export type RouteOutput<C extends RouteSpec> = z.output<NonNullable<C['response'][keyof C['response']]>>;

/** `/api/v1/accounts/:id` with `{ id }` → `/api/v1/accounts/<id>`, each value percent-encoded. */
export function pathFor(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
