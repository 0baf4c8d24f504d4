import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateObjectiveBody, CreateObjectiveTaskBody, Objective } from '../../../shared/objectives';
import {
  addObjectiveContributor,
  createObjective,
  createObjectiveInsight,
  createObjectiveTask,
  listAccountObjectives,
  removeObjectiveContributor,
} from '../../../shared/routes/operations/objectives';
import { call } from '../../app/api';
import { recordKeys } from '../../app/records';

/** An account's objectives and what the objective page changes (the objective itself saves through the records hooks). */
export const objectiveKeys = {
  ofAccount: (accountId: string) => ['objectives', 'account', accountId] as const,
};

export function useAccountObjectives(accountId: string, opts: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: objectiveKeys.ofAccount(accountId), queryFn: () => call(listAccountObjectives, { params: { id: accountId } }), enabled: opts.enabled ?? true });
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
    mutationFn: (body: CreateObjectiveBody) => call(createObjective, { params: { id: accountId }, body }),
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
    add: useMutation({ mutationFn: (userId: string) => call(addObjectiveContributor, { params: { id }, body: { userId } }), onSuccess: done }),
    remove: useMutation({ mutationFn: (userId: string) => call(removeObjectiveContributor, { params: { id, userId } }), onSuccess: () => refresh(id) }),
  };
}

export function useAddInsight(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: string) => call(createObjectiveInsight, { params: { id }, body: { body } }), onSuccess: () => refresh(id) });
}

export function useAddTask(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateObjectiveTaskBody) => call(createObjectiveTask, { params: { id }, body }), onSuccess: () => refresh(id) });
}
