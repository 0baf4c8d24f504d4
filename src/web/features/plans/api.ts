import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Commitment } from '../../../shared/commitments';
import type { Milestone, Plan } from '../../../shared/plans';
import type { CallResult } from '../../../shared/routes/client';
import { setPlanLayout } from '../../../shared/routes/operations/commitments';
import { archiveMilestone, createMilestone, updateMilestone } from '../../../shared/routes/operations/milestones';
import { createPlan, getPlan, listPlans, reopenPlan, updatePlan } from '../../../shared/routes/operations/plans';
import { addressQuery, call, isApiError, type AddressFilters, type BodyOf } from '../../app/api';

/** Everything plan-shaped is cached under 'plans'; Today reads the same commitments, so it refreshes with them. */
export const planKeys = {
  all: ['plans'] as const,
  list: (params: Record<string, string>) => ['plans', 'list', params] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  ofOpportunity: (opportunityId: string) => ['plans', 'opportunity', opportunityId] as const,
  reliability: (id: string) => ['plans', 'reliability', id] as const,
  today: ['today'] as const,
};

// Each query a page reads on arrival is defined once, for the page and for the prefetch that
// navigation starts alongside the page's code (app/pageData.ts).
export const planQuery = (id: string) => queryOptions({ queryKey: planKeys.detail(id), queryFn: () => call(getPlan, { params: { id } }) });

export const planListQuery = (params: AddressFilters<typeof listPlans>) =>
  infiniteQueryOptions({
    queryKey: planKeys.list(params),
    queryFn: ({ pageParam }) => call(listPlans, { query: { ...addressQuery(listPlans, params), limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: CallResult<typeof listPlans>) => last.nextCursor ?? undefined,
  });

// A list of zero or one plan: asking for the plan itself would answer 404 (a console error) when there is none yet.
export const opportunityPlanQuery = (opportunityId: string) =>
  queryOptions({
    queryKey: planKeys.ofOpportunity(opportunityId),
    queryFn: async () => (await call(listPlans, { query: { opportunityId, limit: 1 } })).data[0] ?? null,
  });

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

/**
 * The opportunity's plan, or null. GET /opportunities/{id}/plan answers 404 when there is none, which
 * the browser logs as an error on every plan-less deal; the owner's plan list answers the same
 * question quietly (a plan's owner is always its opportunity's owner).
 */
export function useOpportunityPlan(opportunity: { id: string; owner: { id: string } }) {
  return useQuery(opportunityPlanQuery(opportunity.id));
}

export function usePlanList(params: AddressFilters<typeof listPlans>) {
  return useInfiniteQuery({ ...planListQuery(params), placeholderData: keepPreviousData });
}

/** After a write: the fresh plan (when the answer is one) goes straight into the cache; the rest refetches. */
export function usePlanRefresh() {
  const client = useQueryClient();
  return {
    plan: (plan: Plan) => {
      client.setQueryData(planKeys.detail(plan.id), plan);
      void client.invalidateQueries({ queryKey: planKeys.all, predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === plan.id) });
      void client.invalidateQueries({ queryKey: planKeys.today });
    },
    /** A changed commitment shows at once; health, counts and reliability follow from the refetch. */
    commitment: (c: Commitment) => {
      if (c.planId) client.setQueryData<Plan>(planKeys.detail(c.planId), (plan) =>
        plan ? { ...plan, commitments: plan.commitments.some((x) => x.id === c.id) ? plan.commitments.map((x) => (x.id === c.id ? c : x)) : [...plan.commitments, c] } : plan,
      );
      // A task on an objective: its page and the account's list refetch.
      if (c.subject.kind === 'objective') void client.invalidateQueries({ queryKey: ['objectives'] });
      // An action agreed in an interaction: the interaction's page lists it.
      if (c.subject.kind === 'interaction' || c.subject.kind === 'plan') void client.invalidateQueries({ queryKey: ['interactions'] });
      // An action agreed in a check-in: the check-in's page lists it (and the next one, as last time's).
      if (c.subject.kind === 'check_in') void client.invalidateQueries({ queryKey: ['check-ins'] });
      void client.invalidateQueries({ queryKey: planKeys.all });
      void client.invalidateQueries({ queryKey: planKeys.today });
    },
    milestone: (m: Milestone) => {
      client.setQueryData<Plan>(planKeys.detail(m.planId), (plan) =>
        plan ? { ...plan, milestones: m.archivedAt ? plan.milestones.filter((x) => x.id !== m.id) : plan.milestones.some((x) => x.id === m.id) ? plan.milestones.map((x) => (x.id === m.id ? m : x)) : [...plan.milestones, m] } : plan,
      );
      void client.invalidateQueries({ queryKey: planKeys.all });
    },
    all: () => {
      void client.invalidateQueries({ queryKey: planKeys.all });
      void client.invalidateQueries({ queryKey: planKeys.today });
    },
  };
}

export function useCreatePlan(opportunityId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof createPlan>) => call(createPlan, { params: { id: opportunityId }, body }), onSuccess: refresh.plan });
}

/**
 * A one-click change to a plan (activate, reopen) from the version on screen: when someone changed the
 * plan since, it is read again and the refusal is said in words.
 */
export function usePlanAction<V>(planId: string, mutation: UseMutationResult<unknown, Error, V>) {
  const current = usePlan(planId);
  const [message, setMessage] = useState<string | null>(null);
  const send = (vars: V) => {
    setMessage(null);
    mutation.mutate(vars, {
      onError: (err) => {
        if (isApiError(err, 'version_conflict')) void current.refetch();
        setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
      },
    });
  };
  return { send, message, busy: mutation.isPending };
}

/** Reopens a completed or abandoned plan, from the version on screen. */
export function useReopenPlan(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (version: number) => call(reopenPlan, { params: { id }, body: { version } }), onSuccess: refresh.plan });
}

export function useUpdatePlan(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof updatePlan>) => call(updatePlan, { params: { id }, body }), onSuccess: refresh.plan });
}

export function useSetLayout(planId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof setPlanLayout>) => call(setPlanLayout, { params: { id: planId }, body }), onSuccess: refresh.plan });
}

export function useCreateMilestone(planId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof createMilestone>) => call(createMilestone, { params: { id: planId }, body }), onSuccess: refresh.milestone });
}

export function useUpdateMilestone() {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateMilestone> }) => call(updateMilestone, { params: { id }, body }), onSuccess: refresh.milestone });
}

/** Archiving a milestone leaves its commitments without one: the whole plan refetches. */
export function useArchiveMilestone() {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => call(archiveMilestone, { params: { id }, body: { version } }),
    onSuccess: refresh.milestone,
  });
}

