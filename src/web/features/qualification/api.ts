import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpportunityQualification } from '../../../shared/qualification';
import {
  createSweetSpotCriterion,
  getOpportunityQualification,
  getStageGate,
  listSweetSpotCriteria,
  updateOpportunityQualification,
  updateStageGate,
  updateSweetSpotCriterion,
} from '../../../shared/routes/operations/qualification';
import { call, type BodyOf } from '../../app/api';
import { recordKeys } from '../../app/records';

/** The id of the qualification card on a deal's page: the stage field's "record the commitment to change" leads there. */
export const QUALIFICATION_ANCHOR = 'qualification';

/** Qualification reads: the workspace's criteria and gate (small, shared by many pages) and one deal's qualification. */
export const qualificationKeys = {
  criteria: ['sweet-spot-criteria'] as const,
  gate: ['stage-gate'] as const,
  ofOpportunity: (id: string) => ['opportunities', 'qualification', id] as const,
};

export const criteriaQuery = queryOptions({ queryKey: qualificationKeys.criteria, queryFn: () => call(listSweetSpotCriteria), select: (r) => r.data, staleTime: 60_000 });
export const stageGateQuery = queryOptions({ queryKey: qualificationKeys.gate, queryFn: () => call(getStageGate), staleTime: 60_000 });
export const qualificationQuery = (opportunityId: string) =>
  queryOptions({ queryKey: qualificationKeys.ofOpportunity(opportunityId), queryFn: () => call(getOpportunityQualification, { params: { id: opportunityId } }) });

export const useCriteria = () => useQuery(criteriaQuery);
export const useStageGate = () => useQuery(stageGateQuery);
export const useQualification = (opportunityId: string) => useQuery(qualificationQuery(opportunityId));

/** Criteria changes: one request each; the server renumbers the others in the same transaction. */
export function useCriterionMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: qualificationKeys.criteria });
  return {
    create: useMutation({ mutationFn: (body: BodyOf<typeof createSweetSpotCriterion>) => call(createSweetSpotCriterion, { body }), onSettled: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateSweetSpotCriterion> }) => call(updateSweetSpotCriterion, { params: { id }, body }),
      onSettled: refresh,
    }),
  };
}

/** The gate is a workspace setting: saving it moves the workspace's version, so the workspace card reads it again. */
export function useUpdateStageGate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateStageGate>) => call(updateStageGate, { body }),
    onSuccess: (gate) => {
      client.setQueryData(qualificationKeys.gate, gate);
      void client.invalidateQueries({ queryKey: ['workspace'] });
      void client.invalidateQueries({ queryKey: ['opportunities', 'qualification'] });
    },
  });
}

/** Qualifying a deal changes the deal (its version, its history): its page reads both again. */
export function useQualificationRefresh(opportunityId: string) {
  const client = useQueryClient();
  return (latest: OpportunityQualification) => {
    client.setQueryData(qualificationKeys.ofOpportunity(opportunityId), latest);
    void client.invalidateQueries({ queryKey: recordKeys.detail('opportunities', opportunityId) });
    void client.invalidateQueries({ queryKey: recordKeys.history('opportunities', opportunityId) });
  };
}

export function useUpdateQualification(opportunityId: string) {
  const refresh = useQualificationRefresh(opportunityId);
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateOpportunityQualification>) => call(updateOpportunityQualification, { params: { id: opportunityId }, body }),
    onSuccess: refresh,
  });
}
