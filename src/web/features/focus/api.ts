import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FocusScope, FocusThresholds } from '../../../shared/focus';
import type { Opportunity } from '../../../shared/opportunities';
import type { CallResult } from '../../../shared/routes/client';
import { getFocusThresholds, getOpportunityFocus, listFocus, updateFocusThresholds } from '../../../shared/routes/operations/focus';
import { updateOpportunity } from '../../../shared/routes/operations/opportunities';
import { call, type BodyOf } from '../../app/api';
import { recordKeys } from '../../app/records';

/** Focus is cached under 'focus'; walking away changes an opportunity, so the records refresh too. */
export const focusKeys = {
  all: ['focus'] as const,
  list: (scope: FocusScope) => ['focus', 'list', scope] as const,
  thresholds: ['focus', 'thresholds'] as const,
  opportunity: (id: string) => ['focus', 'opportunity', id] as const,
};

/** The Focus list, page by page: what the page reads and what navigation prefetches (app/pageData.ts). */
export const focusListQuery = (scope: FocusScope) =>
  infiniteQueryOptions({
    queryKey: focusKeys.list(scope),
    queryFn: ({ pageParam }) => call(listFocus, { query: { scope, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: CallResult<typeof listFocus>) => last.nextCursor ?? undefined,
  });

export const focusThresholdsQuery = queryOptions({ queryKey: focusKeys.thresholds, queryFn: () => call(getFocusThresholds) });

export function useFocusList(scope: FocusScope) {
  return useInfiniteQuery(focusListQuery(scope));
}

/** One deal's flags, figures and next moves: what the deal page reads and navigation prefetches. */
export const opportunityFocusQuery = (id: string) => queryOptions({ queryKey: focusKeys.opportunity(id), queryFn: () => call(getOpportunityFocus, { params: { id } }) });

export function useOpportunityFocus(id: string) {
  return useQuery(opportunityFocusQuery(id));
}

export function useFocusThresholds() {
  return useQuery(focusThresholdsQuery);
}

/** Walking away is the opportunity's own status change, with a reason and the version read. */
export function useWalkAway(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reason, version }: { reason: string; version: number }) => call(updateOpportunity, { params: { id }, body: { status: 'walked_away', closeReason: reason, version } }),
    onSuccess: (o: Opportunity) => {
      client.setQueryData(recordKeys.detail('opportunities', o.id), o);
      void client.invalidateQueries({ queryKey: recordKeys.all('opportunities') });
      void client.invalidateQueries({ queryKey: focusKeys.all });
    },
    // A stale version changed nothing: show the latest.
    onError: () => {
      void client.invalidateQueries({ queryKey: recordKeys.all('opportunities') });
      void client.invalidateQueries({ queryKey: focusKeys.all });
    },
  });
}

export function useSaveFocusThresholds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateFocusThresholds>) => call(updateFocusThresholds, { body }),
    onSuccess: (t: FocusThresholds) => {
      client.setQueryData(focusKeys.thresholds, t);
      // The thresholds share the workspace's version; the flags follow the new thresholds.
      void client.invalidateQueries({ queryKey: ['workspace'] });
      void client.invalidateQueries({ queryKey: ['focus', 'list'] });
      void client.invalidateQueries({ queryKey: recordKeys.all('opportunities') });
    },
  });
}
