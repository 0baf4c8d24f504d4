import type { GuestCommitment, GuestPlan, PlanComment } from '../../shared/plan-sharing';

/** The customer's API: the share token in the path, nothing else (no cookies, no referrer). */

export type ApiFailure = { status: number; code: string; message: string; details: { path: string; message: string }[] };

export class GuestApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

async function call<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/shared/${encodeURIComponent(token)}${path}`, {
      method,
      headers: method === 'POST' ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
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
  return data as T;
}

export const guestApi = (token: string) => ({
  plan: () => call<GuestPlan>(token, 'GET', ''),
  setDone: (id: string, done: boolean) => call<GuestCommitment>(token, 'POST', `/commitments/${id}/state`, { done }),
  proposeDate: (id: string, newDate: string, reason: string) => call<GuestCommitment>(token, 'POST', `/commitments/${id}/renegotiations`, { newDate, reason }),
  answer: (renegotiationId: string, accept: boolean) => call<GuestCommitment>(token, 'POST', `/renegotiations/${renegotiationId}/${accept ? 'accept' : 'decline'}`, {}),
  comment: (body: string) => call<PlanComment>(token, 'POST', '/comments', { body }),
  addCommitment: (input: { title: string; detail: string | null; dueDate: string; ownerName?: string; milestoneId: string | null }) =>
    call<GuestCommitment>(token, 'POST', '/commitments', input),
});

export type GuestApi = ReturnType<typeof guestApi>;

/** The token from /p/<token>, or (for local checks of share.html) from the #hash. */
export function tokenFromLocation(loc: Location): string | null {
  const match = /^\/p\/([^/?#]+)/.exec(loc.pathname);
  const raw = match?.[1] ?? loc.hash.replace(/^#/, '');
  return raw ? decodeURIComponent(raw) : null;
}
