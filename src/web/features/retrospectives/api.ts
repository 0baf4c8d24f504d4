import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Retrospective } from '../../../shared/retrospectives';
import { getRetrospective, getTeamRetrospectives, submitRetrospective } from '../../../shared/routes/operations/retrospectives';
import { call, type BodyOf } from '../../app/api';
import type { PeriodQuery } from '../coaching/api';

export const retrospectiveKeys = {
  one: (opportunityId: string) => ['retrospectives', 'deal', opportunityId] as const,
  team: (teamId: string, period: PeriodQuery) => ['retrospectives', 'team', teamId, period.from ?? '', period.to ?? ''] as const,
};

export const retrospectiveQuery = (opportunityId: string) =>
  queryOptions({ queryKey: retrospectiveKeys.one(opportunityId), queryFn: () => call(getRetrospective, { params: { id: opportunityId } }) });

export const teamRetrospectivesQuery = (teamId: string, period: PeriodQuery) =>
  queryOptions({ queryKey: retrospectiveKeys.team(teamId, period), queryFn: () => call(getTeamRetrospectives, { params: { id: teamId }, query: period }) });

/** Gives or revises your answers; the fresh retrospective replaces the cached one, and the team's lists refetch. */
export function useSubmitRetrospective(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof submitRetrospective>) => call(submitRetrospective, { params: { id: opportunityId }, body }),
    onSuccess: (r: Retrospective) => {
      client.setQueryData(retrospectiveKeys.one(opportunityId), r);
      void client.invalidateQueries({ queryKey: ['retrospectives', 'team'] });
    },
  });
}
