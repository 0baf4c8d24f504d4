import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Retrospective } from '../../../shared/retrospectives';
import { getRetrospective, getTeamRetrospectives, submitRetrospective } from '../../../shared/routes/operations/retrospectives';
import { call, isApiError, type BodyOf } from '../../app/api';
import type { PeriodQuery } from '../coaching/api';

export const retrospectiveKeys = {
  one: (opportunityId: string) => ['retrospectives', 'deal', opportunityId] as const,
  team: (teamId: string, period: PeriodQuery) => ['retrospectives', 'team', teamId, period.from ?? '', period.to ?? ''] as const,
};

export const retrospectiveQuery = (opportunityId: string) =>
  queryOptions({ queryKey: retrospectiveKeys.one(opportunityId), queryFn: () => call(getRetrospective, { params: { id: opportunityId } }) });

export const teamRetrospectivesQuery = (teamId: string, period: PeriodQuery) =>
  queryOptions({ queryKey: retrospectiveKeys.team(teamId, period), queryFn: () => call(getTeamRetrospectives, { params: { id: teamId }, query: period }) });

/**
 * Gives or revises your answers; the fresh retrospective replaces the cached one, and the team's lists
 * refetch. A save that lost the race (409) carries the retrospective as it is now (the server's
 * submitRetrospective answers with the same Retrospective a read gives): it replaces the cached one
 * the same way, so the next save is made from that version while the form keeps what was chosen.
 */
export function useSubmitRetrospective(opportunityId: string) {
  const client = useQueryClient();
  const put = (r: Retrospective) => {
    client.setQueryData(retrospectiveKeys.one(opportunityId), r);
    void client.invalidateQueries({ queryKey: ['retrospectives', 'team'] });
  };
  return useMutation({
    mutationFn: (body: BodyOf<typeof submitRetrospective>) => call(submitRetrospective, { params: { id: opportunityId }, body }),
    onSuccess: put,
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) put(err.current as Retrospective);
    },
  });
}
