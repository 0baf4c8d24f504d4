import { Fragment, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { Spinner } from '../ui/States';
import { lazyPage } from './lazy';
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
const ObjectivePage = lazyPage(() => import('../features/objectives/ObjectivePage'), 'ObjectivePage');
const PlansPage = lazyPage(() => import('../features/plans/PlansPage'), 'PlansPage');
const PlanPage = lazyPage(() => import('../features/plans/PlanPage'), 'PlanPage');
const GoalsPage = lazyPage(() => import('../features/coming/ComingSoonPages'), 'GoalsPage');
const TeamPage = lazyPage(() => import('../features/team/TeamPage'), 'TeamPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const SearchPage = lazyPage(() => import('../features/search/SearchPage'), 'SearchPage');
const SignedInInvitePage = lazyPage(() => import('../features/auth/SignedInInvitePage'), 'SignedInInvitePage');
const NotificationsPage = lazyPage(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const NotFoundPage = lazyPage(() => import('../features/coming/NotFoundPage'), 'NotFoundPage');

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
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <Routes>
        <Route path="/invite/:token" element={<SignedInInvitePage />} />
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/today" replace />} />
          <Route path="signup" element={<Navigate to="/today" replace />} />
          <Route path="today" element={<TodayPage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="accounts/new" element={<NewAccountPage />} />
          <Route path="accounts/:id" element={<PerRecord><AccountPage /></PerRecord>} />
          <Route path="contacts/new" element={<NewContactPage />} />
          <Route path="contacts/:id" element={<PerRecord><ContactPage /></PerRecord>} />
          <Route path="opportunities" element={<OpportunitiesPage />} />
          <Route path="opportunities/new" element={<NewOpportunityPage />} />
          <Route path="opportunities/:id" element={<PerRecord><OpportunityPage /></PerRecord>} />
          <Route path="objectives/:id" element={<PerRecord><ObjectivePage /></PerRecord>} />
          <Route path="plans" element={<PlansPage />} />
          <Route path="plans/:id" element={<PerRecord><PlanPage /></PerRecord>} />
          <Route path="goals" element={<GoalsPage />} />
          <Route path="team" element={<TeamPage />} />
          <Route path="settings/*" element={<SettingsPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
