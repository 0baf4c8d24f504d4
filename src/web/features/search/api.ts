import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchWorkspace } from '../../../shared/routes/operations/search';
import { call } from '../../app/api';

/** The one search endpoint (`GET /search`), for the box in the header and the results page. */
export function useSearch(q: string, opts: { limit: number; enabled: boolean }) {
  return useQuery({
    queryKey: ['search', q, opts.limit],
    queryFn: () => call(searchWorkspace, { query: { q, limit: opts.limit } }),
    enabled: opts.enabled && q !== '',
    // While typing, the previous suggestions stay until the next ones arrive instead of flickering.
    placeholderData: keepPreviousData,
  });
}
