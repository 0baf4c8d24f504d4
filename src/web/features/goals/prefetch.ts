import type { QueryClient } from '@tanstack/react-query';
import { goalListQuery, goalQuery, whyListQuery, whyQuery } from './api';

/**
 * What the goals pages read as they arrive (app/pageData.ts loads this module on navigation, so the
 * goals code stays out of the first load).
 */
export const goalsPageData = {
  goals: (client: QueryClient, ownerId: string | undefined) => {
    void client.prefetchInfiniteQuery(goalListQuery(ownerId, 'all'));
    void client.prefetchQuery(whyListQuery(ownerId));
  },
  /** Today's card of next steps (TodaySteps.tsx). */
  todaySteps: (client: QueryClient) => void client.prefetchInfiniteQuery(goalListQuery(undefined, 'active')),
  goal: (client: QueryClient, id: string) => void client.prefetchQuery(goalQuery(id)),
  why: (client: QueryClient, id: string) => void client.prefetchQuery(whyQuery(id)),
};
