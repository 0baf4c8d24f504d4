import type { ReactNode } from 'react';

/** The frame of every signed-out page: brand, one centred column, a quiet footer. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="auth">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="auth-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">A</span>
          <span className="brand-name">Advance</span>
        </span>
      </header>
      <main id="main" tabIndex={-1} className={wide ? 'auth-main auth-main-wide' : 'auth-main'}>
        {children}
      </main>
      <footer className="auth-footer">Advance is open source · Mutual plans, call outcomes and goals for B2B sales teams</footer>
    </div>
  );
}
