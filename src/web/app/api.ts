import type { ErrorBody } from '../../shared/errors';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

// While a sign-out is ending the session on the server, writes wait for it: a quick sign-in must
// not be overtaken by the sign-out that comes before it.
let ending: Promise<unknown> | null = null;

/** Runs `before`, then ends the session on the server; writes wait until both are done. */
export function endSession(before: () => Promise<void> = async () => undefined): Promise<void> {
  const done = (async () => {
    await before();
    await request<void>('DELETE', '/session', undefined, true);
  })().finally(() => {
    ending = null;
  });
  ending = done.catch(() => undefined);
  return done;
}

async function request<T>(method: Method, path: string, body?: unknown, signingOut = false): Promise<T> {
  if (ending && method !== 'GET' && !signingOut) await ending;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Every write is JSON (the server's CSRF rule); actions send `{}`.
  const payload = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body ?? {});
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (res.status === 204) return undefined as T;
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
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
