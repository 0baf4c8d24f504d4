import { queryOptions } from '@tanstack/react-query';
import { getCheckIn, getCheckInTemplate, listCheckIns, listCheckInSeries } from '../../../shared/routes/operations/check-ins';
import { call } from '../../app/api';

/**
 * The reads a page starts with, apart from the hooks that write (api.ts): the app's shell
 * (app/pageData.ts) carries only these few lines. Check-ins are cached under 'check-ins': the series
 * list, a check-in, the history and the questions. Agreed actions are commitments: writing one
 * refreshes Today too, and a commitment changed anywhere refreshes 'check-ins' (plans/api.ts).
 */
export const checkInKeys = {
  all: ['check-ins'] as const,
  series: ['check-ins', 'series'] as const,
  history: (seriesId?: string) => ['check-ins', 'history', seriesId ?? 'all'] as const,
  detail: (id: string) => ['check-ins', 'detail', id] as const,
  template: ['check-ins', 'template'] as const,
};

export const seriesListQuery = queryOptions({ queryKey: checkInKeys.series, queryFn: () => call(listCheckInSeries, { query: { status: 'running' } }) });
export const checkInHistoryQuery = (seriesId?: string) =>
  queryOptions({ queryKey: checkInKeys.history(seriesId), queryFn: () => call(listCheckIns, { query: { seriesId, when: 'all', limit: 50 } }) });
export const checkInQuery = (id: string) => queryOptions({ queryKey: checkInKeys.detail(id), queryFn: () => call(getCheckIn, { params: { id } }) });
export const templateQuery = queryOptions({ queryKey: checkInKeys.template, queryFn: () => call(getCheckInTemplate) });
