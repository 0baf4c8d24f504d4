import { urlFor, type CallArgs, type CallResult, type OperationRef } from '../../shared/routes/client';
import {
  acceptSharedNewDate,
  createSharedComment,
  createSharedCommitment,
  declineSharedNewDate,
  getSharedPlan,
  proposeSharedNewDate,
  setSharedCommitmentState,
} from '../../shared/routes/operations/shared-plan';

/**
 * The customer's API: the share token in the path, nothing else (no cookies, no referrer). Calls are
 * typed by the operations' contracts (types only: no schema, no zod in this page's bundle).
 */

export type ApiFailure = { status: number; code: string; message: string; details: { path: string; message: string }[] };

export class GuestApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

async function call<R extends OperationRef>(route: R, ...[input]: CallArgs<R>): Promise<CallResult<R>> {
  const { params, body } = (input ?? {}) as { params?: object; body?: unknown };
  let res: Response;
  try {
    res = await fetch(urlFor(route, { params }), {
      method: route.method,
      headers: route.method === 'GET' ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: route.method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  } catch {
    throw new GuestApiError({ status: 0, code: 'network_error', message: 'The plan could not be reached. Check your connection and try again.', details: [] });
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (data as { error?: Partial<ApiFailure> } | undefined)?.error;
    throw new GuestApiError({
      status: res.status,
      code: error?.code ?? 'http_error',
      message: error?.message ?? 'Something went wrong. Try again in a moment.',
      details: error?.details ?? [],
    });
  }
  return data as CallResult<R>;
}

export const guestApi = (token: string) => ({
  plan: () => call(getSharedPlan, { params: { token } }),
  setDone: (id: string, done: boolean) => call(setSharedCommitmentState, { params: { token, id }, body: { done } }),
  proposeDate: (id: string, newDate: string, reason: string) => call(proposeSharedNewDate, { params: { token, id }, body: { newDate, reason } }),
  answer: (id: string, accept: boolean) => call(accept ? acceptSharedNewDate : declineSharedNewDate, { params: { token, id } }),
  comment: (body: string) => call(createSharedComment, { params: { token }, body: { body } }),
  addCommitment: (input: { title: string; detail: string | null; dueDate: string; ownerName?: string; milestoneId: string | null }) =>
    call(createSharedCommitment, { params: { token }, body: input }),
});

export type GuestApi = ReturnType<typeof guestApi>;

/** The token from /p/<token>, or (for local checks of share.html) from the #hash. */
export function tokenFromLocation(loc: Location): string | null {
  const match = /^\/p\/([^/?#]+)/.exec(loc.pathname);
  const raw = match?.[1] ?? loc.hash.replace(/^#/, '');
  return raw ? decodeURIComponent(raw) : null;
}
