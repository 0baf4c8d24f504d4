import type { CallResult } from '../../shared/routes/client';
import { getSession, getSetupStatus } from '../../shared/routes/operations/auth';
import { call, isApiError } from './api';

/** What the first screen depends on: the install's state and who is signed in (null: nobody). */
export type SessionCheck = { setup: CallResult<typeof getSetupStatus>; me: CallResult<typeof getSession> | null };

/**
 * Asks /setup first (public, always 200) so a signed-out visit never produces a failed request in
 * the console, then /session when the browser holds a session.
 */
export async function checkSession(): Promise<SessionCheck> {
  const setup = await call(getSetupStatus);
  if (!setup.signedIn) return { setup, me: null };
  try {
    return { setup, me: await call(getSession) };
  } catch (err) {
    if (isApiError(err) && err.status === 401) return { setup, me: null };
    throw err;
  }
}

let first: Promise<SessionCheck> | null = null;

/**
 * Started by the entry script before the app's code has arrived, so the two travel in parallel.
 * (This module and api.ts are all the entry holds besides the styles.)
 */
export function startSessionCheck(): void {
  first = checkSession();
  // Read later by the session query, which reports a failure; not an unhandled rejection meanwhile.
  first.catch(() => undefined);
}

/** The check started at boot, once (later checks ask the server again). */
export function takeBootSessionCheck(): Promise<SessionCheck> | null {
  const check = first;
  first = null;
  return check;
}
