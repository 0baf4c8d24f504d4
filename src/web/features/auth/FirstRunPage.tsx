import { Link } from 'react-router';
import { useSetup } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { buttonClass } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { AuthLayout } from './AuthLayout';
import { DemoButton } from './DemoButton';

/** What a brand-new install shows: start your own workspace, or look around a realistic one. */
export function FirstRunPage() {
  useTitle('Welcome');
  const setup = useSetup();
  return (
    <AuthLayout wide>
      <div className="first-run">
        <h1 tabIndex={-1}>Welcome to Advance</h1>
        <p className="auth-lead">
          Agree outcomes with your customers, plan every call for an advance, and coach the process — not the luck.
        </p>
        <div className="choice-grid">
          <section className="choice-card" aria-labelledby="choice-create">
            <span className="choice-icon">
              <Icon name="accounts" size={22} />
            </span>
            <h2 id="choice-create">Start your team’s workspace</h2>
            <p>Set it up for your company in a minute. You will be the admin and can invite your colleagues.</p>
            <Link to="/signup" className={buttonClass('primary', 'md', 'btn-block')}>
              Create your workspace
            </Link>
          </section>
          {setup.data?.demoEnabled ? (
            <section className="choice-card" aria-labelledby="choice-demo">
              <span className="choice-icon choice-icon-demo">
                <Icon name="sparkles" size={22} />
              </span>
              <h2 id="choice-demo">Look around first</h2>
              <p>A sample sales team with accounts, contacts, opportunities and a year of history. You join as its manager.</p>
              <DemoButton />
            </section>
          ) : null}
        </div>
      </div>
    </AuthLayout>
  );
}
