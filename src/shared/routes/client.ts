import type { z } from 'zod';
import type { HttpMethod, RouteContract } from './define.js';
import type { AllContracts } from './index.js';

/**
 * What a typed client needs: an operation from operations.ts (its method and path, at run time) and
 * its contract's types (type-only, so no schema or zod reaches a bundle through here). A wrong
 * path, method, parameter or field fails tsc.
 */

/** An operation as operations.ts names it. */
export type OperationRef = { readonly method: HttpMethod; readonly path: string };

/** The contract registered for an operation. */
export type ContractOf<R extends OperationRef> = Extract<AllContracts, { readonly method: R['method']; readonly path: R['path'] }>;

type Field<C, K extends string> = C extends { readonly [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What a call sends: path parameters, query and body, each as its contract accepts it (before defaults and coercion). */
export type RouteInput<C extends RouteContract> = (Field<C, 'params'> extends z.ZodType ? { params: z.input<Field<C, 'params'>> } : { params?: undefined }) &
  (Field<C, 'query'> extends z.ZodType ? { query?: z.input<Field<C, 'query'>> } : { query?: undefined }) &
  (Field<C, 'body'> extends z.ZodType
    ? undefined extends z.input<Field<C, 'body'>>
      ? { body?: z.input<Field<C, 'body'>> }
      : { body: z.input<Field<C, 'body'>> }
    : { body?: undefined });

/** What a successful call returns, as the contract's response schema outputs it. */
export type RouteOutput<C extends RouteContract> = C extends RouteContract ? z.output<NonNullable<C['response'][keyof C['response']]>> : never;

/** A call's input as arguments: optional when the operation needs nothing. */
export type CallArgs<R extends OperationRef> = {} extends RouteInput<ContractOf<R>> ? [input?: RouteInput<ContractOf<R>>] : [input: RouteInput<ContractOf<R>>];
export type CallResult<R extends OperationRef> = RouteOutput<ContractOf<R>>;

/** The URL of a call: path parameters filled in and percent-encoded, then the query. */
export function urlFor(route: OperationRef, input: { params?: object; query?: object } = {}): string {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  return path + queryString(input.query ?? {});
}

/** `?a=1&b=x` from the defined, non-empty values, or nothing. */
export function queryString(values: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}
