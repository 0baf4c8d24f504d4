import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commitment } from '../../../shared/commitments';
import type { AccountObjectives, CreateObjectiveBody, CreateObjectiveTaskBody, Objective, ObjectiveInsight } from '../../../shared/objectives';
import { api } from '../../app/api';
import { recordKeys } from '../../app/records';

/** An account's objectives and what the objective page changes (the objective itself saves through the records hooks). */
export const objectiveKeys = {
  ofAccount: (accountId: string) => ['objectives', 'account', accountId] as const,
};

export function useAccountObjectives(accountId: string) {
  return useQuery({ queryKey: objectiveKeys.ofAccount(accountId), queryFn: () => api.get<AccountObjectives>(`/accounts/${accountId}/objectives`) });
}

function useRefresh() {
  const client = useQueryClient();
  return (id: string) => {
    void client.invalidateQueries({ queryKey: recordKeys.detail('objectives', id) });
    void client.invalidateQueries({ queryKey: recordKeys.history('objectives', id) });
    void client.invalidateQueries({ queryKey: ['objectives', 'account'] });
    void client.invalidateQueries({ queryKey: ['today'] });
  };
}

export function useCreateObjective(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateObjectiveBody) => api.post<Objective>(`/accounts/${accountId}/objectives`, body),
    onSuccess: (o) => {
      client.setQueryData(recordKeys.detail('objectives', o.id), o);
      void client.invalidateQueries({ queryKey: objectiveKeys.ofAccount(accountId) });
    },
  });
}

export function useContributors(id: string) {
  const refresh = useRefresh();
  const client = useQueryClient();
  const done = (o: Objective) => {
    client.setQueryData(recordKeys.detail('objectives', id), o);
    refresh(id);
  };
  return {
    add: useMutation({ mutationFn: (userId: string) => api.post<Objective>(`/objectives/${id}/contributors`, { userId }), onSuccess: done }),
    remove: useMutation({ mutationFn: (userId: string) => api.delete(`/objectives/${id}/contributors/${userId}`), onSuccess: () => refresh(id) }),
  };
}

export function useAddInsight(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: string) => api.post<ObjectiveInsight>(`/objectives/${id}/insights`, { body }), onSuccess: () => refresh(id) });
}

export function useAddTask(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateObjectiveTaskBody) => api.post<Commitment>(`/objectives/${id}/tasks`, body), onSuccess: () => refresh(id) });
}
