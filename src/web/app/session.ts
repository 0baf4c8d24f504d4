import { createContext, useContext } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/auth';
import { getSetupStatus } from '../../shared/routes/operations/auth';
import { call, endSession } from './api';
import { checkSession, takeBootSessionCheck } from './boot';
import { queryClient, sessionKey } from './queryClient';

/** The install's state (first run or sign-in, demo offered), as the session check last saw it. */
export const setupQuery = queryOptions({ queryKey: ['setup'] as const, queryFn: () => call(getSetupStatus), staleTime: 60_000 });

/**
 * Who is signed in (see checkSession: /setup, then /session), keeping /setup's answer for the
 * first-run and sign-in pages. The first answer is the check the entry script started at boot.
 */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<Me | null> => {
    const { setup, me } = await (takeBootSessionCheck() ?? checkSession());
    queryClient.setQueryData(setupQuery.queryKey, setup);
    return me;
  },
  staleTime: Infinity,
});

export function useSetup() {
  return useQuery(setupQuery);
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
