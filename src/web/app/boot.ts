import type { CallResult } from '../../shared/routes/client';
import { getSession, getSetupStatus } from '../../shared/routes/operations/auth';
import { call, isApiError } from './api';

/** What the first screen depends on: the install's state and who is signed in (null: nobody). */
export type SessionCheck = { setup: CallResult<typeof getSetupStatus>; me: CallResult<typeof getSession> | null };

/**
 * Asks /setup first (public, always 200) so a signed-out visit never produces a failed request in
 * the console, then /session when the browser holds a session.
 */
export async function checkSession(onSetup?: (setup: SessionCheck['setup']) => void): Promise<SessionCheck> {
  const setup = await call(getSetupStatus);
  onSetup?.(setup);
  if (!setup.signedIn) return { setup, me: null };
  try {
    return { setup, me: await call(getSession) };
  } catch (err) {
    if (isApiError(err) && err.status === 401) return { setup, me: null };
    throw err;
  }
}

let first: Promise<SessionCheck> | null = null;
let firstSetup: Promise<SessionCheck['setup']> | null = null;

/**
 * Started by the entry script before the app's code has arrived, so the two travel in parallel.
 * (This module and api.ts are all the entry holds besides the styles.)
 */
export function startSessionCheck(): void {
  let setupAnswered: (setup: SessionCheck['setup']) => void = () => undefined;
  firstSetup = new Promise((resolve) => (setupAnswered = resolve));
  first = checkSession(setupAnswered);
  // Read later by the session query, which reports a failure; not an unhandled rejection meanwhile.
  first.catch(() => undefined);
}

/**
 * /setup's answer to the check started at boot, before /session's: whether the browser holds a
 * live session. Enough to start a page's code and the data that does not depend on who is signed in
 * while /session is on its way. Never settles when /setup failed (the session query reports that).
 */
export function bootSetupAnswer(): Promise<SessionCheck['setup']> | null {
  return firstSetup;
}

/** The check started at boot, once (later checks ask the server again). */
export function takeBootSessionCheck(): Promise<SessionCheck> | null {
  const check = first;
  first = null;
  return check;
}
