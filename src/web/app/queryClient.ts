import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

export const sessionKey = ['session'] as const;

/** A session that ends while the app is open (expiry, deactivation) sends the person to sign in. */
function onError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401 && err.code === 'not_signed_in' && queryClient.getQueryData(sessionKey)) {
    queryClient.setQueryData(sessionKey, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (404, 403…) will not change by asking again; network and server errors might.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});
