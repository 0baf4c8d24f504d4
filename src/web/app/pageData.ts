import type { FetchInfiniteQueryOptions, FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import type { Params } from 'react-router';
import type { Me } from '../../shared/auth';
import type { PlanView } from '../../shared/team-view';
import type { FocusScope } from '../../shared/focus';
import { focusListQuery, opportunityFocusQuery } from '../features/focus/api';
import { checkInHistoryQuery, checkInQuery, seriesListQuery } from '../features/check-ins/queries';
import { todayQuery } from '../features/commitments/api';
import { advanceRateQuery, interactionListQuery, interactionsCardQueries } from '../features/interactions/api';
import { opportunityPlanQuery, planListQuery, planQuery } from '../features/plans/api';
import { latestNotificationsQuery, notificationPagesQuery, unreadCountQuery } from '../features/sharing/api';
import { qualificationQuery } from '../features/qualification/api';
import { repPlanningQuery } from '../features/targets/api';
import { periodFrom, repCoachingQuery } from '../features/coaching/api';
import { listValues } from '../lib/useListParams';
import { stagesQuery, teamsQuery, usersQuery } from './directory';
import { accountContactsParams, accountOpportunitiesParams, closingDealsParams, listFilters } from './lists';
import { goalsDataCode } from './pageCode';
import { queryClient } from './queryClient';
import { recordHistoryQuery, recordListQuery, recordQuery, type HistoryResource } from './records';

/** Where navigation is going: the route's parameters, the address's query string, who is signed in. */
export type PageDataAt = { params: Params; search: URLSearchParams; me: Me };

// Fresh data is not asked for again; a failure stays in the cache for the page to show (and retry).
const one = <T, D, K extends QueryKey>(options: FetchQueryOptions<T, Error, D, K>) => void queryClient.prefetchQuery(options);
const pages = <T, K extends QueryKey, P>(options: FetchInfiniteQueryOptions<T, Error, T, K, P>) => void queryClient.prefetchInfiniteQuery(options);

/** The interactions card of an account or a deal (features/interactions/InteractionsCard.tsx). */
function interactionsCard(scope: { accountId: string } | { opportunityId: string }) {
  const card = interactionsCardQueries(scope);
  one(card.pending);
  one(card.upcoming);
  one(card.done);
  one(card.rate);
}

/** A record page's history card (features/records/HistoryCard.tsx): its first page, and the names its events show. */
function historyCard(resource: HistoryResource, id: string) {
  pages(recordHistoryQuery(resource, id));
  one(usersQuery('all'));
  one(stagesQuery);
}

/**
 * What each page reads as it arrives, asked for by navigation at the same time as the page's code
 * (SignedInApp's routes), with the very query definitions the page uses: without this the request
 * would start only once the code had loaded and rendered.
 */
export const pageData = {
  /** The shell around every page: the unread count on the bell (asked for with the first page). */
  shell: () => one(unreadCountQuery),
  today: ({ search, me }: PageDataAt) => {
    one(todayQuery(listValues(listFilters.today(me.user.role), search).view as PlanView));
    one(latestNotificationsQuery);
    pages(recordListQuery('opportunities', closingDealsParams(me)));
    // The interaction cards (features/interactions/TodayInteractions.tsx) and the goal steps: without
    // these they were asked for only once the page had rendered, seconds later on a slow phone.
    const ownerId = me.user.id;
    one(interactionListQuery({ ownerId, state: 'awaiting_result', sort: 'sortAt', limit: 20 }));
    one(interactionListQuery({ ownerId, state: 'upcoming', sort: 'sortAt', limit: 5 }));
    one(advanceRateQuery({ ownerId }));
    void goalsDataCode().then((m) => m.goalsPageData.todaySteps(queryClient));
  },
  accounts: ({ search }: PageDataAt) => {
    pages(recordListQuery('accounts', listValues(listFilters.accounts, search)));
    one(usersQuery('active'));
  },
  account: ({ params: { id = '' } }: PageDataAt) => {
    one(recordQuery('accounts', id));
    pages(recordListQuery('contacts', accountContactsParams(id)));
    pages(recordListQuery('opportunities', accountOpportunitiesParams(id)));
    interactionsCard({ accountId: id });
    historyCard('accounts', id);
  },
  contact: ({ params: { id = '' } }: PageDataAt) => one(recordQuery('contacts', id)),
  opportunities: ({ search }: PageDataAt) => {
    pages(recordListQuery('opportunities', listValues(listFilters.opportunities, search)));
    one(usersQuery('active'));
    one(stagesQuery);
  },
  objective: ({ params: { id = '' } }: PageDataAt) => {
    one(recordQuery('objectives', id));
  },
  interaction: ({ params: { id = '' } }: PageDataAt) => {
    one(recordQuery('interactions', id));
  },
  opportunity: ({ params: { id = '' } }: PageDataAt) => {
    one(recordQuery('opportunities', id));
    one(opportunityPlanQuery(id));
    one(qualificationQuery(id));
    // The cards' data in the same wave as the page's (it came two round trips later), asked for
    // just after the page's code (prefetchRoute starts it once this returns).
    queueMicrotask(() => {
      one(opportunityFocusQuery(id));
      interactionsCard({ opportunityId: id });
      historyCard('opportunities', id);
    });
  },
  plans: ({ search, me }: PageDataAt) => {
    pages(planListQuery(listValues(listFilters.plans(me.user.role), search)));
    one(usersQuery('active'));
  },
  plan: ({ params: { id = '' } }: PageDataAt) => one(planQuery(id)),
  focus: ({ search, me }: PageDataAt) => pages(focusListQuery(listValues(listFilters.focus(me.user.role), search).scope as FocusScope)),
  notifications: () => pages(notificationPagesQuery),
  team: () => {
    one(usersQuery('active'));
    one(teamsQuery);
  },
  /** A rep's own year (or the one asked for); a manager's or admin's team view starts from the teams. */
  planning: ({ search, me }: PageDataAt) => {
    const year = /^\d{4}$/.test(search.get('year') ?? '') ? Number(search.get('year')) : undefined;
    const rep = search.get('rep') ?? undefined;
    if (me.user.role === 'rep' || rep) pages(repPlanningQuery(rep === me.user.id || me.user.role === 'rep' ? undefined : rep, year));
    else one(teamsQuery);
  },
  /** A rep's own figures (or the rep asked for); a manager's or admin's team view starts from the teams. */
  coaching: ({ search, me }: PageDataAt) => {
    const rep = search.get('rep') ?? undefined;
    if (me.user.role === 'rep' || rep) one(repCoachingQuery(me.user.role === 'rep' ? me.user.id : (rep as string), periodFrom(search)));
    else one(teamsQuery);
  },
  // Goals load their query definitions with their code, keeping both out of the first load.
  goals: ({ search, me }: PageDataAt) => {
    const rep = search.get('rep');
    void goalsDataCode().then((m) => m.goalsPageData.goals(queryClient, rep && rep !== me.user.id ? rep : undefined));
  },
  goal: ({ params: { id = '' } }: PageDataAt) => void goalsDataCode().then((m) => m.goalsPageData.goal(queryClient, id)),
  why: ({ params: { id = '' } }: PageDataAt) => void goalsDataCode().then((m) => m.goalsPageData.why(queryClient, id)),
  checkIns: ({ search }: PageDataAt) => {
    one(seriesListQuery);
    one(checkInHistoryQuery(search.get('series') ?? undefined));
  },
  checkIn: ({ params: { id = '' } }: PageDataAt) => one(checkInQuery(id)),
};
