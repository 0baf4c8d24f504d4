import { Fragment, Suspense, useEffect, type ReactNode } from 'react';
import { matchPath, Navigate, Route, Routes, useParams } from 'react-router';
import type { Me } from '../../shared/auth';
import { Spinner } from '../ui/States';
import { lazyPage, type LazyPage } from './lazy';
import { pageData, type PageDataAt } from './pageData';
import { prefetchOnIntent } from './prefetch';
import { queryClient, sessionKey } from './queryClient';
import { Shell } from './Shell';

const TodayPage = lazyPage(() => import('../features/today/TodayPage'), 'TodayPage');
const AccountsPage = lazyPage(() => import('../features/accounts/AccountsPage'), 'AccountsPage');
const NewAccountPage = lazyPage(() => import('../features/accounts/NewAccountPage'), 'NewAccountPage');
const AccountPage = lazyPage(() => import('../features/accounts/AccountPage'), 'AccountPage');
const NewContactPage = lazyPage(() => import('../features/contacts/NewContactPage'), 'NewContactPage');
const ContactPage = lazyPage(() => import('../features/contacts/ContactPage'), 'ContactPage');
const OpportunitiesPage = lazyPage(() => import('../features/opportunities/OpportunitiesPage'), 'OpportunitiesPage');
const NewOpportunityPage = lazyPage(() => import('../features/opportunities/NewOpportunityPage'), 'NewOpportunityPage');
const OpportunityPage = lazyPage(() => import('../features/opportunities/OpportunityPage'), 'OpportunityPage');
const FocusPage = lazyPage(() => import('../features/focus/FocusPage'), 'FocusPage');
const ObjectivePage = lazyPage(() => import('../features/objectives/ObjectivePage'), 'ObjectivePage');
const PlanInteractionPage = lazyPage(() => import('../features/interactions/PlanInteractionPage'), 'PlanInteractionPage');
const InteractionPage = lazyPage(() => import('../features/interactions/InteractionPage'), 'InteractionPage');
const PlansPage = lazyPage(() => import('../features/plans/PlansPage'), 'PlansPage');
const PlanPage = lazyPage(() => import('../features/plans/PlanPage'), 'PlanPage');
const GoalsPage = lazyPage(() => import('../features/goals/GoalsPage'), 'GoalsPage');
const NewGoalPage = lazyPage(() => import('../features/goals/NewGoalPage'), 'NewGoalPage');
const GoalPage = lazyPage(() => import('../features/goals/GoalPage'), 'GoalPage');
const LadderPage = lazyPage(() => import('../features/goals/LadderPage'), 'LadderPage');
const TeamPage = lazyPage(() => import('../features/team/TeamPage'), 'TeamPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const SearchPage = lazyPage(() => import('../features/search/SearchPage'), 'SearchPage');
const SignedInInvitePage = lazyPage(() => import('../features/auth/SignedInInvitePage'), 'SignedInInvitePage');
// An email's unsubscribe and reset links work signed in too.
const UnsubscribePage = lazyPage(() => import('../features/auth/UnsubscribePage'), 'UnsubscribePage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const NotificationsPage = lazyPage(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const AccountPlanningPage = lazyPage(() => import('../features/targets/AccountPlanningPage'), 'AccountPlanningPage');
const CoachingPage = lazyPage(() => import('../features/coaching/CoachingPage'), 'CoachingPage');
const RetrospectivePage = lazyPage(() => import('../features/retrospectives/RetrospectivePage'), 'RetrospectivePage');
const CheckInsPage = lazyPage(() => import('../features/check-ins/CheckInsPage'), 'CheckInsPage');
const CheckInPage = lazyPage(() => import('../features/check-ins/CheckInPage'), 'CheckInPage');
const NotFoundPage = lazyPage(() => import('../features/coming/NotFoundPage'), 'NotFoundPage');

/**
 * The pages inside the app's shell: each one's code, and the data it reads as it arrives. Both
 * render the routes and, on navigation, start the page's code and data together (prefetchRoute).
 * `perRecord`: the page starts afresh for each record (no edit form or state carried over).
 */
const PAGES: { path: string; page: LazyPage; data?: (at: PageDataAt) => void; perRecord?: true }[] = [
  { path: 'today', page: TodayPage, data: pageData.today },
  { path: 'accounts', page: AccountsPage, data: pageData.accounts },
  { path: 'accounts/new', page: NewAccountPage },
  { path: 'accounts/:id', page: AccountPage, data: pageData.account, perRecord: true },
  { path: 'contacts/new', page: NewContactPage },
  { path: 'contacts/:id', page: ContactPage, data: pageData.contact, perRecord: true },
  { path: 'opportunities', page: OpportunitiesPage, data: pageData.opportunities },
  { path: 'opportunities/new', page: NewOpportunityPage },
  { path: 'opportunities/:id', page: OpportunityPage, data: pageData.opportunity, perRecord: true },
  { path: 'opportunities/:id/retrospective', page: RetrospectivePage, perRecord: true },
  { path: 'focus', page: FocusPage, data: pageData.focus },
  { path: 'objectives/:id', page: ObjectivePage, data: pageData.objective, perRecord: true },
  { path: 'interactions/new', page: PlanInteractionPage },
  { path: 'interactions/:id', page: InteractionPage, data: pageData.interaction, perRecord: true },
  { path: 'plans', page: PlansPage, data: pageData.plans },
  { path: 'plans/:id', page: PlanPage, data: pageData.plan, perRecord: true },
  { path: 'planning', page: AccountPlanningPage, data: pageData.planning },
  { path: 'coaching', page: CoachingPage, data: pageData.coaching },
  { path: 'goals', page: GoalsPage, data: pageData.goals },
  { path: 'goals/new', page: NewGoalPage },
  { path: 'goals/whys/:id', page: LadderPage, data: pageData.why, perRecord: true },
  { path: 'goals/:id', page: GoalPage, data: pageData.goal, perRecord: true },
  { path: 'team', page: TeamPage, data: pageData.team },
  { path: 'settings/*', page: SettingsPage },
  { path: 'search', page: SearchPage },
  { path: 'notifications', page: NotificationsPage, data: pageData.notifications },
  { path: 'check-ins', page: CheckInsPage, data: pageData.checkIns },
  { path: 'check-ins/:id', page: CheckInPage, data: pageData.checkIn, perRecord: true },
];

/** Pages whose data reads only the address (not who is signed in): asked for before /session answers. */
const SESSION_FREE = new Set<(at: PageDataAt) => void>([
  pageData.accounts,
  pageData.account,
  pageData.contact,
  pageData.opportunities,
  pageData.objective,
  pageData.interaction,
  pageData.opportunity,
  pageData.plan,
  pageData.notifications,
  pageData.team,
  pageData.checkIns,
  pageData.checkIn,
]);
/** Stands in for `me` for those pages: they never read it (a read would throw, not guess). */
const NOBODY_YET = new Proxy({} as Me, {
  get: () => {
    throw new Error('this page data needs to know who is signed in');
  },
});

/** Addresses that lead to another page once signed in. */
const REDIRECTS: Record<string, string> = { '/': '/today', '/signup': '/today' };

/**
 * Starts loading the page at `href` (an address in this app): its code and, for a signed-in person,
 * its data, in parallel. Resolves when the code is in (never rejects: the page reports a failure).
 * `beforeSession`: the browser holds a live session, but who it is has not been read yet; only the
 * data of pages that read nothing of it starts (the rest with the call made once it is known).
 */
export function prefetchRoute(href: string, { beforeSession = false } = {}): Promise<void> {
  const url = new URL(href, window.location.origin);
  url.pathname = REDIRECTS[url.pathname] ?? url.pathname;
  const me = queryClient.getQueryData<Me | null>(sessionKey);
  for (const { path, page, data } of PAGES) {
    const match = matchPath({ path: `/${path}`, end: true }, url.pathname);
    if (!match) continue;
    const at = { params: match.params, search: url.searchParams };
    if (me) data?.({ ...at, me });
    else if (beforeSession && data && SESSION_FREE.has(data)) data({ ...at, me: NOBODY_YET });
    return page.preload().then(
      () => undefined,
      () => undefined,
    );
  }
  return Promise.resolve();
}

function FullPageSpinner() {
  return (
    <div className="fullpage-center">
      <Spinner />
    </div>
  );
}

/** A record page starts afresh for each record (no edit form or state carried from the previous one). */
function PerRecord({ children }: { children: ReactNode }) {
  const { id } = useParams();
  return <Fragment key={id}>{children}</Fragment>;
}

export function SignedInApp() {
  // A link the pointer rests on, or that is focused or pressed, starts its page's code and data.
  useEffect(() => prefetchOnIntent(document, (href) => void prefetchRoute(href)), []);
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <Routes>
        <Route path="/invite/:token" element={<SignedInInvitePage />} />
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
        <Route element={<Shell />}>
          <Route index element={<Navigate to={REDIRECTS['/']} replace />} />
          <Route path="signup" element={<Navigate to={REDIRECTS['/signup']} replace />} />
          {PAGES.map(({ path, page: Page, perRecord }) => (
            <Route
              key={path}
              path={path}
              element={
                perRecord ? (
                  <PerRecord>
                    <Page />
                  </PerRecord>
                ) : (
                  <Page />
                )
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
