import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commitment, CreateCommitmentBody, CreateRenegotiationBody, PlanLayoutBody, RenegotiationResult, UpdateCommitmentBody } from '../../../shared/commitments';
import type { ContactList } from '../../../shared/contacts';
import type { PlanReliability } from '../../../shared/plan-reliability';
import type { CreatedPlan, CreateMilestoneBody, CreatePlanBody, Milestone, Plan, PlanList, UpdateMilestoneBody, UpdatePlanBody } from '../../../shared/plans';
import type { Today } from '../../../shared/today';
import type { PlanView } from '../../../shared/team-view';
import { api, qs } from '../../app/api';

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
export const planQuery = (id: string) => queryOptions({ queryKey: planKeys.detail(id), queryFn: () => api.get<Plan>(`/plans/${id}`) });

export const planListQuery = (params: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: planKeys.list(params),
    queryFn: ({ pageParam }) => api.get<PlanList>(`/plans${qs({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: PlanList) => last.nextCursor ?? undefined,
  });

export const todayQuery = (view: PlanView) => queryOptions({ queryKey: [...planKeys.today, view], queryFn: () => api.get<Today>(`/today${qs({ view })}`) });

// A list of zero or one plan: asking for the plan itself would answer 404 (a console error) when there is none yet.
export const opportunityPlanQuery = (opportunityId: string) =>
  queryOptions({
    queryKey: planKeys.ofOpportunity(opportunityId),
    queryFn: async () => (await api.get<PlanList>(`/plans${qs({ opportunityId, limit: 1 })}`)).data[0] ?? null,
  });

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

export function usePlanReliability(id: string) {
  return useQuery({ queryKey: planKeys.reliability(id), queryFn: () => api.get<PlanReliability>(`/plans/${id}/reliability`) });
}

/**
 * The opportunity's plan, or null. GET /opportunities/{id}/plan answers 404 when there is none, which
 * the browser logs as an error on every plan-less deal; the owner's plan list answers the same
 * question quietly (a plan's owner is always its opportunity's owner).
 */
export function useOpportunityPlan(opportunity: { id: string; owner: { id: string } }) {
  return useQuery(opportunityPlanQuery(opportunity.id));
}

export function usePlanList(params: Record<string, string>) {
  return useInfiniteQuery({ ...planListQuery(params), placeholderData: keepPreviousData });
}

export function useToday(view: PlanView) {
  return useQuery({ ...todayQuery(view), placeholderData: keepPreviousData });
}

/** Contacts of the deal's account: the people who can own customer-side commitments. */
export function useAccountContacts(accountId: string) {
  return useQuery({
    queryKey: ['contacts', 'plan-owners', accountId],
    queryFn: () => api.get<ContactList>(`/contacts${qs({ accountId, limit: 200, sort: 'name' })}`),
    select: (r) => r.data,
    staleTime: 60_000,
  });
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
      client.setQueryData<Plan>(planKeys.detail(c.planId), (plan) =>
        plan ? { ...plan, commitments: plan.commitments.some((x) => x.id === c.id) ? plan.commitments.map((x) => (x.id === c.id ? c : x)) : [...plan.commitments, c] } : plan,
      );
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
  return useMutation({ mutationFn: (body: CreatePlanBody) => api.post<CreatedPlan>(`/opportunities/${opportunityId}/plan`, body), onSuccess: refresh.plan });
}

/** Reopens a completed or abandoned plan, from the version on screen. */
export function useReopenPlan(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (version: number) => api.post<Plan>(`/plans/${id}/reopen`, { version }), onSuccess: refresh.plan });
}

export function useUpdatePlan(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: UpdatePlanBody) => api.patch<Plan>(`/plans/${id}`, body), onSuccess: refresh.plan });
}

export function useSetLayout(planId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: PlanLayoutBody) => api.post<Plan>(`/plans/${planId}/layout`, body), onSuccess: refresh.plan });
}

export function useCreateMilestone(planId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: CreateMilestoneBody) => api.post<Milestone>(`/plans/${planId}/milestones`, body), onSuccess: refresh.milestone });
}

export function useUpdateMilestone() {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateMilestoneBody }) => api.patch<Milestone>(`/milestones/${id}`, body), onSuccess: refresh.milestone });
}

/** Archiving a milestone leaves its commitments without one: the whole plan refetches. */
export function useArchiveMilestone() {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.post<Milestone>(`/milestones/${id}/archive`, { version }),
    onSuccess: refresh.milestone,
  });
}

export function useCreateCommitment(planId: string) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: (body: CreateCommitmentBody) => api.post<Commitment>(`/plans/${planId}/commitments`, body), onSuccess: refresh.commitment });
}

export function useUpdateCommitment() {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateCommitmentBody }) => api.patch<Commitment>(`/commitments/${id}`, body), onSuccess: refresh.commitment });
}

export function useProposeDate() {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateRenegotiationBody }) => api.post<RenegotiationResult>(`/commitments/${id}/renegotiations`, body),
    onSuccess: (r) => refresh.commitment(r.commitment),
  });
}

export function useAnswerDate() {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: ({ id, accept, note }: { id: string; accept: boolean; note?: string | null }) =>
      api.post<RenegotiationResult>(`/renegotiations/${id}/${accept ? 'accept' : 'decline'}`, note ? { note } : {}),
    onSuccess: (r) => refresh.commitment(r.commitment),
  });
}

/** Puts the fresh commitment a 409 carried into the cache, so the page shows the latest. */
export function useAcceptCurrentCommitment() {
  const refresh = usePlanRefresh();
  return (current: unknown) => {
    if (current && typeof current === 'object' && 'planId' in current) refresh.commitment(current as Commitment);
    else refresh.all();
  };
}
