import { infiniteQueryOptions, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Goal, WhyLadder } from '../../../shared/goals';
import {
  addWhyRung,
  completeGoalStep,
  createGoal,
  createGoalNote,
  createWhyLadder,
  endWhyLadder,
  getGoal,
  getWhyLadder,
  listGoals,
  listWhyLadders,
  updateGoal,
  updateWhyLadder,
} from '../../../shared/routes/operations/goals';
import { call, type BodyOf } from '../../app/api';

/**
 * Goals: whys (private unless shared) and what goals with their one next step. Whose: yourself
 * without `ownerId`; a manager may read a rep of their team (their goals, and only the whys they shared).
 */
export const goalKeys = {
  all: ['goals'] as const,
  goals: (ownerId: string | undefined, status: string) => ['goals', 'list', ownerId ?? 'me', status] as const,
  goal: (id: string) => ['goals', 'detail', id] as const,
  /** The history card's key (app/records.ts recordKeys.history('goals', id)). */
  history: (id: string) => ['goals', 'history', id] as const,
  whys: (ownerId: string | undefined) => ['goals', 'whys', ownerId ?? 'me'] as const,
  why: (id: string) => ['goals', 'why', id] as const,
};

type Status = 'active' | 'done' | 'dropped' | 'all';

export const goalListQuery = (ownerId: string | undefined, status: Status) =>
  infiniteQueryOptions({
    queryKey: goalKeys.goals(ownerId, status),
    queryFn: ({ pageParam }) => call(listGoals, { query: { ownerId, status, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const whyListQuery = (ownerId: string | undefined) =>
  queryOptions({ queryKey: goalKeys.whys(ownerId), queryFn: () => call(listWhyLadders, { query: { ownerId, limit: 100 } }) });

export const goalQuery = (id: string) => queryOptions({ queryKey: goalKeys.goal(id), queryFn: () => call(getGoal, { params: { id } }) });
export const whyQuery = (id: string) => queryOptions({ queryKey: goalKeys.why(id), queryFn: () => call(getWhyLadder, { params: { id } }) });

export const useGoal = (id: string) => useQuery(goalQuery(id));
export const useWhy = (id: string) => useQuery(whyQuery(id));
export const useWhys = (ownerId?: string) => useQuery(whyListQuery(ownerId));

/** After a write: the record as answered, and every list that shows it (Today's steps included). */
function useAfterGoal() {
  const client = useQueryClient();
  return (goal: Goal) => {
    client.setQueryData(goalKeys.goal(goal.id), goal);
    void client.invalidateQueries({ queryKey: ['goals', 'list'] });
    void client.invalidateQueries({ queryKey: goalKeys.history(goal.id) });
  };
}

function useAfterWhy() {
  const client = useQueryClient();
  return (why: WhyLadder) => {
    client.setQueryData(goalKeys.why(why.id), why);
    void client.invalidateQueries({ queryKey: ['goals', 'whys'] });
    // Goals show the why they serve.
    void client.invalidateQueries({ queryKey: ['goals', 'detail'] });
  };
}

export function useCreateGoal() {
  const after = useAfterGoal();
  return useMutation({ mutationFn: (body: BodyOf<typeof createGoal>) => call(createGoal, { body }), onSuccess: after });
}

export function useUpdateGoal(id: string) {
  const after = useAfterGoal();
  return useMutation({ mutationFn: (body: BodyOf<typeof updateGoal>) => call(updateGoal, { params: { id }, body }), onSuccess: after });
}

export function useCompleteStep(id: string) {
  const after = useAfterGoal();
  return useMutation({ mutationFn: (body: BodyOf<typeof completeGoalStep>) => call(completeGoalStep, { params: { id }, body }), onSuccess: after });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => call(createGoalNote, { params: { id }, body: { body } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: goalKeys.goal(id) });
      void client.invalidateQueries({ queryKey: goalKeys.history(id) });
    },
  });
}

export function useStartWhy() {
  const after = useAfterWhy();
  return useMutation({ mutationFn: (start: string) => call(createWhyLadder, { body: { start } }), onSuccess: after });
}

export function useAddRung(id: string) {
  const after = useAfterWhy();
  return useMutation({ mutationFn: (body: { answer: string; version: number }) => call(addWhyRung, { params: { id }, body }), onSuccess: after });
}

export function useEndWhy(id: string) {
  const after = useAfterWhy();
  return useMutation({ mutationFn: (version: number) => call(endWhyLadder, { params: { id }, body: { version } }), onSuccess: after });
}

export function useUpdateWhy(id: string) {
  const after = useAfterWhy();
  return useMutation({ mutationFn: (body: BodyOf<typeof updateWhyLadder>) => call(updateWhyLadder, { params: { id }, body }), onSuccess: after });
}
