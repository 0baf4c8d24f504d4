import { queryOptions } from '@tanstack/react-query';
import { getRepCoaching, getTeamCoaching } from '../../../shared/routes/operations/coaching';
import { call } from '../../app/api';

/** A period as the page's address holds it: both days, or neither (the current fiscal quarter). */
export type PeriodQuery = { from?: string; to?: string };

export const coachingKeys = {
  all: ['coaching'] as const,
  rep: (userId: string, period: PeriodQuery) => ['coaching', 'rep', userId, period.from ?? '', period.to ?? ''] as const,
  team: (teamId: string, period: PeriodQuery) => ['coaching', 'team', teamId, period.from ?? '', period.to ?? ''] as const,
};

export const repCoachingQuery = (userId: string, period: PeriodQuery) =>
  queryOptions({ queryKey: coachingKeys.rep(userId, period), queryFn: () => call(getRepCoaching, { params: { id: userId }, query: period }) });

export const teamCoachingQuery = (teamId: string, period: PeriodQuery) =>
  queryOptions({ queryKey: coachingKeys.team(teamId, period), queryFn: () => call(getTeamCoaching, { params: { id: teamId }, query: period }) });

/** The period in the address, when it is a whole one (a half-given period is the server's to refuse; the page asks for the default). */
export function periodFrom(search: URLSearchParams): PeriodQuery {
  const from = search.get('from');
  const to = search.get('to');
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return from && to && date.test(from) && date.test(to) ? { from, to } : {};
}
