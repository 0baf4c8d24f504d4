import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { Commitment } from '../../../shared/commitments';
import type { PlanView } from '../../../shared/team-view';
import { createCommitment, updateCommitment } from '../../../shared/routes/operations/commitments';
import { listContacts } from '../../../shared/routes/operations/contacts';
import { getPlanReliability, getToday } from '../../../shared/routes/operations/insights';
import { call, type BodyOf } from '../../app/api';
import { planKeys, usePlanRefresh } from '../plans/api';

/** Commitments, whatever they belong to: writes, Today's list and the plan's reliability (server: features/commitments). */

export const todayQuery = (view: PlanView) => queryOptions({ queryKey: [...planKeys.today, view], queryFn: () => call(getToday, { query: { view } }) });

export function usePlanReliability(id: string) {
  return useQuery({ queryKey: planKeys.reliability(id), queryFn: () => call(getPlanReliability, { params: { id } }) });
}

export function useToday(view: PlanView) {
  return useQuery({ ...todayQuery(view), placeholderData: keepPreviousData });
}

/** Contacts of the deal's account: the people who can own customer-side commitments. */
export function useAccountContacts(accountId: string) {
  return useQuery({
    queryKey: ['contacts', 'plan-owners', accountId],
    queryFn: () => call(listContacts, { query: { accountId, limit: 200, sort: 'name' } }),
    select: (r) => r.data,
    staleTime: 60_000,
  });
}

export function useCreateCommitment(planId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof createCommitment>) => call(createCommitment, { params: { id: planId }, body }), onSuccess: refresh.commitment });
}

export function useUpdateCommitment() {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateCommitment> }) => call(updateCommitment, { params: { id }, body }), onSuccess: refresh.commitment });
}

/** Puts the fresh commitment a 409 carried into the cache, so the page shows the latest. */
export function useAcceptCurrentCommitment() {
  const refresh = usePlanRefresh();
  return (current: unknown) => {
    if (current && typeof current === 'object' && 'planId' in current) refresh.commitment(current as Commitment);
    else refresh.all();
  };
}
