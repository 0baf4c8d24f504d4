import { useQuery } from '@tanstack/react-query';
import { getAccountReliability, getUserReliability } from '../../../shared/routes/operations/insights';
import { call } from '../../app/api';
import { planKeys } from '../plans/api';

/**
 * Reliability outside the plan page. The keys sit under planKeys.all, so every commitment change
 * that refreshes plans refreshes these too.
 */
export const reliabilityKeys = {
  user: (id: string) => [...planKeys.all, 'reliability', 'user', id] as const,
  account: (id: string) => [...planKeys.all, 'reliability', 'account', id] as const,
};

export function useUserReliability(id: string) {
  return useQuery({ queryKey: reliabilityKeys.user(id), queryFn: () => call(getUserReliability, { params: { id } }) });
}

/** One request serves the account page and each of its contacts' pages. */
export function useAccountReliability(id: string) {
  return useQuery({ queryKey: reliabilityKeys.account(id), queryFn: () => call(getAccountReliability, { params: { id } }) });
}
