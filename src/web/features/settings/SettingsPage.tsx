import { Suspense } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { lazyPage } from '../../app/lazy';
import { LoadingCard } from '../../ui/States';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QualificationSettings } from '../qualification/QualificationSettings';
import { PasswordCard } from './PasswordCard';
import { ProfileSettings } from './ProfileSettings';
import { SessionsCard } from './SessionsCard';
import { StagesSettings } from './StagesSettings';
import { WorkspaceExportCard } from './WorkspaceExportCard';
import { WorkspaceSettings } from './WorkspaceSettings';
import { FocusThresholdsCard } from '../focus/FocusThresholdsCard';
import { FiscalYearSettings } from '../targets/FiscalYearSettings';
import { MailPreferencesCard } from '../mail/MailPreferencesCard';
import { OutboxSettings } from '../mail/OutboxSettings';
import { CalendarFeedCard } from '../calendar/CalendarFeedCard';

// Tokens are for the few who script: their card's code loads only when it is shown.
const ApiTokensCard = lazyPage(() => import('../api-tokens/ApiTokensCard'), 'ApiTokensCard');

// Admins only, and rarely: its code loads when the tab opens.
const WebhooksSettings = lazyPage(() => import('../webhooks/WebhooksSettings'), 'WebhooksSettings');
// The import pages load when an admin opens them: most visits to Settings never do.
const ImportsPage = lazyPage(() => import('../imports/ImportsPage'), 'ImportsPage');
const ImportPage = lazyPage(() => import('../imports/ImportPage'), 'ImportPage');

export function SettingsPage() {
  useTitle('Settings');
  const me = useMe();
  return (
    <div className="page page-narrow">
      <PageHeader title="Settings" meta={<span>{me.capabilities.editWorkspace ? 'Your profile, and how this workspace works.' : 'Your profile, and how this workspace is set up.'}</span>} />
      <nav className="tabs" aria-label="Settings sections">
        <NavLink to="/settings/profile" className="tab">
          My profile
        </NavLink>
        <NavLink to="/settings/workspace" className="tab">
          Workspace
        </NavLink>
        <NavLink to="/settings/stages" className="tab">
          Stages & qualification
        </NavLink>
        {me.user.role === 'admin' ? (
          <NavLink to="/settings/email" className="tab">
            Email
          </NavLink>
        ) : null}
        {me.user.role === 'admin' ? (
          <NavLink to="/settings/webhooks" className="tab" onMouseEnter={() => void WebhooksSettings.preload()} onFocus={() => void WebhooksSettings.preload()}>
            Webhooks
          </NavLink>
        ) : null}
        {me.user.role === 'admin' ? (
          <NavLink to="/settings/import" className="tab" onMouseEnter={() => void ImportsPage.preload()} onFocus={() => void ImportsPage.preload()}>
            Import
          </NavLink>
        ) : null}
      </nav>
      <Routes>
        <Route index element={<Navigate to="profile" replace />} />
        <Route
          path="profile"
          element={
            <>
              <ProfileSettings />
              <MailPreferencesCard />
              <PasswordCard />
              <SessionsCard />
              <Suspense fallback={<LoadingCard title="API tokens" />}>
                <ApiTokensCard />
              </Suspense>
              <CalendarFeedCard />
            </>
          }
        />
        <Route path="workspace" element={<><WorkspaceSettings /><FiscalYearSettings /><FocusThresholdsCard />{me.user.role === 'admin' ? <WorkspaceExportCard /> : null}</>} />
        <Route path="stages" element={<><StagesSettings /><QualificationSettings /></>} />
        {me.user.role === 'admin' ? <Route path="email" element={<OutboxSettings />} /> : null}
        {me.user.role === 'admin' ? (
          <Route
            path="webhooks"
            element={
              <Suspense fallback={<LoadingCard title="Webhooks" />}>
                <WebhooksSettings />
              </Suspense>
            }
          />
        ) : null}
        {me.user.role === 'admin' ? (
          <Route
            path="import"
            element={
              <Suspense fallback={<LoadingCard title="Import" />}>
                <ImportsPage />
              </Suspense>
            }
          />
        ) : null}
        {me.user.role === 'admin' ? (
          <Route
            path="import/:id"
            element={
              <Suspense fallback={<LoadingCard title="Import" />}>
                <ImportPage />
              </Suspense>
            }
          />
        ) : null}
        <Route path="*" element={<Navigate to="profile" replace />} />
      </Routes>
    </div>
  );
}
