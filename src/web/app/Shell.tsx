import { Fragment, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Icon } from '../ui/Icon';
import { PageLoading } from '../ui/States';
import { SearchBox } from './SearchBox';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';
import { DemoBanner } from './DemoBanner';
import { NotificationBell } from './NotificationBell';
import { ReviewModeBanner } from './ReviewModeBanner';
import { useReviewMode } from './reviewMode';
import { useMe } from './session';

/** The signed-in frame: top bar, side navigation (a drawer on phones), and the page. */
export function Shell() {
  const me = useMe();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const closeNav = useCallback(() => setNavOpen(false), []);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // Review mode changes what every page shows: the page is drawn afresh when it is switched.
  const review = useReviewMode();

  // On a new page: close the drawer, scroll up, and move focus to the page heading so screen
  // readers announce where the person arrived (not on the first load, which starts at the top).
  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    // The page's code may still be loading: look for its heading for up to a second.
    let tries = 0;
    const t = setInterval(() => {
      const heading = mainRef.current?.querySelector<HTMLElement>('h1');
      if (heading || ++tries > 20) clearInterval(t);
      if (heading && !document.activeElement?.closest('[role="search"]')) heading.focus({ preventScroll: true });
    }, 50);
    return () => clearInterval(t);
  }, [location.pathname]);

  return (
    <div className={navOpen ? 'shell nav-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-btn nav-toggle"
          aria-expanded={navOpen}
          aria-controls="sidenav"
          onClick={() => setNavOpen((o) => !o)}
        >
          <Icon name={navOpen ? 'x' : 'menu'} size={20} />
          <span className="sr-only">Navigation</span>
        </button>
        <Link to="/today" className="brand" title="Advance — go to Today">
          <span className="brand-mark" aria-hidden="true">A</span>
          <span className="brand-name">Advance</span>
        </Link>
        <span className="topbar-workspace" title={me.workspace.name}>
          {me.workspace.name}
        </span>
        <SearchBox />
        <NotificationBell />
        <UserMenu />
      </header>
      {me.workspace.isDemo ? <DemoBanner /> : null}
      {review ? <ReviewModeBanner /> : null}
      <div className="shell-body">
        <SideNav onClose={closeNav} open={navOpen} />
        <button type="button" className="nav-scrim" tabIndex={-1} aria-hidden="true" onClick={closeNav} />
        <main id="main" ref={mainRef} tabIndex={-1}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Fragment key={review ? 'review' : 'full'}>
                <Outlet />
              </Fragment>
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
