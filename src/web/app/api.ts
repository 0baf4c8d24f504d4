import type { ErrorBody } from '../../shared/errors';
import { urlFor, type CallArgs, type CallResult, type OperationRef } from '../../shared/routes/client';
import { deleteSession } from '../../shared/routes/operations/auth';

export type ApiErrorInfo = ErrorBody['error'];

/** Every failed request becomes one of these, carrying the API's error body (or a network one). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly info: ApiErrorInfo,
  ) {
    super(info.message);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.info.code;
  }
  get details(): ApiErrorInfo['details'] {
    return this.info.details;
  }
  /** The fresh record a 409 version_conflict carries. */
  get current(): unknown {
    return this.info.current;
  }
}

export const isApiError = (err: unknown, code?: string): err is ApiError =>
  err instanceof ApiError && (code === undefined || err.code === code);

const networkError = () =>
  new ApiError(0, {
    code: 'network_error',
    message: 'Advance could not be reached. Check your connection and try again.',
    details: [],
    requestId: '',
  });

// While a sign-out is ending the session on the server, writes wait for it: a quick sign-in must
// not be overtaken by the sign-out that comes before it.
let ending: Promise<unknown> | null = null;

/** Runs `before`, then ends the session on the server; writes wait until both are done. */
export function endSession(before: () => Promise<void> = async () => undefined): Promise<void> {
  const done = (async () => {
    await before();
    await request(deleteSession.method, urlFor(deleteSession), undefined, true);
  })().finally(() => {
    ending = null;
  });
  ending = done.catch(() => undefined);
  return done;
}

/**
 * Calls one operation of the API, named from src/shared/routes/operations.ts, with the input its
 * contract takes (path parameters, query, body) and its contract's answer as the result: a wrong
 * path, method, parameter or field fails tsc.
 */
export function call<R extends OperationRef>(route: R, ...[input]: CallArgs<R>): Promise<CallResult<R>> {
  const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
  return request(route.method, urlFor(route, { params, query }), body) as Promise<CallResult<R>>;
}

/**
 * `call` from the version read, sent as `If-Match: "<version>"`: how a DELETE of a versioned record
 * (it has no body) says which version it removes; a stale one is a 409 with the current record.
 */
export function callAtVersion<R extends OperationRef>(route: R, version: number, ...[input]: CallArgs<R>): Promise<CallResult<R>> {
  const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
  return request(route.method, urlFor(route, { params, query }), body, false, { 'If-Match': `"${version}"` }) as Promise<CallResult<R>>;
}

async function request(method: OperationRef['method'], url: string, body?: unknown, signingOut = false, extra: Record<string, string> = {}): Promise<unknown> {
  if (ending && method !== 'GET' && !signingOut) await ending;
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  // Every write is JSON (the server's CSRF rule); actions send `{}`.
  const payload = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body ?? {});
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (res.status === 204) return undefined;
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const info = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(
      res.status,
      info ?? { code: 'http_error', message: `The server answered ${res.status}. Try again in a moment.`, details: [], requestId: '' },
    );
  }
  return data;
}

/**
 * Calls an operation that answers a file (RouteSpec.file: a CSV export, a zip) and saves it under the name the server
 * gives (Content-Disposition). Errors are the API's, as for `call`.
 */
export async function downloadFile<R extends OperationRef>(route: R, ...[input]: CallArgs<R>): Promise<string> {
  const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
  if (ending && route.method !== 'GET') await ending;
  const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify(body ?? {});
  let res: Response;
  try {
    res = await fetch(urlFor(route, { params, query }), { method: route.method, headers: payload ? { 'Content-Type': 'application/json' } : {}, body: payload, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    const info = ((await res.json().catch(() => undefined)) as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(res.status, info ?? { code: 'http_error', message: `The server answered ${res.status}. Try again in a moment.`, details: [], requestId: '' });
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const filename = name ? decodeURIComponent(name) : 'download';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}

/** The body a call sends, as its contract takes it: for a mutation's parameter. */
export type BodyOf<R extends OperationRef> = NonNullable<CallArgs<R>[0]>['body'];
/** The query a call sends, as its contract takes it. */
export type QueryOf<R extends OperationRef> = NonNullable<NonNullable<CallArgs<R>[0]>['query']>;

/** A list's filters as the page's address holds them: named as the contract names them, values as text. */
export type AddressFilters<R extends OperationRef> = Partial<Record<Exclude<keyof QueryOf<R>, 'limit' | 'cursor'>, string>>;

/**
 * Filters from the page's address as a list operation's query. Their names are checked here; their
 * values are whatever the address says, and the server checks those (400 naming a bad one).
 */
export const addressQuery = <R extends OperationRef>(_route: R, filters: AddressFilters<R>) => filters as QueryOf<R>;

/** A query string from the defined, non-empty values (for links between pages). */
export { queryString as qs } from '../../shared/routes/client';
