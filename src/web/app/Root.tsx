import { useQuery } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { ErrorState, Spinner } from '../ui/States';
import { SignedInApp } from './SignedInApp';
import { lazyPage } from './lazy';
import { MeContext, sessionQuery, useSetup } from './session';

const FirstRunPage = lazyPage(() => import('../features/auth/FirstRunPage'), 'FirstRunPage');
const SignUpPage = lazyPage(() => import('../features/auth/SignUpPage'), 'SignUpPage');
const InvitePage = lazyPage(() => import('../features/auth/InvitePage'), 'InvitePage');

function FullPage({ children }: { children: ReactNode }) {
  return <div className="fullpage-center">{children}</div>;
}

/** Signed out: the first-run page on an empty install, otherwise sign-in (at any address, so deep links survive sign-in). */
function Landing() {
  const setup = useSetup();
  if (setup.isPending) {
    return (
      <FullPage>
        <Spinner />
      </FullPage>
    );
  }
  if (setup.isError) {
    return (
      <FullPage>
        <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />
      </FullPage>
    );
  }
  return setup.data.hasWorkspaces ? <SignInPage demoEnabled={setup.data.demoEnabled} /> : <FirstRunPage />;
}

function PublicApp() {
  return (
    <Suspense
      fallback={
        <FullPage>
          <Spinner />
        </FullPage>
      }
    >
      <Routes>
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="*" element={<Landing />} />
      </Routes>
    </Suspense>
  );
}

/** Chooses between the signed-out pages and the app, from the session (see sessionQuery). */
export function Root() {
  const session = useQuery(sessionQuery);
  if (session.isPending) {
    return (
      <FullPage>
        <Spinner label="Starting Advance…" />
      </FullPage>
    );
  }
  if (session.isError) {
    return (
      <FullPage>
        <ErrorState title="Advance could not start" error={session.error} onRetry={() => void session.refetch()} />
      </FullPage>
    );
  }
  if (!session.data) return <PublicApp />;
  return (
    <MeContext value={session.data}>
      <SignedInApp />
    </MeContext>
  );
}
