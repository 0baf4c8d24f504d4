import { Fragment, Suspense, useEffect, type ReactNode } from 'react';
import { matchPath, Navigate, Route, Routes, useParams } from 'react-router';
import type { Me } from '../../shared/auth';
import { Spinner } from '../ui/States';
import { lazyPage, type LazyPage } from './lazy';
import { PAGE_CODE, REDIRECTS, type PagePath } from './pageCode';
import { pageData, type PageDataAt } from './pageData';
import { prefetchOnIntent } from './prefetch';
import { queryClient, sessionKey } from './queryClient';
import { Shell } from './Shell';

const SignedInInvitePage = lazyPage(() => import('../features/auth/SignedInInvitePage'), 'SignedInInvitePage');
// An email's unsubscribe and reset links work signed in too.
const UnsubscribePage = lazyPage(() => import('../features/auth/UnsubscribePage'), 'UnsubscribePage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const NotFoundPage = lazyPage(() => import('../features/coming/NotFoundPage'), 'NotFoundPage');

type PageEntry = { path: PagePath; page: LazyPage; data?: (at: PageDataAt) => void; perRecord?: true };
type PageModule<P extends PagePath> = Awaited<ReturnType<(typeof PAGE_CODE)[P]>>;

/** The page at `path` in PAGE_CODE, shown by its module's export `name`. */
function page<P extends PagePath>(path: P, name: keyof PageModule<P>, more: Omit<PageEntry, 'path' | 'page'> = {}): PageEntry {
  return { path, page: lazyPage(PAGE_CODE[path] as () => Promise<PageModule<P>>, name), ...more };
}

/**
 * The pages inside the app's shell: each one's code (PAGE_CODE), and the data it reads as it
 * arrives. Both render the routes and, on navigation, start the page's code and data together
 * (prefetchRoute). `perRecord`: the page starts afresh for each record (no edit form or state carried over).
 */
const PAGES: PageEntry[] = [
  page('today', 'TodayPage', { data: pageData.today }),
  page('accounts', 'AccountsPage', { data: pageData.accounts }),
  page('accounts/new', 'NewAccountPage'),
  page('accounts/:id', 'AccountPage', { data: pageData.account, perRecord: true }),
  page('contacts/new', 'NewContactPage'),
  page('contacts/:id', 'ContactPage', { data: pageData.contact, perRecord: true }),
  page('opportunities', 'OpportunitiesPage', { data: pageData.opportunities }),
  page('opportunities/new', 'NewOpportunityPage'),
  page('opportunities/:id', 'OpportunityPage', { data: pageData.opportunity, perRecord: true }),
  page('opportunities/:id/retrospective', 'RetrospectivePage', { perRecord: true }),
  page('focus', 'FocusPage', { data: pageData.focus }),
  page('objectives/:id', 'ObjectivePage', { data: pageData.objective, perRecord: true }),
  page('interactions/new', 'PlanInteractionPage'),
  page('interactions/:id', 'InteractionPage', { data: pageData.interaction, perRecord: true }),
  page('plans', 'PlansPage', { data: pageData.plans }),
  page('plans/:id', 'PlanPage', { data: pageData.plan, perRecord: true }),
  page('planning', 'AccountPlanningPage', { data: pageData.planning }),
  page('coaching', 'CoachingPage', { data: pageData.coaching }),
  page('goals', 'GoalsPage', { data: pageData.goals }),
  page('goals/new', 'NewGoalPage'),
  page('goals/whys/:id', 'LadderPage', { data: pageData.why, perRecord: true }),
  page('goals/:id', 'GoalPage', { data: pageData.goal, perRecord: true }),
  page('team', 'TeamPage', { data: pageData.team }),
  page('settings/*', 'SettingsPage'),
  page('search', 'SearchPage'),
  page('notifications', 'NotificationsPage', { data: pageData.notifications }),
  page('check-ins', 'CheckInsPage', { data: pageData.checkIns }),
  page('check-ins/:id', 'CheckInPage', { data: pageData.checkIn, perRecord: true }),
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
