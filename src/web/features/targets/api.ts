import { infiniteQueryOptions, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FiscalSettings, YearlyTarget } from '../../../shared/targets';
import { getAccountPlanning, getFiscalSettings, getTeamAccountPlanning, setYearlyTarget, updateFiscalSettings } from '../../../shared/routes/operations/targets';
import { call, type BodyOf } from '../../app/api';

/** Account planning: one rep's year, a team's year, and the workspace's fiscal calendar (admins). */
export const planningKeys = {
  all: ['planning'] as const,
  rep: (userId: string | undefined, fiscalYear: number | undefined) => ['planning', 'rep', userId ?? 'me', fiscalYear ?? 'current'] as const,
  team: (teamId: string, fiscalYear: number | undefined) => ['planning', 'team', teamId, fiscalYear ?? 'current'] as const,
  fiscal: ['fiscal-settings'] as const,
};

/**
 * A rep's planning (yourself without `userId`; the current fiscal year without `fiscalYear`). Every
 * page carries the figures; further pages add objectives to the list.
 */
export const repPlanningQuery = (userId: string | undefined, fiscalYear: number | undefined) =>
  infiniteQueryOptions({
    queryKey: planningKeys.rep(userId, fiscalYear),
    queryFn: ({ pageParam }) => call(getAccountPlanning, { query: { userId, fiscalYear, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.objectiveList.nextCursor ?? undefined,
  });

/** A team's planning: its reps (the first 200, in name order) and its totals. */
export const teamPlanningQuery = (teamId: string, fiscalYear: number | undefined) =>
  queryOptions({ queryKey: planningKeys.team(teamId, fiscalYear), queryFn: () => call(getTeamAccountPlanning, { params: { id: teamId }, query: { fiscalYear, limit: 200 } }) });

export const fiscalSettingsQuery = queryOptions({ queryKey: planningKeys.fiscal, queryFn: () => call(getFiscalSettings) });

export function useFiscalSettings(enabled: boolean) {
  return useQuery({ ...fiscalSettingsQuery, enabled });
}

export function useSetTarget(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof setYearlyTarget>) => call(setYearlyTarget, { params: { id: userId }, body }),
    onSuccess: (_target: YearlyTarget) => void client.invalidateQueries({ queryKey: planningKeys.all }),
  });
}

export function useUpdateFiscalSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateFiscalSettings>) => call(updateFiscalSettings, { body }),
    onSuccess: (settings: FiscalSettings) => {
      client.setQueryData(planningKeys.fiscal, settings);
      // Years are redrawn (start month) or new targets take another currency: every planning view changes.
      void client.invalidateQueries({ queryKey: planningKeys.all });
      void client.invalidateQueries({ queryKey: ['workspace'] });
    },
  });
}
