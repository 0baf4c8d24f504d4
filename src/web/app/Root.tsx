import { useQuery } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { matchPath, Route, Routes } from 'react-router';
import type { SetupStatus } from '../../shared/auth';
import { ErrorState, Spinner } from '../ui/States';
import { prefetchRoute, SignedInApp } from './SignedInApp';
import { lazyPage } from './lazy';
import { pageData } from './pageData';
import { queryClient } from './queryClient';
import { bootSetupAnswer } from './boot';
import { MeContext, sessionQuery, setupQuery, useSetup } from './session';

const SignInPage = lazyPage(() => import('../features/auth/SignInPage'), 'SignInPage');
const FirstRunPage = lazyPage(() => import('../features/auth/FirstRunPage'), 'FirstRunPage');
const SignUpPage = lazyPage(() => import('../features/auth/SignUpPage'), 'SignUpPage');
const InvitePage = lazyPage(() => import('../features/auth/InvitePage'), 'InvitePage');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const ConfirmSignUpPage = lazyPage(() => import('../features/auth/ConfirmSignUpPage'), 'ConfirmSignUpPage');
const UnsubscribePage = lazyPage(() => import('../features/auth/UnsubscribePage'), 'UnsubscribePage');

/** Signed-out pages that emails link to (their tokens are in the path), besides the invite. */
const EMAIL_PAGES = [
  { path: '/forgot-password', page: ForgotPasswordPage },
  { path: '/reset-password/:token', page: ResetPasswordPage },
  { path: '/confirm/:token', page: ConfirmSignUpPage },
  { path: '/unsubscribe/:token', page: UnsubscribePage },
];

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
  return setup.data.hasWorkspaces ? <SignInPage /> : <FirstRunPage />;
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
        {EMAIL_PAGES.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Landing />} />
      </Routes>
    </Suspense>
  );
}

/** The signed-out page at `pathname`, whose code loads on demand (with the form schemas: none of them is in the app's shell). */
function publicPage(pathname: string, setup: SetupStatus | undefined) {
  if (matchPath('/invite/:token', pathname)) return InvitePage;
  if (matchPath('/signup', pathname)) return SignUpPage;
  for (const { path, page } of EMAIL_PAGES) if (matchPath(path, pathname)) return page;
  if (!setup) return null;
  return setup.hasWorkspaces ? SignInPage : FirstRunPage;
}

/** Longest the first render waits for the session and the first page's code (and, signed in, its data) before showing a spinner. */
const FIRST_SCREEN_WAIT_MS = 1_500;

/**
 * Runs once before the first render. The session check started with the page (boot.ts) and has
 * usually answered by the time the app's code has run; the first page's code (and, signed in, its
 * data) then starts at once, and the app renders when the code is in: the page appears in one go
 * instead of "Starting Advance…", then a spinner in the shell, then the page (signed in, the render
 * also waits for the page's data, so nothing moves when it arrives). On a slow connection
 * the spinners show after FIRST_SCREEN_WAIT_MS, and the loads go on.
 */
export async function prepareFirstScreen(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([firstScreenReady(), new Promise((resolve) => (timer = setTimeout(resolve, FIRST_SCREEN_WAIT_MS)))]);
  clearTimeout(timer);
}

async function firstScreenReady(): Promise<void> {
  const { pathname, search } = window.location;
  const session = queryClient.fetchQuery(sessionQuery);
  // Signed in (by /setup's answer): the page's code, and its data that does not depend on who is
  // signed in, start now rather than after /session has answered too (one round trip earlier).
  const early = await Promise.race([bootSetupAnswer()?.then((setup) => setup.signedIn), session.then(() => false, () => false)]);
  if (early) void prefetchRoute(pathname + search, { beforeSession: true });
  let signedIn: boolean;
  try {
    signedIn = (await session) !== null;
  } catch {
    return; // Root shows what went wrong, with a retry.
  }
  const code = signedIn ? prefetchRoute(pathname + search) : publicPage(pathname, queryClient.getQueryData(setupQuery.queryKey))?.preload();
  // After the page's own requests: a browser opens only a few connections at a time.
  if (signedIn) pageData.shell();
  // The page's data too: its code often arrives first (the entry script started it), and a page
  // drawn with placeholders would then move as its data came in.
  await Promise.all([code?.catch(() => undefined), signedIn && dataArrived()]);
}

/** Resolves once no query is being fetched: what the first page asked for has arrived (or failed). */
function dataArrived(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (queryClient.isFetching() > 0) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = queryClient.getQueryCache().subscribe(check);
    check();
  });
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
