import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdvanceRateQuery, CreateInteractionBody, Interaction, InteractionListQuery, RecordResultBody } from '../../../shared/interactions';
import { cancelInteraction, createInteraction, getAdvanceRate, listInteractions, recordInteractionResult } from '../../../shared/routes/operations/interactions';
import { call } from '../../app/api';
import { recordKeys } from '../../app/records';

/**
 * Interactions are cached under 'interactions' (their detail and history through the records hooks,
 * app/records.ts); Today and plans read what a result writes, so they refresh with them.
 */
export const interactionKeys = {
  all: ['interactions'] as const,
  list: (query: Partial<InteractionListQuery>) => ['interactions', 'list', query] as const,
  rate: (query: AdvanceRateQuery) => ['interactions', 'rate', query] as const,
};

/** One page of a list: cards show the next few and the latest few, never everything. */
export const interactionListQuery = (query: Partial<InteractionListQuery>) =>
  queryOptions({
    queryKey: interactionKeys.list(query),
    queryFn: () => call(listInteractions, { query: { sort: '-sortAt', limit: 50, ...query } }),
  });

export const advanceRateQuery = (query: AdvanceRateQuery) => queryOptions({ queryKey: interactionKeys.rate(query), queryFn: () => call(getAdvanceRate, { query }) });

/** What an account's or a deal's interactions card reads (InteractionsCard), and navigation prefetches. */
export const interactionsCardQueries = (scope: { accountId: string } | { opportunityId: string }) => ({
  pending: interactionListQuery({ ...scope, state: 'awaiting_result', sort: 'sortAt', limit: 5 }),
  upcoming: interactionListQuery({ ...scope, state: 'upcoming', sort: 'sortAt', limit: 5 }),
  done: interactionListQuery({ ...scope, state: 'done', sort: '-sortAt', limit: 3 }),
  rate: advanceRateQuery(scope),
});

export function useInteractions(query: Partial<InteractionListQuery>, opts: { enabled?: boolean } = {}) {
  return useQuery({ ...interactionListQuery(query), enabled: opts.enabled ?? true });
}

export function useAdvanceRate(query: AdvanceRateQuery) {
  return useQuery(advanceRateQuery(query));
}

/** After a write: the fresh interaction goes into the cache; lists, rates, Today and plans refetch. */
function useRefresh() {
  const client = useQueryClient();
  return (i: Interaction) => {
    client.setQueryData(recordKeys.detail('interactions', i.id), i);
    void client.invalidateQueries({ queryKey: interactionKeys.all, predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === i.id) });
    void client.invalidateQueries({ queryKey: ['today'] });
    void client.invalidateQueries({ queryKey: ['plans'] });
  };
}

export function useCreateInteraction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateInteractionBody) => call(createInteraction, { body }), onSuccess: refresh });
}

export function useCancelInteraction(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (version: number) => call(cancelInteraction, { params: { id }, body: { version } }), onSuccess: refresh });
}

export function useRecordResult(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RecordResultBody) => call(recordInteractionResult, { params: { id }, body }), onSuccess: refresh });
}
