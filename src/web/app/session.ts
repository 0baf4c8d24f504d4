import { createContext, useContext } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/auth';
import { getSession, getSetupStatus } from '../../shared/routes/operations';
import { call, endSession, isApiError } from './api';
import { queryClient, sessionKey } from './queryClient';

const setupKey = ['setup'] as const;

/**
 * Who is signed in. Asks /setup first (public, always 200) so a signed-out visit never produces a
 * failed request in the console, and keeps its answer for the first-run and sign-in pages.
 */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<Me | null> => {
    const setup = await call(getSetupStatus);
    queryClient.setQueryData(setupKey, setup);
    if (!setup.signedIn) return null;
    try {
      return await call(getSession);
    } catch (err) {
      if (isApiError(err) && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: Infinity,
});

export function useSetup() {
  return useQuery({ queryKey: setupKey, queryFn: () => call(getSetupStatus), staleTime: 60_000 });
}

/** Provided by the signed-in part of the app, so pages can read who is signed in without null checks. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() is only available inside the signed-in app');
  return me;
}

// The session query itself is never removed: the root component observes it to switch between the
// signed-in and signed-out app. Everything else belonged to the previous person and goes.
const notSession = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== sessionKey[0];

/** After sign-in, sign-up, invite acceptance or the demo: forget the previous person's data. */
export function useStartSession() {
  const client = useQueryClient();
  return (me: Me) => {
    client.removeQueries({ predicate: notSession });
    client.setQueryData(sessionKey, me);
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return () =>
    // Show the signed-out app first: its pages ask for no private data. Then let requests already on
    // the wire come back before the session ends, so none of them is answered 401 after it.
    endSession(async () => {
      client.setQueryData(sessionKey, null);
      // At least one tick, so React has swapped in the signed-out app before we look.
      let waited = 0;
      do {
        await new Promise((resolve) => setTimeout(resolve, 25));
        waited += 25;
      } while (client.isFetching({ predicate: notSession }) > 0 && waited < 3_000);
      client.removeQueries({ predicate: notSession });
    });
}
